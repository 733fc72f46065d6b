/**
 * Chunked upload over SharePoint's start/continue/finishUpload, with a retry per failed chunk and cancelUpload on final
 * failure, so a large file is either complete or not there (never a silent half file, issue 4).
 */
import { spPost, type SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/files';
import { File, type IFile } from '@pnp/sp/files';
import { delay } from '@pnp/core';

/** Chunk size: SharePoint's recommended 10 MiB. Tests pass a smaller one. */
export const DEFAULT_CHUNK_BYTES = 10 * 1024 * 1024;

/** Options of {@link uploadChunked}. */
export interface ChunkedOptions {
  chunkBytes: number;
  /** Attempts per chunk before giving up. */
  attempts: number;
  onChunk: (bytesSent: number, retries: number) => void;
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

/** Runs one chunk request with retries; returns the server's new offset. */
async function sendChunk(
  file: IFile,
  path: string,
  bytes: Uint8Array,
  attempts: number,
  onRetry: () => void,
): Promise<number> {
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      const result: unknown = await spPost(File(file, path), { body: bytes });
      return Number(
        typeof result === 'object' && result !== null && 'value' in result
          ? (result as { value: unknown }).value
          : result,
      );
    } catch (e) {
      lastError = e;
      onRetry();
      await delay(200 * 2 ** attempt);
    }
  }
  throw lastError;
}

/** Uploads `content` into the folder as `fileName` in chunks; on final failure cancels the session and removes the stub. */
export async function uploadChunked(
  sp: SPFI,
  folderUrl: string,
  fileName: string,
  content: Uint8Array,
  options: ChunkedOptions,
): Promise<void> {
  const folder = sp.web.getFolderByServerRelativePath(folderUrl);
  // The session needs an existing (empty) file to upload into.
  await folder.files.addUsingPath(fileName, '', { Overwrite: false });
  const file = sp.web.getFileByServerRelativePath(`${folderUrl}/${fileName}`);
  const uploadId = newGuid();
  let offset = 0;
  let retries = 0;
  const onRetry = (): void => {
    retries++;
  };
  try {
    const total = content.byteLength;
    let first = true;
    while (total - offset > options.chunkBytes) {
      const chunk = content.subarray(offset, offset + options.chunkBytes);
      const path = first
        ? `startUpload(uploadId=guid'${uploadId}')`
        : `continueUpload(uploadId=guid'${uploadId}',fileOffset=${offset})`;
      const next = await sendChunk(file, path, chunk, options.attempts, onRetry);
      if (next !== offset + chunk.byteLength)
        throw new Error(`Server bevestigde offset ${next}, verwacht ${offset + chunk.byteLength}.`);
      offset = next;
      first = false;
      options.onChunk(offset, retries);
    }
    const last = content.subarray(offset);
    if (first) {
      // Fits in one chunk: start and finish the session with the whole content.
      await sendChunk(file, `startUpload(uploadId=guid'${uploadId}')`, last, options.attempts, onRetry);
      await sendChunk(
        file,
        `finishUpload(uploadId=guid'${uploadId}',fileOffset=${last.byteLength})`,
        new Uint8Array(),
        options.attempts,
        onRetry,
      );
    } else {
      await sendChunk(
        file,
        `finishUpload(uploadId=guid'${uploadId}',fileOffset=${offset})`,
        last,
        options.attempts,
        onRetry,
      );
    }
    options.onChunk(total, retries);
  } catch (e) {
    // Leave nothing half: end the session and remove the empty stub created above.
    await file.cancelUpload(uploadId).catch(() => undefined);
    await file.delete().catch(() => undefined);
    throw e;
  }
}
