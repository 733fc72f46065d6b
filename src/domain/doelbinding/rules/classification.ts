/** The chosen classification: never a forbidden level, never below the minimum of a present category. */
import { classificationProblems, isRestricted, findLevel } from '../../classification/policy';
import { reason } from '../reason';
import type { Reason } from '../types';
import type { Rule } from './context';

/** Forbidden, unknown and too-low levels refuse; a restricted level is noted (art. 10.1). */
export const checkClassification: Rule = ({ input, config, categories }) => {
  const present = input.answers.containsPersonalData ? categories.map((c) => c.key) : [];
  const reasons: Reason[] = classificationProblems(config, input.classification, present).map((p) =>
    reason(
      p.code === 'below_minimum'
        ? 'classification_below_minimum'
        : p.code === 'forbidden_level'
          ? 'classification_forbidden'
          : 'classification_unknown',
      'refused',
      p.source,
      p.nl,
      p.en,
      p.code === 'below_minimum'
        ? { nl: 'Kies een hogere classificatie.', en: 'Choose a higher classification.' }
        : undefined,
    ),
  );
  const level = findLevel(config, input.classification);
  if (reasons.length === 0 && level && isRestricted(config, input.classification))
    reasons.push(
      reason(
        'classification_restricted',
        'allowed',
        'art. 10.1',
        `'${level.label}': alleen leesbaar voor de groepen op de autorisatielijst`,
        `'${level.label}': readable only by the groups on the autorisatielijst`,
      ),
    );
  return reasons;
};
