#!/usr/bin/env node
/*
 * Builds the scanner's WebAssembly walk (src/domain/scan/wasm/assembly/index.ts, AssemblyScript) and writes it as
 * base64 into src/domain/scan/wasm/module.ts, so the scan worker, the SPFx bundle and the tests get it with the code
 * that uses it (no asset to serve or fetch). The generated module is committed; test/domain/scan/wasm/module.test.ts
 * builds it again and fails when the committed one differs from its source.
 *   node scripts/build-scan-wasm.js            write module.ts
 *   node scripts/build-scan-wasm.js --print    print the base64 only (the test's check)
 */
const { execFileSync } = require('child_process');
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('fs');
const { tmpdir } = require('os');
const { join } = require('path');

const root = join(__dirname, '..');
const source = join(root, 'src', 'domain', 'scan', 'wasm', 'assembly', 'index.ts');
const target = join(root, 'src', 'domain', 'scan', 'wasm', 'module.ts');

function build() {
  const dir = mkdtempSync(join(tmpdir(), 'scan-wasm-'));
  try {
    const out = join(dir, 'scan.wasm');
    const asc = require.resolve('assemblyscript/bin/asc.js');
    execFileSync(process.execPath, [asc, source, '--runtime', 'stub', '-O3', '--noAssert', '--enable', 'simd', '--outFile', out], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    return readFileSync(out).toString('base64');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const base64 = build();
if (process.argv.includes('--print')) {
  process.stdout.write(base64);
} else {
  const lines = base64.match(/.{1,116}/g) ?? [];
  writeFileSync(
    target,
    [
      '/**',
      ' * The scanner\'s WebAssembly walk, built from ./assembly/index.ts by scripts/build-scan-wasm.js (AssemblyScript,',
      ' * stub runtime, -O3, SIMD). Generated: do not edit; run the script after changing the source.',
      ' */',
      'export const SCAN_WASM_BASE64 =',
      lines.map((l) => `  '${l}'`).join(' +\n') + ';',
      '',
    ].join('\n'),
  );
  console.log(`wrote ${target}: ${Buffer.from(base64, 'base64').length} bytes of WebAssembly`);
}
