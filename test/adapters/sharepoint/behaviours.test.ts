import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { DefaultParse } from '@pnp/queryable';
import { DefaultHeaders, DefaultInit, spfi, spPost, SPQueryable } from '@pnp/sp';
import '@pnp/sp/webs';
import { Resilience } from '../../../src/adapters/sharepoint/behaviours';

/** A scripted server: each request takes the next action. */
function scripted(
  actions: Array<'429' | '503' | 'reset' | 'ok'>,
): Promise<{ server: Server; url: string; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const action = actions.shift() ?? 'ok';
    if (action === 'reset') {
      req.socket.destroy();
      return;
    }
    if (action === 'ok') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ Title: 'Samenwerkingsruimte' }));
      return;
    }
    res.writeHead(Number(action), { 'Retry-After': '0', 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ 'odata.error': { code: '-2147024860', message: { lang: 'en-US', value: 'throttled' } } }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sites/x`, seen }),
    ),
  );
}

/** PnPjs with the production defaults but our send step. */
function sp(url: string) {
  return spfi(url).using(DefaultHeaders(), DefaultInit(), DefaultParse(), Resilience({ retries: 4, intervalMs: 1 }));
}

describe('Resilience behaviour', () => {
  it('retries 429 and 503 honouring Retry-After until the answer is good', async () => {
    const { server, url, seen } = await scripted(['429', '503', '429', 'ok']);
    try {
      const web = await sp(url).web.select('Title')();
      expect(web.Title).toBe('Samenwerkingsruimte');
      expect(seen).toHaveLength(4);
    } finally {
      server.close();
    }
  });

  it('gives up after the configured retries with the last status', async () => {
    const { server, url, seen } = await scripted(['429', '429', '429', '429', '429', '429']);
    try {
      await expect(sp(url).web()).rejects.toMatchObject({ status: 429 });
      expect(seen).toHaveLength(5);
    } finally {
      server.close();
    }
  });

  it('retries a dropped connection for a read', async () => {
    const { server, url, seen } = await scripted(['reset', 'ok']);
    try {
      await expect(sp(url).web()).resolves.toMatchObject({ Title: 'Samenwerkingsruimte' });
      expect(seen).toHaveLength(2);
    } finally {
      server.close();
    }
  });

  it('does not repeat a write after a dropped connection (it may have landed)', async () => {
    const { server, url, seen } = await scripted(['reset', 'ok']);
    try {
      await expect(spPost(SPQueryable(sp(url).web, 'lists'), { body: '{}' })).rejects.toThrow();
      expect(seen).toEqual(['POST /sites/x/_api/web/lists']);
    } finally {
      server.close();
    }
  });

  it('repeats a write after a dropped connection when the caller declares it idempotent', async () => {
    const { server, url, seen } = await scripted(['reset', 'ok']);
    try {
      const web = sp(url).web.using(Resilience({ retries: 4, intervalMs: 1, idempotentWrites: true }));
      await expect(spPost(SPQueryable(web, 'lists'), { body: '{}' })).resolves.toBeDefined();
      expect(seen).toEqual(['POST /sites/x/_api/web/lists', 'POST /sites/x/_api/web/lists']);
    } finally {
      server.close();
    }
  });

  it("leaves the host's own PnPjs instance untouched (createServices layers it on a copy)", async () => {
    const { server, url, seen } = await scripted(['ok', 'ok']);
    try {
      let hostSends = 0;
      const host = spfi(url).using(DefaultHeaders(), DefaultInit(), DefaultParse(), (instance) => {
        instance.on.send((u: URL, init: RequestInit) => {
          hostSends++;
          return fetch(u.toString(), init);
        });
        return instance;
      });
      const layered = spfi(host).using(Resilience({ retries: 1, intervalMs: 1 }));
      await layered.web();
      expect(hostSends).toBe(0);
      await host.web();
      expect(hostSends).toBe(1);
      expect(seen).toHaveLength(2);
    } finally {
      server.close();
    }
  });
});
