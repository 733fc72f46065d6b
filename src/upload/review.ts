/**
 * The privacy officer's review of an escalated upload (art. 9.2): approve (the file becomes visible to the other party)
 * or reject with a note (it stays with the sharing party). Toetslog first, then the status change, which moves the file
 * to the folder its new status allows; a retried review writes the same record once (its ToetsId is derived).
 */
import type { AgreementConfig } from '../domain/agreement/schema';
import type { DocumentStore, ExchangeDocument } from '../ports/documents';
import type { AuditLog } from '../ports/registers';
import type { SiteUser } from '../ports/site';
import { REVIEW_DECISION, STATUS_AFTER_REVIEW } from './status';

/** approve or reject. */
export type Verdict = keyof typeof REVIEW_DECISION;

/** Ports and facts of a review. */
export interface ReviewDeps {
  config: AgreementConfig;
  documents: Pick<DocumentStore, 'updateMetadata'>;
  audit: Pick<AuditLog, 'append' | 'get'>;
  user: Pick<SiteUser, 'id' | 'displayName' | 'email' | 'party' | 'groupKeys'>;
  now?: () => Date;
}

/** Why a review was not accepted (shown as is). */
export class ReviewRefusedError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'ReviewRefusedError';
  }
}

/** art. 9.2: the privacy officer of the sharing party reviews (member of that party's privacy-officer group). */
export function mayReview(config: AgreementConfig, user: Pick<SiteUser, 'groupKeys'>, doc: ExchangeDocument): boolean {
  const party = config.parties.find((p) => p.key === doc.party);
  return party !== undefined && user.groupKeys.includes(party.privacyOfficer.group);
}

/** The ToetsId of the review record of a decision (derived, so a retry never logs twice). */
export function reviewToetsId(doc: ExchangeDocument, verdict: Verdict): string {
  return `${doc.toetsId ?? `item-${doc.id}`}:${REVIEW_DECISION[verdict]}`;
}

/** Records the verdict with its note and changes the status; returns the document as stored afterwards. */
export async function reviewDocument(
  deps: ReviewDeps,
  doc: ExchangeDocument,
  verdict: Verdict,
  note: string,
): Promise<ExchangeDocument> {
  const party = deps.config.parties.find((p) => p.key === doc.party);
  if (doc.toetsstatus !== 'In review')
    throw new ReviewRefusedError(`'${doc.name}' wacht niet (meer) op review; status: ${doc.toetsstatus}.`);
  if (!mayReview(deps.config, deps.user, doc))
    throw new ReviewRefusedError(
      `Alleen de privacy officer van ${party?.shortName ?? doc.party ?? 'de delende partij'} beoordeelt '${doc.name}' (art. 9.2).`,
    );
  if (verdict === 'rejected' && note.trim() === '')
    throw new ReviewRefusedError('Licht de afwijzing toe (notitie), zodat de indiener weet wat te veranderen (art. 9.2).');
  const original = doc.toetsId ? await deps.audit.get(doc.toetsId) : null;
  await deps.audit.append({
    toetsId: reviewToetsId(doc, verdict),
    at: (deps.now ?? (() => new Date()))().toISOString(),
    user: { id: deps.user.id, displayName: deps.user.displayName, email: deps.user.email },
    party: deps.user.party,
    fileName: doc.name,
    ...(doc.activity ? { activity: doc.activity } : {}),
    decision: REVIEW_DECISION[verdict],
    ruleVersion: original?.ruleVersion ?? '',
    answers: { reviewOf: doc.toetsId ?? null },
    findings: original?.findings ?? [],
    reasons: [
      {
        article: 'art. 9.2',
        text:
          verdict === 'approved'
            ? 'goedgekeurd door de privacy officer van de delende partij'
            : 'afgewezen door de privacy officer van de delende partij',
      },
    ],
    reviewNote: note.trim(),
  });
  return deps.documents.updateMetadata(doc.id, { toetsstatus: STATUS_AFTER_REVIEW[verdict] }, doc.etag);
}
