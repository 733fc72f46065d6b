/**
 * Chunked upload over SharePoint's upload sessions (File.StartUpload, ContinueUpload, FinishUpload, CancelUpload), so
 * that a large file is either complete or not there (never a silent half file), also when an answer is lost after the
 * server acted on the request:
 * - the empty stub the session writes into is created first; when its answer is lost (or a retry is told "already
 *   exists"), the file is read: the current user's empty file is the stub, and the upload carries on with it;
 * - a lost answer on StartUpload or ContinueUpload cancels that session and starts a new one from offset 0: SharePoint
 *   documents no way to ask a session how many bytes it holds, and a fragment sent twice must never be appended twice;
 * - a lost answer on FinishUpload reads the file: the current user's file of exactly this length is done (FinishUpload
 *   is the only request that changes the file's content); otherwise a new session starts.
 * Throttling (429/503) is retried below this, by the Resilience behaviour, before the server acted.
 */
import { spPost, type SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/files';
import { File, type IFile } from '@pnp/sp/files';
import { UploadRefusedError } from '../../ports/documents';
import { httpStatus } from './errors';

/** Chunk size: SharePoint's recommended 10 MiB. Tests pass a smaller one. */
export const DEFAULT_CHUNK_BYTES = 10 * 1024 * 1024;

/** What the upload knows of the file at its path, read back after a lost answer. */
export interface ChunkTarget {
  length: number;
  /** Site user id of SharePoint's Author. */
  authorId?: number;
}

/** Options of {@link uploadChunked}. */
export interface ChunkedOptions {
  chunkBytes: number;
  /** Upload sessions tried (each from offset 0), and attempts at creating the stub, before giving up. */
  attempts: number;
  onChunk: (bytesSent: number, retries: number) => void;
  /** Reads the file at the upload's path (null when there is none). */
  read: () => Promise<ChunkTarget | null>;
  /** The current user's site id: only their own empty file is taken for the stub. */
  userId: number;
}

/** A random GUID for the upload session. */
function newGuid(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (ch) => {
    const r = Math.floor(Math.random() * 16);
    return (ch === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });
}

/** A refusal that another session would meet as well: no right to write here. */
function final(e: unknown): boolean {
  const status = httpStatus(e);
  return e instanceof UploadRefusedError || status === 401 || status === 403;
}

/** Posts one session request; returns the server's running total of bytes (StartUpload, ContinueUpload). */
async function post(file: IFile, path: string, bytes: Uint8Array): Promise<number> {
  const result: unknown = await spPost(File(file, path), { body: bytes });
  return Number(
    typeof result === 'object' && result !== null && 'value' in result ? (result as { value: unknown }).value : result,
  );
}

/** Creates the empty stub, or finds the one an earlier attempt created (its answer lost, or "already exists"). */
async function ensureStub(sp: SPFI, folderUrl: string, fileName: string, options: ChunkedOptions): Promise<void> {
  let lastError: unknown;
  for (let attempt = 0; attempt < options.attempts; attempt++) {
    try {
      await sp.web.getFolderByServerRelativePath(folderUrl).files.addUsingPath(fileName, new Uint8Array(), {
        Overwrite: false,
      });
      return;
    } catch (e) {
      if (final(e)) throw e;
      lastError = e;
    }
    // The stub may have landed (its answer lost), or be an earlier attempt's ("already exists"): read it.
    const there = await options.read().catch(() => null);
    if (there === null) continue;
    if (there.length === 0 && there.authorId === options.userId) return;
    throw new UploadRefusedError('duplicate', {
      nl: `'${fileName}' bestaat al in ${folderUrl}; hernoem het bestand en kies het opnieuw.`,
      en: `'${fileName}' already exists in ${folderUrl}; rename the file and pick it again.`,
    });
  }
  throw lastError;
}

/**
 * Uploads `content` into the folder as `fileName` in upload sessions. On final failure the session is cancelled and
 * the error thrown; the caller removes the stub while it is still empty.
 */
export async function uploadChunked(
  sp: SPFI,
  folderUrl: string,
  fileName: string,
  content: Uint8Array,
  options: ChunkedOptions,
): Promise<void> {
  await ensureStub(sp, folderUrl, fileName, options);
  const file = sp.web.getFileByServerRelativePath(`${folderUrl}/${fileName}`);
  const total = content.byteLength;
  let retries = 0;
  let lastError: unknown;
  for (let session = 0; session < options.attempts; session++) {
    const uploadId = newGuid();
    let finishing = false;
    try {
      let offset = 0;
      let first = true;
      while (total - offset > options.chunkBytes) {
        const chunk = content.subarray(offset, offset + options.chunkBytes);
        const path = first
          ? `startUpload(uploadId=guid'${uploadId}')`
          : `continueUpload(uploadId=guid'${uploadId}',fileOffset=${offset})`;
        const next = await post(file, path, chunk);
        if (next !== offset + chunk.byteLength)
          throw new Error(`Server bevestigde offset ${next}, verwacht ${offset + chunk.byteLength}.`);
        offset = next;
        first = false;
        options.onChunk(offset, retries);
      }
      const last = content.subarray(offset);
      if (first) {
        // Fits in one chunk: start the session with the whole content and finish it empty.
        offset = await post(file, `startUpload(uploadId=guid'${uploadId}')`, last);
        finishing = true;
        await post(file, `finishUpload(uploadId=guid'${uploadId}',fileOffset=${offset})`, new Uint8Array());
      } else {
        finishing = true;
        await post(file, `finishUpload(uploadId=guid'${uploadId}',fileOffset=${offset})`, last);
      }
      options.onChunk(total, retries);
      return;
    } catch (e) {
      if (final(e)) {
        await file.cancelUpload(uploadId).catch(() => undefined);
        throw e;
      }
      lastError = e;
      if (finishing) {
        // FinishUpload may have committed the file before its answer was lost: the file says whether it did.
        const there = await options.read().catch(() => null);
        if (there && there.length === total && there.authorId === options.userId) {
          options.onChunk(total, retries);
          return;
        }
      }
      // Whatever this session holds, it is not used again: a new one starts from offset 0.
      await file.cancelUpload(uploadId).catch(() => undefined);
      retries++;
      options.onChunk(0, retries);
    }
  }
  throw lastError;
}
