/** Calendar output of a planned meeting: .ics (RFC 5545, `ics` library), the Graph event body, the CalendarWriter request. */
export { buildIcs, recurrenceRule, type IcsOptions } from './ics';
export {
  buildGraphEvent,
  graphRecurrence,
  graphTimeZone,
  reminderMinutes,
  type GraphEventBody,
  type GraphEventRecurrence,
} from './graphEvent';
export { toCalendarEventRequest } from './request';
export { meetingDescription } from './description';
export { wallClockToUtc } from './zone';
