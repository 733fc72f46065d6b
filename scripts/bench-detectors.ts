/**
 * Throughput of the personal-data scanner on generated Dutch-ish text, beside two baselines in the same run: a single
 * `/\d{9}/g` pass over the same text (the goal is at least half its speed) and a naive single-regex detector.
 * The scanner is measured on both of its paths: the text as a UTF-8 file in the product's 1 MiB windows, which the
 * WebAssembly walk reads as bytes (src/domain/scan/wasm/, what a text file gets), and the TypeScript scanner over the
 * decoded string (what extracted text gets, and a text file where WebAssembly cannot run). The generated text is
 * dense: an identifier or a look-alike in a third of its sentences, a number in most. A second text is a letter as
 * the memory bench writes it (scripts/bench-scan.ts): one sentence repeated, with a BSN and an IBAN every 200 lines,
 * scanned with the IGJ–CIBG agreement's health terms. Run:
 * `npx tsx scripts/bench-detectors.ts [megabytes]` (default 20). Prints MB/s (MB = 10^6 bytes of UTF-8) and, per
 * kind, how many identifiers were planted and how many each approach reports. Asserts only that both paths find the
 * same.
 */
import { buildSync } from 'esbuild';
import { readFileSync } from 'fs';
import { join } from 'path';
import { performance } from 'perf_hooks';
import {
  bytesSource,
  createScanner,
  DEFAULT_CHUNK_BYTES,
  FINDING_KINDS,
  scanTextSource,
  type FindingKind,
} from '../src/domain/scan';

const HEALTH_TERMS = ['diagnose', 'medisch dossier', 'patiëntendossier', 'medicatie', 'ggz', 'dementie', 'letsel'];
const WORDS = (
  'de het een en van in op te dat voor met is niet aan zijn ook bij als door naar om over tot uit werd wordt ' +
  'inspectie toezicht samenwerking overeenkomst register zorgaanbieder melding besluit maatregel beroepsbeoefenaar ' +
  'gegevens uitwisseling partijen artikel lid doelbinding werkafspraak accounthouder overleg evaluatie datalek ' +
  'vertrouwelijk openbaar rapport bijlage verslag kenmerk bedrag € 1.250,00 2026 12 artikel 9.6 versie 3 ' +
  'zaaknummer 2026-0412 pagina 7 tabel 4 coëfficiënt financiële privacy officer geïnformeerd'
).split(' ');

/** Deterministic PRNG (mulberry32) so every run benchmarks the same text. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function bsn(r: () => number): string {
  for (;;) {
    const d = Array.from({ length: 8 }, () => Math.floor(r() * 10));
    const last = d.reduce((s, x, k) => s + x * (9 - k), 0) % 11;
    if (last < 10 && d.some((x) => x > 0)) return d.join('') + String(last);
  }
}

function iban(r: () => number): string {
  const bban = 'ABNA' + Array.from({ length: 10 }, () => Math.floor(r() * 10)).join('');
  const numeric = (bban + 'NL00').replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  const check = 98n - (BigInt(numeric) % 97n);
  return `NL${check.toString().padStart(2, '0')}${bban}`.replace(/(.{4})(?=.)/g, '$1 ');
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Planted identifiers, one generator per kind. */
const PLANT: Record<FindingKind, (r: () => number) => string> = {
  bsn: (r) => `BSN ${bsn(r)}`,
  iban: (r) => `rekening ${iban(r)}`,
  big: (r) => `BIG-nummer ${String(10000000000 + Math.floor(r() * 89999999999))}`,
  email: (r) => `mail j.jansen${Math.floor(r() * 1000)}@igj.nl`,
  phone: (r) => `tel 06-${String(10000000 + Math.floor(r() * 89999999))}`,
  birthdate: (r) =>
    `geboortedatum ${pad(1 + Math.floor(r() * 28))}-${pad(1 + Math.floor(r() * 12))}-${1940 + Math.floor(r() * 80)}`,
  healthTerm: (r) => HEALTH_TERMS[Math.floor(r() * HEALTH_TERMS.length)],
};

/** Look-alikes that a validating scanner must skip: checksum failures, no context, future dates. */
const DECOYS: Array<(r: () => number) => string> = [
  (r) => {
    for (;;) {
      const d = String(100000000 + Math.floor(r() * 899999999));
      const sum = [...d].reduce((s, ch, k) => s + (k === 8 ? -Number(ch) : Number(ch) * (9 - k)), 0);
      if (sum % 11 !== 0) return `factuur ${d}`; // fails the elfproef
    }
  },
  (r) => `kenmerk ${String(10000000000 + Math.floor(r() * 89999999999))}`, // 11 digits, no BIG nearby
  (r) => {
    const valid = iban(r);
    return `rekening ${valid.slice(0, -1)}${(Number(valid.slice(-1)) + 1) % 10}`; // one digit off: fails mod-97
  },
  (r) => `vergadering ${pad(1 + Math.floor(r() * 28))}-${pad(1 + Math.floor(r() * 12))}-${2031 + Math.floor(r() * 5)}`,
];

function generate(bytes: number): { text: string; planted: Record<FindingKind, number>; decoys: number } {
  const r = rng(20261123);
  const planted = Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<FindingKind, number>;
  const parts: string[] = [];
  let size = 0;
  let decoys = 0;
  while (size < bytes) {
    let sentence = '';
    const n = 6 + Math.floor(r() * 14);
    for (let k = 0; k < n; k++) sentence += (k ? ' ' : '') + WORDS[Math.floor(r() * WORDS.length)];
    if (r() < 0.25) {
      const kind = FINDING_KINDS[Math.floor(r() * FINDING_KINDS.length)];
      sentence += ' ' + PLANT[kind](r);
      planted[kind]++;
    } else if (r() < 0.1) {
      sentence += ' ' + DECOYS[Math.floor(r() * DECOYS.length)](r);
      decoys++;
    }
    sentence += r() < 0.1 ? '.\n' : '. ';
    parts.push(sentence);
    size += sentence.length;
  }
  return { text: parts.join(''), planted, decoys };
}

/** The naive baseline: one alternation regex, no checksums, no context; what a quick implementation would do. */
const BASELINE = new RegExp(
  [
    '\\b\\d{9}\\b',
    '\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\\b',
    '\\b\\d{11}\\b',
    '[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+',
    '(?:\\+31|0031|\\b0)[1-9](?:[ -]?\\d){8}\\b',
    '\\b\\d{1,2}-\\d{1,2}-\\d{4}\\b',
    `\\b(?:${HEALTH_TERMS.join('|').replace(/ /g, '\\s+')})\\b`,
  ]
    .map((p) => `(${p})`)
    .join('|'),
  'giu',
);

function baseline(text: string): number[] {
  const counts = FINDING_KINDS.map(() => 0);
  BASELINE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BASELINE.exec(text)) !== null) {
    for (let g = 1; g <= counts.length; g++) if (m[g] !== undefined) counts[g - 1]++;
  }
  return counts;
}

function best<T>(runs: number, fn: () => T): { ms: number; value: T } {
  let ms = Infinity;
  let value = fn();
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    value = fn();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, value };
}

/**
 * The scanner as one esbuild bundle, like the browser gets it: tsx runs each module separately, and the calls across
 * module boundaries it compiles into property reads cost noticeably in the per-character loop.
 */
function bundledScan(): { createScanner: typeof createScanner; scanTextSource: typeof scanTextSource; bytesSource: typeof bytesSource } {
  const out = buildSync({
    entryPoints: [join(__dirname, '..', 'src', 'domain', 'scan', 'index.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    write: false,
  });
  const mod = { exports: {} as ReturnType<typeof bundledScan> };
  // eslint-disable-next-line no-new-func -- evaluating our own freshly built bundle, not outside input
  new Function('module', 'exports', out.outputFiles[0].text)(mod, mod.exports);
  return mod.exports;
}

const megabytes = Number(process.argv[2] ?? 20);
const { text, planted, decoys } = generate(megabytes * 1e6);
const mb = Buffer.byteLength(text, 'utf8') / 1e6;
const scan = createScanner({ healthTerms: HEALTH_TERMS, referenceDate: new Date('2026-11-23T00:00:00Z') });

const bundle = bundledScan();
const bundledScan9 = bundle.createScanner({
  healthTerms: HEALTH_TERMS,
  referenceDate: new Date('2026-11-23T00:00:00Z'),
});

/** The yardstick: one `/\d{9}/g` pass over the same text (the scanner's goal: at least half its speed). */
function nineDigits(): number {
  const re = /\d{9}/g;
  let n = 0;
  while (re.test(text)) n++;
  return n;
}

const full = best(3, () => scan(text));
const bundled = best(3, () => bundledScan9(text));
const nineDigitMatches = nineDigits();
const naive = best(3, () => baseline(text));
const utf8 = new TextEncoder().encode(text);

/**
 * The browser's path for a text file: the product's 1 MiB windows of bytes, each read by the walk; interleaved with
 * the `/\d{9}/g` pass, so a busy machine slows both alike (best of 7 each).
 */
async function fileMs(scanner: typeof bundledScan9): Promise<{ file: number; d9: number }> {
  const ms = { file: Infinity, d9: Infinity };
  for (let k = 0; k < 7; k++) {
    const t0 = performance.now();
    const r = await bundle.scanTextSource(bundle.bytesSource(utf8), scanner, {}, { chunkBytes: DEFAULT_CHUNK_BYTES });
    ms.file = Math.min(ms.file, performance.now() - t0);
    if (JSON.stringify(r.findings) !== JSON.stringify(bundled.value.findings)) throw new Error('the file path disagrees');
    ms.d9 = Math.min(ms.d9, best(1, nineDigits).ms);
  }
  return ms;
}
const foundFull = Object.fromEntries(full.value.findings.map((f) => [f.kind, f.count]));
if (JSON.stringify(bundled.value) !== JSON.stringify(full.value)) throw new Error('bundled scanner disagrees');

const rate = (ms: number): string => `${(mb / (ms / 1000)).toFixed(1)} MB/s`;
const ratio = (ms: number, d9: number): string => {
  const r = d9 / ms;
  return `${r.toFixed(2)} of its speed (goal: at least 0.50; ${r >= 0.5 ? 'met' : 'not met'})`;
};
/** The letter text, its `/\d{9}/g` pass, and the scanner on its two paths (best of 5 each). */
async function letter(): Promise<void> {
  const agreement = join(__dirname, '..', 'config', 'agreements', 'igj-cibg.json');
  const healthTerms = (JSON.parse(readFileSync(agreement, 'utf8')) as { healthTerms: string[] }).healthTerms;
  const scanner = bundle.createScanner({ healthTerms, birthdateNeedsContext: true });
  const line = 'De inspectie heeft het dossier van de zorgaanbieder ontvangen en beoordeeld; café €12,50 — geïnformeerd.\n';
  const plain = `${line.repeat(200)}Betrokkene BSN 111222333, IBAN NL91 ABNA 0417 1643 00.\n`.repeat(Math.ceil((megabytes * 1e6) / 21800));
  const bytes = new TextEncoder().encode(plain);
  const ms = { d9: Infinity, file: Infinity, string: Infinity };
  for (let k = 0; k < 5; k++) {
    let t0 = performance.now();
    const re = /\d{9}/g;
    while (re.test(plain));
    ms.d9 = Math.min(ms.d9, performance.now() - t0);
    t0 = performance.now();
    await bundle.scanTextSource(bundle.bytesSource(bytes), scanner, {}, { chunkBytes: DEFAULT_CHUNK_BYTES });
    ms.file = Math.min(ms.file, performance.now() - t0);
    t0 = performance.now();
    scanner(plain);
    ms.string = Math.min(ms.string, performance.now() - t0);
  }
  const size = bytes.length / 1e6;
  const at = (t: number): string => `${(size / (t / 1000)).toFixed(1)} MB/s (${t.toFixed(0)} ms)`;
  const of = (t: number): string => `${(ms.d9 / t).toFixed(2)} of its speed`;
  console.log(`\nthe letter text: ${size.toFixed(1)} MB, ${healthTerms.length} health terms (IGJ–CIBG), best of 5`);
  console.log(`single /\\d{9}/g pass over the string:                 ${at(ms.d9)}`);
  console.log(`scanner, the text as a UTF-8 file (WebAssembly walk):  ${at(ms.file)}: ${of(ms.file)}`);
  console.log(`scanner, TypeScript over the string (esbuild bundle):  ${at(ms.string)}: ${of(ms.string)}`);
}

void (async () => {
  const walked = await bundledScan9.bytes();
  if (!walked) throw new Error('no WebAssembly here: the file path would measure the TypeScript fallback');
  const { file, d9 } = await fileMs(bundledScan9);
  console.log(`the dense text: ${mb.toFixed(1)} MB generated Dutch-ish text, ${text.length} chars, node ${process.version}`);
  console.log(`single /\\d{9}/g pass over the string:                 ${rate(d9)} (${d9.toFixed(0)} ms, best of 7, ${nineDigitMatches} matches)`);
  console.log(`scanner, the text as a UTF-8 file (WebAssembly walk):  ${rate(file)} (${file.toFixed(0)} ms, best of 7): ${ratio(file, d9)}`);
  console.log(`scanner, TypeScript over the string (esbuild bundle):  ${rate(bundled.ms)} (${bundled.ms.toFixed(0)} ms, best of 3): ${ratio(bundled.ms, d9)}`);
  console.log(`same TypeScript, tsx modules:                          ${rate(full.ms)} (${full.ms.toFixed(0)} ms, best of 3)`);
  console.log(`naive single-regex baseline (no validation):           ${rate(naive.ms)} (${naive.ms.toFixed(0)} ms, best of 3)`);
  console.log(
    `planted identifiers per kind below, plus ${decoys} look-alikes (elfproef failures, 11 digits without BIG,`,
  );
  console.log('IBANs failing mod-97, future dates) that only the baseline reports:');
  console.log('kind        planted  scanner  baseline');
  FINDING_KINDS.forEach((k, i) => {
    console.log(
      `${k.padEnd(11)} ${String(planted[k]).padStart(7)} ${String(foundFull[k] ?? 0).padStart(8)} ${String(naive.value[i]).padStart(9)}`,
    );
  });
  await letter();
})();
