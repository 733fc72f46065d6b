/**
 * The doelbinding check (art. 8: every sharing weighs purpose limitation, necessity and proportionality).
 * A pure function from the upload's answers, document type, classification and scan findings to allowed,
 * review (art. 9.2) or refused.
 */
import type { AgreementConfig } from '../agreement/schema';
import { sortReasons, strictest } from './reason';
import { checkAnswers } from './rules/answers';
import { checkClassification } from './rules/classification';
import { checkConsent } from './rules/consent';
import type { Rule, RuleContext } from './rules/context';
import { checkDpia } from './rules/dpia';
import { checkFindings } from './rules/findings';
import { checkMinimisation } from './rules/minimisation';
import { checkPurpose } from './rules/purpose';
import { checkReferences } from './rules/references';
import { checkSensitive } from './rules/sensitive';
import type { Decision, DoelbindingInput } from './types';

/** Version of this rule set; bump when a rule changes meaning, so stored decisions say which rules made them. */
export const DOELBINDING_RULESET = 'doelbinding/1';

/** Every rule, in the order its reasons are listed within one outcome (hard agreement rules first). */
const RULES: ReadonlyArray<Rule> = [
  checkReferences,
  checkSensitive,
  checkAnswers,
  checkFindings,
  checkPurpose,
  checkMinimisation,
  checkConsent,
  checkClassification,
  checkDpia,
];

/** The `ruleVersion` of decisions made under a configuration: id, agreement version and rule set. */
export function ruleVersionOf(config: AgreementConfig): string {
  return `${config.id}@${config.agreement.version}+${DOELBINDING_RULESET}`;
}

/** Decides on an intended upload; the outcome is the strictest of all reasons, each citing its article or seed. */
export function checkDoelbinding(input: DoelbindingInput, config: AgreementConfig): Decision {
  const activityKey = input.answers.activityKey;
  const ctx: RuleContext = {
    input,
    config,
    activity: activityKey === undefined ? undefined : config.processingActivities.find((a) => a.key === activityKey),
    categories: config.categories.filter((c) => input.answers.categories.includes(c.key)),
  };
  const reasons = sortReasons(RULES.flatMap((rule) => rule(ctx)));
  const outcome = strictest(reasons);
  const decision: Decision = { outcome, reasons, ruleVersion: ruleVersionOf(config) };
  // art. 9.2: the organisation that intends to share has its own privacy officer test the intention.
  if (outcome === 'review') decision.reviewParty = input.uploaderParty;
  return decision;
}
