/** What every doelbinding rule sees: the input, the configuration and what the answers resolve to. */
import type { AgreementConfig, PersonalDataCategory, ProcessingActivity } from '../../agreement/schema';
import type { DoelbindingInput, Reason } from '../types';
import { partyLabel } from '../../agreement/queries';

/** The resolved input of one check. */
export interface RuleContext {
  input: DoelbindingInput;
  config: AgreementConfig;
  /** The chosen processing activity, when the key exists. */
  activity?: ProcessingActivity;
  /** The answered categories that exist in the configuration. */
  categories: PersonalDataCategory[];
}

/** A doelbinding rule: returns its reasons (empty when it has nothing to say). */
export type Rule = (ctx: RuleContext) => Reason[];

/** Label of a party key for messages. */
export function partyName(ctx: RuleContext, key: string): string {
  return partyLabel(ctx.config, key);
}
