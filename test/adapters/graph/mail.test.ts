import { GraphMailSender } from '../../../src/adapters/graph';
import type { OutgoingMail } from '../../../src/ports/mail';
import { call, memoryContext, sanne } from '../../workbench/emulator/graph/harness';
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
