import { createHash } from 'crypto';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { fingerprint, loadAgreement, loadAgreementText } from '../../../src/domain/agreement';
import { readStamped, STAMP_KEY, stampedText, VALIDATOR_VERSION } from '../../../src/domain/agreement/stamp';
import { shippedConfig, shippedFiles } from './shippedConfigs';

const AGREEMENT_SRC = join(__dirname, '..', '..', '..', 'src', 'domain', 'agreement');

/** What decides whether a configuration passes: the schema, the loader, the cross-references and zod itself. */
function validatorSources(): string {
  const files = ['schema.ts', 'load.ts', ...readdirSync(join(AGREEMENT_SRC, 'crossref')).sort().map((f) => `crossref/${f}`)];
  const hash = createHash('sha256');
  for (const f of files) {
    hash.update(`${f}\n`);
    hash.update(readFileSync(join(AGREEMENT_SRC, f), 'utf8').replace(/\r\n/g, '\n'));
  }
  hash.update(`zod@${(require('zod/package.json') as { version: string }).version}`);
  return hash.digest('hex').slice(0, 16);
}

describe('validation stamp of the stored configuration', () => {
  it('names this validator: VALIDATOR_VERSION follows every change of the schema, the loader, the cross-references or zod', () => {
    // When this fails, set VALIDATOR_VERSION to the value received: stamps written by the old validator are then
    // validated in full again at their next load, instead of trusted.
    expect(VALIDATOR_VERSION).toBe(validatorSources());
  });

  it.each(shippedFiles())('%s: the stamped file reads back as exactly what the validator returned', async (file) => {
    const config = shippedConfig(file);
    const text = await stampedText(config);
    const stored = JSON.parse(text) as Record<string, { validator: string; sha256: string }>;
    expect(stored[STAMP_KEY].validator).toBe(VALIDATOR_VERSION);
    expect(stored[STAMP_KEY].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await readStamped(text)).toEqual(config);
    // The full loader reads the stamped file to the same configuration, whatever the stamp says.
    const full = loadAgreementText(text);
    expect(full.ok && full.config).toEqual(config);
    // The stamp is no rule: the change trail does not list it.
    expect(Object.keys(fingerprint(stored)).some((p) => p.startsWith(STAMP_KEY))).toBe(false);
  });

  it('is deterministic, so provisioning a second time finds the file unchanged', async () => {
    const config = shippedConfig('igj-cibg.json');
    expect(await stampedText(config)).toBe(await stampedText(shippedConfig('igj-cibg.json')));
  });

  it('is not trusted once anything in the file changed: a field, a key added, the stamp itself', async () => {
    const text = await stampedText(shippedConfig('igj-cibg.json'));
    const edited = (change: (json: Record<string, any>) => void): string => {
      const json = JSON.parse(text) as Record<string, any>;
      change(json);
      return JSON.stringify(json, null, 2);
    };
    // A breach address changed by hand (art. 9.6), still valid JSON.
    expect(await readStamped(edited((j) => (j.parties[1].breachAddress = 'iemand@elders.example')))).toBeUndefined();
    expect(await readStamped(edited((j) => (j.space.extra = true)))).toBeUndefined();
    expect(await readStamped(edited((j) => (j[STAMP_KEY].validator = 'ffffffffffffffff')))).toBeUndefined();
    expect(await readStamped(edited((j) => (j[STAMP_KEY].sha256 = '0'.repeat(64))))).toBeUndefined();
    expect(await readStamped(edited((j) => delete j[STAMP_KEY]))).toBeUndefined();
    expect(await readStamped(edited((j) => (j[STAMP_KEY] = 'ok')))).toBeUndefined();
    // Formatting alone is no change: the digest is over the parsed content.
    expect(await readStamped(JSON.stringify(JSON.parse(text)))).toEqual(shippedConfig('igj-cibg.json'));
  });

  it('never throws on text that is no configuration', async () => {
    for (const text of ['', 'not json', 'null', '[]', '42', '{"_validated": null}']) expect(await readStamped(text)).toBeUndefined();
  });

  it('a file changed by hand with its old stamp is validated in full and refused with the field named (art. 9.6)', async () => {
    const json = JSON.parse(await stampedText(shippedConfig('igj-cibg.json'))) as Record<string, any>;
    json.parties[1].breachAddress = 'geen adres';
    expect(await readStamped(JSON.stringify(json))).toBeUndefined();
    const result = loadAgreement(json);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toContain('parties[1].breachAddress');
  });

  it('writes no stamp where Web Crypto is missing, so every load validates in full', async () => {
    const crypto = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      const text = await stampedText(shippedConfig('igj-cibg.json'));
      expect(STAMP_KEY in (JSON.parse(text) as object)).toBe(false);
      expect(await readStamped(text)).toBeUndefined();
    } finally {
      if (crypto) Object.defineProperty(globalThis, 'crypto', crypto);
    }
  });
});
