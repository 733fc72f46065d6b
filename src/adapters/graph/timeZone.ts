/**
 * Graph's calendar takes Windows time zone names plus a short documented list of IANA names; Europe/Amsterdam and
 * several other European zones are not on that list. The port speaks IANA, so the adapter sends the Windows zone
 * with the same rules. Zones not mapped here go out unchanged, and Graph refuses those it does not know
 * (TimeZoneNotSupportedException naming start.timeZone).
 */
const WINDOWS_FOR_IANA: Record<string, string> = {
  'Europe/Amsterdam': 'W. Europe Standard Time',
  'Europe/Berlin': 'W. Europe Standard Time',
  'Europe/Luxembourg': 'W. Europe Standard Time',
  'Europe/Rome': 'W. Europe Standard Time',
  'Europe/Vienna': 'W. Europe Standard Time',
  'Europe/Zurich': 'W. Europe Standard Time',
  'Europe/Stockholm': 'W. Europe Standard Time',
  'Europe/Oslo': 'W. Europe Standard Time',
  'Europe/Brussels': 'Romance Standard Time',
  'Europe/Paris': 'Romance Standard Time',
  'Europe/Madrid': 'Romance Standard Time',
  'Europe/Copenhagen': 'Romance Standard Time',
  'Europe/London': 'GMT Standard Time',
  'Europe/Dublin': 'GMT Standard Time',
  'Europe/Lisbon': 'GMT Standard Time',
  UTC: 'UTC',
  'Etc/UTC': 'UTC',
};

/** The time zone name to send to Graph for an IANA zone. */
export function graphTimeZone(iana: string): string {
  return Object.prototype.hasOwnProperty.call(WINDOWS_FOR_IANA, iana) ? WINDOWS_FOR_IANA[iana] : iana;
}
