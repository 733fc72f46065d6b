/**
 * After a lost answer, "uncertain resolves itself where Graph can tell": a mail or card whose answer got lost is looked
 * up by its tracking key before anything is sent again. Found: sent. Not found (after the settle time): sent once more,
 * with the same key. Graph cannot answer: it stays uncertain, and the message says why (naming the permission).
 */
import { DEFAULT_LOOKUP_POLICY, DatalekOutbox, deliveryKey, readDelivery } from '../../src/datalek';
import { LookupUnavailableError } from '../../src/ports';
import { fixtureConfig } from '../fixtures/cards/agreement';
import { NOW, validReport } from '../fixtures/cards/report';
import { MemoryBreachRegister, RecordingChannel, RecordingMail, fixtureSite, httpFailure, noAnswer } from './fakes';

const config = fixtureConfig();
const SITE = 'https://contoso.sharepoint.com/sites/samenwerkingsruimte';
const privacyRef = { teamId: 'team-1', channelId: '19:privacy@thread.tacv2' };
const generalRef = { teamId: 'team-1', channelId: '19:general@thread.tacv2' };
const SETTLE = DEFAULT_LOOKUP_POLICY.settleMs;

/** The outbox over fakes, with a clock that only the injected delay moves (no real waiting). */
function setup(opts: { me?: number } = {}) {
  const breaches = new MemoryBreachRegister();
  const mail = new RecordingMail();
  const channel = new RecordingChannel();
  const clock = { t: NOW.getTime() };
  const delays: number[] = [];
  const site = {
    ...fixtureSite(),
    ...(opts.me !== undefined
      ? { currentUser: async () => ({ id: opts.me!, loginName: '', displayName: 'Ik', email: 'ik@igj.nl', isSiteAdmin: false, groups: [], groupKeys: [], party: 'igj' }) }
      : {}),
  };
  const outbox = new DatalekOutbox({
    config,
    breaches,
    mail,
    channel,
    site,
    host: { siteUrl: SITE, privacyChannel: privacyRef, reminderChannel: generalRef },
    now: () => new Date(clock.t),
    delay: async (ms) => {
      delays.push(ms);
      clock.t += ms;
    },
  });
  const steps = (id: number) => breaches.log.filter((e) => e.reportId === id).map((e) => `${e.step}:${e.outcome}`);
  return { breaches, mail, channel, outbox, clock, delays, steps };
}

async function submitted(o: ReturnType<typeof setup>) {
  const r = await o.outbox.submit(validReport());
  if (!r.ok) throw new Error('invalid');
  return r;
}

describe('the tracking key', () => {
  it('is the same for every attempt of one report and step, and differs per site, report and step', () => {
    const k = deliveryKey(SITE, 7, 'mail');
    expect(deliveryKey(`${SITE}/`, 7, 'mail')).toBe(k);
    expect(new Set([k, deliveryKey(SITE, 8, 'mail'), deliveryKey(SITE, 7, 'card'), deliveryKey('https://other.example/sites/x', 7, 'mail')]).size).toBe(4);
  });

  it('travels with the mail and as the id of the card\'s first element', async () => {
    const o = setup();
    const r = await submitted(o);
    expect(o.mail.sent[0].trackingKey).toBe(deliveryKey(SITE, r.id, 'mail'));
    expect((o.channel.posted[0].card.body as Array<{ id?: string }>)[0].id).toBe(deliveryKey(SITE, r.id, 'card'));
  });
});

describe('mail: a lost answer is looked up in the sender\'s Sent Items', () => {
  it('found (the mail went out, its answer did not come back): recorded sent with the found id, not sent again', async () => {
    const o = setup();
    o.mail.loseAnswer = true;
    o.mail.failures = [noAnswer()];
    const r = await submitted(o);
    expect(r.delivery.mail).toMatchObject({ state: 'sent', ref: 'sent-1' });
    expect(o.mail.sent).toHaveLength(1);
    expect(o.delays).toEqual([]);
    expect(o.steps(r.id).slice(0, 2)).toEqual(['mail:sending', 'mail:sent']);
    expect(o.breaches.log[1].details).toMatchObject({ ref: 'sent-1', foundBy: 'lookup' });
    await o.outbox.deliver(r.id);
    expect(o.mail.sent).toHaveLength(1);
  });

  it('not found: waits until the attempt is settled, then sends it once more with the same key', async () => {
    const o = setup();
    o.mail.failures = [noAnswer()]; // reset before Exchange had it: nothing arrived
    const r = await submitted(o);
    expect(r.delivery.mail?.state).toBe('sent');
    expect(o.mail.sent).toHaveLength(1);
    expect(o.delays.length).toBeGreaterThan(1);
    expect(o.delays.reduce((a, b) => a + b, 0)).toBe(SETTLE);
    const sendings = o.breaches.log.filter((e) => e.step === 'mail' && e.outcome === 'sending');
    expect(sendings.map((e) => e.details.key)).toEqual([deliveryKey(SITE, r.id, 'mail'), deliveryKey(SITE, r.id, 'mail')]);
    expect(o.mail.sent[0].trackingKey).toBe(deliveryKey(SITE, r.id, 'mail'));
  });

  it('a 5xx after Exchange may have taken it (500, 502, 504) is looked up too; a 503 or 429 is not', async () => {
    const landed = setup();
    landed.mail.loseAnswer = true;
    landed.mail.failures = [httpFailure(504, 'Graph POST /me/sendMail failed (504 GatewayTimeout)')];
    const r1 = await submitted(landed);
    expect(r1.delivery.mail).toMatchObject({ state: 'sent', ref: 'sent-1' });
    expect(landed.mail.sent).toHaveLength(1);
    const refused = setup();
    refused.mail.failures = [httpFailure(503, 'Graph POST /me/sendMail failed (503 ServiceNotAvailable)')];
    const r2 = await submitted(refused);
    expect(r2.delivery.mail).toMatchObject({ state: 'failed' });
    expect(refused.mail.lookups).toBe(0);
  });

  it('Graph refuses the lookup (403, no Mail.Read): uncertain, saying why and naming the permission; a person decides', async () => {
    const o = setup();
    o.mail.loseAnswer = true;
    o.mail.failures = [noAnswer()];
    const denied = () => new LookupUnavailableError('Graph GET /me/mailFolders/sentitems/messages failed (403 ErrorAccessDenied)', 403, 'Mail.Read');
    o.mail.lookupFailures = [denied(), denied(), denied(), denied()];
    const r = await submitted(o);
    expect(r.delivery.mail).toMatchObject({ state: 'uncertain', message: expect.stringContaining('machtiging Mail.Read') });
    expect(r.delivery.mail?.state === 'uncertain' && r.delivery.mail.message).toMatch(/^Niet na te gaan of de mail is aangekomen/);
    expect(o.mail.sent).toHaveLength(1);
    // A retry looks again, still cannot tell, sends nothing and does not repeat the same reason in the course.
    const events = o.breaches.log.length;
    o.clock.t += SETTLE;
    await o.outbox.deliver(r.id);
    expect(o.mail.sent).toHaveLength(1);
    expect(o.breaches.log.length).toBe(events);
    // A person checked it did not arrive: sent again.
    const confirmed = await o.outbox.deliver(r.id, ['mail']);
    expect(confirmed.delivery.mail?.state).toBe('sent');
    expect(o.mail.sent).toHaveLength(2);
  });

  it('a lookup that fails for another reason says so and looks again on the next retry', async () => {
    const o = setup();
    o.mail.loseAnswer = true;
    o.mail.failures = [noAnswer()];
    o.mail.lookupFailures = [new LookupUnavailableError('Graph GET … failed (503 ServiceNotAvailable)', 503)];
    const r = await submitted(o);
    expect(r.delivery.mail).toMatchObject({ state: 'uncertain', message: expect.stringContaining('503') });
    const again = await o.outbox.deliver(r.id);
    expect(again.delivery.mail).toMatchObject({ state: 'sent', ref: 'sent-1' });
    expect(o.mail.sent).toHaveLength(1);
  });

  it('still in Drafts (Exchange accepted it, transport has not taken it): uncertain, never sent again', async () => {
    const o = setup();
    o.mail.loseAnswer = true;
    o.mail.failures = [noAnswer()];
    const r0 = await submitted(o);
    expect(r0.delivery.mail?.state).toBe('sent');
    const o2 = setup();
    o2.mail.loseAnswer = true;
    o2.mail.failures = [noAnswer()];
    o2.mail.queued.add(deliveryKey(SITE, 1, 'mail'));
    const r = await submitted(o2);
    expect(r.delivery.mail).toMatchObject({ state: 'uncertain', message: expect.stringContaining('Concepten') });
    o2.clock.t += 10 * SETTLE;
    await o2.outbox.deliver(r.id);
    expect(o2.mail.sent).toHaveLength(1);
    o2.mail.queued.clear(); // transport moved it to Sent Items
    expect((await o2.outbox.deliver(r.id)).delivery.mail?.state).toBe('sent');
    expect(o2.mail.sent).toHaveLength(1);
  });

  it('a mail sent from someone else\'s mailbox can only be looked up by them: uncertain, naming who', async () => {
    const o = setup({ me: 11 });
    const r = await submitted(o);
    // A crash left a "sending" by another person (SharePoint's Author of the record).
    await o.breaches.appendEvent({ reportId: r.id, party: 'igj', step: 'mail', outcome: 'sending', at: NOW.toISOString(), details: { key: deliveryKey(SITE, r.id, 'mail') } });
    o.breaches.log[o.breaches.log.length - 1].author = { id: 42, displayName: 'Pieter Jansen' };
    o.clock.t += SETTLE;
    const after = await o.outbox.deliver(r.id);
    expect(after.delivery.mail).toMatchObject({ state: 'uncertain', message: expect.stringContaining('Pieter Jansen') });
    expect(o.mail.sent).toHaveLength(1);
  });
});

describe('a "sending" left behind by a crash', () => {
  async function crashed(o: ReturnType<typeof setup>, arrived: boolean) {
    o.channel.failures = [Object.assign(new Error('stop'), { status: 400 })]; // keep the card out of the way
    o.mail.failures = [Object.assign(new Error('quota'), { status: 400 })];
    const r = await submitted(o);
    const key = deliveryKey(SITE, r.id, 'mail');
    await o.breaches.appendEvent({ reportId: r.id, party: 'igj', step: 'mail', outcome: 'sending', at: new Date(o.clock.t).toISOString(), details: { key } });
    if (arrived) o.mail.sent.push({ ...o.mail.sent[0], to: [{ address: 'x@cibg.example' }], subject: 's', blocks: [], trackingKey: key });
    return r.id;
  }

  it('found: recorded sent, nothing sent', async () => {
    const o = setup();
    const id = await crashed(o, true);
    const r = await o.outbox.deliver(id);
    expect(r.delivery.mail).toMatchObject({ state: 'sent', ref: 'sent-1' });
    expect(o.mail.sent).toHaveLength(1);
  });

  it('not found after the settle time: sent once more', async () => {
    const o = setup();
    const id = await crashed(o, false);
    o.clock.t += SETTLE;
    const r = await o.outbox.deliver(id);
    expect(r.delivery.mail?.state).toBe('sent');
    expect(o.mail.sent).toHaveLength(1);
    await o.outbox.deliver(id);
    expect(o.mail.sent).toHaveLength(1);
  });

  it('an attempt without a key (from before the keys, or a legacy claim) is never taken as "not found"', async () => {
    const o = setup();
    o.channel.failures = [Object.assign(new Error('stop'), { status: 400 })];
    o.mail.failures = [Object.assign(new Error('quota'), { status: 400 })];
    const r = await submitted(o);
    o.breaches.log.length = 0; // a course from before the keys: one claim, no keyed attempt
    await o.breaches.appendEvent({ reportId: r.id, party: 'igj', step: 'mail', outcome: 'uncertain', at: NOW.toISOString(), details: { message: 'geen antwoord', attempts: 1 } });
    o.clock.t += 10 * SETTLE;
    const after = await o.outbox.deliver(r.id);
    expect(after.delivery.mail).toMatchObject({ state: 'uncertain', message: expect.stringContaining('zonder kenmerk') });
    expect(o.mail.sent).toHaveLength(0);
    expect((await o.outbox.deliver(r.id, ['mail'])).delivery.mail?.state).toBe('sent');
  });

  it('not found yet within the settle time: left as it is, nothing sent, no waiting', async () => {
    const o = setup();
    const id = await crashed(o, false);
    o.clock.t += SETTLE / 3;
    const r = await o.outbox.deliver(id);
    expect(r.delivery.mail?.state).toBe('sending');
    expect(o.mail.sent).toHaveLength(0);
    expect(o.delays).toEqual([]);
  });
});

describe('card: a lost answer is looked up among the channel\'s newest messages', () => {
  it('found: recorded sent with the message id and kind, not posted again', async () => {
    const o = setup();
    o.channel.loseAnswer = true;
    o.channel.failures = [noAnswer()];
    const r = await submitted(o);
    expect(r.delivery.card).toMatchObject({ state: 'sent', ref: 'm1', kind: 'full', channel: privacyRef.channelId });
    expect(o.channel.posted).toHaveLength(1);
    await o.outbox.deliver(r.id);
    expect(o.channel.posted).toHaveLength(1);
  });

  it('a notice posted in the general channel is looked for there', async () => {
    const o = setup();
    o.channel.inspection = Object.assign(new Error('403 not a member'), { status: 403 });
    o.channel.loseAnswer = true;
    o.channel.failures = [noAnswer()];
    const r = await submitted(o);
    expect(r.delivery.card).toMatchObject({ state: 'sent', kind: 'notice', channel: generalRef.channelId });
    expect(o.channel.posted.map((p) => p.channel)).toEqual([generalRef]);
  });

  it('not found: posted once more, after the settle time', async () => {
    const o = setup();
    o.channel.failures = [noAnswer()];
    const r = await submitted(o);
    expect(r.delivery.card?.state).toBe('sent');
    expect(o.channel.posted).toHaveLength(1);
    expect(o.delays.reduce((a, b) => a + b, 0)).toBe(SETTLE);
  });

  it('Graph refuses the channel read (no ChannelMessage.Read.All): uncertain, naming the permission', async () => {
    const o = setup();
    o.channel.loseAnswer = true;
    o.channel.failures = [noAnswer()];
    o.channel.lookupFailures = [new LookupUnavailableError('Missing scope permissions on the request.', 403, 'ChannelMessage.Read.All')];
    const r = await submitted(o);
    expect(r.delivery.card).toMatchObject({ state: 'uncertain', message: expect.stringContaining('machtiging ChannelMessage.Read.All') });
    expect(o.channel.posted).toHaveLength(1);
    await o.outbox.deliver(r.id);
    expect(o.channel.posted).toHaveLength(1);
  });

  it('lost twice and still not found: uncertain after one resend, and a later retry resolves it', async () => {
    const o = setup();
    o.channel.failures = [noAnswer(), noAnswer()];
    const r = await submitted(o);
    expect(r.delivery.card).toMatchObject({ state: 'uncertain', message: expect.stringContaining('tweede keer') });
    expect(o.channel.posted).toHaveLength(0);
    o.clock.t += SETTLE;
    const again = await o.outbox.deliver(r.id);
    expect(again.delivery.card?.state).toBe('sent');
    expect(o.channel.posted).toHaveLength(1);
  });
});

it('a host whose ports cannot look leaves the step for a person (the old behaviour, with why)', async () => {
  const o = setup();
  o.mail.findSent = undefined;
  o.mail.loseAnswer = true;
  o.mail.failures = [noAnswer()];
  const r = await submitted(o);
  expect(r.delivery.mail).toMatchObject({ state: 'uncertain', message: expect.stringContaining('Verzonden items') });
  expect(readDelivery((await o.breaches.get(r.id)).form).mail?.state).toBe('uncertain');
  await o.outbox.deliver(r.id);
  expect(o.mail.sent).toHaveLength(1);
});
