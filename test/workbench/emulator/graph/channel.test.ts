import { readFileSync } from 'fs';
import { join } from 'path';
import { call, errorOf, memoryContext, sanne } from './harness';

const card = readFileSync(join(__dirname, '../../../fixtures/graph/breach-card.json'), 'utf8');
const path = '/v1.0/teams/team-1/channels/19%3Aprivacy%40thread.tacv2/messages';

const post = (content: string, attachments: unknown[]): Record<string, unknown> => ({
  body: { contentType: 'html', content },
  attachments,
});
const cardAttachment = (json: string, id = 'att1'): Record<string, unknown> => ({
  id,
  contentType: 'application/vnd.microsoft.card.adaptive',
  content: json,
});

describe('Graph emulator: channel messages', () => {
  it('stores an Adaptive Card message and answers 201 with id, createdDateTime and from', async () => {
    const ctx = memoryContext();
    const res = await call(ctx, 'POST', path, post('<attachment id="att1"></attachment>', [cardAttachment(card)]));
    expect(res?.status).toBe(201);
    const msg = res?.body as Record<string, unknown>;
    expect(msg).toMatchObject({
      id: String(new Date('2027-03-01T09:00:00Z').getTime()),
      createdDateTime: '2027-03-01T09:00:00.000Z',
      from: { user: { id: sanne.aadId, displayName: 'Sanne de Vries' } },
      channelIdentity: { teamId: 'team-1', channelId: '19:privacy@thread.tacv2' },
    });
    const list = await call(ctx, 'GET', path);
    const value = (list?.body as { value: Record<string, unknown>[] }).value;
    expect(value).toHaveLength(1);
    expect(JSON.parse((value[0].attachments as { content: string }[])[0].content)).toEqual(JSON.parse(card));
    const pane = await call(ctx, 'GET', '/_emulator/graph/channels/team-1/19%3Aprivacy%40thread.tacv2');
    expect((pane?.body as { messages: unknown[] }).messages).toEqual(value);
  });

  it('gives messages posted in the same millisecond distinct ids, newest listed first', async () => {
    const ctx = memoryContext();
    const first = (await call(ctx, 'POST', path, post('<attachment id="a"></attachment>', [cardAttachment(card, 'a')])))
      ?.body as { id: string };
    const second = (
      await call(ctx, 'POST', path, post('<attachment id="a"></attachment>', [cardAttachment(card, 'a')]))
    )?.body as { id: string };
    expect(Number(second.id)).toBe(Number(first.id) + 1);
    const value = ((await call(ctx, 'GET', path))?.body as { value: { id: string }[] }).value;
    expect(value.map((m) => m.id)).toEqual([second.id, first.id]);
  });

  it('refuses a message over 28 KB with 413 RequestEntityTooLarge and stores nothing', async () => {
    const ctx = memoryContext();
    const big = JSON.stringify({ ...JSON.parse(card), body: [{ type: 'TextBlock', text: 'x'.repeat(28 * 1024) }] });
    const res = await call(ctx, 'POST', path, post('<attachment id="att1"></attachment>', [cardAttachment(big)]));
    expect(res?.status).toBe(413);
    expect(errorOf(res)).toMatchObject({ code: 'RequestEntityTooLarge', message: expect.stringContaining('28 KB') });
    expect(((await call(ctx, 'GET', path))?.body as { value: unknown[] }).value).toHaveLength(0);
  });

  it('accepts a message of exactly 28 KB', async () => {
    const ctx = memoryContext();
    const envelope = JSON.stringify(
      post('<attachment id="att1"></attachment>', [
        cardAttachment(
          JSON.stringify({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '' }] }),
        ),
      ]),
    );
    const room = 28 * 1024 - Buffer.byteLength(envelope);
    const text = 'y'.repeat(room);
    const res = await call(
      ctx,
      'POST',
      path,
      post('<attachment id="att1"></attachment>', [
        cardAttachment(JSON.stringify({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text }] })),
      ]),
    );
    expect(res?.status).toBe(201);
  });

  it.each([
    [
      'invalid card JSON',
      post('<attachment id="att1"></attachment>', [cardAttachment('{"type":"AdaptiveCard",')]),
      "'attachments[0].content'",
    ],
    [
      'card without version',
      post('<attachment id="att1"></attachment>', [cardAttachment('{"type":"AdaptiveCard","body":[]}')]),
      "'attachments[0].content.version'",
    ],
    [
      'not a card',
      post('<attachment id="att1"></attachment>', [cardAttachment('{"type":"Container"}')]),
      "'attachments[0].content.type'",
    ],
    [
      'card as an object, not a string',
      post('<attachment id="att1"></attachment>', [{ ...cardAttachment(''), content: JSON.parse(card) }]),
      "'attachments[0].content'",
    ],
    ['attachment not referenced in the body', post('<p>hallo</p>', [cardAttachment(card)]), "'attachments[0].id'"],
    ['body references a missing attachment', post('<attachment id="att2"></attachment>', []), "'body.content'"],
    [
      'unknown contentType',
      post('<attachment id="att1"></attachment>', [{ ...cardAttachment(card), contentType: 'text/html' }]),
      "'attachments[0].contentType'",
    ],
    ['missing body', { attachments: [] }, "'body'"],
  ])('refuses %s with 400 naming the field', async (_name, payload, field) => {
    const res = await call(memoryContext(), 'POST', path, payload);
    expect(res?.status).toBe(400);
    expect(errorOf(res).message).toContain(field);
  });
});
