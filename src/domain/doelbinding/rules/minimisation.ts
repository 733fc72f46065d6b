/** Necessity and subsidiarity: share personal data only when strictly necessary and when less data would not do. */
import { reason } from '../reason';
import type { Reason } from '../types';
import type { Rule } from './context';

/** Shortest accepted necessity justification; a single word ("nodig") does not weigh anything (art. 8, 9.1). */
export const MIN_NECESSITY_CHARS = 20;

/** art. 9.1: a necessity justification is required; seed 001 §3: "less or no data would do" refuses. */
export const checkMinimisation: Rule = ({ input }) => {
  const { answers } = input;
  if (!answers.containsPersonalData) return [];
  const reasons: Reason[] = [];
  const necessity = answers.necessity.trim();
  if (necessity.length < MIN_NECESSITY_CHARS)
    reasons.push(
      reason(
        necessity === '' ? 'necessity_missing' : 'necessity_too_short',
        'refused',
        'art. 9.1 (samenwerkingsovereenkomst)',
        `licht toe waarom delen strikt noodzakelijk is (minstens ${MIN_NECESSITY_CHARS} tekens)`,
        `explain why sharing is strictly necessary (at least ${MIN_NECESSITY_CHARS} characters)`,
      ),
    );
  if (answers.lessDataPossible === undefined)
    reasons.push(
      reason(
        'less_data_unanswered',
        'refused',
        'art. 8; seed 001 §3',
        'beantwoord of hetzelfde doel met minder of geen persoonsgegevens bereikt kan worden',
        'answer whether the same purpose could be served with less or no personal data',
      ),
    );
  else if (answers.lessDataPossible)
    reasons.push(
      reason(
        'less_data_possible',
        'refused',
        'seed 001 §3; art. 9.1',
        'hetzelfde doel kan met minder of geen persoonsgegevens bereikt worden, dus dit document wordt niet gedeeld',
        'the same purpose can be served with less or no personal data, so this document is not shared',
        {
          nl: 'Minimaliseer: anonimiseer of pseudonimiseer, laat overbodige gegevens weg (streep bijv. het BSN door) en deel dan opnieuw.',
          en: 'Minimise: anonymise or pseudonymise, leave out data not needed (e.g. strike out the BSN) and share again.',
        },
      ),
    );
  return reasons;
};
