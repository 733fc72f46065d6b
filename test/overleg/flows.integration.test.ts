/**
 * The overleg flows end to end against the emulator (SharePoint lists + Graph), as the dashboard runs them:
 * schedule from the Overleggen list, reminder cards posted once across loads and users, a bestuurlijk overleg planned
 * with the art. 7.1 roles from the directory into the organiser's calendar, and a held meeting moving the schedule.
 */
import { PnpSiteDirectory } from '../../src/adapters/sharepoint';
import { createServices } from '../../src/composition/createServices';
import {
  checkReminders,
  confirmPlan,
  loadPlan,
  OverlegInputError,
  proposeFromDirectory,
  recordHeld,
  canPlan,
} from '../../src/overleg';
import type { Services } from '../../src/ports';
import { provisionSite } from '../../src/provisioning/provisioner';
import { buildSiteSchema } from '../../src/provisioning/siteSchema';
import { loadConfigFixture } from '../helpers/config';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator';

jest.setTimeout(120_000);
const TODAY = '2026-11-23';
const config = loadConfigFixture();
let emu: TestEmulator;

async function servicesFor(user: string): Promise<Services> {
  return createServices({ sp: emu.spForUser(user), graph: emu.graphForUser(user), siteUrl: emu.siteUrl });
}

async function channelCards(s: Services): Promise<Array<{ body: Array<{ text?: string }> }>> {
  const ch = s.host.reminderChannel!;
  const res = await fetch(
    `${emu.url}/_emulator/graph/channels/${encodeURIComponent(ch.teamId)}/${encodeURIComponent(ch.channelId)}`,
  );
  const body = (await res.json()) as { messages: Array<{ attachments: Array<{ content: string }> }> };
  return body.messages.map((m) => JSON.parse(m.attachments[0].content));
}

beforeAll(async () => {
  emu = await startTestEmulator();
  await provisionSite(emu.spForUser('beheerder'), buildSiteSchema(config), config);
  const dir = new PnpSiteDirectory(emu.spForUser('beheerder'), config);
  await dir.addToGroup('accounthouders', 'pieter.bakker@igj.example');
  await dir.addToGroup('accounthouders', 'lotte.visser@cibg.example');
  await dir.addToGroup('igj-medewerkers', 'sanne.devries@igj.example');
});
afterAll(async () => emu?.close());

describe('overleg flows', () => {
  it('computes the plan: never held, so every series counts from signing (publication unrecorded) and is overdue', async () => {
    const plan = await loadPlan(await servicesFor('igj-accounthouder'), TODAY);
    const bestuurlijk = plan.rows.find((r) => r.item.kind === 'bestuurlijk')!;
    expect(bestuurlijk.item).toMatchObject({ lastHeld: null, nextDue: '2026-06-04', status: 'overdue' });
    expect(bestuurlijk.item.notes.map((n) => n.code)).toContain('effective_date_unknown');
  });

  it('only accounthouders and DVA owners plan (art. 5, 12)', async () => {
    const me = await (await servicesFor('igj-accounthouder')).directory.currentUser();
    expect(canPlan(config, me)).toBe(true);
    expect(canPlan(config, await (await servicesFor('igj-medewerker')).directory.currentUser())).toBe(false);
  });

  it('posts each due reminder card once, across two users loading at the same time and a later load', async () => {
    const [a, b] = await Promise.all([servicesFor('igj-accounthouder'), servicesFor('cibg-accounthouder')]);
    const [planA, planB] = await Promise.all([loadPlan(a, TODAY), loadPlan(b, TODAY)]);
    const [outA, outB] = await Promise.all([checkReminders(a, planA), checkReminders(b, planB)]);
    const posted = [...outA, ...outB].filter((o) => o.result === 'posted').map((o) => o.meetingKey);
    expect(posted.sort()).toEqual(config.meetings.map((m) => m.key).sort());
    const again = await checkReminders(a, await loadPlan(a, TODAY));
    expect(again.every((o) => o.result === 'already-posted')).toBe(true);
    const cards = await channelCards(a);
    expect(cards).toHaveLength(config.meetings.length);
    expect(cards.filter((c) => c.body[0].text === 'Bestuurlijk overleg IGJ–CIBG')).toHaveLength(1);
  });

  it('gives the claim back when the post fails, so the next load posts the card', async () => {
    // DVA renewal held on 15 January (recorded by the accounthouder, art. 5, 12): next due 2027-01-15, its 60-day lead
    // time opened on 2026-11-16 (a new stage). The reminder itself is posted by whoever's dashboard sees it first.
    await (await servicesFor('igj-accounthouder')).meetings.create({ series: 'dva-vernieuwing', title: 'DVA', date: '2026-01-15T11:00:00Z', status: 'gehouden', details: {} });
    const s = await servicesFor('igj-medewerker');
    const plan = await loadPlan(s, TODAY);
    expect(plan.rows.find((r) => r.item.kind === 'dva-vernieuwing')!.item.status).toBe('due-soon');
    const failing = { ...s, channel: { ...s.channel, postCard: () => Promise.reject(new Error('Teams said no')) } };
    const failed = await checkReminders(failing, plan);
    expect(failed.filter((o) => o.result === 'failed')).toEqual([
      {
        meetingKey: 'dva-vernieuwing',
        key: 'dva-vernieuwing@2027-01-15#60d',
        result: 'failed',
        error: 'Teams said no',
        // What the banner shows: a sentence that says what to do, Teams' own words behind the details.
        problem: expect.objectContaining({ detail: 'Teams said no', nl: expect.stringMatching(/Probeer het opnieuw/) }),
      },
    ]);
    const retried = await checkReminders(s, plan);
    expect(retried.filter((o) => o.result === 'posted').map((o) => o.key)).toEqual(['dva-vernieuwing@2027-01-15#60d']);
    expect((await checkReminders(s, plan)).every((o) => o.result === 'already-posted')).toBe(true);
  });

  it('plans a bestuurlijk overleg: art. 7.1 roles from the directory, missing COO warned, yearly event with reminder', async () => {
    const s = await servicesFor('igj-accounthouder');
    const plan = await loadPlan(s, TODAY);
    const row = plan.rows.find((r) => r.item.kind === 'bestuurlijk')!;
    const proposal = await proposeFromDirectory(s, row.item, TODAY);
    if (!proposal.ok) throw new Error(proposal.error.en);
    expect(proposal.directoryError).toBeUndefined();
    expect(proposal.meeting.attendees.filter((a) => a.required).map((a) => a.email).sort()).toEqual([
      'eva.mulder@igj.example',
      'henk.degroot@igj.example',
      'marko.stupar@cibg.example',
    ]);
    expect(proposal.warnings.map((w) => [w.code, w.functionTitle])).toContainEqual([
      'required_role_missing',
      'Directeur Operationele Zaken/COO',
    ]);
    // The due date has passed: the first working day after 14 days of notice.
    expect(proposal.meeting.start).toBe('2026-12-07T10:00');
    const { entry, event } = await confirmPlan(s, proposal.meeting, TODAY);
    expect(entry).toMatchObject({ series: 'bestuurlijk-overleg', status: 'gepland', eventId: event.id });
    expect(event.reminderFires).toBe(true);
    const cal = (await (await fetch(`${emu.url}/_emulator/graph/calendars/pieter.bakker@igj.example`)).json()) as {
      events: Array<Record<string, any>>;
    };
    expect(cal.events[0]).toMatchObject({
      subject: 'Bestuurlijk overleg IGJ–CIBG',
      isReminderOn: true,
      reminderMinutesBeforeStart: 14 * 24 * 60,
      recurrence: { pattern: { type: 'absoluteYearly', month: 12, dayOfMonth: 7 } },
    });
    const after = await loadPlan(s, TODAY);
    expect(after.rows.find((r) => r.item.kind === 'bestuurlijk')!.planned?.id).toBe(entry.id);
  });

  it('refuses a plan without a mandatory agenda topic, naming the field and the article (art. 6.2)', async () => {
    const s = await servicesFor('igj-accounthouder');
    const row = (await loadPlan(s, TODAY)).rows.find((r) => r.item.kind === 'ambtelijk')!;
    const proposal = await proposeFromDirectory(s, row.item, TODAY);
    if (!proposal.ok) throw new Error(proposal.error.en);
    const before = (await s.meetings.list()).length;
    const bad = { ...proposal.meeting, agenda: proposal.meeting.agenda.slice(1) };
    const error = await confirmPlan(s, bad, TODAY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OverlegInputError);
    expect(error).toMatchObject({ field: 'agenda', nl: expect.stringContaining('(art. 6.2a)') });
    // a day that does not exist is refused naming the field, never rolled over into the next month
    const day = proposal.meeting.start.slice(0, 10);
    for (const [field, over, nl] of [
      ['start', { start: '2027-02-31T10:00', end: '2027-02-31T11:00' }, 'is geen datum en tijd'],
      ['end', { end: '2027-02-31T11:00' }, 'is geen datum en tijd'],
      ['end', { end: `${day}T25:00` }, 'is geen datum en tijd'],
      ['end', { start: `${day}T10:00`, end: `${day}T09:30` }, 'het einde moet na het begin liggen'],
    ] as const) {
      const refused = await confirmPlan(s, { ...proposal.meeting, ...over }, TODAY).catch((e: unknown) => e);
      expect(refused).toMatchObject({ field, nl: expect.stringContaining(nl) });
    }
    expect((await s.meetings.list()).length).toBe(before);
  });

  it('marks the entry geannuleerd with the reason when the calendar refuses; nothing half-written', async () => {
    const s = await servicesFor('igj-accounthouder');
    const row = (await loadPlan(s, TODAY)).rows.find((r) => r.item.kind === 'evaluatie')!;
    const proposal = await proposeFromDirectory(s, row.item, TODAY);
    if (!proposal.ok) throw new Error(proposal.error.en);
    const refusing = { ...s, calendar: { createEvent: () => Promise.reject(new Error('ErrorAccessDenied')) } };
    await expect(confirmPlan(refusing, proposal.meeting, TODAY)).rejects.toThrow('ErrorAccessDenied');
    const stored = (await s.meetings.list('evaluatie'))[0];
    expect(stored).toMatchObject({ status: 'geannuleerd', details: { calendarError: 'ErrorAccessDenied' } });
  });

  it('confirming again after the calendar answer was lost makes no second entry, event or invitation', async () => {
    const s = await servicesFor('igj-accounthouder');
    const row = (await loadPlan(s, TODAY)).rows.find((r) => r.item.kind === 'ambtelijk')!;
    const proposal = await proposeFromDirectory(s, row.item, TODAY);
    if (!proposal.ok) throw new Error(proposal.error.en);
    const calendar = async (): Promise<Array<Record<string, any>>> =>
      ((await (await fetch(`${emu.url}/_emulator/graph/calendars/pieter.bakker@igj.example`)).json()) as {
        events: Array<Record<string, any>>;
      }).events.filter((e) => e.subject === proposal.meeting.title);
    const before = (await s.meetings.list('ambtelijk-overleg')).length;
    // the event is made, its answer never arrives (Graph's POST is not repeated blindly: the press fails)
    emu.raw.faults.set({ rateLostAnswer: 1, pathPattern: '/v1\\.0/me/events', seed: 7 });
    const failed = await confirmPlan(s, proposal.meeting, TODAY, { attemptId: 'press-1' }).catch((e: unknown) => e);
    expect(emu.raw.faults.injected().lostAnswer).toBe(1);
    emu.raw.faults.clear();
    expect(failed).toBeInstanceOf(Error);
    const cancelled = await s.meetings.list('ambtelijk-overleg');
    expect(cancelled).toHaveLength(before + 1);
    expect(cancelled[0]).toMatchObject({ status: 'geannuleerd', details: { calendarError: expect.any(String) } });
    expect(await calendar()).toHaveLength(1);

    // the person presses Bevestigen en uitnodigen again in the same dialog
    const { entry, event } = await confirmPlan(s, proposal.meeting, TODAY, { attemptId: 'press-1' });
    expect(entry).toMatchObject({ id: cancelled[0].id, status: 'gepland', eventId: event.id });
    expect(entry.details).not.toHaveProperty('calendarError');
    const events = await calendar();
    expect(events.map((e) => e.id)).toEqual([event.id]);
    expect(await s.meetings.list('ambtelijk-overleg')).toHaveLength(before + 1);
    const invitee = proposal.meeting.attendees.find((a) => !/pieter\.bakker/i.test(a.email))!;
    const inbox = (await (await fetch(`${emu.url}/_emulator/graph/mailboxes/${encodeURIComponent(invitee.email)}`)).json()) as {
      inbox: Array<{ eventId?: string }>;
    };
    expect(inbox.inbox.filter((m) => m.eventId === event.id)).toHaveLength(1);

    // a third press (its answer lost too, or a double click) changes nothing and sends nothing to the calendar
    const counting = { ...s, calendar: { createEvent: () => Promise.reject(new Error('the calendar was asked again')) } };
    const third = await confirmPlan(counting, proposal.meeting, TODAY, { attemptId: 'press-1' });
    expect(third).toMatchObject({ entry: { id: entry.id, status: 'gepland', eventId: event.id }, event: { id: event.id, reminderFires: true } });
    expect((await calendar()).map((e) => e.id)).toEqual([event.id]);

    // a plan changed between the presses is another plan: its own entry and event
    const moved = { ...proposal.meeting, start: proposal.meeting.start.replace(/T\d\d/, 'T14'), end: proposal.meeting.end.replace(/T\d\d/, 'T15') };
    const other = await confirmPlan(s, moved, TODAY, { attemptId: 'press-1' });
    expect(other.entry.id).not.toBe(entry.id);
    expect(await calendar()).toHaveLength(2);
  });

  it('records the planned meeting as held with its verslag; the schedule moves on from the date held', async () => {
    const s = await servicesFor('igj-accounthouder');
    const row = (await loadPlan(s, '2026-12-08')).rows.find((r) => r.item.kind === 'bestuurlijk')!;
    const planned = (await s.meetings.list('bestuurlijk-overleg')).find((e) => e.status === 'gepland')!;
    await expect(
      recordHeld(s, { meetingKey: row.item.meetingKey, heldOn: '2026-12-07', minutesUrl: 'javascript:alert(1)' }, '2026-12-08'),
    ).rejects.toMatchObject({ field: 'minutesUrl' });
    const held = await recordHeld(
      s,
      {
        meetingKey: row.item.meetingKey,
        heldOn: '2026-12-07',
        minutesUrl: `${emu.siteUrl}/Uitwisseling/verslag-bestuurlijk-2026.docx`,
        plannedId: planned.id,
        plannedEtag: planned.etag,
      },
      '2026-12-08',
    );
    expect(held).toMatchObject({ id: planned.id, status: 'gehouden', minutesUrl: expect.stringContaining('verslag') });
    const after = (await loadPlan(s, '2026-12-08')).rows.find((r) => r.item.kind === 'bestuurlijk')!;
    expect(after.item).toMatchObject({ lastHeld: '2026-12-07', nextDue: '2027-12-07', status: 'ok' });
  });
});
