/**
 * The committed WebAssembly (src/domain/scan/wasm/module.ts) is what its AssemblyScript source builds to: built again
 * here with the project's own compiler, byte for byte. A change to the source that was not built fails here.
 */
import { execFileSync } from 'child_process';
import { join } from 'path';
import { SCAN_WASM_BASE64 } from '../../../../src/domain/scan/wasm/module';

test('module.ts is the build of assembly/index.ts (run scripts/build-scan-wasm.js after changing it)', () => {
  const script = join(__dirname, '..', '..', '..', '..', 'scripts', 'build-scan-wasm.js');
  const built = execFileSync(process.execPath, [script, '--print'], { encoding: 'utf8' });
  expect(built.length).toBeGreaterThan(1000);
  expect(built === SCAN_WASM_BASE64).toBe(true);
}, 120000);
