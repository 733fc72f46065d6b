/**
 * The privacy officer's review (art. 9.2): approve or reject a file 'In review' of their own party, with a note.
 * Order matters: the Toetslog record first (AVG art. 5(2): no sharing without its record), then the status change
 * (the document store moves an approved file out of the party's review folder, a restricted one into 'Vertrouwelijk'),
 * then the outcome on the uploader's own record so they read the note.
 *
 * A rejected file is NOT deleted: it stays in the party's review folder with status 'Afgewezen', invisible to the other
 * party, so the uploader sees why and the party keeps what it received (Archiefwet: a government body does not destroy
 * records on its own); the uploader or the party removes or corrects it. The Toetslog record says so.
 */
import type { AgreementConfig } from '../domain/agreement/schema';
import { ruleVersionOf } from '../domain/doelbinding';
import type { DocumentStore, ExchangeDocument, PersonRef } from '../ports/documents';
import type { AuditLog, AuditRecord, ReviewOutcome } from '../ports/registers';
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
  documents: Pick<DocumentStore, 'updateMetadata'>;
  audit: Pick<AuditLog, 'append' | 'get' | 'recordReview'>;
  reviewer: Person & PersonRef;
  now?: () => Date;
}

/** What a review did. */
export interface ReviewResult {
  document: ExchangeDocument;
  record: AuditRecord;
  /** False when the uploader's record could not be annotated (the outcome still shows as the file's status). */
  uploaderInformed: boolean;
}

/** The ToetsId of the privacy officer's record of a review: derived, so a retried review never logs twice. */
export function reviewToetsId(doc: Pick<ExchangeDocument, 'id' | 'toetsId'>): string {
  return `${doc.toetsId ?? `item-${doc.id}`}-review`;
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
  const other = deps.config.parties.filter((p) => p.key !== doc.party).map((p) => p.shortName).join(', ');
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
    toetsId: reviewToetsId(doc),
    at: now.toISOString(),
    user: by,
    party: doc.party ?? null,
    fileName: doc.name,
    ...(doc.activity ? { activity: doc.activity } : {}),
    decision,
    ruleVersion: original?.ruleVersion ?? ruleVersionOf(deps.config),
    // The answers stay on the uploader's record; this one points at it.
    answers: { reviewOf: doc.toetsId ?? '' },
    findings: (original?.findings ?? []).map((f) => ({ kind: f.kind, count: f.count })),
    reasons,
    ...(note.trim() ? { reviewNote: note.trim() } : {}),
  };
  await deps.audit.append(record);
  const document = await deps.documents.updateMetadata(doc.id, { toetsstatus: STATUS_AFTER_REVIEW[kind] }, doc.etag);
  const outcome: ReviewOutcome = { decision, note: note.trim(), by, at: record.at, toetsId: record.toetsId };
  let uploaderInformed = false;
  if (doc.toetsId && original) {
    // Best effort: the file's status already tells the outcome; the note is the extra the uploader reads.
    uploaderInformed = await deps.audit.recordReview(doc.toetsId, outcome).then(
      () => true,
      () => false,
    );
  }
  return { document, record, uploaderInformed };
}
