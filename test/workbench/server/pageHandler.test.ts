import { readFileSync } from 'fs';
import { join } from 'path';
import type { EmulatorContext, EmulatorRequest } from '../../../workbench/emulator/types';
import { createWorkbenchPageHandler, PUBLIC_DIR } from '../../../workbench/pageHandler';
import { buildSession } from '../../../workbench/session';
import { readAgreementFile } from '../../../workbench/session';

const agreement = readAgreementFile(join(__dirname, '../../../config/agreements/igj-cibg.json'));
const handler = createWorkbenchPageHandler((origin) => buildSession(origin, agreement));
const ctx = {} as EmulatorContext; // the page handler touches neither the database nor the clock

function req(method: string, path: string): EmulatorRequest {
  return {
    method,
    path,
    rawQuery: '',
    query: new URLSearchParams(),
    headers: {},
    body: Buffer.alloc(0),
    origin: 'http://127.0.0.1:4999',
    user: null,
  };
}

describe('workbench page handler', () => {
  it('serves the page at / and /workbench without an identity, with a strict content security policy', async () => {
    for (const path of ['/', '/workbench']) {
      const res = await handler(req('GET', path), ctx);
      expect(res?.status).toBe(200);
      expect(res?.headers?.['content-type']).toBe('text/html; charset=utf-8');
      expect(String(res?.body)).toContain('<script type="module" src="/build/main.js">');
      expect(res?.headers?.['content-security-policy']).toContain("script-src 'self'");
    }
  });

  it('serves the session: site URL on the request origin, every demo identity, channels, mailboxes, calendars', async () => {
    const res = await handler(req('GET', '/_workbench/session'), ctx);
    const session = res?.body as ReturnType<typeof buildSession>;
    expect(session.siteUrl).toBe('http://127.0.0.1:4999/sites/samenwerkingsruimte');
    const users = (
      JSON.parse(readFileSync(join(__dirname, '../../../workbench/seed/users.json'), 'utf8')) as {
        users: { key: string; party: string | null }[];
      }
    ).users;
    // Every demo identity of IGJ, CIBG and none; the NZa people belong with the three-party agreement only.
    expect(session.identities.map((u) => u.key)).toEqual(users.filter((u) => u.party !== 'nza').map((u) => u.key));
    expect(users.some((u) => u.party === 'nza')).toBe(true);
    expect(session.teams).toEqual({ teamId: agreement.space.teamId, channelId: agreement.space.channelId });
    expect(session.channels.map((c) => c.channelId)).toEqual([agreement.space.channelId, agreement.space.reminderChannelId]);
    // art. 9.6: both breach addresses get a mailbox in the Postvak pane even though no demo user owns them.
    const addresses = session.mailboxes.map((m) => m.address);
    expect(addresses).toEqual(expect.arrayContaining(['privacy@igj.nl', 'cibgdatalekregister@minvws.nl', 'sanne.devries@igj.example']));
    expect(new Set(addresses).size).toBe(addresses.length);
    expect(session.calendars.map((c) => c.owner)).toContain(agreement.space.teamId);
  });

  it('serves built files from public/build and refuses paths that escape it', async () => {
    const hit = await handler(req('GET', '/build/main.js'), ctx);
    if (hit?.status === 200) expect(hit.headers?.['content-type']).toBe('text/javascript; charset=utf-8');
    else expect(String(hit?.body)).toContain('build-workbench'); // not built yet: the 404 says how to build
    for (const path of ['/build/../index.html', '/build/%2e%2e/index.html', '/build/..%2f..%2fserver.ts']) {
      const res = await handler(req('GET', path), ctx);
      expect({ path, status: res?.status }).toEqual({ path, status: 404 });
    }
    expect(readFileSync(join(PUBLIC_DIR, 'index.html'), 'utf8')).toContain('id="root"');
  });

  it('leaves everything else to the emulator (null), including writes to its own paths', async () => {
    expect(await handler(req('GET', '/sites/samenwerkingsruimte/_api/web'), ctx)).toBeNull();
    expect(await handler(req('POST', '/_workbench/session'), ctx)).toBeNull();
    expect(await handler(req('GET', '/v1.0/me'), ctx)).toBeNull();
  });
});
