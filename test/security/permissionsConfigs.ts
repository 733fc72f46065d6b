/** The configurations the permission matrix covers: every shipped one and a three-party one. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { loadAgreement } from '../../src/domain/agreement';
import type { AgreementConfig } from '../../src/domain/agreement/schema';
import { loadConfigFixture } from '../helpers/config';

/** The three-party test configuration (IGJ, CIBG, NZa). */
export function threePartyConfig(): AgreementConfig {
  const raw: unknown = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'agreements', 'three-parties.json'), 'utf8'));
  const r = loadAgreement(raw);
  if (!r.ok) throw new Error(`three-parties.json invalid: ${JSON.stringify(r.errors)}`);
  return r.config;
}

/** Name and configuration of each. */
export function permissionsConfigs(): Array<{ name: string; config: AgreementConfig }> {
  return [
    ...['igj-cibg', 'cjg-rijnmond', 'igj-om'].map((name) => ({ name, config: loadConfigFixture(name) })),
    { name: 'three-parties (test)', config: threePartyConfig() },
  ];
}
