import type { CalendarEvent } from './readback';

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const DAYS: Record<string, string> = {
  monday: 'maandag',
  tuesday: 'dinsdag',
  wednesday: 'woensdag',
  thursday: 'donderdag',
  friday: 'vrijdag',
  saturday: 'zaterdag',
  sunday: 'zondag',
};

/** A Graph patternedRecurrence in words, e.g. "elk jaar op 4 juni, vanaf 2027-06-04, zonder einde". */
export function describeRecurrence(r: NonNullable<CalendarEvent['recurrence']>): string {
  const p = r.pattern;
  const every = (unit: string, units: string): string => (p.interval > 1 ? `elke ${p.interval} ${units}` : `elk${unit === 'jaar' ? '' : 'e'} ${unit}`);
  const days = (p.daysOfWeek ?? []).map((d) => DAYS[d.toLowerCase()] ?? d).join(', ');
  let what: string;
  switch (p.type) {
    case 'daily':
      what = every('dag', 'dagen');
      break;
    case 'weekly':
      what = `${every('week', 'weken')} op ${days}`;
      break;
    case 'absoluteMonthly':
      what = `${every('maand', 'maanden')} op dag ${p.dayOfMonth}`;
      break;
    case 'relativeMonthly':
      what = `${every('maand', 'maanden')} op de ${p.index} ${days}`;
      break;
    case 'absoluteYearly':
      what = `${every('jaar', 'jaar')} op ${p.dayOfMonth} ${MONTHS[(p.month ?? 1) - 1]}`;
      break;
    case 'relativeYearly':
      what = `${every('jaar', 'jaar')} op de ${p.index} ${days} van ${MONTHS[(p.month ?? 1) - 1]}`;
      break;
    default:
      what = p.type;
  }
  const g = r.range;
  const end =
    g.type === 'endDate' ? `tot en met ${g.endDate}` : g.type === 'numbered' ? `${g.numberOfOccurrences} keer` : 'zonder einde';
  return `${what}, vanaf ${g.startDate}, ${end}`;
}

/** A reminder lead time in the largest whole unit, e.g. 10080 → "7 dagen vooraf", 90 → "90 minuten vooraf". */
export function describeReminder(minutes: number): string {
  if (minutes > 0 && minutes % 1440 === 0) return `${minutes / 1440} ${minutes === 1440 ? 'dag' : 'dagen'} vooraf`;
  if (minutes > 0 && minutes % 60 === 0) return `${minutes / 60} uur vooraf`;
  return `${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} vooraf`;
}
