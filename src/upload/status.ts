/**
 * Every status of the upload path in one place: what a doelbinding outcome becomes in the library (toetsstatus) and in
 * the Toetslog (audit decision), and the states a file passes through in the dialog. The review queue (approve/reject)
 * and the "Te classificeren" catch read and write the same values.
 */
import type { Outcome } from '../domain/doelbinding';
import type { Toetsstatus } from '../ports/documents';
import type { AuditRecord } from '../ports/registers';

/** The toetsstatus a decided file is stored with; refused files are never stored (null). */
export const STATUS_FOR_OUTCOME: Record<Outcome, Toetsstatus | null> = {
  allowed: 'Toegestaan',
  // art. 9.2: stored, but only the sharing party and its privacy officers read it until approved.
  review: 'In review',
  refused: null,
};

/** The Toetslog decision of an outcome. */
export const AUDIT_DECISION: Record<Outcome, AuditRecord['decision']> = {
  allowed: 'toegestaan',
  review: 'review',
  refused: 'geweigerd',
};

/** Toetslog decisions of the privacy officer's review (art. 9.2), for the review queue. */
export const REVIEW_DECISION = { approved: 'goedgekeurd', rejected: 'afgewezen' } as const;

/** The toetsstatus after the privacy officer's review (art. 9.2): approved is shared, rejected stays with the party. */
export const STATUS_AFTER_REVIEW: Record<keyof typeof REVIEW_DECISION, Toetsstatus> = {
  approved: 'Toegestaan',
  rejected: 'Afgewezen',
};

/** Statuses that flag an item as not (fully) classified; the "Te classificeren" view shows exactly these. */
export const NEEDS_CLASSIFICATION: ReadonlyArray<Toetsstatus> = ['Te classificeren', 'Onvolledig'];

/**
 * Where one file is in the dialog:
 * - `invalid`: bad input (empty, too large, forbidden name, duplicate); never sent, never decided
 * - `scanning` / `ready`: content being scanned in the browser / scanned, waiting for the decision
 * - `refused`: decided not to share; nothing uploaded (the Toetslog has the decision)
 * - `uploading`: decided allowed or review; bytes on their way
 * - `done`: uploaded with metadata and permissions
 * - `incomplete`: the file landed but metadata or permissions did not; flagged 'Onvolledig'/'Te classificeren'
 * - `failed`: nothing landed (upload or Toetslog failed); can be retried
 */
export type FileState = 'invalid' | 'scanning' | 'ready' | 'refused' | 'uploading' | 'done' | 'incomplete' | 'failed';
