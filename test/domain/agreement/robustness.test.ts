/** The loader never throws: any JSON, and any shipped configuration with one value replaced, gives ok or errors. */
import fc from 'fast-check';
import { loadAgreement } from '../../../src/domain/agreement';
import { rawConfig, shippedFiles } from './shippedConfigs';

/** Every path to a leaf or container in a JSON value, as [parent, key] pairs. */
function slots(node: unknown, out: Array<[Record<string | number, unknown>, string | number]> = []) {
  if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      out.push([node as Record<string | number, unknown>, Array.isArray(node) ? Number(k) : k]);
      slots(v, out);
    }
  }
  return out;
}

describe('loadAgreement robustness', () => {
  it('returns errors (never throws) for arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const result = loadAgreement(json);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
      }),
    );
  });

  it.each(shippedFiles())('%s with one value replaced loads or names the path, never throws', (file) => {
    const count = slots(rawConfig(file)).length;
    fc.assert(
      fc.property(fc.nat(count - 1), fc.jsonValue({ maxDepth: 2 }), (index, value) => {
        const doc = rawConfig(file);
        const [parent, key] = slots(doc)[index];
        parent[key] = value;
        const result = loadAgreement(doc);
        if (!result.ok) for (const e of result.errors) expect(typeof e.path).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});
