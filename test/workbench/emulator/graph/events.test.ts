import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { call, errorOf, memoryContext } from './harness';

const yearly = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  subject: 'Bestuurlijk overleg IGJ-CIBG (art. 7)',
  body: { contentType: 'text', content: 'Agenda: actualiteiten (art. 6.2a)' },
  start: { dateTime: '2027-04-15T10:00:00', timeZone: 'W. Europe Standard Time' },
  end: { dateTime: '2027-04-15T11:30:00', timeZone: 'W. Europe Standard Time' },
  isReminderOn: true,
  reminderMinutesBeforeStart: 20160,
  attendees: [{ emailAddress: { address: 'marko.stupar@cibg.example', name: 'Marko Stupar' }, type: 'required' }],
  recurrence: {
    pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 15, month: 4 },
    range: { type: 'noEnd', startDate: '2027-04-15' },
  },
  ...over,
});

type Calendar = { events: Record<string, unknown>[]; invitations: Record<string, unknown>[] };

describe('Graph emulator: events', () => {
  it('creates a yearly event with reminder in the organiser calendar and invites the attendees', async () => {
    const ctx = memoryContext();
    const res = await call(ctx, 'POST', '/v1.0/me/events', yearly());
    expect(res?.status).toBe(201);
    const ev = res?.body as Record<string, unknown>;
    expect(ev).toMatchObject({
      type: 'seriesMaster',
      isReminderOn: true,
      reminderMinutesBeforeStart: 20160,
      start: { dateTime: '2027-04-15T10:00:00.0000000', timeZone: 'W. Europe Standard Time' },
      recurrence: {
        pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 15, month: 4 },
        range: { type: 'noEnd', startDate: '2027-04-15' },
      },
      organizer: { emailAddress: { address: 'sanne.devries@igj.example' } },
      _emulator: { reminderFires: true },
    });
    const own = (await call(ctx, 'GET', '/_emulator/graph/calendars/Sanne.DeVries@igj.example'))?.body as Calendar;
    expect(own.events.map((e) => e.id)).toEqual([ev.id]);
    const invitee = (await call(ctx, 'GET', '/_emulator/graph/calendars/marko.stupar@cibg.example'))?.body as Calendar;
    expect(invitee.invitations.map((e) => e.id)).toEqual([ev.id]);
    const inbox = (await call(ctx, 'GET', '/_emulator/graph/mailboxes/marko.stupar@cibg.example'))?.body as {
      inbox: Record<string, unknown>[];
    };
    expect(inbox.inbox[0]).toMatchObject({ meetingMessageType: 'meetingRequest', eventId: ev.id });
    const listed = (await call(ctx, 'GET', '/v1.0/me/events'))?.body as { value: unknown[] };
    expect(listed.value).toHaveLength(1);
  });

  it("accepts /users/{upn}/events for the signed-in user and refuses someone else's calendar with 403", async () => {
    const ctx = memoryContext();
    expect((await call(ctx, 'POST', '/v1.0/users/sanne.devries@igj.example/events', yearly()))?.status).toBe(201);
    const other = await call(ctx, 'POST', '/v1.0/users/bram.jansen@cibg.example/events', yearly());
    expect(other?.status).toBe(403);
    expect(errorOf(other).code).toBe('ErrorAccessDenied');
  });

  it('echoes reminder fields on group events but marks that the reminder does not fire', async () => {
    const ctx = memoryContext();
    const res = await call(ctx, 'POST', '/v1.0/groups/0c9f6d3e-group/events', yearly());
    expect(res?.status).toBe(201);
    expect(res?.body).toMatchObject({
      isReminderOn: true,
      reminderMinutesBeforeStart: 20160,
      _emulator: { reminderFires: false },
    });
    const cal = (await call(ctx, 'GET', '/_emulator/graph/calendars/0c9f6d3e-group'))?.body as Calendar & {
      ownerKind: string;
    };
    expect(cal.ownerKind).toBe('group');
    expect(cal.events).toHaveLength(1);
    expect(
      ((await call(ctx, 'GET', '/v1.0/groups/0c9f6d3e-group/events'))?.body as { value: unknown[] }).value,
    ).toHaveLength(1);
  });

  const rec = (
    pattern: Record<string, unknown>,
    range: Record<string, unknown> = { type: 'noEnd', startDate: '2027-04-15' },
  ) => ({
    recurrence: { pattern, range },
  });
  it.each([
    [
      'absoluteYearly without month',
      rec({ type: 'absoluteYearly', interval: 1, dayOfMonth: 15 }),
      'recurrence.pattern.month',
    ],
    [
      'absoluteYearly without dayOfMonth',
      rec({ type: 'absoluteYearly', interval: 1, month: 4 }),
      'recurrence.pattern.dayOfMonth',
    ],
    [
      'absoluteYearly with month 0',
      rec({ type: 'absoluteYearly', interval: 1, dayOfMonth: 15, month: 0 }),
      'recurrence.pattern.month',
    ],
    [
      'absoluteYearly without interval',
      rec({ type: 'absoluteYearly', dayOfMonth: 15, month: 4 }),
      'recurrence.pattern.interval',
    ],
    ['month 13', rec({ type: 'absoluteYearly', interval: 1, dayOfMonth: 15, month: 13 }), 'recurrence.pattern.month'],
    ['unknown pattern type', rec({ type: 'yearly', interval: 1 }), 'recurrence.pattern.type'],
    ['weekly without daysOfWeek', rec({ type: 'weekly', interval: 1 }), 'recurrence.pattern.daysOfWeek'],
    [
      'range.startDate not the start date',
      rec(
        { type: 'absoluteYearly', interval: 1, dayOfMonth: 15, month: 4 },
        { type: 'noEnd', startDate: '2027-04-16' },
      ),
      'recurrence.range.startDate',
    ],
    [
      'endDate range without endDate',
      rec(
        { type: 'absoluteYearly', interval: 1, dayOfMonth: 15, month: 4 },
        { type: 'endDate', startDate: '2027-04-15' },
      ),
      'recurrence.range.endDate',
    ],
    [
      'numbered range without count',
      rec(
        { type: 'absoluteYearly', interval: 1, dayOfMonth: 15, month: 4 },
        { type: 'numbered', startDate: '2027-04-15' },
      ),
      'recurrence.range.numberOfOccurrences',
    ],
    ['missing range', { recurrence: { pattern: { type: 'daily', interval: 1 } } }, 'recurrence.range'],
    ['bad start dateTime', { start: { dateTime: '2027-02-30T10:00:00', timeZone: 'UTC' } }, 'start.dateTime'],
    ['missing end', { end: undefined }, 'end'],
    ['negative reminder', { reminderMinutesBeforeStart: -5 }, 'reminderMinutesBeforeStart'],
    ['attendee without address', { attendees: [{ emailAddress: {} }] }, 'attendees[0].emailAddress.address'],
    [
      'bad attendee type',
      { attendees: [{ emailAddress: { address: 'a@b.example' }, type: 'vip' }] },
      'attendees[0].type',
    ],
  ])('refuses %s with a Graph 400 naming the field', async (_name, over, field) => {
    const ctx = memoryContext();
    const res = await call(ctx, 'POST', '/v1.0/me/events', yearly(over));
    expect(res?.status).toBe(400);
    expect(errorOf(res).message).toContain(`'${field}'`);
    expect(((await call(ctx, 'GET', '/v1.0/me/events'))?.body as { value: unknown[] }).value).toHaveLength(0);
  });

  it('makes one event for a repeated create with the same transactionId: the same answer, no second invitation', async () => {
    const ctx = memoryContext();
    const first = await call(ctx, 'POST', '/v1.0/me/events', yearly({ transactionId: 'plan-1' }));
    expect(first?.status).toBe(201);
    expect(first?.body).toMatchObject({ transactionId: 'plan-1' });
    const again = await call(ctx, 'POST', '/v1.0/me/events', yearly({ transactionId: 'plan-1' }));
    expect(again?.status).toBe(201);
    expect((again?.body as { id: string }).id).toBe((first?.body as { id: string }).id);
    const other = await call(ctx, 'POST', '/v1.0/me/events', yearly({ transactionId: 'plan-2' }));
    const plain = await call(ctx, 'POST', '/v1.0/me/events', yearly());
    expect(plain?.body).not.toHaveProperty('transactionId');
    const own = (await call(ctx, 'GET', '/_emulator/graph/calendars/sanne.devries@igj.example'))?.body as Calendar;
    expect(own.events.map((e) => e.id)).toEqual([
      (first?.body as { id: string }).id,
      (other?.body as { id: string }).id,
      (plain?.body as { id: string }).id,
    ]);
    const inbox = (await call(ctx, 'GET', '/_emulator/graph/mailboxes/marko.stupar@cibg.example'))?.body as {
      inbox: Record<string, unknown>[];
    };
    expect(inbox.inbox).toHaveLength(3);
    // another calendar does not share the first one's ids
    const group = await call(ctx, 'POST', '/v1.0/groups/0c9f6d3e-group/events', yearly({ transactionId: 'plan-1' }));
    expect((group?.body as { id: string }).id).not.toBe((first?.body as { id: string }).id);
  });

  it('refuses a transactionId that is not a non-empty string, naming the property', async () => {
    const ctx = memoryContext();
    for (const bad of [42, '', { id: 'x' }]) {
      const res = await call(ctx, 'POST', '/v1.0/me/events', yearly({ transactionId: bad }));
      expect(res?.status).toBe(400);
      expect(errorOf(res).message).toContain('transactionId');
    }
  });

  it('refuses an unknown time zone and an end before the start with Graph codes', async () => {
    const ctx = memoryContext();
    const tz = await call(
      ctx,
      'POST',
      '/v1.0/me/events',
      yearly({ start: { dateTime: '2027-04-15T10:00:00', timeZone: 'Mars/Olympus' } }),
    );
    expect(errorOf(tz)).toMatchObject({
      code: 'TimeZoneNotSupportedException',
      message: expect.stringContaining('start.timeZone'),
    });
    const backwards = await call(
      ctx,
      'POST',
      '/v1.0/me/events',
      yearly({ end: { dateTime: '2027-04-15T09:00:00', timeZone: 'W. Europe Standard Time' } }),
    );
    expect(errorOf(backwards).code).toBe('ErrorCalendarEndDateIsEarlierThanStartDate');
  });

  it('takes Windows names and the IANA names Graph lists, and refuses other IANA names such as Europe/Amsterdam', async () => {
    const at = (timeZone: string): Record<string, unknown> => ({
      start: { dateTime: '2027-04-15T10:00:00', timeZone },
      end: { dateTime: '2027-04-15T11:30:00', timeZone },
    });
    const ctx = memoryContext();
    expect((await call(ctx, 'POST', '/v1.0/me/events', yearly(at('Europe/Berlin'))))?.status).toBe(201);
    expect((await call(ctx, 'POST', '/v1.0/me/events', yearly(at('w. europe standard time'))))?.status).toBe(201);
    for (const zone of ['Europe/Amsterdam', 'constructor']) {
      const res = await call(ctx, 'POST', '/v1.0/me/events', yearly(at(zone)));
      expect(res?.status).toBe(400);
      expect(errorOf(res)).toMatchObject({
        code: 'TimeZoneNotSupportedException',
        message: expect.stringContaining(zone),
      });
    }
  });

  it('refuses a pattern type that is an Object property name without crashing', async () => {
    const res = await call(
      memoryContext(),
      'POST',
      '/v1.0/me/events',
      yearly(rec({ type: 'constructor', interval: 1 })),
    );
    expect(res?.status).toBe(400);
    expect(errorOf(res).message).toContain("'recurrence.pattern.type'");
  });

  it('compares start and end across time zones as instants', async () => {
    // 10:00 Amsterdam (CEST, UTC+2) is 08:00 UTC: an end of 09:00 UTC is after the start.
    const res = await call(
      memoryContext(),
      'POST',
      '/v1.0/me/events',
      yearly({ end: { dateTime: '2027-04-15T09:00:00', timeZone: 'UTC' } }),
    );
    expect(res?.status).toBe(201);
  });

  it('keeps stored events across a restart (a new connection to the same database file)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'graph-emu-'));
    const file = join(dir, 'emulator.db');
    const first = { db: new Database(file), now: () => new Date('2027-03-01T09:00:00Z') };
    await call(first, 'POST', '/v1.0/me/events', yearly());
    first.db.close();
    const second = { db: new Database(file), now: first.now };
    expect(((await call(second, 'GET', '/v1.0/me/events'))?.body as { value: unknown[] }).value).toHaveLength(1);
    second.db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
