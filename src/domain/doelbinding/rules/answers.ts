/** The answers must agree with themselves: "no personal data" leaves no categories or purpose behind. */
import { reason } from '../reason';
import type { Rule } from './context';

/** "No personal data" with categories chosen is contradictory; without personal data there is nothing to weigh. */
export const checkAnswers: Rule = ({ input }) => {
  const { answers } = input;
  if (answers.containsPersonalData) return [];
  if (answers.categories.length > 0)
    return [
      reason(
        'answers_inconsistent',
        'refused',
        'art. 8',
        "u antwoordde 'geen persoonsgegevens' maar koos wel categorieën persoonsgegevens",
        "you answered 'no personal data' but chose categories of personal data",
      ),
    ];
  return [
    reason(
      'no_personal_data',
      'allowed',
      'art. 8',
      'geen persoonsgegevens: de afweging van doelbinding, noodzaak en evenredigheid is niet nodig',
      'no personal data: weighing purpose limitation, necessity and proportionality is not needed',
    ),
  ];
};
