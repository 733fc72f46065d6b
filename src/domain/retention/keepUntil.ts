/** Retention (bewaartermijn): the keep-until date from a processing activity's retention rule (seed 004 periods). */
import type { Lang } from '../common/types';
import { addMonthsUtc } from '../common/dates';
import type { ProcessingActivity, RetentionRule } from '../agreement/schema';

/** Total months of a retention rule (years × 12 + months). */
export function retentionMonths(rule: Pick<RetentionRule, 'years' | 'months'>): number {
  return (rule.years ?? 0) * 12 + (rule.months ?? 0);
}

/**
 * The date until which data must be kept: `from` (the rule's trigger event, e.g. removal from the register) plus the
 * period. Calendar arithmetic in UTC; a day that does not exist in the target month clamps to its last day, so
 * 29 February + 1 year is 28 February and 31 August + 6 months is 28/29 February.
 */
export function keepUntil(activity: Pick<ProcessingActivity, 'retention'> | RetentionRule, from: Date): Date {
  if (Number.isNaN(from.getTime())) throw new RangeError('keepUntil: invalid trigger date');
  const rule = 'retention' in activity ? activity.retention : activity;
  return addMonthsUtc(from, retentionMonths(rule));
}

/** True when data whose trigger event was at `from` may be destroyed on `on` (the keep-until date has passed). */
export function mayDestroy(
  activity: Pick<ProcessingActivity, 'retention'> | RetentionRule,
  from: Date,
  on: Date,
): boolean {
  return on.getTime() > keepUntil(activity, from).getTime();
}

/** A readable retention period, e.g. "20 jaar na verwijdering uit het register". */
export function describeRetention(rule: RetentionRule, lang: Lang): string {
  const years = rule.years ?? 0;
  const months = rule.months ?? 0;
  const parts: string[] = [];
  if (lang === 'en') {
    if (years) parts.push(`${years} year${years === 1 ? '' : 's'}`);
    if (months) parts.push(`${months} month${months === 1 ? '' : 's'}`);
    const trigger = rule.triggerEn ?? rule.trigger;
    return parts.length ? `${parts.join(' and ')} after ${trigger}` : `until ${trigger}`;
  }
  if (years) parts.push(`${years} jaar`);
  if (months) parts.push(`${months} ${months === 1 ? 'maand' : 'maanden'}`);
  return parts.length ? `${parts.join(' en ')} na ${rule.trigger}` : `tot ${rule.trigger}`;
}
