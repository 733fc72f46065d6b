import { call, errorOf, memoryContext } from './harness';

type Page = { value: { id: string }[]; '@odata.nextLink'?: string };

/** Follows `@odata.nextLink` the way the Graph client does (verbatim, absolute URL). */
async function followAll(
  ctx: ReturnType<typeof memoryContext>,
  first: string,
): Promise<{ pages: number; ids: string[] }> {
  let url: string | undefined = first;
  const ids: string[] = [];
  let pages = 0;
  while (url) {
    const u = new URL(url, 'http://127.0.0.1:1');
    const res = await call(ctx, 'GET', `${u.pathname}${u.search}`);
    expect(res?.status).toBe(200);
    const page = res?.body as Page;
    ids.push(...page.value.map((v) => v.id));
    pages++;
    url = page['@odata.nextLink'];
    if (url) expect(url.startsWith('http://127.0.0.1:1/v1.0/')).toBe(true);
  }
  return { pages, ids };
}

const event = (day: number): Record<string, unknown> => ({
  subject: `overleg ${day}`,
  start: { dateTime: `2027-05-${String(day).padStart(2, '0')}T10:00:00`, timeZone: 'UTC' },
  end: { dateTime: `2027-05-${String(day).padStart(2, '0')}T11:00:00`, timeZone: 'UTC' },
});

const message = {
  body: { contentType: 'html', content: '<attachment id="a"></attachment>' },
  attachments: [
    {
      id: 'a',
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: '{"type":"AdaptiveCard","version":"1.5"}',
    },
  ],
};

describe('Graph emulator: paging as Graph pages', () => {
  it('pages events by 10 with a $skip nextLink, every event exactly once', async () => {
    const ctx = memoryContext();
    for (let d = 1; d <= 23; d++) await call(ctx, 'POST', '/v1.0/me/events', event(d));
    const all = await followAll(ctx, '/v1.0/me/events');
    expect(all.pages).toBe(3);
    expect(new Set(all.ids).size).toBe(23);
    const small = await followAll(ctx, '/v1.0/me/events?$top=5');
    expect(small.pages).toBe(5);
  });

  it('pages channel messages by 20 with a $skiptoken, at most 50 per page', async () => {
    const ctx = memoryContext();
    for (let i = 0; i < 45; i++) await call(ctx, 'POST', '/v1.0/teams/t/channels/c/messages', message);
    const all = await followAll(ctx, '/v1.0/teams/t/channels/c/messages');
    expect(all.pages).toBe(3);
    expect(new Set(all.ids).size).toBe(45);
    const tooMany = await call(ctx, 'GET', '/v1.0/teams/t/channels/c/messages?$top=51');
    expect(tooMany?.status).toBe(400);
    expect(errorOf(tooMany).message).toContain('$top');
    const badToken = await call(ctx, 'GET', '/v1.0/teams/t/channels/c/messages?$skiptoken=nonsense');
    expect(errorOf(badToken).message).toContain('$skiptoken');
  });
});
