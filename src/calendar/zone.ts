/** Wall-clock time in a named time zone to an instant, with Intl only (no time-zone database in the bundle). */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (e.g. +3 600 000 for CET). */
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
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant of a local `YYYY-MM-DDTHH:mm` in `timeZone`. A time skipped by the spring DST change resolves to the
 * instant one hour later; an ambiguous autumn time resolves to the first (summer-time) occurrence.
 */
export function wallClockToUtc(local: string, timeZone: string): Date {
  const m = LOCAL.exec(local);
  if (!m) throw new RangeError(`not a local time like 2027-03-15T10:00: ${local}`);
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // The offsets a day before and after cover any DST change; a candidate is real when its own offset is the one used.
  const before = offsetMs(guess - 86_400_000, timeZone);
  const after = offsetMs(guess + 86_400_000, timeZone);
  const real = [guess - before, guess - after].filter((t, i) => offsetMs(t, timeZone) === (i === 0 ? before : after));
  // Ambiguous: both real, take the earlier. Skipped: none real, the old offset lands one hour later on the new clock.
  return new Date(real.length > 0 ? Math.min(...real) : guess - before);
}
