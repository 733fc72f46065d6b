/** All cross-reference checks that run after the zod parse. */
import type { ConfigError } from '../errors';
import type { AgreementConfig } from '../schema';
import { checkAgreementRecord } from './agreementRecord';
import { keysOf } from './helpers';
import { checkAccess, checkClassification, checkGroupCoverage, checkMeetings } from './organisation';
import { checkParties } from './parties';
import { checkDpia, checkRegister, checkRules } from './register';

/** Every cross-reference error of a shape-valid configuration, in document order of the sections. */
export function checkCrossReferences(config: AgreementConfig): ConfigError[] {
  const parties = keysOf(config.parties);
  const groups = keysOf(config.groups);
  return [
    ...checkAgreementRecord(config, parties),
    ...checkParties(config, groups),
    ...checkClassification(config),
    ...checkRegister(config, parties),
    ...checkRules(config, parties),
    ...checkDpia(config),
    ...checkMeetings(config, parties),
    ...checkAccess(config, parties),
  ];
}

/**
 * Findings that leave a working but probably unintended configuration (e.g. restricted documents readable only by the
 * privacy officers); the loader returns them as warnings beside the config.
 */
export function checkWarnings(config: AgreementConfig): ConfigError[] {
  return checkGroupCoverage(config);
}
