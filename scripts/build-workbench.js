#!/usr/bin/env node
/*
 * Builds the local workbench's browser bundle with esbuild:
 *   workbench/client/main.tsx -> workbench/public/build/ (ES modules, code-split so the panes load lazily).
 * `npm start` and `npm test` both call it, so it is idempotent and skips the build when no input changed since the
 * last one (esbuild's metafile lists every input). `--force` rebuilds anyway.
 */
const { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } = require('fs');
const { dirname, join, relative } = require('path');

const root = join(__dirname, '..');
const entry = join(root, 'workbench', 'client', 'main.tsx');
const outdir = join(root, 'workbench', 'public', 'build');
const stampFile = join(outdir, 'build-meta.json');

/** Files whose change alone invalidates the bundle even though esbuild does not list them as inputs. */
const configInputs = ['package-lock.json', 'scripts/build-workbench.js', 'tsconfig.json', 'config/scan-assets.js'];

/** True when the previous build is newer than every input it used (and its outputs still exist). */
function upToDate() {
  if (!existsSync(stampFile)) return false;
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return false;
  }
  const builtAt = stamp.builtAt;
  const mtime = (p) => statSync(join(root, p)).mtimeMs;
  try {
    if (!stamp.outputs.every((o) => existsSync(join(root, o)))) return false;
    return [...stamp.inputs, ...configInputs].every((p) => mtime(p) <= builtAt);
  } catch {
    return false; // an input was deleted or renamed
  }
}

/**
 * Builds the bundle unless it is up to date; resolves to `{ skipped, ms, outputs }`.
 * @param {{ force?: boolean, quiet?: boolean }} [options]
 */
async function buildWorkbench(options = {}) {
  const log = options.quiet ? () => {} : (m) => console.log(`[build-workbench] ${m}`);
  if (!options.force && upToDate()) {
    log('bundle is up to date');
    return { skipped: true, ms: 0, outputs: JSON.parse(readFileSync(stampFile, 'utf8')).outputs };
  }
  const esbuild = require('esbuild');
  const started = Date.now();
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  // The scan's Web Worker, pdf.js's worker and the OCR assets, as the SPFx build ships them (config/scan-assets.js)
  const scanAssets = require('../config/scan-assets');
  const scanWorker = scanAssets.buildScanWorker();
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { main: entry },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome110', 'firefox110', 'safari16'],
    minify: true,
    sourcemap: 'linked',
    metafile: true,
    jsx: 'transform',
    jsxFactory: 'React.createElement',
    jsxFragment: 'React.Fragment',
    chunkNames: 'chunks/[name]-[hash]',
    loader: { '.json': 'json', '.css': 'css' },
    define: {
      'process.env.NODE_ENV': '"production"',
      global: 'globalThis',
      __webpack_public_path__: '"/build/"',
      __SCAN_ASSETS__: JSON.stringify(scanAssets.paths(scanWorker)),
    },
    logLevel: 'warning',
    tsconfig: join(root, 'tsconfig.json'),
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((p) => !p.startsWith('<'))
    .map((p) => relative(root, join(root, p)));
  for (const p of scanWorker.inputs) inputs.push(relative(root, join(root, p)));
  const outputs = Object.keys(result.metafile.outputs).map((p) => relative(root, join(root, p)));
  for (const [name, bytes] of scanAssets.outputs(scanWorker)) {
    mkdirSync(dirname(join(outdir, name)), { recursive: true });
    writeFileSync(join(outdir, name), bytes);
    outputs.push(relative(root, join(outdir, name)));
  }
  // The stamp is written last: an interrupted build leaves no stamp and is redone next time.
  writeFileSync(stampFile, JSON.stringify({ builtAt: started, inputs, outputs }, null, 1));
  const ms = Date.now() - started;
  log(`built ${outputs.filter((o) => o.endsWith('.js')).length} scripts in ${ms} ms -> ${relative(root, outdir)}/`);
  return { skipped: false, ms, outputs };
}

module.exports = { buildWorkbench, outdir };

if (require.main === module) {
  buildWorkbench({ force: process.argv.includes('--force') }).catch((e) => {
    console.error(`[build-workbench] failed: ${e && e.message ? e.message : e}`);
    process.exit(1);
  });
}
