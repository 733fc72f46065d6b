/** src/domain stays pure: no SPFx, PnPjs, React or Fluent UI, and no Node I/O modules. */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

const DOMAIN = join(__dirname, '..', '..', 'src', 'domain');

/** Module specifiers the domain may never import. */
const FORBIDDEN = [
  /^@microsoft\//,
  /^@pnp\//,
  /^react(-dom)?(\/|$)/,
  /^@fluentui\//,
  /^(node:)?(fs|fs\/promises|path|os|http|https|net|child_process|worker_threads)$/,
];

/** Every module specifier in a source text: static imports, re-exports, dynamic import() and require(). */
export function importsOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\bimport\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?[^'";]*?\s+from\s+['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const p of patterns) for (const m of source.matchAll(p)) found.push(m[1]);
  return found;
}

/** The forbidden specifiers a source text imports. */
export function forbiddenImports(source: string): string[] {
  return importsOf(source).filter((spec) => FORBIDDEN.some((f) => f.test(spec)));
}

/** Every .ts/.tsx file under a directory. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('domain purity', () => {
  it('detects each kind of forbidden import (the check itself can fail)', () => {
    expect(forbiddenImports("import { sp } from '@pnp/sp';")).toEqual(['@pnp/sp']);
    expect(forbiddenImports("import * as React from 'react';")).toEqual(['react']);
    expect(forbiddenImports("import type { X } from '@microsoft/sp-http';")).toEqual(['@microsoft/sp-http']);
    expect(forbiddenImports("export { Button } from '@fluentui/react-components';")).toEqual([
      '@fluentui/react-components',
    ]);
    expect(forbiddenImports("const d = await import('react-dom');")).toEqual(['react-dom']);
    expect(forbiddenImports("const fs = require('fs');")).toEqual(['fs']);
    expect(forbiddenImports("import 'node:http';")).toEqual(['node:http']);
    expect(
      forbiddenImports(
        "import { z } from 'zod';\nimport { unzipSync } from 'fflate';\nimport { x } from './reactive';",
      ),
    ).toEqual([]);
  });

  const files = sourceFiles(DOMAIN);

  it('finds the domain sources', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(DOMAIN, f), f] as const))('%s imports nothing forbidden', (_name, file) => {
    expect(forbiddenImports(readFileSync(file, 'utf8'))).toEqual([]);
  });
});
