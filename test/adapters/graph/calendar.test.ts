import { GraphCalendarWriter } from '../../../src/adapters/graph';
import type { CalendarEventRequest } from '../../../src/ports/calendar';
import { call, memoryContext, sanne } from '../../workbench/emulator/graph/harness';
import { inProcessClient } from './inProcessClient';

const overleg = (over: Partial<CalendarEventRequest> = {}): CalendarEventRequest => ({
  subject: 'Bestuurlijk overleg IGJ-CIBG (art. 7)',
  description: 'Verplichte agendapunten:\n- actualiteiten & beleidsvoornemens (art. 6.2a)\n- <geanonimiseerde casus>',
  start: '2027-04-15T10:00',
  end: '2027-04-15T11:30',
  timeZone: 'Europe/Amsterdam',
  location: 'Utrecht',
  attendees: [
    { address: 'marko.stupar@cibg.example', name: 'Marko Stupar' },
    { address: 'eva.mulder@igj.example', optional: true },
  ],
  repeat: { everyMonths: 12 },
  reminderMinutesBefore: 14 * 24 * 60,
  ...over,
});

type Calendar = { events: Record<string, any>[]; invitations: Record<string, any>[] };

describe('GraphCalendarWriter', () => {
  it('creates a yearly event with reminder in the organiser calendar, attendees invited', async () => {
    const ctx = memoryContext();
    const created = await new GraphCalendarWriter(inProcessClient(ctx, sanne)).createEvent(
      { kind: 'organiser' },
      overleg(),
    );
    expect(created).toEqual({ id: expect.any(String), webLink: expect.any(String), reminderFires: true });
    const cal = (await call(ctx, 'GET', `/_emulator/graph/calendars/${sanne.email}`))?.body as Calendar;
    const ev = cal.events[0];
    expect(ev.recurrence).toMatchObject({
      pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 15, month: 4 },
      range: { type: 'noEnd', startDate: '2027-04-15' },
    });
    expect(ev).toMatchObject({
      isReminderOn: true,
      reminderMinutesBeforeStart: 20160,
      location: { displayName: 'Utrecht' },
    });
    // Europe/Amsterdam is not among the IANA names Graph takes: the adapter sends the Windows zone.
    expect(ev.start).toEqual({ dateTime: '2027-04-15T10:00:00.0000000', timeZone: 'W. Europe Standard Time' });
    expect(ev.attendees.map((a: any) => [a.emailAddress.address, a.type])).toEqual([
      ['marko.stupar@cibg.example', 'required'],
      ['eva.mulder@igj.example', 'optional'],
    ]);
    expect(ev.body.content).toContain('&lt;geanonimiseerde casus&gt;');
    expect(ev.body.content).toContain('actualiteiten &amp; beleidsvoornemens (art. 6.2a)<br>');
    expect(ev._emulator.reminderFires).toBe(created.reminderFires);
    const invitee = (await call(ctx, 'GET', '/_emulator/graph/calendars/marko.stupar@cibg.example'))?.body as Calendar;
    expect(invitee.invitations.map((e) => e.id)).toEqual([created.id]);
  });

  it('reports that reminders do not fire in a group calendar, as the emulator (after Graph docs) says', async () => {
    const ctx = memoryContext();
    const created = await new GraphCalendarWriter(inProcessClient(ctx, sanne)).createEvent(
      { kind: 'group', groupId: 'grp-1' },
      overleg(),
    );
    expect(created.reminderFires).toBe(false);
    const cal = (await call(ctx, 'GET', '/_emulator/graph/calendars/grp-1'))?.body as Calendar;
    expect(cal.events[0]).toMatchObject({ isReminderOn: true, _emulator: { reminderFires: false } });
  });

  it.each([
    [{ everyMonths: 6 }, { type: 'absoluteMonthly', interval: 6, dayOfMonth: 15 }, { type: 'noEnd' }],
    [
      { everyMonths: 24, occurrences: 3 },
      { type: 'absoluteYearly', interval: 2, month: 4 },
      { type: 'numbered', numberOfOccurrences: 3 },
    ],
    [
      { everyMonths: 12, until: '2031-12-31' },
      { type: 'absoluteYearly', interval: 1 },
      { type: 'endDate', endDate: '2031-12-31' },
    ],
  ])('maps repeat %j to a recurrence Graph accepts', async (repeat, pattern, range) => {
    const ctx = memoryContext();
    await new GraphCalendarWriter(inProcessClient(ctx, sanne)).createEvent({ kind: 'organiser' }, overleg({ repeat }));
    const ev = ((await call(ctx, 'GET', '/v1.0/me/events'))?.body as { value: Record<string, any>[] }).value[0];
    expect(ev.recurrence.pattern).toMatchObject(pattern);
    expect(ev.recurrence.range).toMatchObject({ ...range, startDate: '2027-04-15' });
  });

  it('creates a single event without reminder', async () => {
    const ctx = memoryContext();
    const created = await new GraphCalendarWriter(inProcessClient(ctx, sanne)).createEvent(
      { kind: 'organiser' },
      overleg({ repeat: undefined, reminderMinutesBefore: null }),
    );
    expect(created.reminderFires).toBe(false);
    const ev = ((await call(ctx, 'GET', '/v1.0/me/events'))?.body as { value: Record<string, any>[] }).value[0];
    expect(ev).toMatchObject({ type: 'singleInstance', isReminderOn: false, recurrence: null });
  });

  it("sends the caller's transactionId, so Graph answers a repeated create with the event it made", async () => {
    const ctx = memoryContext();
    const writer = new GraphCalendarWriter(inProcessClient(ctx, sanne));
    const first = await writer.createEvent({ kind: 'organiser' }, overleg({ transactionId: 'poging-1-3f2a' }));
    const again = await writer.createEvent({ kind: 'organiser' }, overleg({ transactionId: 'poging-1-3f2a' }));
    expect(again.id).toBe(first.id);
    const listed = ((await call(ctx, 'GET', '/v1.0/me/events'))?.body as { value: Record<string, any>[] }).value;
    expect(listed.map((e) => [e.id, e.transactionId])).toEqual([[first.id, 'poging-1-3f2a']]);
  });

  it.each([
    [{ start: '15-04-2027 10:00' }, 'event.start'],
    [{ end: '2027-04-15T09:00' }, 'event.end'],
    [{ reminderMinutesBefore: -1 }, 'event.reminderMinutesBefore'],
    [{ repeat: { everyMonths: 0 } }, 'repeat.everyMonths'],
    [{ repeat: { everyMonths: 12, until: '2026-01-01' } }, 'repeat.until'],
    [{ repeat: { everyMonths: 12, occurrences: 0 } }, 'repeat.occurrences'],
  ])('refuses %j before sending, naming the field', async (over, field) => {
    const ctx = memoryContext();
    await expect(
      new GraphCalendarWriter(inProcessClient(ctx, sanne)).createEvent({ kind: 'organiser' }, overleg(over)),
    ).rejects.toThrow(field);
    expect(((await call(ctx, 'GET', '/v1.0/me/events'))?.body as { value: unknown[] }).value).toHaveLength(0);
  });

  it('surfaces Graph refusing an unknown time zone, naming the field', async () => {
    const writer = new GraphCalendarWriter(inProcessClient(memoryContext(), sanne));
    await expect(
      writer.createEvent({ kind: 'organiser' }, overleg({ timeZone: 'Mars/Olympus' })),
    ).rejects.toMatchObject({
      status: 400,
      code: 'TimeZoneNotSupportedException',
      message: expect.stringContaining('start.timeZone'),
    });
  });
});
