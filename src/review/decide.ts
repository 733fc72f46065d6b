/**
 * The privacy officer's review (art. 9.2): approve or reject a file 'In review' of their own party, with a note.
 * Order matters: the privacy officer's own record first, in the party's review list (AVG art. 5(2): no sharing without
 * its record; only that party's privacy officers can add there, so the list's permissions prove who decided; a new
 * record, never an edit of the uploader's, which the Toetslog does not allow), then the status and the note on the file
 * (the document store moves an approved file out of the party's review folder, a restricted one into 'Vertrouwelijk',
 * and publishes it last).
 *
 * A rejected file is NOT deleted: it stays in the party's review folder with status 'Afgewezen' and the note, and is
 * published there, which only its own party reads (no other party has a grant on the review folder): the uploader sees
 * why, the other party never sees the file, and the party keeps what it received (Archiefwet: a government body does
 * not destroy records on its own). Only the privacy officer or an owner removes it; the Toetslog record says so.
 */
import { effectiveRecipients, recipientNames } from '../domain/agreement/recipients';
import type { AgreementConfig } from '../domain/agreement/schema';
import { ruleVersionOf } from '../domain/doelbinding';
import type { DocumentStore, ExchangeDocument, PersonRef } from '../ports/documents';
import type { AuditLog, AuditRecord } from '../ports/registers';
import { placeDocument, type PlaceExistingOps } from '../upload/place';
import { REVIEW_DECISION, STATUS_AFTER_REVIEW } from '../upload/status';
import { reviewerParties, type Person } from './access';

/** Longest note kept (the Toetslog details column holds it with the rest of the record). */
export const MAX_NOTE_CHARS = 2000;

/** A review the rules do not allow; the message names the field or the article. */
export class ReviewError extends Error {
  /** What is wrong: the note, the reviewer, or the file's state. */
  public readonly field: 'note' | 'reviewer' | 'status';
  public constructor(field: ReviewError['field'], message: string) {
    super(message);
    this.name = 'ReviewError';
    this.field = field;
  }
}

/** The ports and facts a review needs. */
export interface ReviewDeps {
  config: AgreementConfig;
  documents: Pick<DocumentStore, PlaceExistingOps | 'publishFile'>;
  audit: Pick<AuditLog, 'appendReview' | 'get'>;
  reviewer: Person & PersonRef;
  now?: () => Date;
}

/** What a review did. */
export interface ReviewResult {
  document: ExchangeDocument;
  record: AuditRecord;
  /** False when a rejected file could not be shown to its party (its status still tells the outcome). */
  uploaderInformed: boolean;
}

/**
 * The ToetsId of a privacy officer's record of a review: derived from the uploader's record and the officer, so a
 * retried review never logs twice, and a record someone else made under that id first is refused, not taken over.
 */
export function reviewToetsId(doc: Pick<ExchangeDocument, 'id' | 'toetsId'>, reviewerId: number): string {
  return `${doc.toetsId ?? `item-${doc.id}`}-review-${reviewerId}`;
}

/** Checks the note and the reviewer's right to decide on this file (art. 9.2); throws a ReviewError. */
export function checkReview(
  config: AgreementConfig,
  reviewer: Person,
  doc: Pick<ExchangeDocument, 'name' | 'party' | 'toetsstatus'>,
  kind: 'approved' | 'rejected',
  note: string,
): void {
  const trimmed = note.trim();
  // art. 9.2: a rejection must say why, the uploader reads it; an approval may carry a note.
  if (kind === 'rejected' && trimmed.length === 0) {
    throw new ReviewError('note', 'Notitie: schrijf waarom u afwijst; de indiener leest dit (art. 9.2).');
  }
  if (trimmed.length > MAX_NOTE_CHARS) {
    throw new ReviewError('note', `Notitie: hoogstens ${MAX_NOTE_CHARS} tekens (nu ${trimmed.length}).`);
  }
  if (doc.toetsstatus !== 'In review') {
    throw new ReviewError('status', `'${doc.name}' staat niet (meer) in review maar op '${doc.toetsstatus}'; laad opnieuw.`);
  }
  if (!doc.party || !reviewerParties(config, reviewer).includes(doc.party)) {
    throw new ReviewError(
      'reviewer',
      `Alleen de privacy officer van de delende partij (${doc.party ?? 'onbekend'}) beoordeelt '${doc.name}' (art. 9.2).`,
    );
  }
}

/** Approves or rejects one file in review (art. 9.2). */
export async function reviewDocument(
  deps: ReviewDeps,
  doc: ExchangeDocument,
  kind: 'approved' | 'rejected',
  note: string,
): Promise<ReviewResult> {
  checkReview(deps.config, deps.reviewer, doc, kind, note);
  const now = (deps.now ?? (() => new Date()))();
  const original = doc.toetsId ? await deps.audit.get(doc.toetsId) : null;
  const decision = REVIEW_DECISION[kind];
  // The uploader's record holds the recipients the check judged (staff cannot change it, AVG art. 5(2)); the file goes
  // to their folder, never wider (art. 8, 9.5). A record from before recipients were chosen: every other party.
  const recipients = effectiveRecipients(deps.config, doc.party ?? '', original?.recipients ?? doc.recipients);
  const other = recipientNames(deps.config, recipients);
  const reasons: AuditRecord['reasons'] =
    kind === 'approved'
      ? [{ article: 'art. 9.2', text: `Goedgekeurd door de privacy officer; zichtbaar voor ${other}.` }]
      : [
          {
            article: 'art. 9.2',
            text: `Afgewezen door de privacy officer; blijft in de reviewmap van de delende partij met status 'Afgewezen', niet zichtbaar voor ${other}.`,
          },
        ];
  const by: PersonRef = {
    id: deps.reviewer.id,
    displayName: deps.reviewer.displayName,
    ...(deps.reviewer.email ? { email: deps.reviewer.email } : {}),
  };
  const record: AuditRecord = {
    toetsId: reviewToetsId(doc, deps.reviewer.id),
    at: now.toISOString(),
    user: by,
    party: doc.party ?? null,
    fileName: doc.name,
    ...(doc.activity ? { activity: doc.activity } : {}),
    decision,
    ruleVersion: original?.ruleVersion ?? ruleVersionOf(deps.config),
    // The answers stay on the uploader's record; this one points at it.
    answers: { reviewOf: doc.toetsId ?? '' },
    ...(doc.toetsId ? { reviewOf: doc.toetsId } : {}),
    ...(original?.contentHash ? { contentHash: original.contentHash } : {}),
    recipients,
    findings: (original?.findings ?? []).map((f) => ({ kind: f.kind, count: f.count })),
    reasons,
    ...(note.trim() ? { reviewNote: note.trim() } : {}),
  };
  await deps.audit.appendReview(record);
  const document = await placeDocument(
    deps,
    doc,
    { toetsstatus: STATUS_AFTER_REVIEW[kind], reviewNote: note.trim(), ...(doc.party ? { recipients } : {}) },
    doc.etag,
  );
  let uploaderInformed = true;
  if (kind === 'rejected') {
    // The party (the uploader among them) reads the outcome and the note; the other party has no grant here.
    uploaderInformed = await deps.documents.publishFile(document.serverRelativeUrl, `Afgewezen door de privacy officer (art. 9.2)`).then(
      () => true,
      () => false,
    );
  }
  return { document, record, uploaderInformed };
}
