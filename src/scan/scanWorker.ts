/**
 * The scan's Web Worker: text files, Office Open XML and OpenDocument are read and scanned here, off the
 * page's main thread; a text file in overlapping chunks straight from the `File` (peak memory: the chunks, not the
 * file). Progress goes back after each chunk; 'abort' stops before the next chunk, and the result names the rest as
 * not read. Built into one classic script by config/scan-assets.js (esbuild), so it needs no module-worker support.
 */
import { bytesSource, scanSource } from '../domain/scan';
import { blobSource } from './blobSource';
import type { FromWorker, ToWorker } from './protocol';

interface WorkerScope {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = self as unknown as WorkerScope;
let running: AbortController | undefined;

scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'abort') {
    running?.abort();
    return;
  }
  running = new AbortController();
  const source = m.source instanceof Blob ? blobSource(m.source) : bytesSource(m.source);
  scanSource(m.name, source, m.options, {
    signal: running.signal,
    chunkBytes: m.chunkBytes,
    onProgress: (progress) => scope.postMessage({ type: 'progress', progress }),
  }).then(
    (result) => scope.postMessage({ type: 'done', result }),
    (err: unknown) => scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};
