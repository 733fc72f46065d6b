/**
 * A text file is scanned in overlapping chunks; every identifier, also one on a chunk edge, is found exactly
 * once and at the same place as in one pass over the whole text, whatever the chunk size.
 */
import fc from 'fast-check';
import { bytesSource, createScanner, scanTextSource, scanText, type ScanResult } from '../../../src/domain/scan';
import { blobSource } from '../../../src/scan/blobSource';
import { OPTIONS, typescriptOnly } from './helpers';

const PIECES = [
  'BSN 111222333. ',
  'BSN 123 456\n782 ',
  'IBAN NL91 ABNA 0417 1643 00, ',
  'nl91abna0417164300 ',
  'NL91ABNA04\n17164300 ',
  'mail j.jansen@example.nl; ',
  'tel 06-12345678 ',
  'geboortedatum 12-03-1985 ',
  '19012345601 (BIG) ',
  'zie het medisch\ndossier ',
  'ZK-983690066-2026 ',
  'café € 12,50 — geïnformeerd 😀 ',
  'gewone tekst zonder nummers ',
];

/** A text of the pieces in a random order, with filler between them. */
const textOf = (order: number[], filler: number): string =>
  order.map((k) => PIECES[k % PIECES.length] + 'x '.repeat(filler % 37)).join('');

const positions = (r: ScanResult): string =>
  JSON.stringify(r.findings.map((f) => [f.kind, f.positions.map((p) => [p.start, p.end])]));

const walked = createScanner(OPTIONS);

describe.each([
  ['the WebAssembly walk over the bytes', walked],
  ['decoded and scanned in TypeScript', typescriptOnly(walked)],
])('chunked scan, %s', (_engine, scanner) => {
  test('finds the same identifiers at the same places as one pass, for any chunk size from 1 KB', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(100), { minLength: 20, maxLength: 200 }),
        fc.nat(100),
        fc.integer({ min: 1024, max: 9000 }),
        async (order, filler, chunkBytes) => {
          const text = textOf(order, filler);
          const whole = scanText(text, OPTIONS);
          const chunked = await scanTextSource(bytesSource(new TextEncoder().encode(text)), scanner, {}, { chunkBytes });
          expect(positions(chunked)).toBe(positions(whole));
          expect(chunked.scannedChars).toBe(text.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('from a Blob (the browser File): windows filled from its stream into one reused buffer, same result', async () => {
    const text = textOf([...Array(3000).keys()], 5);
    const blob = new Blob([new TextEncoder().encode(text)]);
    for (const chunkBytes of [1024, 3000, 65536]) {
      const r = await scanTextSource(blobSource(blob), scanner, {}, { chunkBytes });
      expect(positions(r)).toBe(positions(scanText(text, OPTIONS)));
    }
  });

  test("the last window's text is not kept as the legacy RegExp.input once the scan is done", async () => {
    const marker = 'onvindbaar-merkteken';
    const bytes = new TextEncoder().encode(`${textOf([...Array(400).keys()], 2)} ${marker} BSN 111222333 ${marker}`);
    await scanTextSource(bytesSource(bytes), scanner, {}, { chunkBytes: 4096 });
    expect((RegExp as unknown as { input: string }).input).not.toContain(marker);
  });

  test('progress in bytes rises to the file size', async () => {
    const bytes = new TextEncoder().encode(textOf([...Array(2000).keys()], 3));
    const seen: number[] = [];
    await scanTextSource(bytesSource(bytes), scanner, {}, {
      chunkBytes: 16 * 1024,
      onProgress: (p) => p.kind === 'bytes' && seen.push(p.done),
    });
    expect(seen.length).toBeGreaterThan(3);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(seen[seen.length - 1]).toBe(bytes.length);
  });

  test('a byte that is no UTF-8 in a later chunk: the whole file is read again as Windows-1252', async () => {
    const head = 'BSN 111222333 '.repeat(500);
    const bytes = new Uint8Array([...new TextEncoder().encode(head), 0x93, ...new TextEncoder().encode('caf'), 0xe9, 0x94, 32, ...new TextEncoder().encode('BSN 123456782\n')]);
    const r = await scanTextSource(bytesSource(bytes), scanner, {}, { chunkBytes: 1024 });
    expect(r.findings.find((f) => f.kind === 'bsn')?.count).toBe(501);
    expect(r.scannedChars).toBe(bytes.length);
  });

  test('UTF-16 with a byte order mark, across chunks', async () => {
    const text = 'BSN 111222333 en IBAN NL91 ABNA 0417 1643 00. '.repeat(200);
    const le = new Uint8Array(2 + text.length * 2);
    le[0] = 0xff;
    le[1] = 0xfe;
    for (let k = 0; k < text.length; k++) le[2 + 2 * k] = text.charCodeAt(k);
    const r = await scanTextSource(bytesSource(le), scanner, {}, { chunkBytes: 1500 });
    expect(positions(r)).toBe(positions(scanText(text, OPTIONS)));
  });

  test('stopped: what was found so far stays, the rest is named as not read', async () => {
    const bytes = new TextEncoder().encode('BSN 111222333. '.repeat(10_000));
    const controller = new AbortController();
    const r = await scanTextSource(bytesSource(bytes), scanner, {}, {
      chunkBytes: 4096,
      signal: controller.signal,
      onProgress: (p) => p.kind === 'bytes' && p.done > 50_000 && controller.abort(),
    });
    const count = r.findings.find((f) => f.kind === 'bsn')?.count ?? 0;
    expect(count).toBeGreaterThan(3000);
    expect(count).toBeLessThan(10_000);
    expect(r.unread?.map((u) => u.code)).toEqual(['cancelled']);
  });
});
