/**
 * SHA-256 of a file's bytes, recorded with its Toetslog decision so a later copy or re-upload of the same bytes is
 * recognised (art. 9.2). Web Crypto, in the browser and in Node alike; undefined where it is not available (the record
 * then simply holds no hash, and the integrity check falls back to the file name).
 */
export async function contentHash(content: Uint8Array | ArrayBuffer | Blob): Promise<string | undefined> {
  const subtle = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  if (!subtle) return undefined;
  const bytes =
    content instanceof Uint8Array
      ? content
      : content instanceof ArrayBuffer
        ? new Uint8Array(content)
        : new Uint8Array(await content.arrayBuffer());
  const digest = await subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** FNV-1a, 32 bits, as 8 hex digits: tells versions of a value apart; not a security hash. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
