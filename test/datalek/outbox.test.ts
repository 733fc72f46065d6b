/** The datalek submit flow: register first, then mail, then card; failures recorded; retries never send twice. */
import { DatalekOutbox, readDelivery, reportLink } from '../../src/datalek';
import { fixtureConfig } from '../fixtures/cards/agreement';
import { NOW, validReport } from '../fixtures/cards/report';
import { MemoryBreachRegister, RecordingChannel, RecordingMail, fixtureSite, httpFailure, noAnswer } from './fakes';

const config = fixtureConfig();
const channelRef = { teamId: 'team-1', channelId: '19:privacy@thread.tacv2' };
const generalRef = { teamId: 'team-1', channelId: '19:general@thread.tacv2' };

function setup(privacyChannel: typeof channelRef | null = channelRef) {
  const breaches = new MemoryBreachRegister();
  const mail = new RecordingMail();
  const channel = new RecordingChannel();
  const outbox = new DatalekOutbox({
    config,
    breaches,
    mail,
    channel,
    site: fixtureSite(),
    host: {
      siteUrl: 'https://contoso.sharepoint.com/sites/samenwerkingsruimte',
      ...(privacyChannel ? { privacyChannel } : {}),
      reminderChannel: generalRef,
    },
    now: () => NOW,
  });
  return { breaches, mail, channel, outbox };
}

describe('DatalekOutbox.submit', () => {
  it('stores the report, mails every recipient, posts the card and records both in the report\'s course', async () => {
    const { breaches, mail, channel, outbox } = setup();
    const order: string[] = [];
    const create = breaches.create.bind(breaches);
    breaches.create = async (e) => (order.push('register'), create(e));
    const send = mail.send.bind(mail);
    mail.send = async (m) => (order.push('mail'), send(m));
    const post = channel.postCard.bind(channel);
    channel.postCard = async (c, card) => (order.push('card'), post(c, card));

    const r = await outbox.submit(validReport());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(order).toEqual(['register', 'mail', 'card']);
    const cibg = config.parties.find((p) => p.key === 'cibg')!;
    const to = mail.sent[0].to.map((a) => a.address);
    expect(to).toContain(cibg.breachAddress);
    for (const c of cibg.contacts.filter((c) => c.order <= 2)) expect(to).toContain(c.email);
    expect(channel.posted).toHaveLength(1);
    expect(channel.posted[0].channel).toEqual(channelRef);
    expect(JSON.stringify(channel.posted[0].card)).toContain(
      reportLink('https://contoso.sharepoint.com/sites/samenwerkingsruimte', r.id),
    );
    const stored = await breaches.get(r.id);
    const delivery = readDelivery(stored.form);
    expect(delivery.mail?.state).toBe('sent');
    expect(delivery.card).toMatchObject({ state: 'sent', ref: 'm1' });
    expect((stored.form.procedure as { formMailedAt?: string }).formMailedAt).toBe(NOW.toISOString());
    expect(stored.status).toBe('gemeld aan wederpartij');
  });

  it('stores nothing and sends nothing for an invalid report, naming fields and articles', async () => {
    const { breaches, mail, channel, outbox } = setup();
    const r = await outbox.submit({ ...validReport(), description: '', breachDate: '2026-11-30' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.field, e.code, e.article])).toEqual(
      expect.arrayContaining([
        ['description', 'required', 'bijlage 2b'],
        ['breachDate', 'after_report', 'bijlage 2b'],
      ]),
    );
    expect(breaches.items.size + mail.sent.length + channel.posted.length).toBe(0);
  });

  it('sends nothing when the register refuses the report (stored first)', async () => {
    const { breaches, mail, channel, outbox } = setup();
    breaches.createFailures = [httpFailure(503, 'register unavailable')];
    await expect(outbox.submit(validReport())).rejects.toThrow('register unavailable');
    expect(mail.sent.length + channel.posted.length).toBe(0);
  });
});

describe('DatalekOutbox.submit with a draft key', () => {
  it('a repeated submit after a lost answer finds the stored report: one item, one mail, one card', async () => {
    const { breaches, mail, channel, outbox } = setup();
    const create = breaches.create.bind(breaches);
    breaches.create = async (e) => {
      await create(e);
      throw Object.assign(new Error('Failed to fetch'), { status: 0 });
    };
    await expect(outbox.submit(validReport(), { clientKey: 'draft-1' })).rejects.toThrow('Failed to fetch');
    expect(mail.sent.length + channel.posted.length).toBe(0);
    breaches.create = create;
    const again = await outbox.submit(validReport(), { clientKey: 'draft-1' });
    expect(again.ok).toBe(true);
    expect(breaches.items.size).toBe(1);
    expect(mail.sent).toHaveLength(1);
    expect(channel.posted).toHaveLength(1);
    const other = await outbox.submit(validReport(), { clientKey: 'draft-2' });
    expect(other.ok && other.id).toBe(2);
  });
});

describe('DatalekOutbox.deliver (retry)', () => {
  it('records a failed mail with its message, still posts the card, and a retry sends only the mail, once', async () => {
    const { breaches, mail, channel, outbox } = setup();
    mail.failures = [httpFailure(503, 'Graph POST /me/sendMail failed (503 ServiceUnavailable)')];
    const r = await outbox.submit(validReport());
    if (!r.ok) throw new Error('invalid');
    expect(r.delivery.mail).toMatchObject({ state: 'failed', attempts: 1, message: expect.stringContaining('503') });
    expect(r.delivery.card?.state).toBe('sent');
    expect(readDelivery((await breaches.get(r.id)).form).mail?.state).toBe('failed');

    const again = await outbox.deliver(r.id);
    expect(again.delivery.mail?.state).toBe('sent');
    expect(mail.sent).toHaveLength(1);
    expect(channel.posted).toHaveLength(1);
    await outbox.deliver(r.id);
    expect(mail.sent).toHaveLength(1);
    expect(channel.posted).toHaveLength(1);
  });

  it('a send without an answer that Graph cannot look up (403) is "uncertain": not resent until a person confirms', async () => {
    const { mail, outbox } = setup();
    mail.loseAnswer = true;
    mail.failures = [noAnswer()];
    mail.lookupFailures = [1, 2, 3].map(() => httpFailure(403, 'Access is denied.'));
    const r = await outbox.submit(validReport());
    if (!r.ok) throw new Error('invalid');
    expect(r.delivery.mail?.state).toBe('uncertain');
    expect(mail.sent).toHaveLength(1);
    await outbox.deliver(r.id);
    expect(mail.sent).toHaveLength(1);
    const confirmed = await outbox.deliver(r.id, ['mail']);
    expect(confirmed.delivery.mail?.state).toBe('sent');
    expect(mail.sent).toHaveLength(2);
  });

  it('a mail sent but not recorded (register down) is recorded by the retry, not sent again', async () => {
    const { breaches, mail, outbox } = setup();
    // create ok; mark "sending" ok; record "sent" fails twice (the one re-read fails too), card steps fine afterwards.
    const r0 = await outbox.submit(validReport());
    if (!r0.ok) throw new Error('invalid');
    const id2 = await (async () => {
      const append = breaches.appendEvent.bind(breaches);
      let n = 0;
      breaches.appendEvent = async (event) => {
        n++;
        if (n === 2) throw httpFailure(503, 'register write failed');
        return append(event);
      };
      const r = await outbox.submit(validReport());
      if (!r.ok) throw new Error('invalid');
      expect(r.unrecorded).toEqual(['mail']);
      expect(r.registerErrors).toEqual(['register write failed']);
      expect(r.delivery.mail?.state).toBe('sent');
      breaches.appendEvent = append;
      return r.id;
    })();
    expect(mail.sent).toHaveLength(2);
    const again = await outbox.deliver(id2);
    expect(again.unrecorded).toEqual([]);
    expect(readDelivery((await breaches.get(id2)).form).mail?.state).toBe('sent');
    expect(mail.sent).toHaveLength(2);
  });

  it('without a configured channel the card fails visibly (nothing sent) and the mail still goes', async () => {
    const { mail, channel, outbox } = setup(null);
    const r = await outbox.submit(validReport());
    if (!r.ok) throw new Error('invalid');
    expect(mail.sent).toHaveLength(1);
    expect(channel.posted).toHaveLength(0);
    expect(r.delivery.card).toMatchObject({ state: 'failed', message: expect.stringContaining('space.channelId') });
  });

  it("records the reporter's phone call and its written confirmation (bijlage 2)", async () => {
    const { outbox } = setup();
    const r = await outbox.submit(validReport());
    if (!r.ok) throw new Error('invalid');
    const phoned = await outbox.recordProcedure(r.id, 'phoned', 'Johan Smit');
    expect(phoned.procedure).toMatchObject({ phonedAt: NOW.toISOString(), phonedContact: 'Johan Smit' });
    const confirmed = await outbox.recordProcedure(r.id, 'callConfirmed');
    expect(confirmed.procedure.callConfirmedAt).toBe(NOW.toISOString());
    expect(confirmed.procedure.formMailedAt).toBe(NOW.toISOString());
  });
});

describe('the breach card goes in full only to a private channel of privacy officers (art. 9.6, annex 2)', () => {
  it('appends every step to the course and never changes the stored report', async () => {
    const { breaches, outbox } = setup();
    const r = await outbox.submit(validReport());
    if (!r.ok) throw new Error('invalid');
    expect(breaches.updates).toBe(0);
    expect(breaches.log.map((e) => `${e.step}:${e.outcome}`)).toEqual(['mail:sending', 'mail:sent', 'card:sending', 'card:sent']);
    expect(r.delivery.card).toMatchObject({ state: 'sent', kind: 'full' });
  });

  it('posts a card without personal data to a channel that is not private, saying why', async () => {
    const { channel, outbox } = setup();
    channel.inspection = { membershipType: 'standard', displayName: 'Algemeen', members: [] };
    const r = await outbox.submit(validReport());
    if (!r.ok) throw new Error('invalid');
    expect(channel.posted[0].channel).toEqual(channelRef);
    const text = JSON.stringify(channel.posted[0].card);
    expect(text).toContain('geen persoonsgegevens');
    expect(text).not.toContain(validReport().description);
    expect(r.delivery.card).toMatchObject({ state: 'sent', kind: 'notice', reason: expect.stringMatching(/niet privé \(standard\)/) });
  });

  it('when the reporter cannot read the private channel, posts the notice in the general channel; an officer posts the full card later', async () => {
    const { channel, outbox } = setup();
    channel.inspection = httpFailure(403, 'Graph GET channel failed (403 Forbidden)');
    const r = await outbox.submit(validReport());
    if (!r.ok) throw new Error('invalid');
    expect(channel.posted).toHaveLength(1);
    expect(channel.posted[0].channel).toEqual(generalRef);
    expect(r.delivery.card).toMatchObject({ kind: 'notice', reason: expect.stringMatching(/kon niet worden gecontroleerd/) });
    channel.inspection = {
      membershipType: 'private',
      displayName: 'Privacy officers',
      members: [{ displayName: 'PO', email: 'privacy@igj.nl', roles: ['owner'] }],
    };
    const full = await outbox.postFullCard(r.id);
    expect(channel.posted[1].channel).toEqual(channelRef);
    expect(JSON.stringify(channel.posted[1].card)).toContain(validReport().description);
    expect(full.delivery.card).toMatchObject({ state: 'sent', kind: 'full' });
  });

  /** A report whose card went out as a notice (the reporter could not read the private channel), then an officer's view of it. */
  async function noticeThenPrivateChannel(channel: ReturnType<typeof setup>['channel'], outbox: ReturnType<typeof setup>['outbox']) {
    channel.inspection = httpFailure(403, 'Graph GET channel failed (403 Forbidden)');
    const r = await outbox.submit(validReport());
    if (!r.ok) throw new Error('invalid');
    channel.inspection = {
      membershipType: 'private',
      displayName: 'Privacy officers',
      members: [{ displayName: 'PO', email: 'privacy@igj.nl', roles: ['owner'] }],
    };
    return r;
  }

  it('posts the full card once when its answer was lost: pressing again finds it by its key', async () => {
    const { breaches, channel, outbox } = setup();
    const r = await noticeThenPrivateChannel(channel, outbox);
    channel.loseAnswer = true;
    channel.failures = [new Error('socket hang up')];
    await expect(outbox.postFullCard(r.id)).rejects.toThrow(/socket hang up/);
    expect(channel.posted).toHaveLength(2);
    const again = await outbox.postFullCard(r.id);
    expect(channel.posted).toHaveLength(2);
    expect(again.delivery.card).toMatchObject({ state: 'sent', kind: 'full', ref: 'm2' });
    expect(breaches.log.at(-1)).toMatchObject({ step: 'card', outcome: 'sent', details: { foundBy: 'lookup', kind: 'full' } });
  });

  it('posts the full card when the channel cannot be searched, since the officer asked for it', async () => {
    const { breaches, channel, outbox } = setup();
    const r = await noticeThenPrivateChannel(channel, outbox);
    channel.lookupFailures = [httpFailure(403, 'Graph GET messages failed (403 Forbidden)')];
    const full = await outbox.postFullCard(r.id);
    expect(channel.posted).toHaveLength(2);
    expect(full.delivery.card).toMatchObject({ state: 'sent', kind: 'full' });
    expect(breaches.log.at(-1)?.details).not.toHaveProperty('foundBy');
  });

  it('refuses the full card to a private channel with a member who is no privacy officer', async () => {
    const { channel, outbox } = setup();
    const r = await outbox.submit(validReport());
    if (!r.ok) throw new Error('invalid');
    channel.inspection = {
      membershipType: 'private',
      displayName: 'Privacy officers',
      members: [
        { displayName: 'PO', email: 'privacy@igj.nl', roles: [] },
        { displayName: 'Sanne', email: 'sanne@igj.nl', roles: [] },
      ],
    };
    await expect(outbox.postFullCard(r.id)).rejects.toThrow(/geen privacy officer of eigenaar zijn: Sanne/);
  });
});
