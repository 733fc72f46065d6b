import type { RunningEmulator } from '../../../workbench/emulator/server';
import { raw, spAs, start } from './helpers';

/** `$batch` exactly as PnPjs v4 sends it: mixed reads and writes, one failing part rejecting only its own request. */
describe('emulator: $batch', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await start();
    const sp = spAs(emu.siteUrl, 'beheerder');
    await sp.web.lists.add('Logboek', '', 100);
    await sp.web.lists.getByTitle('Logboek').fields.addNumber('Aantal');
  });
  afterAll(() => emu.close());

  it('runs reads and writes in order and fails only the bad part', async () => {
    const sp = spAs(emu.siteUrl, 'beheerder');
    const existing = await sp.web.lists.getByTitle('Logboek').items.add({ Title: 'bestaand', Aantal: 1 });
    const [batched, execute] = sp.batched();
    const list = batched.web.lists.getByTitle('Logboek');
    const p1 = list.items.add({ Title: 'een', Aantal: 1 });
    const p2 = list.items.add({ Title: 'fout', Aantal: 'geen getal' });
    const p3 = batched.web.lists.getByTitle('Logboek').items.select('Title').orderBy('Id')();
    const p4 = list.items.getById(existing.Id).update({ Aantal: 5 });
    const p5 = batched.web.lists.getByTitle('Bestaat niet')();
    const p6 = list.items.add({ Title: 'twee', Aantal: 2 });
    await execute();
    const [r1, r2, r3, r4, r5, r6] = await Promise.allSettled([p1, p2, p3, p4, p5, p6]);
    expect(r1).toMatchObject({ status: 'fulfilled', value: { Title: 'een' } });
    expect(r2.status).toBe('rejected');
    expect((r2 as PromiseRejectedResult).reason).toMatchObject({ status: 400 });
    expect((r2 as PromiseRejectedResult).reason.message).toContain("field 'Aantal'");
    expect(r3.status).toBe('fulfilled');
    expect((r3 as PromiseFulfilledResult<{ Title: string }[]>).value.map((i) => i.Title)).toEqual(['bestaand', 'een']);
    expect(r4).toMatchObject({ status: 'fulfilled', value: { etag: '"2"' } });
    expect((r5 as PromiseRejectedResult).reason).toMatchObject({ status: 404 });
    expect(r6).toMatchObject({ status: 'fulfilled', value: { Title: 'twee' } });
    const all = await sp.web.lists.getByTitle('Logboek').items.select('Title', 'Aantal').orderBy('Id')();
    expect(all).toEqual([
      expect.objectContaining({ Title: 'bestaand', Aantal: 5 }),
      expect.objectContaining({ Title: 'een', Aantal: 1 }),
      expect.objectContaining({ Title: 'twee', Aantal: 2 }),
    ]);
  });

  it('answers in the flat multipart shape PnPjs parses (LF lines, one newline after the closing boundary)', async () => {
    const body = [
      '--batch_x',
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      `GET ${emu.siteUrl}/_api/web/lists/getbytitle('Logboek')?$select=Title HTTP/1.1`,
      'accept: application/json',
      '',
      '--batch_x',
      'Content-Type: multipart/mixed; boundary="changeset_y"',
      '',
      '--changeset_y',
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      `POST ${emu.siteUrl}/_api/web/lists/getbytitle('Logboek')/items HTTP/1.1`,
      'accept: application/json',
      'content-type: application/json;charset=utf-8',
      '',
      '{"Title":"via batch"}',
      '',
      '--changeset_y--',
      '',
      '--batch_x--',
      '',
    ].join('\n');
    const r = await raw(emu, 'beheerder', 'POST', '/sites/samenwerkingsruimte/_api/$batch', {
      body,
      headers: { 'Content-Type': 'multipart/mixed; boundary=batch_x' },
    });
    expect(r.status).toBe(200);
    const boundary = /boundary=(batchresponse_[\w-]+)/.exec(r.headers.get('content-type') ?? '')![1];
    expect(r.text.endsWith(`--${boundary}--\n`)).toBe(true);
    expect(r.text).not.toContain('\r');
    expect(r.text.split(`--${boundary}\n`)).toHaveLength(3);
    expect(r.text).toContain('HTTP/1.1 200 OK\n');
    expect(r.text).toContain('HTTP/1.1 201 Created\n');
  });
});
