/**
 * The Graph event of a planned overleg as it reaches the emulator's Graph endpoint: the body the
 * GraphCalendarWriter sends carries the yearly recurrence and the reminder the way Graph expects, in a Windows time
 * zone Graph accepts. The Graph wire shape lives in the adapter only; this test captures the request the emulator got.
 */
import { GraphCalendarWriter } from '../../src/adapters/graph';
import { toCalendarEventRequest } from '../../src/calendar';
import { proposeMeeting, type MeetingPerson } from '../../src/domain/overleg';
import * as graphEmulator from '../../workbench/emulator/graph';
import type { EmulatorRequest } from '../../workbench/emulator/types';
import { inProcessClient } from '../adapters/graph/inProcessClient';
import { loadConfigFixture } from '../helpers/config';
import { call, memoryContext, sanne } from '../workbench/emulator/graph/harness';

const config = loadConfigFixture('igj-cibg');
const people: MeetingPerson[] = [
  { name: 'Henk de Groot', email: 'henk.degroot@igj.example', functionTitle: 'Hoofdinspecteur Farmaceutische Producten en Medische Technologie', party: 'igj' },
  { name: 'Eva <b>Mulder</b>', email: 'eva.mulder@igj.example', functionTitle: 'Bestuurlijk adviseur', party: 'igj' },
  { name: 'Marko Stupar', email: 'marko.stupar@cibg.example', functionTitle: 'Algemeen Directeur', party: 'cibg' },
];

/** Plans a bestuurlijk overleg through the adapter and returns the JSON body the emulator received. */
async function planThroughAdapter(): Promise<{ sent: Record<string, any>; ctx: ReturnType<typeof memoryContext> }> {
  const ctx = memoryContext(new Date('2026-11-23T09:00:00Z'));
  const received: EmulatorRequest[] = [];
  const real = graphEmulator.graphHandler;
  const spy = jest.spyOn(graphEmulator, 'graphHandler').mockImplementation(async (req, c) => {
    received.push(req);
    return real(req, c);
  });
  try {
    const proposal = proposeMeeting('bestuurlijk', config, people, '2026-11-23', { dueOn: '2027-06-04' });
    if (!proposal.ok) throw new Error(proposal.error.en);
    const created = await new GraphCalendarWriter(inProcessClient(ctx, sanne)).createEvent(
      { kind: 'organiser' },
      toCalendarEventRequest(proposal.meeting),
    );
    expect(created.reminderFires).toBe(true);
  } finally {
    spy.mockRestore();
  }
  const posts = received.filter((r) => r.method === 'POST');
  expect(posts.map((r) => r.path)).toEqual(['/v1.0/me/events']);
  return { sent: JSON.parse(posts[0].body.toString('utf8')), ctx };
}

describe('Graph event body of a planned bestuurlijk overleg (art. 7.1)', () => {
  let sent: Record<string, any>;
  let ctx: ReturnType<typeof memoryContext>;
  beforeAll(async () => {
    ({ sent, ctx } = await planThroughAdapter());
  });

  it('recurs absoluteYearly with interval, month and dayOfMonth; the range starts on the start date', () => {
    expect(sent.start).toEqual({ dateTime: '2027-06-04T10:00:00', timeZone: 'W. Europe Standard Time' });
    expect(sent.end).toEqual({ dateTime: '2027-06-04T12:00:00', timeZone: 'W. Europe Standard Time' });
    expect(sent.recurrence).toEqual({
      pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 4, month: 6 },
      range: { type: 'noEnd', startDate: '2027-06-04' },
    });
  });

  it('turns the reminder on with the shortest configured lead time (14 days) in minutes', () => {
    expect(sent.isReminderOn).toBe(true);
    expect(sent.reminderMinutesBeforeStart).toBe(14 * 24 * 60);
  });

  it('sends a Windows zone name, never the IANA name Graph does not accept for Amsterdam', async () => {
    expect(JSON.stringify(sent)).not.toContain('Europe/Amsterdam');
    const iana = { ...sent, start: { ...sent.start, timeZone: 'Europe/Amsterdam' } };
    const refused = await call(ctx, 'POST', '/v1.0/me/events', iana);
    expect(refused?.status).toBe(400);
    expect(JSON.stringify(refused?.body)).toContain('start.timeZone');
  });

  it('invites the art. 7.1 function holders as required attendees, names escaped in the HTML body', () => {
    expect(sent.attendees).toEqual(
      people.map((p) => ({ emailAddress: { address: p.email, name: p.name }, type: 'required' })),
    );
    expect(sent.body.contentType).toBe('HTML');
    expect(sent.body.content).toContain('Onderwerpen van bestuurlijk gewicht en belang (verplicht, art. 7.2)');
    expect(sent.body.content).toContain('Eva &lt;b&gt;Mulder&lt;/b&gt;');
    expect(sent.body.content).not.toContain('<b>Mulder');
  });

  it('lands in the organiser calendar with a reminder that fires, and each attendee gets the invitation', async () => {
    const cal = (await call(ctx, 'GET', `/_emulator/graph/calendars/${sanne.email}`))?.body as { events: any[] };
    expect(cal.events).toHaveLength(1);
    expect(cal.events[0]._emulator.reminderFires).toBe(true);
    for (const p of people) {
      const box = (await call(ctx, 'GET', `/_emulator/graph/mailboxes/${p.email}`))?.body as { inbox: any[] };
      expect(box.inbox.map((m) => m.meetingMessageType)).toEqual(['meetingRequest']);
    }
  });
});
