/**
 * Dates and times typed as text in the forms: day first as written in Dutch, with the separators people use, the ISO
 * forms a paste or an earlier draft brings; nothing that is not a real day and time is read as one.
 */
import {
  describeParsed,
  formatDateText,
  instantToLocal,
  localToInstant,
  parseDateText,
  parseDateTimeText,
  parseTimeText,
} from '../../../src/ui/common/dateText';

it.each([
  ['2-1-2026', '2026-01-02'],
  ['02-01-2026', '2026-01-02'],
  ['2/1/2026', '2026-01-02'],
  ['2.1.2026', '2026-01-02'],
  [' 02 01 2026 ', '2026-01-02'],
  ['02012026', '2026-01-02'],
  ['2026-01-02', '2026-01-02'],
  ['29-2-2028', '2028-02-29'],
])('reads the date %p as %p', (typed, expected) => {
  expect(parseDateText(typed)).toBe(expected);
});

it.each(['', '31-4-2026', '29-2-2026', '13-13-2026', '2-1-26', '20260102', '2 januari 2026', '2-1-2026 14:30'])(
  'does not read %p as a date',
  (typed) => {
    expect(parseDateText(typed)).toBeUndefined();
  },
);

it.each([
  ['2-1-2026 14:30', '2026-01-02T14:30'],
  ['02-01-2026 9:05', '2026-01-02T09:05'],
  ['2/1/2026 14.30', '2026-01-02T14:30'],
  ['2-1-2026, 14:30', '2026-01-02T14:30'],
  ['2-1-2026 om 14.30 uur', '2026-01-02T14:30'],
  ['02012026 1430', '2026-01-02T14:30'],
  ['2026-01-02T14:30', '2026-01-02T14:30'],
  ['2026-01-02T14:30:59', '2026-01-02T14:30'],
  ['2026-01-02 00:00', '2026-01-02T00:00'],
])('reads the moment %p as %p', (typed, expected) => {
  expect(parseDateTimeText(typed)).toBe(expected);
});

it.each(['', '2-1-2026', '2-1-2026 24:00', '2-1-2026 14:60', '31-4-2026 10:00', '14:30', 'gisteren 14:30'])(
  'does not read %p as a moment',
  (typed) => {
    expect(parseDateTimeText(typed)).toBeUndefined();
  },
);

it('says how it read the value, in words', () => {
  expect(describeParsed('2026-01-02T14:30', 'nl')).toBe('vrijdag 2 januari 2026 14:30');
  expect(describeParsed('2026-01-02', 'en')).toMatch(/^Friday,? 2 January 2026$/); // ICU versions differ on the comma
});

it.each([
  ['14:30', '14:30'],
  ['9.05', '09:05'],
  ['0930', '09:30'],
  ['14:30 uur', '14:30'],
  [' 7:00 ', '07:00'],
])('reads the time %p as %p', (typed, expected) => {
  expect(parseTimeText(typed)).toBe(expected);
});

it.each(['', '24:00', '14:60', '2 uur', '14', '2-1-2026 14:30'])('does not read %p as a time', (typed) => {
  expect(parseTimeText(typed)).toBeUndefined();
});

it('writes a stored value day first, as a person types it, and leaves anything else as it is', () => {
  expect(formatDateText('2026-01-02')).toBe('02-01-2026');
  expect(formatDateText('2026-01-02T14:30')).toBe('02-01-2026 14:30');
  expect(formatDateText('2026-01-02T14:30:59.123')).toBe('02-01-2026 14:30');
  expect(formatDateText('14:30')).toBe('14:30');
  expect(formatDateText('gisteren')).toBe('gisteren');
  expect(formatDateText('')).toBe('');
  for (const v of ['2026-01-02', '2026-01-02T14:30']) {
    expect(v.includes('T') ? parseDateTimeText(formatDateText(v)) : parseDateText(formatDateText(v))).toBe(v);
  }
});

it('turns a moment the fields read into an instant and back, and nothing else', () => {
  const instant = localToInstant('2026-01-02T09:30');
  expect(instant).toBe(new Date(2026, 0, 2, 9, 30).toISOString());
  expect(instantToLocal(instant)).toBe('2026-01-02T09:30');
  expect(instantToLocal(undefined)).toBe('');
  for (const loose of ['2-1-2026', '2026-02-31T10:00', '2026-01-02', '2026-01-02T09:30Z', '']) {
    expect(localToInstant(loose)).toBeUndefined();
  }
});
