/**
 * Calendar output of a planned meeting: .ics (RFC 5545, written with ical.js in the zone's local time with its
 * VTIMEZONE) and the CalendarWriter port request. Product code imports the modules themselves, so ical.js stays in
 * the lazily loaded .ics chunk.
 */
export { buildIcs, recurrenceRule, PRODUCT_ID, type IcsOptions } from './ics';
export { foldLine, serialize, cleanText, cleanParam, utf8Length, MAX_LINE_OCTETS } from './contentLines';
export { vtimezone, supportedTimeZones, isUtcZone } from './timezones';
export { toCalendarEventRequest, reminderMinutes } from './request';
export { meetingDescription } from './description';
export { wallClockToUtc } from './zone';
