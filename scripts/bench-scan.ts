/**
 * Figures of the document scan (`npm run bench -- scan`): prints, asserts only the goal the scan must meet (OCR
 * recall of at least 95 % on the 300 dpi scans; the process exits 1 otherwise).
 *   1. recall on the corpus made by the real programs (test/fixtures/documents): BSN and IBAN found / expected per
 *      fixture, false positives on the look-alikes, time per document (pdf.js in Node, its worker in-process);
 *   2. OCR recall (tesseract.js, nld + eng) on the letter scanned at 300 dpi (JPEG, and the same as an image-only PDF
 *      rendered by pdf.js) and at 200 dpi (noisy JPEG, bilevel TIFF), with seconds per page;
 *   3. memory scanning a 240 MB text file in 1 MiB chunks, each measurement in its own process: the live set (forced
 *      collections, sampled at every piece read, every window's scan and between windows), the smallest V8 heap limit
 *      the whole scan completes under, and resident memory (maxRSS: from disk as a Blob, as the browser's File, from a
 *      buffer in memory, and the old whole-string scan);
 *   4. the size of the lazy chunks and assets: pdf.js (the chunk the PDF extractor loads), OCR, ODF, the browser glue,
 *      from the SPFx ship build when there is one (`npm run package`), else from the workbench bundle.
 * Run: `npx tsx scripts/bench-scan.ts [corpus|ocr|memory|bundles]…` (all by default).
 */
import { spawnSync } from 'child_process';
import { copyFileSync, createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { gzipSync } from 'zlib';
import { buildSync } from 'esbuild';
import {
  bytesSource,
  DEFAULT_CHUNK_BYTES,
  createScanner,
  scanFile,
  scanSource,
  scanText,
  type ScanOptions,
  type ScanResult,
} from '../src/domain/scan';
import { decodeText } from '../src/domain/scan/extract/decodeText';
import { blobSource } from '../src/scan/blobSource';
import { createTesseractEngine } from '../src/scan/ocr';
import { createPdfjsEngine } from '../src/scan/pdfjs';

const root = join(__dirname, '..');
const DOCS = join(root, 'test', 'fixtures', 'documents');
const OPTIONS: ScanOptions = {
  healthTerms: (JSON.parse(readFileSync(join(root, 'config', 'agreements', 'igj-cibg.json'), 'utf8')) as { healthTerms: string[] }).healthTerms,
  birthdateNeedsContext: true,
};
const CHUNK = process.env.BENCH_CHUNK_MB ? Number(process.env.BENCH_CHUNK_MB) * 1024 * 1024 : DEFAULT_CHUNK_BYTES;
const MB = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;
const count = (r: ScanResult, kind: 'bsn' | 'iban'): number => r.findings.find((f) => f.kind === kind)?.count ?? 0;

interface Expected {
  bsn: number;
  iban: number;
  unsupported?: string;
  unread?: string[];
  ocr?: boolean;
}

function fixtures(): Array<{ name: string; expected: Expected }> {
  return readdirSync(DOCS)
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => ({ name: f.replace(/\.expected\.json$/, ''), expected: JSON.parse(readFileSync(join(DOCS, f), 'utf8')) as Expected }));
}

async function pdfEngine(): Promise<ReturnType<typeof createPdfjsEngine>> {
  const g = globalThis as { pdfjsWorker?: unknown };
  const worker = 'pdfjs-dist/legacy/build/pdf.worker.mjs'; // pdf.js's worker module, run in-process (no types)
  g.pdfjsWorker ??= await import(worker);
  return createPdfjsEngine();
}

async function corpus(): Promise<void> {
  console.log('\n--- recall on the corpus (test/fixtures/documents, made by LibreOffice 7.4, Chromium, qpdf) ---');
  const pdf = await pdfEngine();
  const scanner = createScanner(OPTIONS);
  let want = 0;
  let got = 0;
  let falsePositives = 0;
  console.log('fixture                      BSN found/exp  IBAN found/exp  ms');
  for (const { name, expected } of fixtures()) {
    if (expected.ocr || expected.unsupported || expected.unread) continue;
    const t0 = performance.now();
    const r = await scanFile(name, new Uint8Array(readFileSync(join(DOCS, name))), scanner, { engines: { pdf } });
    const ms = performance.now() - t0;
    const b = count(r, 'bsn');
    const i = count(r, 'iban');
    if (expected.bsn + expected.iban === 0) falsePositives += b + i;
    else {
      want += expected.bsn + expected.iban;
      got += Math.min(b, expected.bsn) + Math.min(i, expected.iban);
    }
    console.log(`${name.padEnd(28)} ${`${b}/${expected.bsn}`.padStart(13)} ${`${i}/${expected.iban}`.padStart(15)} ${ms.toFixed(0).padStart(4)}`);
  }
  console.log(`recall on text documents: ${got}/${want} (${((100 * got) / want).toFixed(1)} %); false positives on look-alikes: ${falsePositives}`);
}

async function ocr(): Promise<boolean> {
  console.log('\n--- OCR recall (tesseract.js 7, nld + eng, 4.0.0_best_int) on the letter with 20 BSNs and 20 IBANs ---');
  const lang = mkdtempSync(join(tmpdir(), 'tessdata-'));
  for (const l of ['nld', 'eng']) {
    copyFileSync(require.resolve(`@tesseract.js-data/${l}/4.0.0_best_int/${l}.traineddata.gz`), join(lang, `${l}.traineddata.gz`));
  }
  const engine = createTesseractEngine({ langPath: lang });
  const pdf = await pdfEngine();
  let ok = true;
  try {
    const t0 = performance.now();
    await engine.recognize(new Uint8Array(readFileSync(join(DOCS, 'scan-200.tif'))));
    console.log(`worker start + first page: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const cases: Array<[string, string]> = [
      ['scan-300.jpg', '300 dpi, JPEG, mild noise'],
      ['scan-300.pdf', '300 dpi, image-only PDF (pdf.js renders at 300 dpi)'],
      ['scan-200-noisy.jpg', '200 dpi, JPEG, more noise and blur'],
      ['scan-200.tif', '200 dpi, bilevel TIFF (Group 4)'],
    ];
    for (const [name, what] of cases) {
      const started = performance.now();
      const r = await scanFile(name, new Uint8Array(readFileSync(join(DOCS, name))), OPTIONS, { engines: { pdf, ocr: engine } });
      const s = (performance.now() - started) / 1000;
      const b = count(r, 'bsn');
      const i = count(r, 'iban');
      const recall = (b + i) / 40;
      console.log(`${name.padEnd(20)} ${what.padEnd(52)} BSN ${b}/20  IBAN ${i}/20  recall ${(100 * recall).toFixed(1)} %  ${s.toFixed(1)} s`);
      if (name.includes('300') && recall < 0.95) {
        ok = false;
        console.log(`  FAIL: the goal is at least 95 % recall on the 300 dpi scans`);
      }
    }
  } finally {
    await engine.terminate();
    rmSync(lang, { recursive: true, force: true });
  }
  console.log(ok ? 'OCR recall at 300 dpi: at least 95 % (asserted)' : 'OCR recall at 300 dpi below 95 %');
  return ok;
}

/** Writes a text file of about `bytes`: Dutch-ish lines with a BSN and an IBAN now and then (or the same lines without). */
async function bigText(path: string, bytes: number, plant = true): Promise<number> {
  const out = createWriteStream(path);
  const line = 'De inspectie heeft het dossier van de zorgaanbieder ontvangen en beoordeeld; café €12,50 — geïnformeerd.\n';
  const last = plant ? 'Betrokkene BSN 111222333, IBAN NL91 ABNA 0417 1643 00.' : 'Betrokkene zonder nummer, zonder rekening, geen kenmerk.';
  const block = `${line.repeat(200)}${last}\n`;
  let written = 0;
  let planted = 0;
  const chunk = block.repeat(100);
  while (written < bytes) {
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    written += Buffer.byteLength(chunk);
    planted += plant ? 100 : 0;
  }
  await new Promise<void>((resolve) => {
    out.end(() => resolve());
  });
  return planted;
}

/** Child process: scans the file one way and prints JSON with RSS before and the peak (maxRSS). */
async function memoryChild(mode: string, path: string): Promise<void> {
  const scanner = createScanner(OPTIONS);
  scanText('warm up BSN 111222333', OPTIONS);
  let r: ScanResult;
  const size = statSync(path).size;
  if (mode === 'live') {
    await liveChild(path, scanner, size);
    return;
  }
  if (mode === 'blob') {
    const { openAsBlob } = require('fs') as { openAsBlob(p: string): Promise<Blob> };
    const blob = await openAsBlob(path);
    const before = process.memoryUsage().rss;
    const t0 = performance.now();
    r = await scanSource('groot.txt', blobSource(blob), scanner, { chunkBytes: CHUNK });
    report(before, t0, r, size, 0);
  } else if (mode === 'buffer') {
    const file: Uint8Array = readFileSync(path); // a Buffer is a Uint8Array: no second copy
    const before = process.memoryUsage().rss;
    const t0 = performance.now();
    r = await scanSource('groot.txt', bytesSource(file), scanner, { chunkBytes: CHUNK });
    report(before, t0, r, size, file.length);
  } else {
    const file: Uint8Array = readFileSync(path);
    const before = process.memoryUsage().rss;
    const t0 = performance.now();
    r = scanner(decodeText(file)); // the scan before chunked reading: the whole file as one string
    report(before, t0, r, size, file.length);
  }
}

/**
 * Child process (run with --expose-gc): the live set of the chunked scan from a Blob, sampled after two forced
 * collections (the second also finishes the first one's sweeping of freed buffers) at every piece read from the file,
 * at the start of each window's scan and after each window. Live = V8 heap in use + memory outside it (ArrayBuffers and
 * the walk's WebAssembly memory, which Node counts as external, not as ArrayBuffers), above what the process held
 * before the scan.
 */
async function liveChild(path: string, scanner: ReturnType<typeof createScanner>, size: number): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const { openAsBlob } = require('fs') as { openAsBlob(p: string): Promise<Blob> };
  const blob = await openAsBlob(path);
  const used = (): { heap: number; buffers: number } => {
    gc();
    gc();
    const m = process.memoryUsage();
    return { heap: m.heapUsed, buffers: m.external };
  };
  const base = used();
  const peak = { live: 0, heap: 0, buffers: 0, at: '' };
  let samples = 0;
  const sample = (at: string): void => {
    const m = used();
    samples++;
    const live = m.heap - base.heap + (m.buffers - base.buffers);
    if (live > peak.live) Object.assign(peak, { live, heap: m.heap - base.heap, buffers: m.buffers - base.buffers, at });
  };
  const source = blobSource(blob);
  const stream = source.stream as NonNullable<typeof source.stream>;
  const measured: typeof source = {
    ...source,
    stream: (start, end) => {
      const reader = stream(start, end);
      return { read: () => reader.read().then((piece) => (sample('reading the file'), piece)) };
    },
  };
  const engine = scanner.engine;
  const bytes = await scanner.bytes();
  const probe = Object.assign((text: string) => scanner(text), {
    engine: {
      scanWindow: (...args: Parameters<typeof engine.scanWindow>) => {
        sample("a window's scan (its bytes and text)");
        engine.scanWindow(...args);
      },
    },
    bytes: async () =>
      bytes && {
        scanWindow: (...args: Parameters<typeof bytes.scanWindow>) => {
          sample("a window's scan (its bytes, in WebAssembly memory)");
          return bytes.scanWindow(...args);
        },
        units: (n: number) => bytes.units(n),
        buffer: (capacity: number) => bytes.buffer(capacity),
      },
  });
  const t0 = performance.now();
  const r = await scanSource('groot.txt', measured, probe, { chunkBytes: CHUNK, onProgress: () => sample('between windows') });
  const ms = performance.now() - t0;
  const after = used();
  const result = after.heap - base.heap; // the result (its positions, in the heap) is still referenced
  process.stdout.write(JSON.stringify({ ...peak, result, samples, ms, bsn: count(r, 'bsn'), iban: count(r, 'iban'), size, positions: r.findings.reduce((n, f) => n + f.count, 0) }));
}

function report(before: number, t0: number, r: ScanResult, size: number, held: number): void {
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    JSON.stringify({ before, peak, ms: performance.now() - t0, bsn: count(r, 'bsn'), iban: count(r, 'iban'), size, held }),
  );
}

/**
 * The chunked scan alone (the scan modules and the Blob source, bundled by esbuild, run by plain node), for a run
 * under a small V8 heap limit: it prints the heap in use before the scan and what it found.
 */
function limitScript(dir: string): string {
  const file = join(dir, 'limit-child.js');
  buildSync({
    stdin: {
      contents: `
        import { openAsBlob } from 'fs';
        import { createScanner, scanSource } from './src/domain/scan';
        import { blobSource } from './src/scan/blobSource';
        (async () => {
          const scanner = createScanner(${JSON.stringify(OPTIONS)});
          scanner('warm up BSN 111222333');
          const blob = await openAsBlob(process.argv[2]);
          const before = process.memoryUsage().heapUsed;
          const r = await scanSource('groot.txt', blobSource(blob), scanner, { chunkBytes: ${CHUNK} });
          const n = (k) => r.findings.find((f) => f.kind === k)?.count ?? 0;
          process.stdout.write(JSON.stringify({ before, bsn: n('bsn'), iban: n('iban') }));
        })();`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    outfile: file,
    logLevel: 'warning',
  });
  return file;
}

async function memory(): Promise<void> {
  console.log('\n--- memory scanning a 240 MB text file in chunks (each measurement in its own process) ---');
  const dir = mkdtempSync(join(tmpdir(), 'bench-scan-'));
  const path = join(dir, 'groot.txt');
  try {
    const planted = await bigText(path, 240e6);
    const size = statSync(path).size;
    const chunks = (n: number): string => `${(n / CHUNK).toFixed(2)} chunks`;
    console.log(`file: ${MB(size)}, ${planted} BSNs and ${planted} IBANs; chunk ${CHUNK / 1024 / 1024} MiB, so 3 chunks = ${MB(3 * CHUNK)}`);
    const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

    // 1. the live set: what is still referenced after forced collections, sampled all through the scan; on a file of
    // the same size without identifiers (the result stays empty) it is the scan's working set alone
    // (tsx as an in-process loader, so --expose-gc reaches the script; tsx's CLI would start another process)
    const plain = join(dir, 'zonder.txt');
    await bigText(plain, 240e6, false);
    for (const [file, what] of [
      [path, 'the file above'],
      [plain, 'the same lines without identifiers (empty result: the working set alone)'],
    ]) {
      const live = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', __filename, '--memory-child', 'live', file], {
        cwd: root,
        encoding: 'utf8',
      });
      if (live.status !== 0) {
        console.log(`live set: failed ${live.stderr.slice(0, 400)}`);
        continue;
      }
      const m = JSON.parse(live.stdout) as { live: number; heap: number; buffers: number; at: string; result: number; samples: number; positions: number };
      console.log(
        `LIVE-SET PEAK, ${what}: ${MB(m.live)} = ${chunks(m.live)} (${m.live <= 3 * CHUNK ? 'within' : 'above'} 3 chunks), at ${m.at}\n` +
          `  = V8 heap ${MB(m.heap)} (the scan's bookkeeping${m.positions ? ", the result's positions" : ''}) + outside the heap ${MB(m.buffers)} ` +
          `(the walk's WebAssembly memory, which holds the window the file is read into; the file reader's pieces); ` +
          `${m.samples} samples after forced GC (each piece read, each window's scan, between windows)` +
          (m.positions ? `\n  the result (${m.positions} positions) still held after the scan: ${MB(m.result)} of V8 heap` : ''),
      );
    }
    rmSync(plain, { force: true });

    // 2. a bound by construction: the scan under a V8 heap limit it cannot exceed (ArrayBuffers are outside the heap)
    const script = limitScript(dir);
    let limitLine = 'HEAP-LIMIT RUN: did not complete under 64 MB';
    for (let limit = 4; limit <= 64; limit++) {
      const run = spawnSync(process.execPath, [`--max-old-space-size=${limit}`, script, path], { cwd: root, encoding: 'utf8' });
      if (run.status === 0) {
        const m = JSON.parse(run.stdout) as { before: number; bsn: number; iban: number };
        limitLine =
          `HEAP-LIMIT RUN: the whole 240 MB scan completes with --max-old-space-size=${limit} (MB) and runs out of heap at ${limit - 1}; ` +
          `heap in use before the scan ${MB(m.before)}; BSN ${m.bsn}, IBAN ${m.iban}`;
        break;
      }
    }
    console.log(limitLine);

    // 3. resident memory (maxRSS): what the operating system sees, the collector's slack included
    for (const [mode, what] of [
      ['blob', 'chunks read from the file on disk (a Blob, as the browser File)'],
      ['buffer', 'chunks of the file held in memory (the upload holds it)'],
      ['whole', 'the earlier design: the whole file decoded to one string'],
    ]) {
      const r = spawnSync(process.execPath, [tsx, __filename, '--memory-child', mode, path], {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 1024 * 1024,
      });
      if (r.status !== 0) {
        console.log(`${mode}: failed ${r.stderr.slice(0, 400)}`);
        continue;
      }
      const m = JSON.parse(r.stdout) as { before: number; peak: number; ms: number; bsn: number; iban: number; held: number };
      console.log(
        `RSS PEAK, ${what.padEnd(62)} ${MB(m.peak)} (before the scan ${MB(m.before)}${m.held ? `, file held ${MB(m.held)}` : ''}); ` +
          `beyond: ${MB(m.peak - m.before)}; ${(size / 1e6 / (m.ms / 1000)).toFixed(0)} MB/s; BSN ${m.bsn}, IBAN ${m.iban}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function bundles(): void {
  console.log('\n--- lazy chunks and assets of the scan (gzip level 9) ---');
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
  const show = (label: string, file: string): void => {
    const buf = readFileSync(file);
    console.log(`${label.padEnd(44)} ${kb(buf.length).padStart(11)} raw ${kb(gzipSync(buf, { level: 9 }).length).padStart(11)} gzip   ${file.slice(root.length + 1)}`);
  };
  const ship = ['release/assets', 'temp/deploy'].map((d) => join(root, d)).find((d) => existsSync(d) && readdirSync(d).some((f) => f.startsWith('chunk.pdf_')));
  if (ship) {
    console.log(`SPFx ship build (${ship.slice(root.length + 1)}):`);
    const files = readdirSync(ship);
    for (const [label, prefix] of [
      ['PDF extractor (pdf.js), loaded when a PDF is chosen', 'chunk.pdf_'],
      ['OCR (tesseract.js API)', 'chunk.ocr_'],
      ['ODF reader', 'chunk.odf_'],
      ['browser scan glue', 'chunk.scan-browser_'],
    ]) {
      const f = files.find((n) => n.startsWith(prefix) && n.endsWith('.js'));
      if (f) show(label, join(ship, f));
    }
    const scanDir = join(ship, 'scan');
    if (existsSync(scanDir)) {
      const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
      for (const f of walk(scanDir)) show(`asset ${f.slice(f.lastIndexOf('/') + 1).replace(/\.[0-9a-f]{16}\./, '.')}`, f);
    }
  } else console.log('no SPFx ship build found (run `npm run package` first); the workbench bundle instead:');
  const wb = join(root, 'workbench', 'public', 'build', 'chunks');
  if (existsSync(wb)) {
    for (const f of readdirSync(wb).filter((n) => /^(pdf|odf|browser)-.*\.js$/.test(n))) show(`workbench chunk ${f.split('-')[0]}`, join(wb, f));
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === '--memory-child') {
    await memoryChild(process.argv[3], process.argv[4]);
    return;
  }
  const wanted = process.argv.slice(2);
  const run = (name: string): boolean => wanted.length === 0 || wanted.includes(name);
  let ok = true;
  if (run('corpus')) await corpus();
  if (run('ocr')) ok = (await ocr()) && ok;
  if (run('memory')) await memory();
  if (run('bundles')) bundles();
  if (!ok) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
