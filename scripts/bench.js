#!/usr/bin/env node
/*
 * `npm run bench`: prints every benchmark's figures (nothing is asserted; speed and size never live in unit tests).
 *   - bundle sizes of the shipped SPFx components (needs `npm run package` first; skipped with a note otherwise);
 *   - personal-data detector throughput beside a `/\d{9}/g` pass and a single-regex baseline (scripts/bench-detectors.ts);
 *   - the document scan: corpus recall, OCR recall at 300/200 dpi, peak memory for 240 MB, lazy chunk sizes
 *     (scripts/bench-scan.ts);
 *   - library and register views at 100,000 items: requests and time to first page (scripts/bench-views.ts);
 *   - the dashboard's first render in Chromium at 100,000 documents: requests and time (scripts/bench-first-render.ts);
 *   - emulator figures at 100,000 items (workbench/emulator/bench.ts);
 *   - what the real SPFx loader fetches of the product before the dashboard's first render and before the command
 *     set's dialog shows, in the SPFx host (scripts/bench-spfx-host.ts; needs `npm run package` first).
 * `npm run bench -- views` runs one of: bundles, detectors, scan, views, first-render, emulator, spfx-host.
 */
const { spawnSync } = require('child_process');
const { existsSync } = require('fs');
const { join } = require('path');

const root = join(__dirname, '..');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const benches = {
  bundles: () =>
    existsSync(join(root, 'release', 'manifests'))
      ? [process.execPath, ['scripts/bench-bundles.js']]
      : null,
  detectors: () => [process.execPath, [tsx, 'scripts/bench-detectors.ts']],
  scan: () => [process.execPath, [tsx, 'scripts/bench-scan.ts']],
  views: () => [process.execPath, [tsx, 'scripts/bench-views.ts']],
  'first-render': () => [process.execPath, [tsx, 'scripts/bench-first-render.ts']],
  emulator: () => [process.execPath, [tsx, 'workbench/emulator/bench.ts']],
  'spfx-host': () => [process.execPath, [tsx, 'scripts/bench-spfx-host.ts']],
};

const wanted = process.argv.slice(2);
const names = wanted.length ? wanted : Object.keys(benches);
let failed = false;
for (const name of names) {
  const make = benches[name];
  if (!make) {
    console.error(`bench: unknown benchmark '${name}' (known: ${Object.keys(benches).join(', ')})`);
    process.exit(2);
  }
  const cmd = make();
  console.log(`\n=== ${name} ===`);
  if (!cmd) {
    console.log('no ship build found: run `npm run package` first, then `npm run bench -- bundles`');
    continue;
  }
  const r = spawnSync(cmd[0], cmd[1], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
