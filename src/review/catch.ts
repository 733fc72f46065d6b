/**
 * Files uploaded around the dialog (native SharePoint upload, drag into the library) carry the column default
 * 'Te classificeren' (or 'Onvolledig' after a half upload) and show in the "Te classificeren" view. This
 * counts them for the dashboard's warning and classifies one existing file with the same check as the dialog.
 */
import type { AgreementConfig } from '../domain/agreement/schema';
import type { Decision } from '../domain/doelbinding';
import type { ScanResult } from '../domain/scan';
import type { DocumentMetadata, DocumentStore, ExchangeDocument } from '../ports/documents';
import type { AuditLog } from '../ports/registers';
import type { SiteUser } from '../ports/site';
import {
  auditRecordFor,
  decideFile,
  metadataFor,
  placeDocument,
  randomToetsId,
  recipientsOf,
  type PlaceExistingOps,
  type ShareForm,
} from '../upload';
import { owningParty } from './owner';
import { UNCLASSIFIED_PAGE_SIZE, UNCLASSIFIED_QUERY } from './unclassifiedQuery';

export { owningParty, partyOfEmail, partyOfFolder } from './owner';

/** How many unclassified files the person can see; `more` when the first page did not hold them all. */
export interface UnclassifiedCount {
  count: number;
  more: boolean;
  items: ExchangeDocument[];
}

/** The first page of the "Te classificeren" view (indexed Toetsstatus filter), for the banner. */
export async function countUnclassified(
  documents: Pick<DocumentStore, 'list'>,
  pageSize = UNCLASSIFIED_PAGE_SIZE,
): Promise<UnclassifiedCount> {
  const page = await documents.list({ ...UNCLASSIFIED_QUERY, pageSize });
  return { count: page.items.length, more: page.nextPageToken !== undefined, items: page.items };
}

/**
 * True when this person may classify the file: a member of the party that put it there (art. 9.2: the sharing party
 * answers for what it shares; the other party must not decide it for them). A file whose owner is unknown may be
 * classified by any party member, so it does not stay readable to all for want of an owner.
 */
export function mayClassify(
  config: AgreementConfig,
  user: Pick<SiteUser, 'party'>,
  doc: Pick<ExchangeDocument, 'party' | 'author'> & Partial<Pick<ExchangeDocument, 'serverRelativeUrl'>>,
): boolean {
  if (!user.party) return false;
  const owner = owningParty(config, doc);
  return owner === null || owner === user.party;
}

/** The ports and facts classifying an existing file needs. */
export interface ClassifyDeps {
  config: AgreementConfig;
  documents: Pick<DocumentStore, PlaceExistingOps>;
  audit: Pick<AuditLog, 'append'>;
  user: Pick<SiteUser, 'id' | 'displayName' | 'email' | 'party' | 'groupKeys'>;
  now?: () => Date;
  newId?: () => string;
}

/** What classifying did: the decision, and the document as it now is. */
export interface ClassifyResult {
  decision: Decision;
  document: ExchangeDocument;
  toetsId: string;
}

/**
 * The metadata of a refused file that is already in the library: status 'Afgewezen' puts it in the classifying
 * party's review folder, so the other party cannot read it (art. 9.2). A level that may not be stored at all (e.g. a
 * state secret, VIR-BI) is not a valid level; the strictest configured level is recorded and the person is told to
 * remove the file.
 */
function refusedMetadata(config: AgreementConfig, form: ShareForm, party: string, toetsId: string): DocumentMetadata {
  const valid = config.classification.levels.some((l) => l.key === form.classification);
  const strictest = [...config.classification.levels].sort((a, b) => b.rank - a.rank)[0];
  return {
    documentType: form.documentType,
    classification: valid ? form.classification : strictest.key,
    toetsstatus: 'Afgewezen',
    categories: form.answers.containsPersonalData ? [...form.answers.categories] : [],
    party,
    recipients: recipientsOf(config, party, form.recipients),
    ...(form.year !== undefined ? { year: form.year } : {}),
    confidential: form.confidential,
    toetsId,
  };
}

/**
 * Classifies a file already in the library with the dialog's questions and the scan of its bytes: the Toetslog record
 * first (AVG art. 5(2)), then the metadata, the move to the folder its status and classification demand, and the
 * publication of an allowed file (place.ts, in the order that never leaves it readable under a status that forbids it).
 * Only a member of a party classifies (art. 10.1); the file counts as shared by that party.
 */
export async function classifyExisting(
  deps: ClassifyDeps,
  doc: ExchangeDocument,
  form: ShareForm,
  scan: ScanResult | undefined,
  /** SHA-256 of the file's bytes as scanned (recognises a later copy or re-upload, art. 9.2). */
  hash?: string,
): Promise<ClassifyResult> {
  const party = deps.user.party;
  if (!party) throw new Error('Alleen medewerkers van een partij classificeren stukken (art. 10.1).');
  if (!mayClassify(deps.config, deps.user, doc)) {
    throw new Error(
      `'${doc.name}' is geplaatst door ${owningParty(deps.config, doc)}; alleen die partij classificeert het (art. 9.2).`,
    );
  }
  const decision = decideFile(deps.config, form, scan, { party, groupKeys: deps.user.groupKeys });
  const now = (deps.now ?? (() => new Date()))();
  const toetsId = (deps.newId ?? randomToetsId)();
  await deps.audit.append(
    auditRecordFor({
      toetsId,
      now,
      user: { id: deps.user.id, displayName: deps.user.displayName, email: deps.user.email },
      party,
      fileName: doc.name,
      form,
      scan,
      decision,
      ...(hash ? { contentHash: hash } : {}),
      config: deps.config,
    }),
  );
  const metadata =
    metadataFor(deps.config, form, decision, party, toetsId, now) ?? refusedMetadata(deps.config, form, party, toetsId);
  // The steps of place.ts: each reads first, so a retry after a lost answer carries on; the etag guards the first write.
  const document = await placeDocument(deps, doc, metadata, doc.etag);
  return { decision, document, toetsId };
}
