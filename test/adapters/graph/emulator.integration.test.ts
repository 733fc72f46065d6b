import {
  GraphCalendarWriter,
  GraphChannelPoster,
  GraphDirectory,
  GraphMailSender,
  GraphRequestError,
} from '../../../src/adapters/graph';
import { ChannelMessageTooLargeError, type AdaptiveCardJson } from '../../../src/ports/channel';
import { loadConfigFixture } from '../../helpers/config';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';

/**
 * The Graph adapters through the real `@microsoft/microsoft-graph-client` Client over HTTP against a real emulator on
 * an ephemeral loopback port: the same code path SPFx takes with MSGraphClientV3.
 */
describe('Graph adapters against the emulator over HTTP', () => {
  const config = loadConfigFixture();
  let emulator: TestEmulator;
  const readBack = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${emulator.url}/_emulator/graph/${path}`);
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(async () => {
    await emulator?.close();
  });

  it('/me gives the profile with the party from the e-mail domain; an outsider has none', async () => {
    const me = await new GraphDirectory(emulator.graphForUser('cibg-privacy'), config.parties).currentUser();
    expect(me).toMatchObject({ displayName: 'Johan Smit', email: 'johan.smit@cibg.example', party: 'cibg' });
    expect(me.mobilePhone).toMatch(/^\+31 6 /);
    const outsider = await new GraphDirectory(emulator.graphForUser('buitenstaander'), config.parties).currentUser();
    expect(outsider.party).toBeNull();
  });

  it('an anonymous Graph call is refused with 401', async () => {
    const res = await fetch(`${emulator.url}/v1.0/me`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
  });

  it('sendMail answers 202 and the mail is in the recipient mailbox, escaped', async () => {
    await new GraphMailSender(emulator.graphForUser('igj-privacy')).send({
      to: [{ address: 'johan.smit@cibg.example', name: 'Johan Smit' }],
      subject: 'Datalek (art. 9.6)',
      blocks: [{ kind: 'paragraph', text: '<script>x</script>' }],
    });
    const box = await readBack<{ inbox: { subject: string; body: { content: string } }[] }>(
      'mailboxes/johan.smit@cibg.example',
    );
    expect(box.inbox[0].subject).toBe('Datalek (art. 9.6)');
    expect(box.inbox[0].body.content).toContain('&lt;script&gt;x&lt;/script&gt;');
  });

  it('posts an Adaptive Card to a channel and reads it back; refuses one over 28 KB before sending', async () => {
    const poster = new GraphChannelPoster(emulator.graphForUser('igj-privacy'));
    const channel = { teamId: 'team-int', channelId: '19:privacy@thread.tacv2' };
    const card: AdaptiveCardJson = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'Datalek' }],
    };
    const posted = await poster.postCard(channel, card);
    const pane = await readBack<{ messages: { id: string }[] }>(
      `channels/team-int/${encodeURIComponent(channel.channelId)}`,
    );
    expect(pane.messages.map((m) => m.id)).toEqual([posted.id]);
    const big: AdaptiveCardJson = { ...card, body: [{ type: 'TextBlock', text: 'x'.repeat(29 * 1024) }] };
    await expect(poster.postCard(channel, big)).rejects.toBeInstanceOf(ChannelMessageTooLargeError);
  });

  it('the emulator itself answers 413 for an oversized message that bypasses the adapter', async () => {
    const content = JSON.stringify({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'x'.repeat(29 * 1024) }],
    });
    const res = await fetch(`${emulator.url}/v1.0/teams/t/channels/c/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-emulator-user': 'igj-privacy' },
      body: JSON.stringify({
        body: { contentType: 'html', content: '<attachment id="a"></attachment>' },
        attachments: [{ id: 'a', contentType: 'application/vnd.microsoft.card.adaptive', content }],
      }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'RequestEntityTooLarge' } });
  });

  it('creates a yearly overleg with reminder in the organiser calendar and in a group calendar', async () => {
    const writer = new GraphCalendarWriter(emulator.graphForUser('igj-accounthouder'));
    const request = {
      subject: 'Ambtelijk overleg (art. 6)',
      description: 'Agenda (art. 6.2)',
      start: '2027-05-20T14:00',
      end: '2027-05-20T15:00',
      timeZone: 'Europe/Amsterdam',
      attendees: [{ address: 'lotte.visser@cibg.example' }],
      repeat: { everyMonths: 12 },
      reminderMinutesBefore: 7 * 24 * 60,
    };
    const own = await writer.createEvent({ kind: 'organiser' }, request);
    const group = await writer.createEvent({ kind: 'group', groupId: 'grp-int' }, request);
    expect([own.reminderFires, group.reminderFires]).toEqual([true, false]);
    const cal = await readBack<{
      events: { id: string; recurrence: unknown; _emulator: { reminderFires: boolean } }[];
    }>('calendars/pieter.bakker@igj.example');
    expect(cal.events.map((e) => [e.id, e._emulator.reminderFires])).toEqual([[own.id, true]]);
    expect(cal.events[0].recurrence).toMatchObject({
      pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 20, month: 5 },
      range: { type: 'noEnd', startDate: '2027-05-20' },
    });
    const groupCal = await readBack<{ events: { _emulator: { reminderFires: boolean } }[] }>('calendars/grp-int');
    expect(groupCal.events[0]._emulator.reminderFires).toBe(false);
  });

  it('a recurrence Graph refuses comes back as a GraphRequestError naming the field', async () => {
    const res = await fetch(`${emulator.url}/v1.0/me/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-emulator-user': 'igj-accounthouder' },
      body: JSON.stringify({
        subject: 'x',
        start: { dateTime: '2027-05-20T14:00:00', timeZone: 'W. Europe Standard Time' },
        end: { dateTime: '2027-05-20T15:00:00', timeZone: 'W. Europe Standard Time' },
        recurrence: {
          pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 20 },
          range: { type: 'noEnd', startDate: '2027-05-20' },
        },
      }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('recurrence.pattern.month');
    const bad = new GraphCalendarWriter(emulator.graphForUser('igj-accounthouder'));
    const err = await bad
      .createEvent(
        { kind: 'organiser' },
        {
          subject: 'x',
          description: '',
          start: '2027-05-20T14:00',
          end: '2027-05-20T15:00',
          timeZone: 'Nergens/Niets',
          attendees: [],
          reminderMinutesBefore: 15,
        },
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphRequestError);
    expect(err).toMatchObject({ status: 400, message: expect.stringContaining('start.timeZone') });
  });

  describe('under injected faults', () => {
    afterEach(() => emulator.raw.faults.clear());

    it('throttled (429) and unavailable (503) Graph calls are retried until they land, each exactly once', async () => {
      emulator.raw.faults.set({ rate429: 0.3, rate503: 0.2, retryAfterSeconds: 0, pathPattern: '^/v1\\.0/', seed: 7 });
      const sender = new GraphMailSender(emulator.graphForUser('cibg-privacy'), { retryDelayMs: 10 });
      for (let i = 0; i < 12; i++) {
        await sender.send({ to: [{ address: 'throttle@igj.example' }], subject: `melding ${i}`, blocks: [] });
      }
      const injected = emulator.raw.faults.injected();
      expect(injected['429'] + injected['503']).toBeGreaterThan(0);
      const box = await readBack<{ inbox: { subject: string }[] }>('mailboxes/throttle@igj.example');
      expect(box.inbox.map((m) => m.subject).sort()).toEqual(
        Array.from({ length: 12 }, (_, i) => `melding ${i}`).sort(),
      );
    });

    it('a connection reset on a GET is retried; on a POST it surfaces instead of risking a second card', async () => {
      emulator.raw.faults.set({ rateReset: 1, pathPattern: '^/v1\\.0/me$', seed: 1 });
      const dir = new GraphDirectory(emulator.graphForUser('igj-privacy'), config.parties, {
        retries: 1,
        retryDelayMs: 10,
      });
      await expect(dir.currentUser()).rejects.toMatchObject({ status: 0, code: 'NetworkError' });
      expect(emulator.raw.faults.injected().reset).toBe(2);

      emulator.raw.faults.set({ rateReset: 1, pathPattern: '/messages$', seed: 1 });
      const poster = new GraphChannelPoster(emulator.graphForUser('igj-privacy'), { retryDelayMs: 10 });
      const card: AdaptiveCardJson = { type: 'AdaptiveCard', version: '1.5', body: [] };
      await expect(poster.postCard({ teamId: 't-reset', channelId: 'c' }, card)).rejects.toMatchObject({ status: 0 });
      expect(emulator.raw.faults.injected().reset).toBe(1);
    });

    it('added latency beyond the time budget gives a timeout naming the call', async () => {
      emulator.raw.faults.set({ latencyMs: 500, pathPattern: '^/v1\\.0/me$' });
      const dir = new GraphDirectory(emulator.graphForUser('igj-privacy'), config.parties, { timeoutMs: 100 });
      await expect(dir.currentUser()).rejects.toMatchObject({
        code: 'Timeout',
        message: expect.stringContaining('/me'),
      });
    });
  });

  it('a Graph path the emulator does not implement answers 501', async () => {
    const res = await fetch(`${emulator.url}/v1.0/me/drive/root`, { headers: { 'x-emulator-user': 'igj-privacy' } });
    expect(res.status).toBe(501);
    expect(await res.json()).toMatchObject({
      error: { code: 'NotImplemented', message: expect.stringContaining('GET /v1.0/me/drive/root') },
    });
  });
});
