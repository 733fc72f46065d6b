import { call, errorOf, memoryContext } from './harness';

const message = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  message: {
    subject: 'Datalek: melding (art. 9.6)',
    body: { contentType: 'HTML', content: '<p>Zie bijlage 2b</p>' },
    toRecipients: [{ emailAddress: { address: 'Datalek@CIBG.example', name: 'Meldpunt datalekken CIBG' } }],
    ccRecipients: [{ emailAddress: { address: 'johan.smit@cibg.example' } }],
    bccRecipients: [{ emailAddress: { address: 'archief@igj.example' } }],
    ...over,
  },
});

type Mailbox = { inbox: Record<string, unknown>[]; sentItems: Record<string, unknown>[] };
const mailbox = async (ctx: ReturnType<typeof memoryContext>, address: string): Promise<Mailbox> =>
  (await call(ctx, 'GET', `/_emulator/graph/mailboxes/${encodeURIComponent(address)}`))?.body as Mailbox;

describe('Graph emulator: sendMail', () => {
  it('answers 202 with no body and delivers one copy per recipient mailbox plus Sent Items', async () => {
    const ctx = memoryContext();
    const res = await call(ctx, 'POST', '/v1.0/me/sendMail', message());
    expect(res).toEqual({ status: 202 });
    const to = await mailbox(ctx, 'datalek@cibg.example');
    expect(to.inbox).toHaveLength(1);
    expect(to.inbox[0]).toMatchObject({
      subject: 'Datalek: melding (art. 9.6)',
      body: { contentType: 'html', content: '<p>Zie bijlage 2b</p>' },
      from: { emailAddress: { address: 'sanne.devries@igj.example', name: 'Sanne de Vries' } },
      bccRecipients: [],
    });
    expect((await mailbox(ctx, 'johan.smit@cibg.example')).inbox).toHaveLength(1);
    expect((await mailbox(ctx, 'archief@igj.example')).inbox[0].bccRecipients).toHaveLength(1);
    const sent = await mailbox(ctx, 'sanne.devries@igj.example');
    expect(sent.sentItems).toHaveLength(1);
    expect(sent.inbox).toHaveLength(0);
  });

  it('skips Sent Items when saveToSentItems is false', async () => {
    const ctx = memoryContext();
    await call(ctx, 'POST', '/v1.0/me/sendMail', { ...message(), saveToSentItems: false });
    expect((await mailbox(ctx, 'sanne.devries@igj.example')).sentItems).toHaveLength(0);
  });

  it.each([
    [{ toRecipients: [], ccRecipients: [], bccRecipients: [] }, 'message.toRecipients', 'ErrorInvalidRecipients'],
    [
      { toRecipients: [{ emailAddress: { address: 'not-an-address' } }] },
      'message.toRecipients[0].emailAddress.address',
      'ErrorInvalidRecipients',
    ],
    [{ ccRecipients: [{ name: 'x' }] }, 'message.ccRecipients[0].emailAddress', 'ErrorInvalidRequest'],
    [{ body: { contentType: 'markdown', content: 'x' } }, 'message.body.contentType', 'ErrorInvalidRequest'],
    [{ subject: 42 }, 'message.subject', 'ErrorInvalidRequest'],
  ])('refuses %j with 400 naming the field', async (over, field, code) => {
    const ctx = memoryContext();
    const res = await call(ctx, 'POST', '/v1.0/me/sendMail', message(over));
    expect(res?.status).toBe(400);
    expect(errorOf(res)).toMatchObject({ code, message: expect.stringContaining(`'${field}'`) });
    expect((await mailbox(ctx, 'datalek@cibg.example')).inbox).toHaveLength(0);
  });

  it('refuses sending as another mailbox with 403 ErrorSendAsDenied, and accepts from = the user', async () => {
    const ctx = memoryContext();
    const as = (address: string): Record<string, unknown> => message({ from: { emailAddress: { address } } });
    const denied = await call(ctx, 'POST', '/v1.0/me/sendMail', as('datalek@igj.example'));
    expect(denied?.status).toBe(403);
    expect(errorOf(denied)).toMatchObject({
      code: 'ErrorSendAsDenied',
      message: expect.stringContaining('message.from'),
    });
    expect((await mailbox(ctx, 'datalek@cibg.example')).inbox).toHaveLength(0);
    expect((await call(ctx, 'POST', '/v1.0/me/sendMail', as('Sanne.DeVries@igj.example')))?.status).toBe(202);
  });

  it('refuses a missing message and malformed JSON', async () => {
    const ctx = memoryContext();
    expect(errorOf(await call(ctx, 'POST', '/v1.0/me/sendMail', {})).message).toContain("'message'");
    const bad = await call(ctx, 'POST', '/v1.0/me/sendMail', '{"message":');
    expect(bad?.status).toBe(400);
    expect(errorOf(bad).code).toBe('BadRequest');
    expect(errorOf(await call(ctx, 'POST', '/v1.0/me/sendMail', '')).message).toContain('Empty Payload');
  });
});
