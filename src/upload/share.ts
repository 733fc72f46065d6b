/**
 * The upload orchestrator, host-neutral: per file Toetslog record → upload with metadata → permissions (the folder
 * the status and classification demand) → repair. Ports only, no PnPjs, so it runs the same in SharePoint, Teams, the
 * workbench and unit tests. A file either lands complete, or is visibly flagged (Onvolledig / Te classificeren) and
 * reported so, or nothing of it is stored (issue 4: never a half file left silently).
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
import { auditRecordFor, metadataFor } from './records';
import type { FileState } from './status';

/** The ports and facts the orchestrator needs. */
export interface ShareDeps {
  config: AgreementConfig;
  documents: Pick<DocumentStore, 'upload' | 'updateMetadata' | 'exists' | 'list'>;
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

/**
 * Records the decision and, unless refused, uploads the file with its metadata. `previous` (a failed result) retries
 * with the same ToetsId, so the Toetslog never holds the decision twice.
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
  if (!previous?.audited) {
    try {
      await deps.audit.append(
        auditRecordFor({
          toetsId,
          now,
          user: { id: deps.user.id, displayName: deps.user.displayName, email: deps.user.email },
          party: deps.user.party,
          fileName: item.fileName,
          form,
          scan: item.scan,
          decision,
          contentHash: await contentHash(item.content),
        }),
      );
    } catch (e) {
      // AVG art. 5(2): no sharing without its record; nothing was sent, so retrying is safe.
      return { ...base, state: 'failed', audited: false, problems: [auditFailed(e)] };
    }
  }
  if (!metadata) return { ...base, state: 'refused', audited: true, problems: [] };
  try {
    const result = await deps.documents.upload({
      fileName: item.fileName,
      content: item.content,
      metadata,
      onProgress,
    });
    if (result.complete) return { ...base, state: 'done', audited: true, document: result.document, problems: [] };
    // The bytes landed but the metadata did not: the adapter flagged it 'Onvolledig'; try once more to complete it.
    return repair(deps, { ...base, state: 'incomplete', audited: true, document: result.document, problems: [] });
  } catch (e) {
    if (e instanceof UploadRefusedError) {
      return { ...base, state: 'failed', audited: true, problems: [{ nl: e.message, en: e.message }] };
    }
    return landedOrNot(deps, { ...base, audited: true }, e);
  }
}

/** After an unexpected upload error: did the file land anyway (then it is flagged by its default status) or not? */
async function landedOrNot(
  deps: ShareDeps,
  base: Omit<ShareResult, 'state' | 'problems'>,
  error: unknown,
): Promise<ShareResult> {
  let landed: boolean | undefined;
  try {
    landed = await deps.documents.exists(base.fileName);
  } catch {
    landed = undefined;
  }
  if (landed === false) return { ...base, state: 'failed', problems: [uploadFailed(error)] };
  const document = landed ? await findOwn(deps, base.fileName) : undefined;
  // Found among the flagged items: write the metadata again now, so the person rarely has to.
  if (document) return repair(deps, { ...base, document, state: 'incomplete', problems: [] });
  return {
    ...base,
    state: 'incomplete',
    problems: [
      uploadFailed(error),
      landed
        ? {
            nl: `'${base.fileName}' staat wel in de bibliotheek, maar zonder classificatie: het staat in de weergave 'Te classificeren'.`,
            en: `'${base.fileName}' is in the library, but unclassified: it shows in the 'Te classificeren' view.`,
          }
        : {
            nl: `Niet vast te stellen of '${base.fileName}' is aangekomen; kijk in de weergave 'Te classificeren'.`,
            en: `Cannot tell whether '${base.fileName}' arrived; look in the 'Te classificeren' view.`,
          },
    ],
  };
}

/**
 * The item of this name among the user's own documents (newest first, so the first page nearly always has it); a few
 * pages at most. Not the 'Te classificeren' view: an item whose status column was never written must be found too.
 */
async function findOwn(deps: ShareDeps, fileName: string): Promise<ExchangeDocument | undefined> {
  let pageToken: string | undefined;
  try {
    for (let page = 0; page < 5; page++) {
      const result = await deps.documents.list({
        view: 'mijn-gedeelde-stukken',
        pageSize: 50,
        orderBy: { field: 'modified', ascending: false },
        ...(pageToken ? { pageToken } : {}),
      });
      const hit = result.items.find((d) => d.name.toLowerCase() === fileName.toLowerCase());
      if (hit || !result.nextPageToken) return hit;
      pageToken = result.nextPageToken;
    }
  } catch {
    // Not findable now: the result says where to look instead.
  }
  return undefined;
}

/** Completes an incomplete file by writing its metadata again (moving it to the folder its status demands). */
export async function repair(deps: ShareDeps, result: ShareResult): Promise<ShareResult> {
  if (!result.document || !result.metadata) return result;
  try {
    const document = await deps.documents.updateMetadata(result.document.id, result.metadata);
    return { ...result, state: 'done', document, problems: [] };
  } catch (e) {
    return {
      ...result,
      state: 'incomplete',
      problems: [
        {
          nl: `'${result.fileName}' is opgeslagen, maar de classificatie is niet vastgelegd (${messageOf(e)}). Het staat als 'Onvolledig' in de weergave 'Te classificeren'; probeer het opnieuw.`,
          en: `'${result.fileName}' was stored, but its classification was not saved (${messageOf(e)}). It shows as 'Onvolledig' in the 'Te classificeren' view; try again.`,
        },
      ],
    };
  }
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
