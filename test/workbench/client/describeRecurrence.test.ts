import { describeRecurrence, describeReminder } from '../../../workbench/client/panes/describeRecurrence';

describe('recurrence in words (Agenda pane)', () => {
  it('describes the yearly overleg as Graph stores it (art. 6, 7)', () => {
    expect(
      describeRecurrence({
        pattern: { type: 'absoluteYearly', interval: 1, month: 6, dayOfMonth: 4 },
        range: { type: 'noEnd', startDate: '2027-06-04' },
      }),
    ).toBe('elk jaar op 4 juni, vanaf 2027-06-04, zonder einde');
  });

  it('describes intervals, weekdays and ends', () => {
    expect(
      describeRecurrence({
        pattern: { type: 'weekly', interval: 2, daysOfWeek: ['monday', 'thursday'] },
        range: { type: 'numbered', startDate: '2027-01-04', numberOfOccurrences: 6 },
      }),
    ).toBe('elke 2 weken op maandag, donderdag, vanaf 2027-01-04, 6 keer');
    expect(
      describeRecurrence({
        pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 15 },
        range: { type: 'endDate', startDate: '2027-01-15', endDate: '2027-12-15' },
      }),
    ).toBe('elke maand op dag 15, vanaf 2027-01-15, tot en met 2027-12-15');
  });
});

describe('reminder lead time in words', () => {
  it('uses days, hours or minutes, whichever is whole', () => {
    expect(describeReminder(10080)).toBe('7 dagen vooraf');
    expect(describeReminder(1440)).toBe('1 dag vooraf');
    expect(describeReminder(120)).toBe('2 uur vooraf');
    expect(describeReminder(15)).toBe('15 minuten vooraf');
    expect(describeReminder(0)).toBe('0 minuten vooraf');
  });
});
