/** The configurations the permission matrix covers: every shipped one, among them a three-party one. */
import type { AgreementConfig } from '../../src/domain/agreement/schema';
import { loadConfigFixture } from '../helpers/config';

/** The shipped three-party configuration (IGJ, CIBG, NZa). */
export function threePartyConfig(): AgreementConfig {
  return loadConfigFixture('igj-cibg-nza');
}

/** Name and configuration of each. */
export function permissionsConfigs(): Array<{ name: string; config: AgreementConfig }> {
  return ['igj-cibg', 'cjg-rijnmond', 'igj-om', 'igj-cibg-nza'].map((name) => ({ name, config: loadConfigFixture(name) }));
}
