/** Loads a committed agreement configuration through the real loader, failing loudly when it does not validate. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { loadAgreement } from '../../src/domain/agreement';
import type { AgreementConfig } from '../../src/domain/agreement/schema';

/** The validated configuration from config/agreements/<name>.json. */
export function loadConfigFixture(name = 'igj-cibg'): AgreementConfig {
  const raw: unknown = JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'config', 'agreements', `${name}.json`), 'utf8'),
  );
  const result = loadAgreement(raw);
  if (!result.ok) throw new Error(`config ${name} invalid: ${JSON.stringify(result.errors)}`);
  return result.config;
}
