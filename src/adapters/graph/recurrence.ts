import type { Repeat } from '../../ports/calendar';

/** Graph `patternedRecurrence` (the subset the product writes). */
export interface GraphRecurrence {
  pattern: { type: 'absoluteYearly' | 'absoluteMonthly'; interval: number; dayOfMonth: number; month?: number };
  range:
    | { type: 'noEnd'; startDate: string }
    | { type: 'endDate'; startDate: string; endDate: string }
    | { type: 'numbered'; startDate: string; numberOfOccurrences: number };
}

/**
 * Maps "every N months from the start date" to Graph: whole years become `absoluteYearly` (Graph requires interval,
 * dayOfMonth and month), the rest `absoluteMonthly`. The range starts on the event's start date, as Graph requires.
 */
export function toGraphRecurrence(repeat: Repeat, startDate: string): GraphRecurrence {
  if (!Number.isInteger(repeat.everyMonths) || repeat.everyMonths < 1) {
    throw new Error(`repeat.everyMonths: ${repeat.everyMonths} is not a whole number of months of at least 1.`);
  }
  const month = Number(startDate.slice(5, 7));
  const dayOfMonth = Number(startDate.slice(8, 10));
  const pattern =
    repeat.everyMonths % 12 === 0
      ? { type: 'absoluteYearly' as const, interval: repeat.everyMonths / 12, dayOfMonth, month }
      : { type: 'absoluteMonthly' as const, interval: repeat.everyMonths, dayOfMonth };
  if (repeat.until !== undefined && repeat.occurrences !== undefined) {
    throw new Error('repeat: give either until or occurrences, not both.');
  }
  if (repeat.until !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(repeat.until) || repeat.until < startDate) {
      throw new Error(
        `repeat.until: '${repeat.until}' must be a date (YYYY-MM-DD) on or after the start ${startDate}.`,
      );
    }
    return { pattern, range: { type: 'endDate', startDate, endDate: repeat.until } };
  }
  if (repeat.occurrences !== undefined) {
    if (!Number.isInteger(repeat.occurrences) || repeat.occurrences < 1) {
      throw new Error(`repeat.occurrences: ${repeat.occurrences} must be a whole number of at least 1.`);
    }
    return { pattern, range: { type: 'numbered', startDate, numberOfOccurrences: repeat.occurrences } };
  }
  return { pattern, range: { type: 'noEnd', startDate } };
}
