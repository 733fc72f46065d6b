import { contentHash, shortHash } from '../../../src/domain/common/hash';

describe('hashes', () => {
  it('shortHash is FNV-1a over UTF-16 code units, 8 hex digits (the published test vectors)', () => {
    expect(shortHash('')).toBe('811c9dc5');
    expect(shortHash('a')).toBe('e40c292c');
    expect(shortHash('foobar')).toBe('bf9cf968');
    expect(shortHash('plan-1')).not.toBe(shortHash('plan-2'));
  });

  it('contentHash is the SHA-256 of the bytes, in hex', async () => {
    const bytes = new TextEncoder().encode('abc');
    expect(await contentHash(bytes)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await contentHash(bytes.buffer)).toBe(await contentHash(bytes));
  });
});
