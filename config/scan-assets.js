/*
 * The personal-data scan's browser assets (what it needs to read PDFs and scans offline), one list for both builds:
 * the SPFx ship build (gulpfile.js, webpack) and the local workbench (scripts/build-workbench.js, esbuild). Each is
 * copied next to the bundles (SPFx: ClientSideAssets in the .sppkg, never a CDN of a third party) under a folder that
 * carries its version, and the code finds them through `__SCAN_ASSETS__` (src/scan/assets.ts) relative to the
 * bundle's public path.
 *   - pdf.js's worker (pdfjs-dist legacy build), renamed to .js so SharePoint serves it with a JavaScript MIME type;
 *   - tesseract.js's worker and its wasm core with SIMD (the wasm inlined, so no .wasm MIME type is needed);
 *   - the Dutch and English LSTM data (@tesseract.js-data, 4.0.0_best_int), in one folder: tesseract.js takes one
 *     langPath and keeps the names;
 *   - the scan's own Web Worker (src/scan/scanWorker.ts), bundled here with esbuild into one classic script, named
 *     by its content hash.
 */
'use strict';

const { createHash } = require('crypto');
const { readFileSync } = require('fs');
const { dirname, join } = require('path');

const root = join(__dirname, '..');
const version = (pkg) => require(join(root, 'node_modules', pkg, 'package.json')).version;

/** The copied files: module path in node_modules → path under the bundle's public path. */
function files() {
  const pdfjs = `scan/pdfjs-${version('pdfjs-dist')}`;
  const ocr = `scan/tesseract-${version('tesseract.js')}`;
  const core = `scan/tesseract-core-${version('tesseract.js-core')}`;
  const data = 'scan/tessdata-4.0.0_best_int';
  return [
    { key: 'pdfWorker', from: 'pdfjs-dist/legacy/build/pdf.worker.min.mjs', to: `${pdfjs}/pdf.worker.min.js` },
    { key: 'ocrWorker', from: 'tesseract.js/dist/worker.min.js', to: `${ocr}/worker.min.js` },
    { key: 'ocrCore', from: 'tesseract.js-core/tesseract-core-simd-lstm.wasm.js', to: `${core}/tesseract-core-simd-lstm.wasm.js` },
    { key: 'nld', from: '@tesseract.js-data/nld/4.0.0_best_int/nld.traineddata.gz', to: `${data}/nld.traineddata.gz` },
    { key: 'eng', from: '@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz', to: `${data}/eng.traineddata.gz` },
  ].map((f) => ({ ...f, source: require.resolve(f.from, { paths: [root] }) }));
}

/** The scan worker as one minified classic script (esbuild), with its output name. */
function buildScanWorker(options = {}) {
  const { buildSync } = require('esbuild');
  const result = buildSync({
    absWorkingDir: root,
    entryPoints: [join(root, 'src', 'scan', 'scanWorker.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome110', 'firefox110', 'safari16'],
    minify: options.minify !== false,
    write: false,
    metafile: true,
    logLevel: 'warning',
    tsconfig: join(root, 'tsconfig.json'),
  });
  const code = result.outputFiles[0].contents;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.startsWith('<'));
  return { name: `scan/scan-worker.${hash}.js`, code, inputs };
}

/** What `__SCAN_ASSETS__` holds: each asset's path under the public path (the trained data as its folder). */
function paths(worker) {
  const byKey = Object.fromEntries(files().map((f) => [f.key, f.to]));
  return {
    pdfWorker: byKey.pdfWorker,
    ocrWorker: byKey.ocrWorker,
    ocrCore: byKey.ocrCore,
    tessdata: dirname(byKey.nld),
    scanWorker: worker.name,
  };
}

/** Every file to write next to the bundles: path → bytes. */
function outputs(worker) {
  const out = new Map(files().map((f) => [f.to, readFileSync(f.source)]));
  out.set(worker.name, Buffer.from(worker.code));
  return out;
}

/**
 * A webpack plugin for the SPFx ship build: emits the assets into the bundle output (ClientSideAssets) and defines
 * `__SCAN_ASSETS__`.
 */
class ScanAssetsPlugin {
  apply(compiler) {
    const worker = buildScanWorker();
    const { RawSource } = compiler.webpack.sources;
    new compiler.webpack.DefinePlugin({ __SCAN_ASSETS__: JSON.stringify(paths(worker)) }).apply(compiler);
    compiler.hooks.thisCompilation.tap('ScanAssetsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'ScanAssetsPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const [name, bytes] of outputs(worker)) compilation.emitAsset(name, new RawSource(bytes));
        },
      );
    });
  }
}

module.exports = { files, buildScanWorker, paths, outputs, ScanAssetsPlugin };
