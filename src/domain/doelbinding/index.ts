/** Public surface of the doelbinding (purpose limitation) check. */
export { checkDoelbinding, ruleVersionOf, DOELBINDING_RULESET } from './check';
export { MIN_NECESSITY_CHARS } from './rules/minimisation';
export { categoriesForFinding } from './rules/findings';
export { sortReasons, strictest } from './reason';
export { doelbindingQuestions, type DoelbindingQuestion } from './questions';
export type { Decision, Reason, Outcome, DoelbindingAnswers, DoelbindingInput, FindingCount } from './types';
