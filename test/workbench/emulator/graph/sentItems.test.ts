/**
 * Sent Items with a single-value extended property: sendMail stores it with the sender's copy; the mail folder's
 * messages are found by `$filter=singleValueExtendedProperties/Any(…)` as Graph documents it; the delegated permission
 * is checked from the token's `scp`; forms the emulator does not model answer 501.
 */
import { bearer, call, errorOf, memoryContext, sanne } from './harness';
import type { EmulatorUser } from '../../../../workbench/emulator/types';

const PROP = 'String {7d4f6c2a-93e1-4b58-a0c6-2f8e5d1b9a37} Name SamenwerkingsruimteNotificationKey';
const johan: EmulatorUser = { ...sanne, id: 12, email: 'johan.smit@cibg.example', displayName: 'Johan Smit', aadId: '0b6a4a1e-2f1d-4c7e-8d6a-3c2b1a0f9e02', party: 'cibg', loginName: 'i:0#.f|membership|johan.smit@cibg.example' };

const send = (ctx: ReturnType<typeof memoryContext>, value: string, extra: Record<string, unknown> = {}) =>
  call(ctx, 'POST', '/v1.0/me/sendMail', {
    message: {
      subject: `Datalek ${value}`,
      body: { contentType: 'HTML', content: '<p>Bijlage 2b</p>' },
      toRecipients: [{ emailAddress: { address: 'johan.smit@cibg.example' } }],
      singleValueExtendedProperties: [{ id: PROP, value }],
      ...extra,
    },
  });

const filterOn = (value: string, id = PROP): string =>
  encodeURIComponent(`singleValueExtendedProperties/Any(ep: ep/id eq '${id}' and ep/value eq '${value}')`);

type Page = { value: Array<Record<string, unknown>>; '@odata.nextLink'?: string };

describe('Graph emulator: sendMail with an extended property, found again in Sent Items', () => {
  it('stores the property with the sender\'s copy only', async () => {
    const ctx = memoryContext();
    expect((await send(ctx, 'k-1'))?.status).toBe(202);
    const own = (await call(ctx, 'GET', `/_emulator/graph/mailboxes/${sanne.email}`))?.body as { sentItems: Array<Record<string, unknown>> };
    expect(own.sentItems[0].singleValueExtendedProperties).toEqual([{ id: PROP, value: 'k-1' }]);
    const theirs = (await call(ctx, 'GET', '/_emulator/graph/mailboxes/johan.smit@cibg.example'))?.body as { inbox: Array<Record<string, unknown>> };
    expect(theirs.inbox[0].singleValueExtendedProperties).toBeUndefined();
  });

  it('refuses a malformed property with 400 naming it, and stores nothing', async () => {
    const ctx = memoryContext();
    const bad = await send(ctx, 'k', { singleValueExtendedProperties: [{ id: 'SamenwerkingsruimteKey', value: 'k' }] });
    expect(bad?.status).toBe(400);
    expect(errorOf(bad).message).toContain('message.singleValueExtendedProperties[0].id');
    const noValue = await send(ctx, 'k', { singleValueExtendedProperties: [{ id: PROP, value: 7 }] });
    expect(errorOf(noValue).message).toContain('message.singleValueExtendedProperties[0].value');
    const own = (await call(ctx, 'GET', `/_emulator/graph/mailboxes/${sanne.email}`))?.body as { sentItems: unknown[] };
    expect(own.sentItems).toHaveLength(0);
  });

  it('finds the message by id and value (value case-insensitive), without the property in the answer', async () => {
    const ctx = memoryContext();
    await send(ctx, 'k-1');
    await send(ctx, 'k-2');
    const res = await call(ctx, 'GET', `/v1.0/me/mailFolders/sentitems/messages?$filter=${filterOn('K-1')}`);
    expect(res?.status).toBe(200);
    const page = res?.body as Page;
    expect(page.value.map((m) => m.subject)).toEqual(['Datalek k-1']);
    expect(page.value[0].singleValueExtendedProperties).toBeUndefined();
    expect(page.value[0].id).toMatch(/^AAMkAG/);
  });

  it("accepts the OData key form mailFolders('SentItems') and honours $select", async () => {
    const ctx = memoryContext();
    await send(ctx, 'k-1');
    const res = await call(ctx, 'GET', `/v1.0/me/mailFolders('SentItems')/messages?$filter=${filterOn('k-1')}&$select=sentDateTime`);
    const [m] = (res?.body as Page).value;
    expect(Object.keys(m).sort()).toEqual(['id', 'sentDateTime']);
  });

  it('compares the Name of the id case-sensitively and the GUID case-insensitively', async () => {
    const ctx = memoryContext();
    await send(ctx, 'k-1');
    const upperGuid = PROP.replace(/\{[^}]+\}/, (g) => g.toUpperCase());
    expect(((await call(ctx, 'GET', `/v1.0/me/mailFolders/sentitems/messages?$filter=${filterOn('k-1', upperGuid)}`))?.body as Page).value).toHaveLength(1);
    const lowerName = PROP.replace('SamenwerkingsruimteNotificationKey', 'samenwerkingsruimtenotificationkey');
    expect(((await call(ctx, 'GET', `/v1.0/me/mailFolders/sentitems/messages?$filter=${filterOn('k-1', lowerName)}`))?.body as Page).value).toHaveLength(0);
  });

  it("searches only the signed-in user's own mailbox and folder; Drafts is empty (sent at once)", async () => {
    const ctx = memoryContext();
    await send(ctx, 'k-1');
    const path = (folder: string) => `/v1.0/me/mailFolders/${folder}/messages?$filter=${filterOn('k-1')}`;
    expect(((await call(ctx, 'GET', path('sentitems'), undefined, johan))?.body as Page).value).toHaveLength(0);
    expect(((await call(ctx, 'GET', path('inbox'), undefined, johan))?.body as Page).value).toHaveLength(0);
    expect(((await call(ctx, 'GET', path('drafts')))?.body as Page).value).toHaveLength(0);
  });

  it('pages with $top and $skip, newest first; $top outside 1…1000 is 400', async () => {
    const ctx = memoryContext();
    await send(ctx, 'same');
    await send(ctx, 'same', { subject: 'tweede' });
    const first = (await call(ctx, 'GET', `/v1.0/me/mailFolders/sentitems/messages?$filter=${filterOn('same')}&$top=1`))?.body as Page;
    expect(first.value.map((m) => m.subject)).toEqual(['tweede']);
    const next = new URL(first['@odata.nextLink']!);
    expect(next.searchParams.get('$skip')).toBe('1');
    const second = (await call(ctx, 'GET', `${next.pathname}?${next.searchParams.toString()}`))?.body as Page;
    expect(second.value.map((m) => m.subject)).toEqual(['Datalek same']);
    expect((await call(ctx, 'GET', `/v1.0/me/mailFolders/sentitems/messages?$filter=${filterOn('same')}&$top=1001`))?.status).toBe(400);
  });

  it.each([
    ['no $filter', '/v1.0/me/mailFolders/sentitems/messages'],
    ['another filter', `/v1.0/me/mailFolders/sentitems/messages?$filter=${encodeURIComponent("subject eq 'x'")}`],
    ['$expand', `/v1.0/me/mailFolders/sentitems/messages?$filter=${filterOn('k')}&$expand=singleValueExtendedProperties`],
    ['$orderby', `/v1.0/me/mailFolders/sentitems/messages?$filter=${filterOn('k')}&$orderby=sentDateTime`],
    ['a folder id', `/v1.0/me/mailFolders/AAMkAGI2TAAA=/messages?$filter=${filterOn('k')}`],
    ['an Integer property', `/v1.0/me/mailFolders/sentitems/messages?$filter=${filterOn('1', 'Integer {7d4f6c2a-93e1-4b58-a0c6-2f8e5d1b9a37} Name Teller')}`],
  ])('answers 501 for a form it does not model: %s', async (_name, path) => {
    const res = await call(memoryContext(), 'GET', path);
    expect(res?.status).toBe(501);
    expect(errorOf(res).code).toBe('NotImplemented');
  });

  it('a malformed property id in the filter is 400', async () => {
    const res = await call(memoryContext(), 'GET', `/v1.0/me/mailFolders/sentitems/messages?$filter=${filterOn('k', 'geen id')}`);
    expect(res?.status).toBe(400);
  });
});

describe('Graph emulator: delegated permissions from the token', () => {
  const list = `/v1.0/me/mailFolders/sentitems/messages?$filter=${filterOn('k-1')}`;

  it.each([
    [['Mail.Send', 'User.Read'], 403],
    [['Mail.ReadBasic'], 403],
    [['Mail.Read'], 200],
    [['Mail.ReadWrite'], 200],
  ])('Sent Items filtered on an extended property with %j: %i', async (scopes, status) => {
    const ctx = memoryContext();
    await send(ctx, 'k-1');
    const res = await call(ctx, 'GET', list, undefined, sanne, bearer(scopes));
    expect(res?.status).toBe(status);
    if (status === 403) expect(errorOf(res)).toMatchObject({ code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' });
  });

  it('without a token (cookie or header identity) there is no consent to check', async () => {
    const ctx = memoryContext();
    await send(ctx, 'k-1');
    expect((await call(ctx, 'GET', list))?.status).toBe(200);
  });

  it('listing channel messages needs ChannelMessage.Read.All; Teams names it and the scopes on the request', async () => {
    const ctx = memoryContext();
    const path = '/v1.0/teams/team-1/channels/19%3Aprivacy%40thread.tacv2/messages?$top=50';
    const refused = await call(ctx, 'GET', path, undefined, sanne, bearer(['ChannelMessage.Send', 'ChannelMessage.ReadWrite']));
    expect(refused?.status).toBe(403);
    expect(errorOf(refused)).toMatchObject({
      code: 'Forbidden',
      message: "Missing scope permissions on the request. API requires one of 'ChannelMessage.Read.All'. Scopes on the request 'ChannelMessage.Send, ChannelMessage.ReadWrite'",
    });
    expect((await call(ctx, 'GET', path, undefined, sanne, bearer(['ChannelMessage.Read.All'])))?.status).toBe(200);
    expect((await call(ctx, 'GET', path))?.status).toBe(200);
  });
});
