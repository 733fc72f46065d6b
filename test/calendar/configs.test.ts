/** One build, any agreement: schedule, proposal, .ics and calendar request over every committed configuration. */
import ICAL from 'ical.js';
import { buildIcs, toCalendarEventRequest } from '../../src/calendar';
import { computeSchedule, proposeMeeting, type MeetingPerson } from '../../src/domain/overleg';
import { loadConfigFixture } from '../helpers/config';

describe.each(['igj-cibg', 'cjg-rijnmond', 'igj-om'])('configuration %s', (name) => {
  const config = loadConfigFixture(name);

  it('plans every configured meeting: schedule, proposal without warnings when the roles are filled, .ics and calendar request', () => {
    const people: MeetingPerson[] = config.meetings.flatMap((m) =>
      m.requiredAttendees.map((a, i) => ({
        name: `Persoon ${i}`,
        email: `p${i}.${m.key}@${config.parties.find((p) => p.key === a.party)!.emailDomains[0]}`,
        functionTitle: a.functionTitle,
        party: a.party,
      })),
    );
    const schedule = computeSchedule(config.meetings, [], config.agreement, '2026-11-23');
    expect(schedule).toHaveLength(config.meetings.length);
    for (const item of schedule) {
      const meeting = config.meetings.find((m) => m.key === item.meetingKey)!;
      const proposal = proposeMeeting(meeting.kind, config, people, '2026-11-23', {
        meetingKey: meeting.key,
        dueOn: item.nextDue,
      });
      if (!proposal.ok) throw new Error(proposal.error.en);
      expect(proposal.warnings.filter((w) => w.code === 'required_role_missing')).toEqual([]);
      expect(proposal.meeting.agenda.map((a) => a.key)).toEqual(meeting.mandatoryTopics.map((t) => t.key));
      const vevent = new ICAL.Component(ICAL.parse(buildIcs(proposal.meeting))).getFirstSubcomponent('vevent')!;
      const rrule = vevent.getFirstPropertyValue('rrule') as ICAL.Recur;
      expect(rrule.freq).toBe(meeting.everyMonths % 12 === 0 ? 'YEARLY' : 'MONTHLY');
      expect(vevent.getAllSubcomponents('valarm')).toHaveLength(new Set(meeting.reminderLeadDays).size);
      expect(toCalendarEventRequest(proposal.meeting).repeat).toEqual({ everyMonths: meeting.everyMonths });
    }
  });
});
