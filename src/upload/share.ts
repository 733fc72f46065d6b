/**
 * The upload orchestrator, host-neutral: per file the Toetslog record, then the steps of `place.ts` (bytes, metadata,
 * move, publish), each of which reads what already landed before it writes, so a retry after any lost answer carries
 * on and never sends twice. Ports only, no PnPjs, so it runs the same in SharePoint, Teams, the workbench and unit
 * tests. A file either lands complete, or is visibly flagged (Onvolledig / Te classificeren) and reported so, or
 * nothing of it is stored (never a half file left silently).
 */
import type { AgreementConfig } from '../domain/agreement/schema';
import { describeFailure, problemOf, type Problem } from '../domain/common/failure';
import { randomId } from '../domain/common/randomId';
import type { Bilingual } from '../domain/common/types';
import type { Decision } from '../domain/doelbinding';
import type { ScanResult } from '../domain/scan';
import {
  UploadRefusedError,
  type DocumentMetadata,
  type DocumentStore,
  type ExchangeDocument,
  type UploadProgress,
} from '../ports/documents';
import type { AuditLog } from '../ports/registers';
import type { SiteUser } from '../ports/site';
import { decideFile, type ShareForm } from './decide';
import { contentHash } from '../domain/common/hash';
import { placeRecord, placeUpload, type PlaceOps, type PlaceOutcome, type UploadStep } from './place';
import { auditRecordFor, metadataFor } from './records';
import type { FileState } from './status';

/** The ports and facts the orchestrator needs. */
export interface ShareDeps {
  config: AgreementConfig;
  documents: Pick<DocumentStore, PlaceOps>;
  audit: Pick<AuditLog, 'append'>;
  user: Pick<SiteUser, 'id' | 'displayName' | 'email' | 'party' | 'groupKeys'>;
  now?: () => Date;
  /** New ToetsId; default a random UUID. */
  newId?: () => string;
}

/** One file of an upload, with its browser scan (undefined while not scanned). */
export interface ShareItem {
  fileName: string;
  content: Uint8Array | ArrayBuffer | Blob;
  scan?: ScanResult;
}

/**
 * What helps after a failed or incomplete file: trying again (the steps read first, so nothing is sent twice), or,
 * when the same would be refused the same way, renaming the file, picking another, or asking the beheerder.
 */
export type Remedy = 'retry' | 'rename' | 'other-file' | 'ask-beheerder';

/** What happened to one file. */
export interface ShareResult {
  fileName: string;
  state: Extract<FileState, 'refused' | 'done' | 'incomplete' | 'failed'>;
  decision: Decision;
  toetsId: string;
  /** The metadata it was (to be) stored with; absent for a refused file. */
  metadata?: DocumentMetadata;
  /** The stored document, when it landed. */
  document?: ExchangeDocument;
  /** What went wrong, as sentences for the person with the technical part apart (empty when done or refused). */
  problems: Problem[];
  /** What helps, for a failed or incomplete file. */
  remedy?: Remedy;
  /** True when the Toetslog record was written (a failed one is written again on retry, same ToetsId). */
  audited: boolean;
  /** The last step known to have landed (place.ts): a retry carries on from there. */
  reached?: UploadStep;
  /** A step sent whose answer was lost: it may have landed, the retry reads first. */
  attempted?: UploadStep;
  /**
   * True when 'done' was concluded rather than read: the move into the review folder was sent and the file is
   * neither in staging nor readable at the target (staff cannot read their review folder, art. 9.2). The evidence is
   * `reached`/`attempted`; see place.ts and docs/review.md.
   */
  inferred?: boolean;
}

/** A random ToetsId (UUID v4). */
export function randomToetsId(): string {
  return randomId();
}

/** What helps after `e`: a refusal by name, size or permission is not retried, it is renamed, replaced or asked for. */
export function remedyOf(e: unknown): Remedy {
  if (e instanceof UploadRefusedError) {
    if (e.code === 'bad-name' || e.code === 'duplicate') return 'rename';
    if (e.code === 'empty' || e.code === 'too-large') return 'other-file';
    return 'ask-beheerder';
  }
  return describeFailure(e).retryable ? 'retry' : 'ask-beheerder';
}

/** The decision on one file for this uploader. */
export function decide(deps: ShareDeps, form: ShareForm, item: ShareItem): Decision {
  return decideFile(deps.config, form, item.scan, { party: deps.user.party, groupKeys: deps.user.groupKeys });
}

/** Normalises upload content to bytes. */
async function toBytes(content: ShareItem['content']): Promise<Uint8Array> {
  if (content instanceof Uint8Array) return content;
  if (content instanceof ArrayBuffer) return new Uint8Array(content);
  return new Uint8Array(await content.arrayBuffer());
}

/**
 * Records the decision and, unless refused, places the file (place.ts). `previous` (a failed or incomplete result)
 * retries with the same ToetsId and carries on from what it reached: the Toetslog never holds the decision twice, and
 * the library never holds the file twice.
 */
export async function shareFile(
  deps: ShareDeps,
  form: ShareForm,
  item: ShareItem,
  decision: Decision,
  onProgress?: (p: UploadProgress) => void,
  previous?: ShareResult,
): Promise<ShareResult> {
  const now = (deps.now ?? (() => new Date()))();
  const toetsId = previous?.toetsId ?? (deps.newId ?? randomToetsId)();
  const party = deps.user.party ?? '';
  const metadata = metadataFor(deps.config, form, decision, party, toetsId, now) ?? undefined;
  const base = { fileName: item.fileName, decision, toetsId, ...(metadata ? { metadata } : {}) };
  const bytes = await toBytes(item.content);
  const hash = await contentHash(bytes);
  if (!previous?.audited) {
    const record = auditRecordFor({
      toetsId,
      now,
      user: { id: deps.user.id, displayName: deps.user.displayName, email: deps.user.email },
      party: deps.user.party,
      fileName: item.fileName,
      form,
      scan: item.scan,
      decision,
      contentHash: hash,
      config: deps.config,
    });
    const error = await placeRecord(() => deps.audit.append(record));
    // AVG art. 5(2): no sharing without its record; nothing was sent, so retrying is safe.
    if (error !== undefined) {
      return { ...base, state: 'failed', audited: false, problems: [auditFailed(error)], remedy: remedyOf(error) };
    }
  }
  if (!metadata) return { ...base, state: 'refused', audited: true, problems: [] };
  const total = bytes.byteLength;
  const outcome = await placeUpload(
    { config: deps.config, documents: deps.documents, user: deps.user },
    {
      fileName: item.fileName,
      content: bytes,
      metadata,
      ...(hash ? { contentHash: hash } : {}),
      onProgress: (bytesSent, retries) =>
        onProgress?.({ fileName: item.fileName, bytesSent, totalBytes: total, retries }),
    },
    previous ?? {},
  );
  return resultOf({ ...base, audited: true }, metadata, outcome);
}

/**
 * Carries on with an incomplete file after its bytes landed: the steps from the metadata on, each reading first. A file
 * whose bytes are not there (any more) comes back 'failed': the dialog's retry sends it again with `previous`.
 */
export async function repair(deps: ShareDeps, result: ShareResult): Promise<ShareResult> {
  if (!result.metadata) return result;
  const outcome = await placeUpload(
    { config: deps.config, documents: deps.documents, user: deps.user },
    { fileName: result.fileName, metadata: result.metadata },
    result,
  );
  return resultOf(result, result.metadata, outcome);
}

/** The result a person sees for a placement outcome: done, incomplete with what is missing, or failed. */
function resultOf(
  base: Omit<ShareResult, 'state' | 'problems'>,
  metadata: DocumentMetadata,
  outcome: PlaceOutcome,
): ShareResult {
  const { fileName } = base;
  const reached = outcome.reached ?? (base.audited ? 'record' : undefined);
  const trail = {
    ...(reached ? { reached } : {}),
    ...(outcome.attempted ? { attempted: outcome.attempted } : {}),
  };
  const rest: Omit<ShareResult, 'state' | 'problems'> = {
    fileName: base.fileName,
    decision: base.decision,
    toetsId: base.toetsId,
    audited: base.audited,
    metadata,
    ...trail,
    ...(outcome.document ? { document: outcome.document } : {}),
  };
  if (outcome.state === 'done') {
    return { ...rest, state: 'done', problems: [], ...(outcome.inferred ? { inferred: true } : {}) };
  }
  const remedy = remedyOf(outcome.error);
  if (outcome.state === 'failed') {
    return { ...rest, state: 'failed', problems: [uploadFailed(outcome.error)], remedy };
  }
  return {
    ...rest,
    state: 'incomplete',
    problems: [incompleteProblem(fileName, metadata, outcome.step, outcome.error)],
    remedy,
  };
}

/** What is missing of a file whose bytes landed, and what to do: 'Onvolledig' until a retry completes it. */
function incompleteProblem(
  fileName: string,
  metadata: DocumentMetadata,
  step: UploadStep | undefined,
  error: unknown,
): Problem {
  const where = {
    nl: `Het staat als 'Onvolledig' in de weergave 'Te classificeren'.`,
    en: `It shows as 'Onvolledig' in the 'Te classificeren' view.`,
  };
  const lead: Bilingual =
    step === 'move'
      ? {
          nl: `'${fileName}' is opgeslagen en geclassificeerd, maar niet bij de privacy officer in review gezet. ${where.nl}`,
          en: `'${fileName}' was stored and classified, but not handed in for review. ${where.en}`,
        }
      : step === 'publish'
        ? {
            nl: `'${fileName}' is vastgelegd als '${metadata.toetsstatus}', maar niet gepubliceerd voor de andere partij. ${where.nl}`,
            en: `'${fileName}' was recorded as '${metadata.toetsstatus}', but not published to the other party. ${where.en}`,
          }
        : {
            nl: `'${fileName}' is opgeslagen, maar de classificatie is niet vastgelegd. ${where.nl}`,
            en: `'${fileName}' was stored, but its classification was not saved. ${where.en}`,
          };
  return problemOf(lead, error);
}

/** Problem: the Toetslog record could not be written; nothing was sent. */
function auditFailed(e: unknown): Problem {
  return problemOf(
    {
      nl: 'De toets kon niet in de Toetslog worden vastgelegd; er is niets gedeeld (AVG art. 5 lid 2).',
      en: 'The decision could not be written to the Toetslog; nothing was shared (GDPR art. 5(2)).',
    },
    e,
  );
}

/**
 * Problem: the upload itself failed and nothing was stored. A refusal (by name, size or permission) is the refusal's
 * own sentence, which says what helps; anything else says what happened and what to do.
 */
function uploadFailed(e: unknown): Problem {
  if (e instanceof UploadRefusedError) return problemOf(undefined, e);
  return problemOf({ nl: 'Uploaden mislukt; er is niets opgeslagen.', en: 'Upload failed; nothing was stored.' }, e);
}
