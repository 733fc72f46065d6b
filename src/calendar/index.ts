/** Calendar output of a planned meeting: .ics (RFC 5545, `ics` library) and the CalendarWriter port request. */
export { buildIcs, recurrenceRule, type IcsOptions } from './ics';
export { toCalendarEventRequest, reminderMinutes } from './request';
export { meetingDescription } from './description';
export { wallClockToUtc } from './zone';
