/** A `Blob` (a picked `File`) as the scan's byte source: read slice by slice, never whole (src/domain/scan/stream.ts). */
import type { ByteSource } from '../domain/scan';

/**
 * Reads [start, end) of the blob when asked, or streams [start, end) in small pieces (a text file's windows are
 * filled from the stream into one reused buffer).
 */
export function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    read: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()),
    stream: (start, end) => {
      const reader = blob.slice(start, end).stream().getReader();
      return { read: () => reader.read() };
    },
  };
}
