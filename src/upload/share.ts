/**
 * The upload orchestrator, host-neutral: per file the Toetslog record, then the steps of `place.ts` (bytes, metadata,
 * move, publish), each of which reads what already landed before it writes, so a retry after any lost answer carries
 * on and never sends twice. Ports only, no PnPjs, so it runs the same in SharePoint, Teams, the workbench and unit
 * tests. A file either lands complete, or is visibly flagged (Onvolledig / Te classificeren) and reported so, or
 * nothing of it is stored (issue 4: never a half file left silently).
 */
import type { AgreementConfig } from '../domain/agreement/schema';
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
  /** What went wrong, for the person (empty when done or refused). */
  problems: Bilingual[];
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
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (ch) => {
    const r = Math.floor(Math.random() * 16);
    return (ch === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });
}

/** The message of an error, for a problem line. */
function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
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
    });
    const error = await placeRecord(() => deps.audit.append(record));
    // AVG art. 5(2): no sharing without its record; nothing was sent, so retrying is safe.
    if (error !== undefined) return { ...base, state: 'failed', audited: false, problems: [auditFailed(error)] };
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
  const why = messageOf(outcome.error);
  if (outcome.state === 'failed') {
    const refused = outcome.error instanceof UploadRefusedError;
    return { ...rest, state: 'failed', problems: [refused ? { nl: why, en: why } : uploadFailed(outcome.error)] };
  }
  return { ...rest, state: 'incomplete', problems: [incompleteProblem(fileName, metadata, outcome.step, why)] };
}

/** What is missing of a file whose bytes landed, and what to do: 'Onvolledig' until a retry completes it. */
function incompleteProblem(
  fileName: string,
  metadata: DocumentMetadata,
  step: UploadStep | undefined,
  why: string,
): Bilingual {
  const where = {
    nl: `Het staat als 'Onvolledig' in de weergave 'Te classificeren'; probeer het opnieuw.`,
    en: `It shows as 'Onvolledig' in the 'Te classificeren' view; try again.`,
  };
  if (step === 'move') {
    return {
      nl:
        `'${fileName}' is opgeslagen en geclassificeerd, maar niet bij de privacy officer in review gezet ` +
        `(${why}). ${where.nl}`,
      en: `'${fileName}' was stored and classified, but not handed in for review (${why}). ${where.en}`,
    };
  }
  if (step === 'publish') {
    return {
      nl:
        `'${fileName}' is vastgelegd als '${metadata.toetsstatus}', maar niet gepubliceerd voor de andere partij ` +
        `(${why}). ${where.nl}`,
      en: `'${fileName}' was recorded as '${metadata.toetsstatus}', but not published to the other party (${why}). ${where.en}`,
    };
  }
  return {
    nl: `'${fileName}' is opgeslagen, maar de classificatie is niet vastgelegd (${why}). ${where.nl}`,
    en: `'${fileName}' was stored, but its classification was not saved (${why}). ${where.en}`,
  };
}

/** Problem: the Toetslog record could not be written. */
function auditFailed(e: unknown): Bilingual {
  return {
    nl: `De toets kon niet in de Toetslog worden vastgelegd (${messageOf(e)}); er is niets gedeeld (AVG art. 5 lid 2).`,
    en: `The decision could not be written to the Toetslog (${messageOf(e)}); nothing was shared (GDPR art. 5(2)).`,
  };
}

/** Problem: the upload itself failed. */
function uploadFailed(e: unknown): Bilingual {
  return { nl: `Uploaden mislukt: ${messageOf(e)}`, en: `Upload failed: ${messageOf(e)}` };
}
