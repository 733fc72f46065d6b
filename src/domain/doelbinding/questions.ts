/**
 * Which doelbinding questions the upload dialog must ask, given the answers so far: the same rules as the check, so the
 * dialog never asks less than the check needs (e.g. consent only once a category that needs it is chosen).
 */
import type { Citation } from '../common/types';
import type { AgreementConfig } from '../agreement/schema';
import type { DoelbindingAnswers } from './types';

/** One question of the dialog: the answer field it fills and the article that asks it. */
export interface DoelbindingQuestion {
  key: keyof DoelbindingAnswers;
  source: Citation;
}

/** The questions to show, in order, for the answers given so far. */
export function doelbindingQuestions(
  config: AgreementConfig,
  answers: Partial<DoelbindingAnswers>,
): DoelbindingQuestion[] {
  const questions: DoelbindingQuestion[] = [{ key: 'containsPersonalData', source: 'art. 8' }];
  if (answers.containsPersonalData !== true) return questions;
  questions.push(
    { key: 'activityKey', source: 'art. 8; seed 003 bijlage 1' },
    { key: 'categories', source: 'art. 8; seed 001 §3' },
    { key: 'necessity', source: 'art. 9.1' },
    { key: 'lessDataPossible', source: 'seed 001 §3' },
  );
  const chosen = answers.categories ?? [];
  const consentRules = config.rules.consentRequired.filter((r) => chosen.includes(r.category));
  if (consentRules.length === 0) return questions;
  const source = consentRules.map((r) => r.source).join('; ');
  questions.push({ key: 'consentRecorded', source });
  if (answers.consentRecorded === true) questions.push({ key: 'consentReference', source });
  else if (answers.consentRecorded === false && consentRules.some((r) => r.exceptionAllowed))
    questions.push({ key: 'exceptionalCircumstances', source });
  return questions;
}
