/** Sensitive categories: blocked for a recipient (refuse), always reviewed, or escalated by their flags (review). */
import type { PersonalDataCategory } from '../../agreement/schema';
import { reason } from '../reason';
import type { Reason } from '../types';
import { partyName, type Rule } from './context';

/** The flags that escalate to privacy-officer review by default, with their source. */
const ESCALATIONS: ReadonlyArray<{
  flag: 'special' | 'bsn' | 'criminal' | 'children';
  source: string;
  nl: string;
  en: string;
}> = [
  {
    flag: 'special',
    source: 'art. 9.2; AVG art. 9',
    nl: 'bijzondere persoonsgegevens',
    en: 'special-category personal data',
  },
  {
    flag: 'bsn',
    source: 'art. 9.2; seed 004 (BSN)',
    nl: 'het burgerservicenummer (BSN)',
    en: 'the citizen service number (BSN)',
  },
  { flag: 'criminal', source: 'art. 9.2; AVG art. 10', nl: 'strafrechtelijke gegevens', en: 'criminal-law data' },
  { flag: 'children', source: 'art. 9.2; seed 004 (kinderen)', nl: 'gegevens van kinderen', en: 'data of children' },
];

/** Blocked categories refuse per recipient; alwaysReview and flagged categories go to the privacy officer. */
export const checkSensitive: Rule = (ctx) => {
  const { input, config, categories } = ctx;
  if (!input.answers.containsPersonalData) return [];
  const reasons: Reason[] = [];
  const present = new Set(categories.map((c) => c.key));
  for (const rule of config.rules.blockedCategories)
    if (present.has(rule.category) && input.recipients.includes(rule.recipient))
      reasons.push(
        reason(
          'category_blocked',
          'refused',
          rule.source,
          `'${label(categories, rule.category)}' gaat nooit naar ${partyName(ctx, rule.recipient)}: ${rule.reason}`,
          `'${label(categories, rule.category)}' never goes to ${partyName(ctx, rule.recipient)}: ${rule.reasonEn ?? rule.reason}`,
        ),
      );
  for (const rule of config.rules.alwaysReview)
    if (present.has(rule.category))
      reasons.push(
        reason(
          'always_review',
          'review',
          rule.source,
          `'${label(categories, rule.category)}' wordt altijd eerst door de privacy officer getoetst${suffix(rule.reason)}`,
          `'${label(categories, rule.category)}' is always reviewed by the privacy officer first${suffix(rule.reasonEn ?? rule.reason)}`,
        ),
      );
  const defaults = config.rules.reviewEscalationDefaults;
  for (const e of ESCALATIONS) {
    if (!defaults[e.flag]) continue;
    const hits = categories.filter((c) => c[e.flag]);
    if (hits.length === 0) continue;
    const names = hits.map((c) => c.label).join(', ');
    reasons.push(
      reason(
        `escalate_${e.flag}`,
        'review',
        e.source,
        `het document bevat ${e.nl} (${names}); de privacy officer toetst het voornemen`,
        `the document holds ${e.en} (${names}); the privacy officer reviews the intention`,
      ),
    );
  }
  return reasons;
};

/** Label of a present category. */
function label(categories: ReadonlyArray<PersonalDataCategory>, key: string): string {
  return categories.find((c) => c.key === key)?.label ?? key;
}

/** ': reason' when a reason is given. */
function suffix(text: string | undefined): string {
  return text ? `: ${text}` : '';
}
