/**
 * VTIMEZONE definitions (RFC 5545 3.6.5) for the zones the product writes into an .ics, so a recurring meeting keeps
 * its wall-clock time in every year: each occurrence is expanded in the local time of DTSTART's TZID (RFC 5545
 * 3.3.10) and converted with the zone's rules, never with a fixed UTC time.
 *
 * Every zone here follows the European summer-time rule of Directive 2000/84/EC (art. 1–3): summer time from 01:00 UTC
 * on the last Sunday of March to 01:00 UTC on the last Sunday of October, the same rule as the Windows zones Graph
 * events are written in (`W. Europe Standard Time`, `Romance Standard Time`, `GMT Standard Time`,
 * src/adapters/graph/timeZone.ts). The definitions hold from 1996, when the October end was harmonised; the product
 * writes no earlier dates. A test compares them hour by hour with the runtime's time-zone database.
 */
import ICAL from 'ical.js';

/** A zone's two observances: UTC offsets in minutes and their abbreviations (TZNAME). */
interface EuZone {
  standard: { offsetMinutes: number; name: string };
  daylight: { offsetMinutes: number; name: string };
}

const CENTRAL: EuZone = {
  standard: { offsetMinutes: 60, name: 'CET' },
  daylight: { offsetMinutes: 120, name: 'CEST' },
};

/** IANA zones the .ics can carry: those Graph events are written in (src/adapters/graph/timeZone.ts), minus UTC. */
const ZONES: Record<string, EuZone> = {
  'Europe/Amsterdam': CENTRAL,
  'Europe/Berlin': CENTRAL,
  'Europe/Brussels': CENTRAL,
  'Europe/Copenhagen': CENTRAL,
  'Europe/Luxembourg': CENTRAL,
  'Europe/Madrid': CENTRAL,
  'Europe/Oslo': CENTRAL,
  'Europe/Paris': CENTRAL,
  'Europe/Rome': CENTRAL,
  'Europe/Stockholm': CENTRAL,
  'Europe/Vienna': CENTRAL,
  'Europe/Zurich': CENTRAL,
  'Europe/London': { standard: { offsetMinutes: 0, name: 'GMT' }, daylight: { offsetMinutes: 60, name: 'BST' } },
  'Europe/Dublin': { standard: { offsetMinutes: 0, name: 'GMT' }, daylight: { offsetMinutes: 60, name: 'IST' } },
  'Europe/Lisbon': { standard: { offsetMinutes: 0, name: 'WET' }, daylight: { offsetMinutes: 60, name: 'WEST' } },
};

/** Zones written as UTC (`Z` times, no VTIMEZONE needed). */
const UTC_ZONES = new Set(['UTC', 'Etc/UTC']);

/** The first year of the definitions: the last Sunday of October has ended summer time in every zone here since 1996. */
const FROM_YEAR = 1996;

/** The IANA zones {@link vtimezone} knows, sorted. */
export function supportedTimeZones(): string[] {
  return Object.keys(ZONES).sort();
}

/** True for the zones whose times are written in UTC. */
export function isUtcZone(timeZone: string): boolean {
  return UTC_ZONES.has(timeZone);
}

/** Day of the month of the last Sunday of `month` (1–12) in `year`. */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0));
  return last.getUTCDate() - last.getUTCDay();
}

/** One observance: onset at 01:00 UTC on the last Sunday of `month`, written in the local time before the change. */
function observance(
  kind: 'daylight' | 'standard',
  month: number,
  from: { offsetMinutes: number },
  to: { offsetMinutes: number; name: string },
): ICAL.Component {
  const c = new ICAL.Component(kind);
  const localMinutes = 60 + from.offsetMinutes; // 01:00 UTC on the clock that is about to change
  c.addPropertyWithValue('tzoffsetfrom', ICAL.UtcOffset.fromSeconds(from.offsetMinutes * 60));
  c.addPropertyWithValue('tzoffsetto', ICAL.UtcOffset.fromSeconds(to.offsetMinutes * 60));
  c.addPropertyWithValue('tzname', to.name);
  c.addPropertyWithValue(
    'dtstart',
    ICAL.Time.fromData({
      year: FROM_YEAR,
      month,
      day: lastSunday(FROM_YEAR, month),
      hour: Math.floor(localMinutes / 60),
      minute: localMinutes % 60,
      second: 0,
      isDate: false,
    }),
  );
  c.addPropertyWithValue('rrule', ICAL.Recur.fromString(`FREQ=YEARLY;BYMONTH=${month};BYDAY=-1SU`));
  return c;
}

/**
 * The VTIMEZONE of an IANA zone, with its DAYLIGHT and STANDARD observances and their yearly RRULEs; throws a
 * RangeError naming the zone and the supported ones when the product has no definition for it.
 */
export function vtimezone(timeZone: string): ICAL.Component {
  const zone = Object.prototype.hasOwnProperty.call(ZONES, timeZone) ? ZONES[timeZone] : undefined;
  if (!zone)
    throw new RangeError(
      `no VTIMEZONE for time zone '${timeZone}'; supported: ${supportedTimeZones().join(', ')}, UTC`,
    );
  const c = new ICAL.Component('vtimezone');
  c.addPropertyWithValue('tzid', timeZone);
  c.addSubcomponent(observance('daylight', 3, zone.standard, zone.daylight));
  c.addSubcomponent(observance('standard', 10, zone.daylight, zone.standard));
  return c;
}
