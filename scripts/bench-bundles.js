#!/usr/bin/env node
/*
 * Prints the size of each shipped component bundle after a ship build (`npm run package` or `gulp bundle --ship`):
 * per component, the entry bundle SharePoint loads on first paint and the lazy chunks it can load with `import()`,
 * raw (minified) and gzip (level 9, what the CDN roughly serves). React and react-dom are not counted: SPFx provides
 * them. Figures only; nothing is asserted here.
 */
'use strict';

const { existsSync, readdirSync, readFileSync } = require('fs');
const { join } = require('path');
const { gzipSync } = require('zlib');

const root = join(__dirname, '..');
const manifestsDir = join(root, 'release', 'manifests');
const assetDirs = ['release/assets', 'temp/deploy', 'dist'].map((d) => join(root, d));

const assetsDir = assetDirs.find((d) => existsSync(d) && readdirSync(d).some((f) => f.endsWith('.js')));
if (!assetsDir || !existsSync(manifestsDir)) {
  console.error('bench-bundles: no ship build found (release/assets + release/manifests); run `npm run package` first.');
  process.exit(1);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
const files = readdirSync(assetsDir).filter((f) => f.endsWith('.js'));
const measure = (file) => {
  const buf = readFileSync(join(assetsDir, file));
  return { file, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, text: buf.toString('utf8') };
};
const all = new Map(files.map((f) => [f, measure(f)]));
/** The content hash in a webpack file name (`name_<hash>.js`), which the entry's chunk map refers to. */
const hashOf = (file) => (/_([0-9a-f]{16,})\.js$/.exec(file) || [])[1];

const components = readdirSync(manifestsDir)
  .filter((f) => f.endsWith('.manifest.json'))
  .map((f) => JSON.parse(readFileSync(join(manifestsDir, f), 'utf8')))
  .sort((a, b) => a.alias.localeCompare(b.alias));

console.log(`bundle sizes (${assetsDir.slice(root.length + 1)}), gzip level 9\n`);
for (const m of components) {
  const entryFile = m.loaderConfig.scriptResources[m.loaderConfig.entryModuleId].path;
  const entry = all.get(entryFile);
  if (!entry) throw new Error(`entry bundle ${entryFile} of ${m.alias} is not in ${assetsDir}`);
  // Lazy chunks this entry's webpack runtime knows about (their hashes appear in its chunk map).
  const lazy = [...all.values()].filter((c) => c !== entry && c.file.startsWith('chunk.') && entry.text.includes(hashOf(c.file)));
  const sum = (list, key) => list.reduce((n, c) => n + c[key], 0);
  console.log(`${m.alias} (${m.id})`);
  console.log(`  ${'first load (entry)'.padEnd(56)}${kb(entry.raw)} raw ${kb(entry.gzip)} gzip   ${entry.file}`);
  for (const c of lazy) console.log(`  ${('  lazy ' + c.file).padEnd(56)}${kb(c.raw)} raw ${kb(c.gzip)} gzip`);
  console.log(`  ${'entry + all lazy chunks'.padEnd(56)}${kb(entry.raw + sum(lazy, 'raw'))} raw ${kb(entry.gzip + sum(lazy, 'gzip'))} gzip\n`);
}
const total = [...all.values()];
console.log(`all shipped JavaScript: ${total.length} files, ${kb(total.reduce((n, c) => n + c.raw, 0)).trim()} raw, ${kb(total.reduce((n, c) => n + c.gzip, 0)).trim()} gzip`);
