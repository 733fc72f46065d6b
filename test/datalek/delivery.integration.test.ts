/**
 * Lost answers against the emulator over HTTP, with the product's own adapters: a breach mail or card whose answer is
 * lost after Graph committed it (`rateLostAnswer`) is found again by its tracking key (the sender's Sent Items, the
 * channel's newest messages) and recorded sent; nothing is doubled. A send that never reached Graph is sent once more;
 * a lookup Graph refuses (a token without Mail.Read) leaves it for a person, saying why.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { GraphChannelPoster, GraphMailSender, type GraphCallOptions } from '../../src/adapters/graph';
import { PnpBreachRegister, PnpSiteDirectory, Resilience } from '../../src/adapters/sharepoint';
import { DatalekOutbox, deliveryKey } from '../../src/datalek';
import { cardHasElementId, LookupUnavailableError } from '../../src/ports';
import { seedSite } from '../../workbench/seed/seed';
import { loadConfigFixture } from '../helpers/config';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator';
import { bearer } from '../workbench/emulator/graph/harness';
import { breachInput, SANNE } from './reports';

jest.setTimeout(180_000);

const config = loadConfigFixture();
const PARTIES = config.parties.map((p) => p.key);
const EMAIL: Record<string, string> = { 'igj-medewerker': 'sanne.devries@igj.example' };
let emu: TestEmulator;

interface Mailbox {
  sentItems: Array<{ singleValueExtendedProperties?: Array<{ value: string }> }>;
}
interface ChannelPane {
  messages: Array<{ attachments: Array<{ contentType: string; content: string }> }>;
}

/** Copies of a tracked mail in the sender's Sent Items (emulator read-back). */
async function sentCopies(user: string, key: string): Promise<number> {
  const box = (await (await fetch(`${emu.url}/_emulator/graph/mailboxes/${encodeURIComponent(EMAIL[user])}`)).json()) as Mailbox;
  return box.sentItems.filter((m) => (m.singleValueExtendedProperties ?? []).some((p) => p.value === key)).length;
}

/** Cards with the id in the channel (emulator read-back). */
async function cardsIn(channelId: string, key: string): Promise<number> {
  const pane = (await (
    await fetch(`${emu.url}/_emulator/graph/channels/${encodeURIComponent(config.space.teamId!)}/${encodeURIComponent(channelId)}`)
  ).json()) as ChannelPane;
  return pane.messages.filter((m) => m.attachments.some((a) => cardHasElementId(JSON.parse(a.content), key))).length;
}

/** The reporter's outbox with the product's adapters; a virtual clock that only the injected delay moves. */
function outboxFor(user: string, graphOptions: GraphCallOptions = {}, onDelay: () => void = () => undefined) {
  const sp = emu.spForUser(user).using(Resilience({ intervalMs: 1, maxWaitMs: 5 }));
  const graph = emu.graphForUser(user);
  const clock = { t: Date.now() };
  const options = { retryDelayMs: 1, ...graphOptions };
  const outbox = new DatalekOutbox({
    config,
    breaches: new PnpBreachRegister(sp, PARTIES),
    mail: new GraphMailSender(graph, options),
    channel: new GraphChannelPoster(graph, options),
    site: new PnpSiteDirectory(sp, config),
    host: {
      siteUrl: emu.siteUrl,
      privacyChannel: { teamId: config.space.teamId!, channelId: config.space.channelId! },
      reminderChannel: { teamId: config.space.teamId!, channelId: config.space.reminderChannelId! },
    },
    now: () => new Date(clock.t),
    delay: async (ms) => {
      onDelay();
      clock.t += ms;
    },
  });
  return { outbox, clock };
}

async function submit(outbox: DatalekOutbox, marker: string) {
  const r = await outbox.submit(breachInput(config, SANNE, marker));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}

beforeAll(async () => {
  emu = await startTestEmulator();
  await seedSite(emu.siteUrl, {
    agreement: JSON.parse(readFileSync(join(__dirname, '..', '..', 'config', 'agreements', 'igj-cibg.json'), 'utf8')),
  });
});
afterEach(() => emu.raw.faults.clear());
afterAll(() => emu?.close());

it('sendMail committed, its answer lost: the mail is found in Sent Items and recorded sent; one copy', async () => {
  const { outbox } = outboxFor('igj-medewerker');
  emu.raw.faults.set({ rateLostAnswer: 1, pathPattern: '/me/sendMail$' });
  const r = await submit(outbox, 'LOST-MAIL');
  const injected = emu.raw.faults.injected();
  emu.raw.faults.clear();
  expect(injected.lostAnswer).toBe(1);
  const key = deliveryKey(emu.siteUrl, r.id, 'mail');
  expect(r.delivery.mail).toMatchObject({ state: 'sent', ref: expect.stringMatching(/^AAMkAG/) });
  const course = (await new PnpBreachRegister(emu.spForUser('igj-medewerker'), PARTIES).events(r.id)).filter((e) => e.step === 'mail');
  expect(course.map((e) => e.outcome)).toEqual(['sending', 'sent']);
  expect(course[1].details).toMatchObject({ foundBy: 'lookup' });
  expect(await sentCopies('igj-medewerker', key)).toBe(1);
  await outbox.deliver(r.id);
  expect(await sentCopies('igj-medewerker', key)).toBe(1);
});

it('the channel post committed, its answer lost: the retry finds the card among the channel\'s messages; one card', async () => {
  const { outbox } = outboxFor('igj-medewerker');
  // The same path lists the channel's messages: with every answer lost there, the first look cannot tell either.
  emu.raw.faults.set({ rateLostAnswer: 1, pathPattern: '/channels/[^/]+/messages$' });
  const r = await submit(outbox, 'LOST-CARD');
  const injected = emu.raw.faults.injected();
  emu.raw.faults.clear();
  expect(injected.lostAnswer).toBeGreaterThanOrEqual(1);
  const key = deliveryKey(emu.siteUrl, r.id, 'card');
  // The reporter is not in the private channel: the card without personal data went to the General channel.
  expect(await cardsIn(config.space.reminderChannelId!, key)).toBe(1);
  expect(r.delivery.card).toMatchObject({ state: 'uncertain', message: expect.stringMatching(/^Niet na te gaan of de kaart/) });
  const again = await outbox.deliver(r.id);
  expect(again.delivery.card).toMatchObject({ state: 'sent', kind: 'notice', channel: config.space.reminderChannelId });
  expect(await cardsIn(config.space.reminderChannelId!, key)).toBe(1);
  expect(await cardsIn(config.space.channelId!, key)).toBe(0);
});

it('a full card in the privacy officers\' private channel, its answer lost, is found there by a member', async () => {
  const { outbox } = outboxFor('igj-privacy');
  emu.raw.faults.set({ rateLostAnswer: 1, pathPattern: '/channels/[^/]+/messages$' });
  const r = await submit(outbox, 'LOST-FULL-CARD');
  emu.raw.faults.clear();
  const again = await outbox.deliver(r.id);
  expect(again.delivery.card).toMatchObject({ state: 'sent', kind: 'full', channel: config.space.channelId });
  expect(await cardsIn(config.space.channelId!, deliveryKey(emu.siteUrl, r.id, 'card'))).toBe(1);
});

it('sendMail reset before Graph had it: not found, sent once more with the same key; one copy', async () => {
  let resets = 0;
  // The network recovers while the outbox waits for "not found" to be believable.
  const { outbox, clock } = outboxFor('igj-medewerker', {}, () => {
    resets = Math.max(resets, emu.raw.faults.injected().reset);
    emu.raw.faults.clear();
  });
  const start = clock.t;
  emu.raw.faults.set({ rateReset: 1, pathPattern: '/me/sendMail$' });
  const r = await submit(outbox, 'RESET-MAIL');
  expect(resets).toBe(1);
  expect(r.delivery.mail?.state).toBe('sent');
  expect(clock.t - start).toBeGreaterThanOrEqual(45_000); // waited (virtually) until "not found" could be believed
  expect(await sentCopies('igj-medewerker', deliveryKey(emu.siteUrl, r.id, 'mail'))).toBe(1);
});

it('a token without Mail.Read: the lost mail stays uncertain naming the permission; a person confirms, it is resent', async () => {
  const { outbox } = outboxFor('igj-medewerker', { headers: bearer(['Mail.Send', 'ChannelMessage.Send', 'Channel.ReadBasic.All', 'ChannelMember.Read.All', 'ChannelMessage.Read.All']) });
  emu.raw.faults.set({ rateLostAnswer: 1, pathPattern: '/me/sendMail$' });
  const r = await submit(outbox, 'NO-MAIL-READ');
  emu.raw.faults.clear();
  expect(r.delivery.mail).toMatchObject({ state: 'uncertain', message: expect.stringContaining('de machtiging Mail.Read ontbreekt') });
  const key = deliveryKey(emu.siteUrl, r.id, 'mail');
  expect(await sentCopies('igj-medewerker', key)).toBe(1);
  await outbox.deliver(r.id);
  expect(await sentCopies('igj-medewerker', key)).toBe(1);
  const confirmed = await outbox.deliver(r.id, ['mail']);
  expect(confirmed.delivery.mail?.state).toBe('sent');
  expect(await sentCopies('igj-medewerker', key)).toBe(2); // the person's call, where Graph could not tell
});

it('someone outside the private channel cannot look there: unavailable, not blamed on a permission', async () => {
  const poster = new GraphChannelPoster(emu.graphForUser('igj-medewerker'), { retries: 0 });
  const err = await poster
    .findCard({ teamId: config.space.teamId!, channelId: config.space.channelId! }, 'x', { since: new Date().toISOString() })
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(LookupUnavailableError);
  expect(err).toMatchObject({ status: 403 });
  expect((err as LookupUnavailableError).permission).toBeUndefined();
});
