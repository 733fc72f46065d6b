/**
 * The datalek and overleg builders (mail, cards, calendar event) through the real Graph adapters and the emulator's
 * Graph handler (in process): the mail in the other party's breach mailbox shows every bijlage 2b field, the card lands
 * in the channel as built, and the planned bestuurlijk overleg becomes a yearly event with a reminder (the Graph body
 * itself is asserted in test/overleg/graphEvent.integration.test.ts).
 */
import { GraphCalendarWriter, GraphChannelPoster, GraphMailSender } from '../../src/adapters/graph';
import { toCalendarEventRequest } from '../../src/calendar';
import { buildDatalekCard, buildMeetingReminderCard } from '../../src/cards';
import {
  buildDatalekOutgoingMail,
  DATALEK_FIELDS,
  prefillDatalek,
  validateDatalek,
  type DatalekReport,
} from '../../src/domain/datalek';
import { computeSchedule, proposeMeeting, shouldPostReminder } from '../../src/domain/overleg';
import { call, memoryContext, sanne } from '../workbench/emulator/graph/harness';
import { inProcessClient } from '../adapters/graph/inProcessClient';
import { fixtureConfig } from '../fixtures/cards/agreement';
import { HOSTILE, NOW } from '../fixtures/cards/report';

const config = fixtureConfig();
const channel = { teamId: 'team-1', channelId: '19:privacy@thread.tacv2' };
type Inbox = { inbox: { subject: string; body: { content: string } }[] };
type Pane = { messages: { attachments: { content: string }[] }[] };
type Calendar = { events: Record<string, any>[] };

function filledReport(): DatalekReport {
  const { draft } = prefillDatalek({
    me: {
      displayName: sanne.displayName,
      jobTitle: sanne.jobTitle,
      mail: sanne.email,
      businessPhones: ['+31 88 120 5100'],
    },
    config,
    documents: [
      {
        activityKey: 'tucht-signalen',
        categories: ['big-nummer'],
        id: '17',
        name: 'signaal.docx',
        url: 'https://x.test/17',
      },
    ],
    now: NOW,
  });
  const r = validateDatalek(
    {
      ...draft,
      breachDate: '2026-11-22',
      discoveredAt: '2026-11-23T08:15:00Z',
      description: `Verkeerd gemaild ${HOSTILE[0]}`,
      scaleDataSubjects: 12,
      consequences: HOSTILE[2],
      measures: 'Verwijdering gevraagd',
      measuresBefore: 'Geen versleuteling',
    },
    NOW,
    config,
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

describe('datalek and overleg builders through the Graph adapters', () => {
  it('the breach mail arrives at the breach address and both contacts with every bijlage 2b field, escaped', async () => {
    const ctx = memoryContext(NOW);
    const report = filledReport();
    await new GraphMailSender(inProcessClient(ctx, sanne)).send(buildDatalekOutgoingMail(report, config, 'nl'));
    for (const address of ['CIBGDatalekregister@minvws.nl', 'johan.smit@cibg.example', 'lotte.visser@cibg.example']) {
      const box = (await call(ctx, 'GET', `/_emulator/graph/mailboxes/${address}`))?.body as Inbox;
      expect(box.inbox).toHaveLength(1);
      const html = box.inbox[0].body.content;
      for (const f of DATALEK_FIELDS.filter((x) => x.form2b)) expect(html).toContain(f.label.nl.replace(/'/g, '&#39;'));
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.toContain('<script>');
    }
  });

  it("the breach card arrives in the privacy officers' channel exactly as built", async () => {
    const ctx = memoryContext(NOW);
    const card = buildDatalekCard(filledReport(), config, 'https://contoso.example/sites/samenwerkingsruimte/r/7', {
      now: NOW,
    });
    await new GraphChannelPoster(inProcessClient(ctx, sanne)).postCard(channel, card, { subject: 'Datalek' });
    const pane = (await call(ctx, 'GET', '/_emulator/graph/channels/team-1/19%3Aprivacy%40thread.tacv2'))?.body as Pane;
    expect(pane.messages.map((m) => JSON.parse(m.attachments[0].content))).toEqual([card]);
  });

  it('a planned bestuurlijk overleg becomes a yearly event with reminder and invited attendees (art. 7.1)', async () => {
    const ctx = memoryContext(NOW);
    const people = [
      { name: 'Marko Stupar', email: 'marko.stupar@cibg.example', functionTitle: 'Algemeen Directeur', party: 'cibg' },
    ];
    const proposal = proposeMeeting('bestuurlijk', config, people, '2026-11-23', { dueOn: '2027-03-15' });
    if (!proposal.ok) throw new Error(proposal.error.en);
    expect(proposal.warnings.map((w) => w.functionTitle)).toHaveLength(3);
    const created = await new GraphCalendarWriter(inProcessClient(ctx, sanne)).createEvent(
      { kind: 'organiser' },
      toCalendarEventRequest(proposal.meeting),
    );
    expect(created.reminderFires).toBe(true);
    const cal = (await call(ctx, 'GET', `/_emulator/graph/calendars/${sanne.email}`))?.body as Calendar;
    expect(cal.events[0]).toMatchObject({
      subject: 'Bestuurlijk overleg IGJ-CIBG',
      isReminderOn: true,
      reminderMinutesBeforeStart: 14 * 24 * 60,
      recurrence: { pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 15, month: 3 } },
    });
  });

  it('a due reminder is posted once across two page loads', async () => {
    const ctx = memoryContext(NOW);
    const posted = new Set<string>();
    const poster = new GraphChannelPoster(inProcessClient(ctx, sanne));
    for (let load = 0; load < 2; load++) {
      const schedule = computeSchedule(
        config.meetings,
        [{ meetingKey: 'bestuurlijk', heldOn: '2025-12-15' }],
        config.agreement,
        NOW,
      );
      for (const item of schedule) {
        const decision = shouldPostReminder(item, posted);
        if (!decision.post) continue;
        posted.add(decision.key);
        await poster.postCard(channel, buildMeetingReminderCard(item, config, 'https://contoso.example/overleg'));
      }
    }
    const pane = (await call(ctx, 'GET', '/_emulator/graph/channels/team-1/19%3Aprivacy%40thread.tacv2'))?.body as Pane;
    // bestuurlijk (due 15-12-2026) plus the never-held series due 21-06-2026 (overdue): one card each.
    expect([...posted].sort()).toEqual([
      'ambtelijk@2026-06-21',
      'bestuurlijk@2026-12-15',
      'dva@2026-06-21',
      'evaluatie@2026-06-21',
    ]);
    expect(pane.messages).toHaveLength(4);
  });
});
