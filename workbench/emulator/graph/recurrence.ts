import { invalid } from './errors';
import { isObject, type JsonObject } from './json';

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const INDEXES = ['first', 'second', 'third', 'fourth', 'last'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What each pattern type needs besides `interval`, per Graph's recurrencePattern reference. */
const REQUIRED: Record<string, string[]> = {
  daily: [],
  weekly: ['daysOfWeek'],
  absoluteMonthly: ['dayOfMonth'],
  relativeMonthly: ['daysOfWeek'],
  absoluteYearly: ['dayOfMonth', 'month'],
  relativeYearly: ['daysOfWeek', 'month'],
};

/**
 * Validates a `patternedRecurrence` as Graph does for events: the pattern's required properties per type, and a range
 * whose `startDate` equals the event start's date. Returns the normalised recurrence that Graph echoes back.
 */
export function validateRecurrence(value: unknown, startDate: string): JsonObject | null {
  if (value === undefined || value === null) return null;
  if (!isObject(value)) invalid('recurrence', 'must be a patternedRecurrence object.');
  const pattern = value.pattern;
  if (!isObject(pattern)) invalid('recurrence.pattern', 'is required.');
  const type = pattern.type;
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(REQUIRED, type)) {
    invalid('recurrence.pattern.type', `'${String(type)}' is not one of ${Object.keys(REQUIRED).join(', ')}.`);
  }
  if (!Number.isInteger(pattern.interval) || (pattern.interval as number) < 1) {
    invalid('recurrence.pattern.interval', `is required for '${type}' and must be a whole number of at least 1.`);
  }
  for (const prop of REQUIRED[type]) {
    const v = pattern[prop];
    // Graph echoes unused numeric properties as 0 and unused lists as []: those count as absent.
    if (v === undefined || v === null || v === 0 || (Array.isArray(v) && v.length === 0)) {
      invalid(`recurrence.pattern.${prop}`, `is required for '${type}'.`);
    }
  }
  if (pattern.dayOfMonth !== undefined && pattern.dayOfMonth !== 0 && !inRange(pattern.dayOfMonth, 1, 31)) {
    invalid('recurrence.pattern.dayOfMonth', 'must be a whole number from 1 to 31.');
  }
  if (pattern.month !== undefined && pattern.month !== 0 && !inRange(pattern.month, 1, 12)) {
    invalid('recurrence.pattern.month', 'must be a whole number from 1 to 12.');
  }
  if (pattern.daysOfWeek !== undefined) {
    const days = pattern.daysOfWeek;
    if (
      !Array.isArray(days) ||
      days.length === 0 ||
      days.some((d) => typeof d !== 'string' || !DAYS.includes(d.toLowerCase()))
    ) {
      invalid('recurrence.pattern.daysOfWeek', `must be a non-empty array of ${DAYS.join(', ')}.`);
    }
  }
  if (pattern.index !== undefined && (typeof pattern.index !== 'string' || !INDEXES.includes(pattern.index))) {
    invalid('recurrence.pattern.index', `must be one of ${INDEXES.join(', ')}.`);
  }
  const range = validateRange(value.range, startDate);
  return {
    pattern: {
      type,
      interval: pattern.interval,
      month: pattern.month ?? 0,
      dayOfMonth: pattern.dayOfMonth ?? 0,
      daysOfWeek: pattern.daysOfWeek ?? [],
      firstDayOfWeek: pattern.firstDayOfWeek ?? 'sunday',
      index: pattern.index ?? 'first',
    },
    range,
  };
}

function validateRange(range: unknown, startDate: string): JsonObject {
  if (!isObject(range)) invalid('recurrence.range', 'is required.');
  const type = range.type;
  if (type !== 'endDate' && type !== 'noEnd' && type !== 'numbered') {
    invalid('recurrence.range.type', `'${String(type)}' is not one of endDate, noEnd, numbered.`);
  }
  if (typeof range.startDate !== 'string' || !ISO_DATE.test(range.startDate)) {
    invalid('recurrence.range.startDate', 'is required as YYYY-MM-DD.');
  }
  if (range.startDate !== startDate) {
    invalid('recurrence.range.startDate', `'${range.startDate}' must be the date of the event's start (${startDate}).`);
  }
  if (type === 'endDate') {
    if (typeof range.endDate !== 'string' || !ISO_DATE.test(range.endDate))
      invalid('recurrence.range.endDate', "is required as YYYY-MM-DD for 'endDate'.");
    if (range.endDate < range.startDate)
      invalid('recurrence.range.endDate', 'must not be before recurrence.range.startDate.');
  }
  if (
    type === 'numbered' &&
    (!Number.isInteger(range.numberOfOccurrences) || (range.numberOfOccurrences as number) < 1)
  ) {
    invalid('recurrence.range.numberOfOccurrences', "is required for 'numbered' and must be at least 1.");
  }
  return {
    type,
    startDate: range.startDate,
    endDate: type === 'endDate' ? range.endDate : '0001-01-01',
    recurrenceTimeZone: typeof range.recurrenceTimeZone === 'string' ? range.recurrenceTimeZone : null,
    numberOfOccurrences: type === 'numbered' ? range.numberOfOccurrences : 0,
  };
}

function inRange(v: unknown, min: number, max: number): boolean {
  return Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
}
