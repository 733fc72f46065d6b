/**
 * package.json's `dependencies` are what the shipped product imports: every one is imported somewhere in src/, or
 * ships as a package asset (the OCR trained data, config/scan-assets.js). Tools, the workbench and tests use
 * devDependencies. A dependency nothing imports would be installed on every build and audited for nothing.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Every .ts/.tsx file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Package names src/ imports (static, dynamic and type imports; a subpath counts for its package). */
function importedBySrc(): Set<string> {
  const names = new Set<string>();
  // `import … from 'x'` / `export … from 'x'` at a line's start, and `import(/* chunk name */ 'x')`.
  const statics = /^\s*(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gm;
  const bare = /^\s*import\s+'([^']+)'/gm;
  const dynamic = /\bimport\(\s*(?:\/\*[^*]*\*\/\s*)?'([^']+)'\s*\)/g;
  const packageOf = (spec: string): string | undefined => {
    if (spec.startsWith('.')) return undefined;
    const parts = spec.split('/');
    return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  };
  for (const file of sources(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const re of [statics, bare, dynamic]) {
      for (const m of text.matchAll(re)) {
        const name = packageOf(m[1]);
        if (name) names.add(name);
      }
    }
  }
  return names;
}

/** Shipped as package assets by config/scan-assets.js, not imported. */
function shippedAsAssets(): Set<string> {
  const text = readFileSync(join(root, 'config', 'scan-assets.js'), 'utf8');
  return new Set([...text.matchAll(/from: '((?:@[^/']+\/)?[^/']+)\//g)].map((m) => m[1]));
}

describe('package.json dependencies', () => {
  it('lists only what src/ imports or ships as an asset', () => {
    const used = importedBySrc();
    const assets = shippedAsAssets();
    const unused = Object.keys(pkg.dependencies).filter((d) => !used.has(d) && !assets.has(d));
    expect(unused).toEqual([]);
  });

  it('lists every package src/ imports (SPFx and React included), none of them only as a devDependency', () => {
    const declared = new Set(Object.keys(pkg.dependencies));
    const missing = [...importedBySrc()].filter((name) => !declared.has(name)).sort();
    expect(missing).toEqual([]);
  });
});
