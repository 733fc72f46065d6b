import { call, errorOf, memoryContext, sanne } from './harness';

describe('Graph emulator: /me', () => {
  it('answers the signed-in identity as a Graph user resource', async () => {
    const res = await call(memoryContext(), 'GET', '/v1.0/me');
    expect(res?.status).toBe(200);
    const me = res?.body as Record<string, unknown>;
    expect(me).toMatchObject({
      id: sanne.aadId,
      displayName: 'Sanne de Vries',
      givenName: 'Sanne',
      surname: 'de Vries',
      mail: sanne.email,
      userPrincipalName: sanne.email,
      jobTitle: 'Inspecteur',
    });
    expect(me.businessPhones).toEqual([expect.stringMatching(/^\+31 70 3\d{2} \d{4}$/)]);
    expect(me.mobilePhone).toMatch(/^\+31 6 \d{4} \d{4}$/);
  });

  it('gives the same fictitious phone numbers every time, and different ones per person', async () => {
    const a = (await call(memoryContext(), 'GET', '/v1.0/me'))?.body as Record<string, unknown>;
    const b = (await call(memoryContext(), 'GET', '/v1.0/me'))?.body as Record<string, unknown>;
    const other = { ...sanne, email: 'bram.jansen@cibg.example', aadId: 'x' };
    const c = (await call(memoryContext(), 'GET', '/v1.0/me', undefined, other))?.body as Record<string, unknown>;
    expect(a.mobilePhone).toBe(b.mobilePhone);
    expect(c.mobilePhone).not.toBe(a.mobilePhone);
  });

  it('honours $select', async () => {
    const res = await call(memoryContext(), 'GET', '/v1.0/me?$select=displayName,mail');
    expect(Object.keys(res?.body as object).sort()).toEqual(['@odata.context', 'displayName', 'mail']);
  });

  it('refuses an anonymous request with 401 in Graph error shape', async () => {
    const res = await call(memoryContext(), 'GET', '/v1.0/me', undefined, null);
    expect(res?.status).toBe(401);
    expect(errorOf(res).code).toBe('InvalidAuthenticationToken');
  });

  it('answers 400 for a malformed percent-encoded path', async () => {
    const res = await call(memoryContext(), 'GET', '/v1.0/teams/%E0%A4%A/channels/x/messages');
    expect(res?.status).toBe(400);
    expect(errorOf(res).code).toBe('BadRequest');
  });

  it('returns null for Graph paths it does not implement, so the server answers 501', async () => {
    const ctx = memoryContext();
    expect(await call(ctx, 'GET', '/v1.0/me/drive/root')).toBeNull();
    expect(await call(ctx, 'DELETE', '/v1.0/me')).toBeNull();
    expect(await call(ctx, 'GET', '/_api/web')).toBeNull();
  });
});
