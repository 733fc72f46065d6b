import { readFileSync } from 'fs';
import { join } from 'path';
import { GraphChannelPoster, TEAMS_MESSAGE_LIMIT_BYTES, type GraphClientLike } from '../../../src/adapters/graph';
import { ChannelMessageTooLargeError, type AdaptiveCardJson } from '../../../src/ports/channel';
import { channelMessageBytes } from '../../../src/cards/size';
import { call, memoryContext, sanne } from '../../workbench/emulator/graph/harness';
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
