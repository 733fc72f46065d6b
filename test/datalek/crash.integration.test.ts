/**
 * No breach mail or card lost or sent twice after a crash: the workbench killed with `kill -9` during a breach
 * delivery, right after Graph accepted the mail and before its answer reached the product; the page is reloaded
 * (nothing kept in memory) and the workbench started again on the same database. The reporter's retry then finds the
 * mail by its key instead of sending it again, posts the card that never went, and nothing waits for a person: one
 * report, one mail, one card.
 */
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { GraphChannelPoster, GraphMailSender } from '../../src/adapters/graph';
import { PnpBreachRegister, PnpSiteDirectory } from '../../src/adapters/sharepoint';
import { DatalekOutbox, deliveryKey, readDelivery } from '../../src/datalek';
import { cardHasElementId } from '../../src/ports';
import { graphForUser, spForUser } from '../../workbench/seed/clients';
import { seedSite } from '../../workbench/seed/seed';
import { killHard, startEmulatorProcess, type EmulatorProcess } from '../helpers/crash';
import { loadConfigFixture } from '../helpers/config';
import { TEST_SITE_PATH } from '../helpers/emulator';
import { breachInput, SANNE } from './reports';

jest.setTimeout(240_000);

const config = loadConfigFixture();
const PARTIES = config.parties.map((p) => p.key);
const REPORTER = 'igj-medewerker';
const REPORTER_EMAIL = SANNE.email;

/** The reporter's outbox as a freshly loaded page builds it; `now` can be moved past the lookup's settling time. */
function outboxAt(url: string, now: () => Date): DatalekOutbox {
  const siteUrl = `${url}${TEST_SITE_PATH}`;
  const sp = spForUser(siteUrl, REPORTER);
  const graph = graphForUser(url, REPORTER);
  return new DatalekOutbox({
    config,
    breaches: new PnpBreachRegister(sp, PARTIES),
    mail: new GraphMailSender(graph, { retryDelayMs: 1 }),
    channel: new GraphChannelPoster(graph, { retryDelayMs: 1 }),
    site: new PnpSiteDirectory(sp, config),
    host: {
      siteUrl,
      privacyChannel: { teamId: config.space.teamId!, channelId: config.space.channelId! },
      reminderChannel: { teamId: config.space.teamId!, channelId: config.space.reminderChannelId! },
    },
    now,
    delay: async () => undefined,
  });
}

describe('kill -9 of the workbench during a breach delivery', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crash-datalek-'));
  const dbFile = join(dir, 'emulator.sqlite');
  let proc: EmulatorProcess | undefined;
  const realFetch = globalThis.fetch;
  afterAll(async () => {
    globalThis.fetch = realFetch;
    if (proc) await killHard(proc.child);
    rmSync(dir, { recursive: true, force: true });
  });

  it('after the restart the retry finds the mail by its key, posts the card once, and leaves nothing for a person', async () => {
    proc = await startEmulatorProcess(dbFile);
    const port = Number(new URL(proc.url).port);
    await seedSite(`${proc.url}${TEST_SITE_PATH}`, {
      agreement: JSON.parse(readFileSync(join(__dirname, '..', '..', 'config', 'agreements', 'igj-cibg.json'), 'utf8')),
    });

    // The workbench dies the moment Graph has accepted the mail: its answer never arrives, and nothing after it.
    let killed: Promise<void> | undefined;
    globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const url = String(input instanceof Request ? input.url : input);
      const answer = await realFetch(input, init);
      if (!killed && /\/me\/sendMail$/i.test(new URL(url).pathname)) {
        killed = killHard(proc!.child);
        await killed;
        throw new TypeError('fetch failed (the workbench was killed)');
      }
      return answer;
    };
    let storedId: number | undefined;
    try {
      const r = await outboxAt(proc.url, () => new Date()).submit(breachInput(config, SANNE, 'KILL-9'));
      if (r.ok) storedId = r.id;
    } catch {
      // The page saw the workbench go away mid-delivery; what was stored is read again below.
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(killed).toBeDefined();

    // Started again on the same database and port; the page is reloaded: a new outbox, nothing remembered.
    proc = await startEmulatorProcess(dbFile, port);
    const siteUrl = `${proc.url}${TEST_SITE_PATH}`;
    const mine = (await new PnpBreachRegister(spForUser(siteUrl, REPORTER), PARTIES).list()).items.filter((e) =>
      JSON.stringify(e.form).includes('KILL-9'),
    );
    expect(mine).toHaveLength(1);
    const id = storedId ?? (mine[0].id as number);
    // Later (past the lookup's settling time, so "not found" would be believed): the reporter presses retry.
    const later = new Date(Date.now() + 120_000);
    const result = await outboxAt(proc.url, () => later).deliver(id);
    expect(result.delivery.mail).toMatchObject({ state: 'sent' });
    expect(result.delivery.card).toMatchObject({ state: 'sent' });

    const box = (await (await realFetch(`${proc.url}/_emulator/graph/mailboxes/${encodeURIComponent(REPORTER_EMAIL)}`)).json()) as {
      sentItems: Array<{ singleValueExtendedProperties?: Array<{ value: string }> }>;
    };
    const mailKey = deliveryKey(siteUrl, id, 'mail');
    const copies = box.sentItems.filter((m) => (m.singleValueExtendedProperties ?? []).some((p) => p.value === mailKey));
    // The card goes to the privacy officers' channel, or (a reporter who cannot read that private channel) a card
    // without personal data to the reminder channel: counted in both.
    const cardKey = deliveryKey(siteUrl, id, 'card');
    const cards: unknown[] = [];
    for (const channelId of [config.space.channelId!, config.space.reminderChannelId!]) {
      const pane = (await (
        await realFetch(`${proc.url}/_emulator/graph/channels/${encodeURIComponent(config.space.teamId!)}/${encodeURIComponent(channelId)}`)
      ).json()) as { messages: Array<{ attachments: Array<{ content: string }> }> };
      cards.push(...pane.messages.filter((m) => m.attachments.some((a) => cardHasElementId(JSON.parse(a.content), cardKey))));
    }
    const course = (await new PnpBreachRegister(spForUser(siteUrl, 'igj-privacy'), PARTIES).events(id)).map(
      (e) => `${e.step}:${e.outcome}${(e.details as { foundBy?: string }).foundBy ? `:${(e.details as { foundBy?: string }).foundBy}` : ''}`,
    );
    console.log('kill -9 during a breach delivery:', JSON.stringify({ reports: mine.length, mails: copies.length, cards: cards.length, course }));
    expect({ mails: copies.length, cards: cards.length }).toEqual({ mails: 1, cards: 1 });
    expect(course).toContain('mail:sent:lookup');
    expect(readDelivery((await new PnpBreachRegister(spForUser(siteUrl, 'igj-privacy'), PARTIES).get(id)).form)).toMatchObject({
      mail: { state: 'sent' },
      card: { state: 'sent' },
    });
  });
});
