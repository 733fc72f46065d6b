#!/usr/bin/env node
/*
 * `npm run package`: the two deployable artifacts.
 *   1. sharepoint/solution/samenwerkingsruimte.sppkg   `gulp bundle --ship` + `gulp package-solution --ship`
 *      (web part for SharePoint, Teams tab and Teams personal app; the Toets ListView Command Set);
 *   2. teams/package/samenwerkingsruimte-teams.zip      Teams app package (manifest v1.17 + icons), for
 *      `m365 teams app publish`; manifest and localisation validated against Microsoft's schemas first.
 * Fails on any error, including a warning in the ship build (SPFx's gulp turns warnings into a failed build).
 * Prints each artifact's path and size. Deploying both is described in docs/deploy.md.
 */
'use strict';

const { spawnSync } = require('child_process');
const { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } = require('fs');
const { basename, join, relative } = require('path');
const { unzipSync, zipSync } = require('fflate');
const { writeTeamsIcons } = require('./teams-icons');
const { checkTeamsPackage, WEB_PART_ID } = require('./teams-manifest');

const root = join(__dirname, '..');
const teamsDir = join(root, 'teams');
const teamsZip = join(teamsDir, 'package', 'samenwerkingsruimte-teams.zip');
const COMMAND_SET_ID = '62a9b070-7b05-4a56-bf0e-7aeaaac6a725';
const started = Date.now();

function fail(message) {
  console.error(`\n[package] FAILED: ${message}`);
  process.exit(1);
}

function seconds(since) {
  return ((Date.now() - since) / 1000).toFixed(1);
}

/** Runs a gulp task; output streams through, and a non-zero exit or any warning on stderr fails the packaging. */
function gulp(...args) {
  const t = Date.now();
  console.log(`\n[package] gulp ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [require.resolve('gulp/bin/gulp.js'), ...args], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const stderr = r.stderr ? r.stderr.toString() : '';
  if (stderr) process.stderr.write(stderr);
  if (r.error) fail(`gulp ${args.join(' ')} could not start: ${r.error.message}`);
  if (r.status !== 0) fail(`gulp ${args.join(' ')} exited with ${r.status} (see the errors above)`);
  // Node's own "(node:123) [DEP0040] DeprecationWarning" notices about dependencies are printed but are not build
  // warnings; anything else that says warning is one, and fails the packaging.
  const warnings = stderr.split('\n').filter((l) => /warning/i.test(l) && !/^\(node:\d+\) \[DEP\d+\]/.test(l.trim()));
  if (warnings.length) fail(`gulp ${args.join(' ')} wrote ${warnings.length} warning(s) to stderr (see above); fix them`);
  console.log(`[package] gulp ${args.join(' ')}: ${seconds(t)} s`);
}

function size(file) {
  const bytes = statSync(file).size;
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** Reads the sppkg's solution path from config/package-solution.json (relative to sharepoint/). */
function sppkgPath() {
  const config = JSON.parse(readFileSync(join(root, 'config', 'package-solution.json'), 'utf8'));
  return join(root, config.paths.packageDir ?? 'sharepoint', config.paths.zippedPackage);
}

/** Checks the sppkg holds both components and the Teams manifest, so a broken package never leaves this script. */
function checkSppkg(file) {
  const entries = unzipSync(readFileSync(file));
  const names = Object.keys(entries);
  const text = names
    .filter((n) => /\.(xml|json)$/i.test(n))
    .map((n) => Buffer.from(entries[n]).toString('utf8'))
    .join('\n');
  for (const [id, what] of [
    [WEB_PART_ID, 'web part Samenwerkingsruimte'],
    [COMMAND_SET_ID, 'command set Toets'],
  ]) {
    if (!text.includes(id)) fail(`${relative(root, file)} does not contain the ${what} (${id})`);
  }
  if (!names.some((n) => /(^|\/)manifest\.json$/.test(n) && text.includes('ad14aca3-82b4-4c3b-ba09-e83dcb85ea9e'))) {
    fail(`${relative(root, file)} does not contain the Teams manifest (teams/manifest.json)`);
  }
  if (!names.some((n) => /ClientSideAssets\/.+\.js$/.test(n))) fail(`${relative(root, file)} holds no bundles`);
  return names.length;
}

// 1. Teams: icons (deterministic) and the manifest and its localisation files checked against Microsoft's v1.17 schemas
//    and the product's own rules, before anything slow runs.
writeTeamsIcons(teamsDir);
const teams = checkTeamsPackage(teamsDir);
if (teams.problems.length) fail(`the Teams manifest is invalid:\n  ${teams.problems.join('\n  ')}`);
// package-solution copies everything in teams/ into the sppkg, so an old Teams zip must not be lying there.
rmSync(join(teamsDir, 'package'), { recursive: true, force: true });
// The ship build does not clean its output: stale hashed bundles in release/assets would be packaged too.
for (const dir of ['lib', 'release', 'temp', 'dist', join('sharepoint', 'solution')]) {
  rmSync(join(root, dir), { recursive: true, force: true });
}

// 2. The SharePoint package.
gulp('bundle', '--ship');
gulp('package-solution', '--ship');
const sppkg = sppkgPath();
if (!existsSync(sppkg)) fail(`gulp package-solution did not write ${relative(root, sppkg)}`);
const entryCount = checkSppkg(sppkg);

// 3. The Teams app package: manifest, localization and icons at the zip's root, as Teams requires.
mkdirSync(join(teamsDir, 'package'), { recursive: true });
const files = Object.fromEntries(teams.files.map((f) => [basename(f), new Uint8Array(readFileSync(f))]));
writeFileSync(teamsZip, zipSync(files, { level: 9, mtime: new Date('2025-01-01T00:00:00Z') }));

console.log('\n[package] artifacts');
console.log(`  ${relative(root, sppkg)}  ${size(sppkg)}  (${entryCount} entries)`);
console.log(`  ${relative(root, teamsZip)}  ${size(teamsZip)}  (${Object.keys(files).join(', ')})`);
console.log(`[package] done in ${seconds(started)} s`);
