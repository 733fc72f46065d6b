/** Host-neutral overleg flows: plan and schedule, reminder cards posted once, planning and recording. */
export { OverlegInputError, OVERLEG_TIME_ZONE, type OverlegDeps } from './deps';
export { loadPlan, canPlan, type OverlegPlan, type PlanRow } from './plan';
export { checkReminders, reminderStageKey, type ReminderOutcome } from './reminders';
export { proposeFromDirectory, titlesFor, type OverlegProposal } from './propose';
export { confirmPlan, validatePlannedMeeting, type ConfirmedPlan } from './confirm';
export { recordHeld, validateHeld, type HeldInput } from './record';
