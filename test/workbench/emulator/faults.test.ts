import { FaultController, type RunningEmulator } from '../../../workbench/emulator/server';
import { raw, spAs, start } from './helpers';

/** Fault injection: deterministic 429/503/resets with Retry-After, and PnPjs's retry getting through. */
describe('emulator: fault injection', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await start();
  });
  afterEach(() => emu.faults.clear());
  afterAll(() => emu.close());

  it('is deterministic by seed', () => {
    const a = new FaultController();
    const b = new FaultController();
    a.set({ rate429: 0.3, rate503: 0.2, seed: 42 });
    b.set({ rate429: 0.3, rate503: 0.2, seed: 42 });
    const seq = (c: FaultController): string[] => Array.from({ length: 50 }, () => c.decide('/sites/x/_api/web').kind);
    const sa = seq(a);
    expect(sa).toEqual(seq(b));
    expect(sa).toContain('429');
    expect(sa).toContain('503');
    expect(sa).toContain('none');
    expect(() => a.set({ rate429: 2 })).toThrow('faults.rate429 must be a number from 0 to 1');
    expect(() => a.set({ pathPattern: '(' })).toThrow('faults.pathPattern is not a valid regular expression');
  });

  it('answers 429 and 503 with Retry-After in SharePoint shape', async () => {
    emu.faults.set({ rate429: 1, retryAfterSeconds: 7 });
    const r = await raw(emu, 'beheerder', 'GET', '/sites/samenwerkingsruimte/_api/web');
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('7');
    expect(r.json()['odata.error'].message.value).toContain('throttled');
    emu.faults.set({ rate503: 1, pathPattern: '/_api/web$' });
    expect((await raw(emu, 'beheerder', 'GET', '/sites/samenwerkingsruimte/_api/web')).status).toBe(503);
    expect((await raw(emu, 'beheerder', 'GET', '/sites/samenwerkingsruimte/_api/web/currentuser')).status).toBe(200);
    expect((await raw(emu, null, 'GET', '/_emulator/health')).status).toBe(200);
  });

  it('lets PnPjs retry through throttling (429 with Retry-After, then success)', async () => {
    const sp = spAs(emu.siteUrl, 'beheerder');
    // Seed 8: the first request is throttled and the retry gets through.
    emu.faults.set({ rate429: 0.5, retryAfterSeconds: 0, seed: 8, pathPattern: '/_api/web$' });
    const first = emu.faults.current();
    expect(first).toMatchObject({ rate429: 0.5 });
    const web = await sp.web();
    expect(web.Title).toBe('Samenwerkingsruimte');
    expect(emu.faults.injected()['429']).toBeGreaterThanOrEqual(1);
    expect(emu.faults.injected().requests).toBe(emu.faults.injected()['429'] + 1);
  });

  it('resets connections and PnPjs retries them too; latency is added', async () => {
    const sp = spAs(emu.siteUrl, 'beheerder');
    emu.faults.set({ rateReset: 0.5, seed: 8, pathPattern: '/_api/web$' });
    expect((await sp.web()).Title).toBe('Samenwerkingsruimte');
    expect(emu.faults.injected().reset).toBeGreaterThanOrEqual(1);
    emu.faults.set({ latencyMs: 150 });
    const t0 = Date.now();
    await sp.web();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it('loses the answer of a committed write: the item is there, the caller got no answer; reads are reset instead', async () => {
    const sp = spAs(emu.siteUrl, 'beheerder');
    await sp.web.lists.add('AntwoordKwijt', '', 100);
    emu.faults.set({ rateLostAnswer: 1, pathPattern: "getbytitle\\('AntwoordKwijt'\\)/items$" });
    const r = await raw(emu, 'beheerder', 'POST', `${new URL(emu.siteUrl).pathname}/_api/web/lists/getbytitle('AntwoordKwijt')/items`, {
      body: JSON.stringify({ Title: 'landde wel' }),
      headers: { 'content-type': 'application/json' },
    }).then(
      () => 'answered',
      (e: Error) => e.message,
    );
    expect(r).not.toBe('answered');
    const got = await raw(emu, 'beheerder', 'GET', `${new URL(emu.siteUrl).pathname}/_api/web/lists/getbytitle('AntwoordKwijt')/items`).then(
      () => 'answered',
      () => 'reset',
    );
    expect(got).toBe('reset');
    expect(emu.faults.injected()).toMatchObject({ lostAnswer: 1, reset: 1 });
    emu.faults.clear();
    const items = await sp.web.lists.getByTitle('AntwoordKwijt').items();
    expect(items.map((i: { Title: string }) => i.Title)).toEqual(['landde wel']);
    expect(() => emu.faults.set({ rateLostAnswer: 0.6, rate429: 0.5 })).toThrow(/at most 1/);
  });

  it('is controlled over HTTP for browser tests', async () => {
    const set = await fetch(`${emu.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ rate503: 1, retryAfterSeconds: 2 }),
    });
    expect(set.status).toBe(200);
    const r = await raw(emu, 'beheerder', 'GET', '/sites/samenwerkingsruimte/_api/web');
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('2');
    const bad = await fetch(`${emu.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ rate503: 'veel' }),
    });
    expect(bad.status).toBe(400);
    await fetch(`${emu.url}/_emulator/faults`, { method: 'POST', body: '{}' });
    expect((await raw(emu, 'beheerder', 'GET', '/sites/samenwerkingsruimte/_api/web')).status).toBe(200);
  });
});
