/**
 * The scanner's WebAssembly walk reads a text file's UTF-8 bytes; it must find exactly what the TypeScript scanner
 * finds on the decoded text, at the same UTF-16 offsets, on any text. Held against it on random texts made of the
 * pieces the rules care about (test/fixtures/scan/walk-pieces.json), whole and in windows, and on what falls back.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import {
  bytesSource,
  createScanner,
  scanTextSource,
  type ScanOptions,
  type ScanResult,
} from '../../../../src/domain/scan';
import { FindingCollector } from '../../../../src/domain/scan/collector';
import { blobSource } from '../../../../src/scan/blobSource';
import { REFERENCE, shown, typescriptOnly } from '../helpers';

interface Pieces {
  configurations: ScanOptions[];
  pieces: string[];
}

const fixture = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', 'fixtures', 'scan', 'walk-pieces.json'), 'utf8'),
) as Pieces;
const scanners = fixture.configurations.map((c) => createScanner({ ...c, referenceDate: REFERENCE }));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const pieceText = fc
  .array(fc.nat(fixture.pieces.length - 1), { minLength: 1, maxLength: 160 })
  .map((order) => order.map((k) => fixture.pieces[k]).join(''));

describe('the WebAssembly walk', () => {
  test('runs here (Node has WebAssembly with SIMD), so the tests below hold the walk, not the fallback', async () => {
    for (const scanner of scanners) await expect(scanner.bytes()).resolves.toBeDefined();
  });

  test.each(scanners.map((s, k) => [k, s] as const))(
    'finds what the TypeScript scanner finds on the decoded text, at the same offsets (configuration %d)',
    async (_k, scanner) => {
      await fc.assert(
        fc.asyncProperty(pieceText, async (text) => {
          const bytes = await scanTextSource(bytesSource(utf8(text)), scanner, {});
          expect(shown(bytes)).toBe(shown(scanner(text)));
        }),
        { numRuns: 3000, seed: 20261203 },
      );
    },
  );

  test.each(scanners.map((s, k) => [k, s] as const))(
    'finds the same in windows of 4 KB and more as in one pass, tokens across window edges included (configuration %d)',
    async (_k, scanner) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(pieceText, { minLength: 20, maxLength: 60 }),
          fc.integer({ min: 4096, max: 12000 }),
          async (parts, chunkBytes) => {
            const text = parts.join(' ');
            const windowed = await scanTextSource(bytesSource(utf8(text)), scanner, {}, { chunkBytes });
            expect(shown(windowed)).toBe(shown(scanner(text)));
          },
        ),
        { numRuns: 80, seed: 20261203 },
      );
    },
  );

  test('a long run of digit groups across a window edge is read whole by the next window, as in one pass', async () => {
    const scanner = scanners[0];
    // 107 107 107 passes the elfproef: every three groups of the run are a BSN, counted from the run's start
    for (const run of [Array(1500).fill('107').join(' '), Array(500).fill('107 107 107').join('\n')]) {
      const text = `${'tekst '.repeat(1800)}${run} einde`; // the run starts before the first window's handover
      const windowed = await scanTextSource(bytesSource(utf8(text)), scanner, {}, { chunkBytes: 16384 });
      expect(shown(windowed)).toBe(shown(scanner(text)));
      expect(windowed.findings.find((f) => f.kind === 'bsn')?.count).toBe(500);
    }
  });

  test('a text that is no UTF-8 is scanned as Windows-1252, as without the walk', async () => {
    const scanner = scanners[0];
    // 'café BSN 111222333 geboortedatum 12-03-1985', é as the one byte 0xe9 of Windows-1252, then more text
    const latin = Uint8Array.from([
      ...utf8('caf'),
      0xe9,
      ...utf8(' BSN 111222333 geboortedatum 12-03-1985 en mail j.jansen@igj.nl\n'.repeat(40)),
    ]);
    const walked = await scanTextSource(bytesSource(latin), scanner, {}, { chunkBytes: 1024 });
    const plain = await scanTextSource(bytesSource(latin), typescriptOnly(scanner), {}, { chunkBytes: 1024 });
    expect(shown(walked)).toBe(shown(plain));
    expect(walked.findings.find((f) => f.kind === 'bsn')?.count).toBe(40);
  });

  test('UTF-8 that turns invalid in a later window: the whole file starts again as Windows-1252', async () => {
    const scanner = scanners[0];
    const good = utf8('BSN 111222333 café\n'.repeat(300));
    const bytes = Uint8Array.from([...good, 0xff, ...utf8(' BSN 123456782')]);
    const walked = await scanTextSource(bytesSource(bytes), scanner, {}, { chunkBytes: 1024 });
    const plain = await scanTextSource(bytesSource(bytes), typescriptOnly(scanner), {}, { chunkBytes: 1024 });
    expect(shown(walked)).toBe(shown(plain));
    expect(walked.findings.find((f) => f.kind === 'bsn')?.count).toBe(301);
  });

  test('a file read as a Blob, its windows filled into the walk\'s memory, that turns out no UTF-8: read again as Windows-1252', async () => {
    const scanner = scanners[0];
    const good = utf8('BSN 111222333 café\n'.repeat(800));
    const bytes = Uint8Array.from([...good, 0xff, ...utf8(' BSN 123456782')]);
    const blob = (): ReturnType<typeof blobSource> => blobSource(new Blob([bytes]));
    const walked = await scanTextSource(blob(), scanner, {}, { chunkBytes: 4096 });
    const plain = await scanTextSource(blob(), typescriptOnly(scanner), {}, { chunkBytes: 4096 });
    expect(shown(walked)).toBe(shown(plain));
    expect(walked.findings.find((f) => f.kind === 'bsn')?.count).toBe(801);
  });

  test('the next window starts at a character, also when the first window hands over in its first bytes', async () => {
    // a run of digit groups right after a two-byte character, longer than a window: handed over before it, at byte 3
    const text = `é ${Array(3000).fill('12').join(' ')}`;
    const walked = await scanTextSource(bytesSource(utf8(text)), scanners[0], {}, { chunkBytes: 4096 });
    expect(walked.scannedChars).toBe(text.length); // read as UTF-8: é is one character, not two of Windows-1252
  });

  test('two files scanned at once with one scanner: each its own walk', async () => {
    const scanner = scanners[0];
    const texts = ['BSN 111222333 café\n'.repeat(2000), 'mail j.jansen@igj.nl, IBAN NL91 ABNA 0417 1643 00\n'.repeat(1500)];
    const blobs = texts.map((t) => blobSource(new Blob([utf8(t)])));
    const results = await Promise.all(blobs.map((b) => scanTextSource(b, scanner, {}, { chunkBytes: 4096 })));
    results.forEach((r, k) => expect(shown(r)).toBe(shown(scanner(texts[k]))));
  });

  test('a window larger than any before moves the configuration on, and the walk reads it there', async () => {
    // the window stands at a fixed address and the configuration after it: a small, a large and a small window again
    const scanner = scanners[0];
    const walk = await scanner.bytes();
    if (!walk) throw new Error('no walk');
    const line = 'BIG-nummer 19012345601, geboren 12 maart 1985, café, mail a.b@igj.nl, NL91 ABNA 0417 1643 00\n';
    for (const text of [line.repeat(10), line.repeat(3000), line.repeat(10)]) {
      const out = new FindingCollector();
      walk.scanWindow(utf8(text), 0, 0, Infinity, true, 0, out);
      expect(shown(out.result(text.length))).toBe(shown(scanner(text)));
    }
  });

  test('a byte order mark is no part of the text, as without the walk', async () => {
    const scanner = scanners[0];
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('BSN 111222333 😀 mail a@b.nl')]);
    const walked = await scanTextSource(bytesSource(bytes), scanner, {});
    expect(shown(walked)).toBe(shown(scanner('BSN 111222333 😀 mail a@b.nl')));
  });

  test('reports progress in bytes per window and stops between windows when asked, naming what was not read', async () => {
    const scanner = scanners[0];
    const bytes = utf8('BSN 111222333 en wat tekst eromheen.\n'.repeat(2000));
    const seen: number[] = [];
    const stop = new AbortController();
    const result = await scanTextSource(bytesSource(bytes), scanner, {}, {
      chunkBytes: 8192,
      signal: stop.signal,
      onProgress: (p) => {
        if (p.kind === 'bytes') seen.push(p.done);
        if (seen.length === 3) stop.abort();
      },
    });
    expect(seen).toHaveLength(3);
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen[2]).toBeGreaterThan(seen[1]);
    expect(result.unread?.[0].code).toBe('cancelled');
    const found = result.findings.find((f) => f.kind === 'bsn')?.count ?? 0;
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(2000);
  });
});

describe('the WebAssembly walk on what the random pieces do not make', () => {
  const same = async (text: string, healthTerms: string[], chunkBytes?: number): Promise<ScanResult> => {
    const scanner = createScanner({ healthTerms, referenceDate: REFERENCE });
    const walked = await scanTextSource(bytesSource(utf8(text)), scanner, {}, chunkBytes ? { chunkBytes } : {});
    expect(shown(walked)).toBe(shown(scanner(text)));
    return walked;
  };
  const terms = (r: ScanResult): number => r.findings.find((f) => f.kind === 'healthTerm')?.count ?? 0;

  test('context words at every distance around the 40 and 24 character bounds, in characters of one to four bytes', async () => {
    // the walk looks for context words only where its byte classes say one may start: held against the text's rule
    const filler = fc
      .array(fc.constantFrom('a', 'é', '€', '😀', ' ', '-', 'b', 'Ü', 'x1', '\u0301'), { maxLength: 70 })
      .map((parts) => parts.join(''));
    const word = fc.constantFrom('BIG', 'big-nummer', 'BIG-registratie', 'bignr', 'Geboren', 'géboren', 'dob', 'ébig');
    const number = fc.constantFrom('19012345601', '12-03-1985', '12 maart 1985');
    const scanner = createScanner({ healthTerms: [], referenceDate: REFERENCE, birthdateNeedsContext: true });
    await fc.assert(
      fc.asyncProperty(fc.tuple(filler, word, filler, number, filler, word, filler), async (parts) => {
        const text = parts.join(' ').replace(/^ | $/g, '');
        const walked = await scanTextSource(bytesSource(utf8(text)), scanner, {});
        expect(shown(walked)).toBe(shown(scanner(text)));
      }),
      { numRuns: 3000, seed: 20261204 },
    );
  });

  test('a context word exactly at, and one character past, the 40 character bound before and the 24 after', async () => {
    const scanner = createScanner({ healthTerms: [], referenceDate: REFERENCE, birthdateNeedsContext: true });
    // `units` UTF-16 units of characters that are no word characters, of one to four bytes each
    const gap = (units: number, kinds: string[]): string => {
      let out = '';
      for (let k = 0; out.length < units; k++) out += out.length + kinds[k % kinds.length].length > units ? '-' : kinds[k % kinds.length];
      return out;
    };
    for (const kinds of [['-'], ['€', ' '], ['😀', '-', '€']]) {
      for (let d = 36; d <= 44; d++) {
        const cases = [
          { text: `BIG${gap(d, kinds)}19012345601`, kind: 'big', found: d <= 40 },
          { text: `geboren${gap(d, kinds)}12-03-1985`, kind: 'birthdate', found: d <= 40 },
          { text: `19012345601${gap(d - 16, kinds)}big-nummer`, kind: 'big', found: d - 16 <= 24 },
        ];
        for (const { text, kind, found } of cases) {
          const walked = await scanTextSource(bytesSource(utf8(text)), scanner, {});
          expect(shown(walked)).toBe(shown(scanner(text)));
          expect([text, walked.findings.find((f) => f.kind === kind)?.count ?? 0]).toEqual([text, found ? 1 : 0]);
        }
      }
    }
  });

  test('a configured term with a letter outside the BMP does not shift the terms stored after it', async () => {
    expect(terms(await same('medisch dossier', ['medisch 𝐀', 'medisch dossier']))).toBe(1);
  });

  test('term letters match their case partners beyond Latin, as the term regex does (Cyrillic, Greek, Ə)', async () => {
    expect(terms(await same('code_Диагноз en code_диагноз', ['диагноз']))).toBe(2);
    expect(terms(await same('XƏSTƏ', ['xəstə']))).toBe(1);
    expect(terms(await same('aΩ _ΟΔΟΣ', ['aω', 'οδος']))).toBe(2);
  });

  test('configured words longer than 256 characters', async () => {
    expect(terms(await same(`${'a'.repeat(300)} x`, ['a'.repeat(300)]))).toBe(1);
    expect(terms(await same(`zorg ${'a'.repeat(300)}`, [`zorg ${'a'.repeat(300)}`]))).toBe(1);
  });

  test('a run of labels over 255 characters after an @ is no address, also across a window edge', async () => {
    const text = `${'tekst '.repeat(400)}j@zorg.${'a'.repeat(3000)}.123456782.nl einde`;
    const r = await same(text, [], 4096);
    expect(r.findings.map((f) => f.kind)).toEqual(['bsn']);
  });
});

describe('without WebAssembly', () => {
  test('a text file is decoded and scanned in TypeScript, with the same result', async () => {
    const compile = WebAssembly.compile;
    (WebAssembly as { compile: unknown }).compile = () => Promise.reject(new WebAssembly.CompileError('refused by policy'));
    try {
      await jest.isolateModulesAsync(async () => {
        const scan = (await import('../../../../src/domain/scan')) as typeof import('../../../../src/domain/scan');
        const scanner = scan.createScanner({ ...fixture.configurations[0], referenceDate: REFERENCE });
        await expect(scanner.bytes()).resolves.toBeUndefined();
        const text = 'BSN 111222333, IBAN NL91 ABNA 0417 1643 00, patiëntendossier, café\n'.repeat(50);
        const result = await scan.scanTextSource(scan.bytesSource(utf8(text)), scanner, {}, { chunkBytes: 1024 });
        expect(shown(result)).toBe(shown(scanners[0](text)));
      });
    } finally {
      (WebAssembly as { compile: unknown }).compile = compile;
    }
  });
});
