import { GraphValidationError } from './errors';
import { GRAPH_IANA_ZONES, WINDOWS_ZONES } from './zoneNames';

const IANA_BY_LOWER = new Map(GRAPH_IANA_ZONES.map((z) => [z.toLowerCase(), z]));

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?$/;

/** Resolves a Graph `timeZone` (Windows name or Graph's listed IANA name) to IANA; Graph refuses any other. */
export function resolveTimeZone(name: unknown, field: string): string {
  if (typeof name !== 'string' || !name.trim()) {
    throw new GraphValidationError(
      `Property '${field}': a valid TimeZone value must be specified.`,
      'TimeZoneNotSupportedException',
    );
  }
  const key = name.trim().toLowerCase();
  const zone = Object.prototype.hasOwnProperty.call(WINDOWS_ZONES, key) ? WINDOWS_ZONES[key] : IANA_BY_LOWER.get(key);
  if (zone) return zone;
  throw new GraphValidationError(
    `Property '${field}': A valid TimeZone value must be specified. ` +
      `The following TimeZone value is not supported: '${name}'.`,
    'TimeZoneNotSupportedException',
  );
}

/** Parses a Graph `dateTimeTimeZone.dateTime` (wall-clock, no offset); undefined when malformed or not a real date. */
export function parseWallTime(value: unknown): { date: string; fields: number[] } | undefined {
  if (typeof value !== 'string') return undefined;
  const m = WALL_TIME.exec(value);
  if (!m) return undefined;
  const fields = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  const [y, mo, d, h, mi, s] = fields;
  const check = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  return { date: value.slice(0, 10), fields };
}

/** The UTC instant of a wall-clock time in an IANA zone (two passes settle DST offsets). */
export function wallToUtc(fields: number[], timeZone: string): number {
  const [y, mo, d, h, mi, s] = fields;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  let guess = asUtc - offsetMs(asUtc, timeZone);
  guess = asUtc - offsetMs(guess, timeZone);
  return guess;
}

// Deliberately its own copy of src/calendar/zone.ts: the emulator is a separate server and imports no product code.
function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return local - Math.floor(instant / 1000) * 1000;
}
