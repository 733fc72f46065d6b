#!/usr/bin/env node
/*
 * `npm test`: everything a clean clone needs, then every test.
 *   1. Chromium for the browser tests (Debian package, installed when missing);
 *   2. the workbench's browser bundle (the browser tests open it);
 *   3. type check of src/, test/ and workbench/ (strict);
 *   4. ESLint with the SPFx rules over src/;
 *   5. the SharePoint package (`npm run package`), only when it is missing and the SPFx host's browser tests run
 *      (test/browser/spfxHost*.test.ts load the .sppkg in the real SPFx runtime, docs/spfx-host.md);
 *   6. jest (unit, integration against the emulator, browser).
 * Extra arguments go to jest, e.g. `npm test -- test/domain`.
 */
const { spawnSync } = require('child_process');
const { existsSync, readFileSync, mkdtempSync } = require('fs');
const { join } = require('path');
const os = require('os');
const { ensureChromium } = require('./ensure-chromium');

const root = join(__dirname, '..');
const jestArgs = process.argv.slice(2);

function run(label, cmd, args) {
  console.log(`\n[test] ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  if (r.status !== 0) {
    console.error(`[test] ${label} failed (exit ${r.status})`);
    process.exit(r.status || 1);
  }
}

ensureChromium();
run('building the workbench bundle', process.execPath, ['scripts/build-workbench.js']);
if (jestArgs.length === 0) {
  run('type check', process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.jest.json', '--noEmit']);
  run('eslint', process.execPath, [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), 'src', '--ext', '.ts,.tsx', '--max-warnings', '0']);
}

// The SPFx host's tests need the package; a clean clone has none, so it is built once (about 1–2 minutes on 2 cores).
const sppkg = (() => {
  const config = JSON.parse(readFileSync(join(root, 'config', 'package-solution.json'), 'utf8'));
  return join(root, config.paths.packageDir || 'sharepoint', config.paths.zippedPackage);
})();
const runsHostTests = jestArgs.length === 0 || jestArgs.some((a) => /spfxHost|test\/browser\/?$|^test\/?$/.test(a));
if (runsHostTests && !existsSync(sppkg)) {
  const started = Date.now();
  run('building the SharePoint package for the SPFx host tests (npm run package)', process.execPath, ['scripts/package.js']);
  console.log(`[test] package built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

const out = join(mkdtempSync(join(os.tmpdir(), 'jest-')), 'result.json');
const r = spawnSync(process.execPath, [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', '--json', `--outputFile=${out}`, ...jestArgs], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FORCE_COLOR: '0' },
});
let summary = null;
try {
  summary = JSON.parse(readFileSync(out, 'utf8'));
} catch {
  /* jest crashed before writing: fall through to its exit code */
}
if (summary) {
  console.log(`\ntests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numPendingTests} skipped`);
  if (summary.numTotalTests === 0) {
    console.error('[test] no test ran');
    process.exit(1);
  }
}
process.exit(r.status === null ? 1 : r.status);
