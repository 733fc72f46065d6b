/** Public surface of the overleg (meetings) domain: schedule, proposal, post-once reminders, working days. */
export * from './types';
export { computeSchedule, addMonthsIso, effectiveFrom, toToday } from './schedule';
export { proposeMeeting, MIN_NOTICE_DAYS, type ProposeOptions, type ProposalResult } from './propose';
export { reminderKey, shouldPostReminder } from './reminder';
export {
  daysBetween,
  dutchHolidays,
  easterSunday,
  isWorkingDay,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
} from './days';
export { heldMeetings, type MeetingRow } from './history';
