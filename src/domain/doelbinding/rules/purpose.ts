/** Purpose limitation (doelbinding): a registered purpose, its legal basis, its categories and its recipients. */
import { reason } from '../reason';
import type { Reason } from '../types';
import { partyName, type Rule } from './context';

const REGISTER = 'art. 8; seed 003 bijlage 1';

/** Personal data needs a purpose from the register; categories and recipients must fall within it. */
export const checkPurpose: Rule = (ctx) => {
  const { input, config, activity } = ctx;
  const { answers } = input;
  if (!answers.containsPersonalData) return [];
  if (answers.activityKey === undefined || answers.activityKey.trim() === '')
    return [
      reason(
        'purpose_missing',
        'refused',
        REGISTER,
        'persoonsgegevens mogen alleen gedeeld worden voor een doel uit het verwerkingsregister; kies een doel',
        'personal data may only be shared for a purpose from the processing register; choose a purpose',
      ),
    ];
  if (!activity)
    return [
      reason(
        'purpose_unknown',
        'refused',
        REGISTER,
        `doel '${answers.activityKey}' staat niet in het verwerkingsregister`,
        `purpose '${answers.activityKey}' is not in the processing register`,
      ),
    ];
  const reasons: Reason[] = [];
  const basis = `AVG art. ${activity.legalBasis.avg}; ${activity.legalBasis.law}`;
  reasons.push(
    reason(
      'legal_basis',
      'allowed',
      REGISTER,
      `doel '${activity.service}', grondslag ${basis}`,
      `purpose '${activity.service}', legal basis ${basis}`,
    ),
  );
  if (answers.categories.length === 0)
    reasons.push(
      reason(
        'categories_missing',
        'refused',
        'art. 8; seed 001 §3',
        'geef aan welke persoonsgegevens het document bevat',
        'state which personal data the document holds',
      ),
    );
  const known = new Set(config.categories.map((c) => c.key));
  for (const key of answers.categories) {
    if (!known.has(key)) {
      reasons.push(
        reason(
          'category_unknown',
          'refused',
          REGISTER,
          `categorie '${key}' is onbekend`,
          `category '${key}' is unknown`,
        ),
      );
      continue;
    }
    if (!activity.categories.includes(key)) {
      const label = config.categories.find((c) => c.key === key)?.label ?? key;
      reasons.push(
        reason(
          'category_outside_purpose',
          'refused',
          REGISTER,
          `'${label}' hoort niet bij het doel '${activity.service}'`,
          `'${label}' is not part of the purpose '${activity.service}'`,
          {
            nl: 'Verwijder deze gegevens uit het document of kies het doel waarvoor ze geregistreerd zijn.',
            en: 'Remove this data from the document or choose the purpose it is registered for.',
          },
        ),
      );
    }
  }
  for (const r of input.recipients)
    if (r !== input.uploaderParty && !activity.recipients.includes(r))
      reasons.push(
        reason(
          'recipient_outside_purpose',
          'refused',
          REGISTER,
          `${partyName(ctx, r)} is geen ontvanger bij het doel '${activity.service}'`,
          `${partyName(ctx, r)} is not a recipient for the purpose '${activity.service}'`,
        ),
      );
  return reasons;
};
