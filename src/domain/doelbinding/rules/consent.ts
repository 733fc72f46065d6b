/** Consent: categories shared only with a recorded consent, or in exceptional circumstances after review. */
import { reason } from '../reason';
import type { Reason } from '../types';
import type { Rule } from './context';

/** seed 001 §II.1 (WGBO: consent is the rule); seed 002 (consent of the secret-keeper, else exceptional cases). */
export const checkConsent: Rule = ({ input, config, categories }) => {
  const { answers } = input;
  if (!answers.containsPersonalData) return [];
  const reasons: Reason[] = [];
  for (const rule of config.rules.consentRequired) {
    const category = categories.find((c) => c.key === rule.category);
    if (!category) continue;
    const reference = answers.consentReference?.trim() ?? '';
    if (answers.consentRecorded && reference !== '') {
      reasons.push(
        reason(
          'consent_recorded',
          'allowed',
          rule.source,
          `toestemming voor '${category.label}' is vastgelegd (${reference})`,
          `consent for '${category.label}' is recorded (${reference})`,
        ),
      );
      continue;
    }
    if (answers.consentRecorded)
      reasons.push(
        reason(
          'consent_reference_missing',
          'refused',
          rule.source,
          `vermeld waar de toestemming voor '${category.label}' is vastgelegd`,
          `state where the consent for '${category.label}' is recorded`,
        ),
      );
    else if (rule.exceptionAllowed && (answers.exceptionalCircumstances?.trim() ?? '') !== '')
      reasons.push(
        reason(
          'consent_exception',
          'review',
          rule.source,
          `'${category.label}' zonder toestemming: de privacy officer toetst de uitzonderlijke omstandigheden`,
          `'${category.label}' without consent: the privacy officer reviews the exceptional circumstances`,
        ),
      );
    else
      reasons.push(
        reason(
          'consent_missing',
          'refused',
          rule.source,
          `'${category.label}' mag alleen gedeeld worden met vastgelegde toestemming`,
          `'${category.label}' may only be shared with a recorded consent`,
          rule.exceptionAllowed
            ? {
                nl: 'Leg de toestemming vast, of beschrijf de uitzonderlijke omstandigheden voor toetsing door de privacy officer.',
                en: 'Record the consent, or describe the exceptional circumstances for review by the privacy officer.',
              }
            : { nl: 'Vraag eerst toestemming en leg die vast.', en: 'Ask for consent first and record it.' },
        ),
      );
  }
  return reasons;
};
