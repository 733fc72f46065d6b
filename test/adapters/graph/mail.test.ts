import { GraphMailSender, MAIL_LOOKUP_PERMISSION, TRACKING_PROPERTY_ID } from '../../../src/adapters/graph';
import { LookupUnavailableError, type OutgoingMail } from '../../../src/ports/mail';
import { bearer, call, memoryContext, sanne } from '../../workbench/emulator/graph/harness';
import { inProcessClient } from './inProcessClient';

const breachMail = (over: Partial<OutgoingMail> = {}): OutgoingMail => ({
  to: [{ address: 'datalek@cibg.example', name: 'Meldpunt datalekken CIBG' }],
  cc: [{ address: 'johan.smit@cibg.example' }],
  subject: 'Melding datalek (art. 9.6)',
  blocks: [
    { kind: 'heading', text: 'Bijlage 2b' },
    { kind: 'fields', rows: [{ label: 'Omschrijving', value: '<img src=x onerror=alert(1)> & "meer"\nregel 2' }] },
    { kind: 'list', items: ['<b>niet vet</b>'] },
  ],
  ...over,
});

type Inbox = { inbox: { subject: string; body: { contentType: string; content: string } }[]; sentItems: unknown[] };

describe('GraphMailSender', () => {
  it('sends through /me/sendMail (202) and the mail arrives in each recipient mailbox and Sent Items', async () => {
    const ctx = memoryContext();
    await expect(new GraphMailSender(inProcessClient(ctx, sanne)).send(breachMail())).resolves.toBeUndefined();
    const to = (await call(ctx, 'GET', '/_emulator/graph/mailboxes/datalek@cibg.example'))?.body as Inbox;
    expect(to.inbox).toHaveLength(1);
    expect(to.inbox[0].subject).toBe('Melding datalek (art. 9.6)');
    expect(
      ((await call(ctx, 'GET', '/_emulator/graph/mailboxes/johan.smit@cibg.example'))?.body as Inbox).inbox,
    ).toHaveLength(1);
    expect(
      ((await call(ctx, 'GET', `/_emulator/graph/mailboxes/${sanne.email}`))?.body as Inbox).sentItems,
    ).toHaveLength(1);
  });

  it('escapes every user text: nothing a user typed becomes markup', async () => {
    const ctx = memoryContext();
    await new GraphMailSender(inProcessClient(ctx, sanne)).send(breachMail());
    const html = ((await call(ctx, 'GET', '/_emulator/graph/mailboxes/datalek@cibg.example'))?.body as Inbox).inbox[0]
      .body;
    expect(html.contentType).toBe('html');
    expect(html.content).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;meer&quot;<br>regel 2');
    expect(html.content).toContain('<li>&lt;b&gt;niet vet&lt;/b&gt;</li>');
    expect(html.content).not.toMatch(/<img|<b>/);
  });

  it('surfaces the field Graph refused', async () => {
    const sender = new GraphMailSender(inProcessClient(memoryContext(), sanne));
    await expect(sender.send(breachMail({ to: [{ address: 'geen-adres' }] }))).rejects.toMatchObject({
      status: 400,
      code: 'ErrorInvalidRecipients',
      message: expect.stringContaining('message.toRecipients[0].emailAddress.address'),
    });
  });

  it('refuses a mail without recipients before sending', async () => {
    const sender = new GraphMailSender(inProcessClient(memoryContext(), sanne));
    await expect(sender.send(breachMail({ to: [], cc: [] }))).rejects.toThrow('mail.to');
  });
});

describe('GraphMailSender: a tracked mail found again in Sent Items', () => {
  const token = (scopes: string[]) => ({ headers: { Authorization: bearer(scopes).authorization } });

  it('stores the tracking key as an extended property and finds the sender\'s copy by it', async () => {
    const ctx = memoryContext();
    const sender = new GraphMailSender(inProcessClient(ctx, sanne));
    await sender.send(breachMail({ trackingKey: 'samenwerkingsruimte-datalek-0a1b2c3d-7-mail' }));
    const own = (await call(ctx, 'GET', `/_emulator/graph/mailboxes/${sanne.email}`))?.body as {
      sentItems: Array<{ id: string; singleValueExtendedProperties?: unknown }>;
    };
    expect(own.sentItems[0].singleValueExtendedProperties).toEqual([
      { id: TRACKING_PROPERTY_ID, value: 'samenwerkingsruimte-datalek-0a1b2c3d-7-mail' },
    ]);
    await expect(sender.findSent('samenwerkingsruimte-datalek-0a1b2c3d-7-mail')).resolves.toEqual({
      state: 'sent',
      id: own.sentItems[0].id,
      sentAt: '2027-03-01T09:00:00.000Z',
    });
    await expect(sender.findSent('samenwerkingsruimte-datalek-0a1b2c3d-8-mail')).resolves.toEqual({ state: 'absent' });
  });

  it('asks Sent Items, then Drafts, with the documented filter', async () => {
    const ctx = memoryContext();
    const paths: string[] = [];
    const client = inProcessClient(ctx, sanne);
    await new GraphMailSender({ api: (p) => (paths.push(p), client.api(p)) }).findSent("it's-1");
    expect(paths.map((p) => p.split('?')[0])).toEqual(['/me/mailFolders/sentitems/messages', '/me/mailFolders/drafts/messages']);
    expect(new URLSearchParams(paths[0].split('?')[1]).get('$filter')).toBe(
      `singleValueExtendedProperties/any(ep: ep/id eq '${TRACKING_PROPERTY_ID}' and ep/value eq 'it''s-1')`,
    );
  });

  it('a token without Mail.Read: LookupUnavailableError naming the permission (nothing can be told)', async () => {
    const ctx = memoryContext();
    const sender = new GraphMailSender(inProcessClient(ctx, sanne), { ...token(['Mail.Send', 'Mail.ReadBasic']), retries: 0 });
    await sender.send(breachMail({ trackingKey: 'k' }));
    const err = await sender.findSent('k').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LookupUnavailableError);
    expect(err).toMatchObject({ status: 403, permission: MAIL_LOOKUP_PERMISSION, lookupUnavailable: true });
    await expect(new GraphMailSender(inProcessClient(ctx, sanne), token(['Mail.Read'])).findSent('k')).resolves.toMatchObject({ state: 'sent' });
  });
});
