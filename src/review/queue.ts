/** The privacy officer's review queue (art. 9.2) and the uploader's outcomes. Ports only. */
import type { AgreementConfig } from '../domain/agreement/schema';
import type { DocumentStore, ExchangeDocument } from '../ports/documents';
import type { AuditLog, AuditRecord } from '../ports/registers';
import { reviewerParties, type Person } from './access';

/** One file awaiting review with the uploader's Toetslog record (answers, finding kinds and counts). */
export interface QueueEntry {
  document: ExchangeDocument;
  /** Null when the record is missing or unreadable (the queue says so instead of hiding the file). */
  record: AuditRecord | null;
}

/**
 * Files 'In review' of the reviewer's own parties, oldest first (first come, first served), each with its record.
 * The "In review" view filters on the indexed Toetsstatus column; SharePoint trims to the review folders the
 * reviewer may read, and the party filter keeps out another party's files a person in two groups might see.
 */
export async function loadQueue(
  deps: { config: AgreementConfig; documents: Pick<DocumentStore, 'list'>; audit: Pick<AuditLog, 'get'> },
  reviewer: Person,
  pageSize = 50,
): Promise<QueueEntry[]> {
  const parties = reviewerParties(deps.config, reviewer);
  const pages = await Promise.all(
    parties.map((party) =>
      deps.documents.list({ view: 'in-review', party, pageSize, orderBy: { field: 'modified', ascending: true } }),
    ),
  );
  const documents = pages.flatMap((p) => p.items).filter((d) => d.toetsstatus === 'In review');
  return Promise.all(
    documents.map(async (document) => ({
      document,
      record: document.toetsId ? await deps.audit.get(document.toetsId).catch(() => null) : null,
    })),
  );
}

/**
 * One of the uploader's own files with the outcome of its check and, after a review, the privacy officer's note. A file
 * waiting for the privacy officer has no document: the uploader handed it in and may no longer read it (art. 9.2);
 * their own Toetslog record says what they handed in and when.
 */
export interface OutcomeEntry {
  document?: ExchangeDocument;
  record: AuditRecord | null;
}

/**
 * The signed-in person's own shared files ("Mijn gedeelde stukken", newest first) joined with their own Toetslog
 * records (the log shows staff only their own), so they read the status and the privacy officer's note; plus their
 * records of files handed in for review that they can no longer read.
 */
export async function loadOutcomes(deps: {
  documents: Pick<DocumentStore, 'list'>;
  audit: Pick<AuditLog, 'list' | 'get'>;
  /** The signed-in user's site id: a privacy officer's log holds everyone's records, only their own count here. */
  userId?: number;
}): Promise<OutcomeEntry[]> {
  const [docs, records] = await Promise.all([
    deps.documents.list({ view: 'mijn-gedeelde-stukken', pageSize: 30, orderBy: { field: 'modified', ascending: false } }),
    deps.audit.list(undefined, 200),
  ]);
  const byId = new Map(records.items.map((r) => [r.toetsId, r]));
  // A privacy officer's log page holds everyone's records, so their own may be older than it: look those up one by one.
  const withDocuments: OutcomeEntry[] = await Promise.all(
    docs.items.map(async (document) => ({
      document,
      record: document.toetsId
        ? (byId.get(document.toetsId) ?? (await deps.audit.get(document.toetsId).catch(() => null)))
        : null,
    })),
  );
  const shown = new Set(docs.items.map((d) => d.toetsId).filter((x): x is string => !!x));
  const me = deps.userId;
  const waiting = records.items
    .filter((r) => r.decision === 'review' && !shown.has(r.toetsId) && (me === undefined || r.user.id === me))
    .map((record): OutcomeEntry => ({ record }));
  return [...waiting, ...withDocuments];
}
