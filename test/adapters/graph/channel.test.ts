import { readFileSync } from 'fs';
import { join } from 'path';
import Database from 'better-sqlite3';
import { CHANNEL_LOOKUP_PERMISSION, GraphChannelPoster, TEAMS_MESSAGE_LIMIT_BYTES, type GraphClientLike } from '../../../src/adapters/graph';
import { ChannelMessageTooLargeError, type AdaptiveCardJson } from '../../../src/ports/channel';
import { LookupUnavailableError } from '../../../src/ports/mail';
import { channelMessageBytes } from '../../../src/cards/size';
import { bearer, call, memoryContext, sanne } from '../../workbench/emulator/graph/harness';
import { inProcessClient } from './inProcessClient';

const card = JSON.parse(
  readFileSync(join(__dirname, '../../fixtures/graph/breach-card.json'), 'utf8'),
) as AdaptiveCardJson;
const channel = { teamId: 'team-1', channelId: '19:privacy@thread.tacv2' };
const withText = (text: string): AdaptiveCardJson => ({ ...card, body: [{ type: 'TextBlock', text, wrap: true }] });

/** Counts the requests that reach the client, to prove an oversized card is refused before anything is sent. */
function counting(client: GraphClientLike): { client: GraphClientLike; calls: string[] } {
  const calls: string[] = [];
  return { calls, client: { api: (path) => (calls.push(path), client.api(path)) } };
}

describe('GraphChannelPoster', () => {
  it('posts the card as an Adaptive Card attachment and the channel shows it', async () => {
    const ctx = memoryContext();
    const posted = await new GraphChannelPoster(inProcessClient(ctx, sanne)).postCard(channel, card, {
      subject: 'Datalek',
    });
    expect(posted).toEqual({
      id: expect.stringMatching(/^\d+$/),
      createdAt: '2027-03-01T09:00:00.000Z',
      webUrl: expect.any(String),
    });
    const pane = (await call(ctx, 'GET', '/_emulator/graph/channels/team-1/19%3Aprivacy%40thread.tacv2'))?.body as {
      messages: { id: string; subject: string; attachments: { contentType: string; content: string }[] }[];
    };
    expect(pane.messages).toHaveLength(1);
    expect(pane.messages[0]).toMatchObject({ id: posted.id, subject: 'Datalek' });
    expect(pane.messages[0].attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.parse(pane.messages[0].attachments[0].content)).toEqual(card);
  });

  it('refuses a card over 28 KB with a clear error before sending anything', async () => {
    const ctx = memoryContext();
    const spy = counting(inProcessClient(ctx, sanne));
    const big = withText('é'.repeat(15 * 1024)); // 2 bytes each in UTF-8: ~30 KB on the wire
    const attempt = new GraphChannelPoster(spy.client).postCard(channel, big);
    await expect(attempt).rejects.toBeInstanceOf(ChannelMessageTooLargeError);
    await expect(attempt).rejects.toThrow(/28672 bytes \(28 KB\)/);
    expect(spy.calls).toEqual([]);
  });

  it("measures the same bytes as the card builders' early check (src/cards/size.ts)", async () => {
    const big = withText('ü'.repeat(20 * 1024));
    const err = await new GraphChannelPoster(inProcessClient(memoryContext(), sanne))
      .postCard(channel, big)
      .catch((e: ChannelMessageTooLargeError) => e);
    expect((err as ChannelMessageTooLargeError).sizeBytes).toBe(channelMessageBytes(big));
  });

  it('measures the size as the emulator (and Teams) receives it: a card the client lets through is accepted', async () => {
    const ctx = memoryContext();
    const poster = new GraphChannelPoster(inProcessClient(ctx, sanne));
    // The refusal reports the size; shrinking the text by the excess must give a message of exactly 28 KB.
    const tooBig = 29 * 1024;
    const over = await poster
      .postCard(channel, withText('x'.repeat(tooBig)))
      .catch((e: ChannelMessageTooLargeError) => e);
    const n = tooBig - ((over as ChannelMessageTooLargeError).sizeBytes - TEAMS_MESSAGE_LIMIT_BYTES);
    await expect(poster.postCard(channel, withText('x'.repeat(n)))).resolves.toMatchObject({ id: expect.any(String) });
    const err = await poster
      .postCard(channel, withText('x'.repeat(n + 1)))
      .catch((e: ChannelMessageTooLargeError) => e);
    expect((err as ChannelMessageTooLargeError).sizeBytes).toBe(TEAMS_MESSAGE_LIMIT_BYTES + 1);
  });
});

describe('GraphChannelPoster.findCard: the card by its own id among the channel\'s newest messages', () => {
  const KEY = 'samenwerkingsruimte-datalek-0a1b2c3d-7-card';
  const tagged = (id: string): AdaptiveCardJson => ({ ...card, body: [{ type: 'TextBlock', text: 'Datalek', id }] });
  /** A context whose clock the test moves (messages get their createdDateTime from it). */
  function movingContext(start = Date.parse('2027-03-01T09:00:00Z')) {
    const clock = { t: start };
    return { clock, ctx: { db: new Database(':memory:'), now: () => new Date(clock.t) } };
  }

  it('finds the posted card (by the id of one of its elements) and nothing for another id', async () => {
    const ctx = memoryContext();
    const poster = new GraphChannelPoster(inProcessClient(ctx, sanne));
    const posted = await poster.postCard(channel, tagged(KEY));
    await poster.postCard(channel, tagged('other'));
    await expect(poster.findCard(channel, KEY, { since: posted.createdAt })).resolves.toEqual(posted);
    await expect(poster.findCard(channel, 'absent', { since: posted.createdAt })).resolves.toBeUndefined();
  });

  it('pages back past busier channels ($top=50, nextLink) until the messages predate the attempt', async () => {
    const { clock, ctx } = movingContext();
    const paths: string[] = [];
    const client = inProcessClient(ctx, sanne);
    const poster = new GraphChannelPoster({ api: (p) => (paths.push(p), client.api(p)) });
    for (let i = 0; i < 30; i++, clock.t += 60_000) await poster.postCard(channel, tagged(`old-${i}`));
    const since = new Date(clock.t).toISOString();
    const posted = await poster.postCard(channel, tagged(KEY));
    for (let i = 0; i < 70; i++) await poster.postCard(channel, tagged(`new-${i}`));
    paths.length = 0;
    await expect(poster.findCard(channel, KEY, { since })).resolves.toMatchObject({ id: posted.id });
    expect(paths).toHaveLength(2);
    expect(paths[0]).toMatch(/\/messages\?\$top=50$/);
    // Not there: stops once a page reaches messages older than the attempt (less 5 minutes), not at the channel's end.
    paths.length = 0;
    await expect(poster.findCard(channel, 'never-posted', { since })).resolves.toBeUndefined();
    expect(paths).toHaveLength(2); // a third page (old-0) exists but is not read
  });

  it('a channel too busy to reach back to the attempt is "cannot tell", never "absent"', async () => {
    const { ctx } = movingContext();
    const poster = new GraphChannelPoster(inProcessClient(ctx, sanne));
    for (let i = 0; i < 260; i++) await poster.postCard(channel, tagged(`m-${i}`));
    await expect(poster.findCard(channel, KEY, { since: '2027-03-01T08:00:00Z' })).rejects.toBeInstanceOf(LookupUnavailableError);
  });

  it('a token without ChannelMessage.Read.All: LookupUnavailableError naming the permission', async () => {
    const ctx = memoryContext();
    const poster = new GraphChannelPoster(inProcessClient(ctx, sanne), {
      headers: { Authorization: bearer(['ChannelMessage.Send']).authorization },
      retries: 0,
    });
    const err = await poster.findCard(channel, KEY, { since: '2027-03-01T09:00:00Z' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 403, permission: CHANNEL_LOOKUP_PERMISSION });
  });
});
