/**
 * @jest-environment ./node_modules/jest/node_modules/jest-environment-node
 */
import { spAs, start, raw } from './helpers';
import type { RunningEmulator } from '../../../workbench/emulator/server';

describe('emulator smoke', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await start();
  });
  afterAll(() => emu.close());

  it('answers web, lists, fields and items through real PnPjs', async () => {
    const sp = spAs(emu.siteUrl, 'beheerder');
    const web = await sp.web();
    expect(web.Title).toBe('Samenwerkingsruimte');
    await sp.web.lists.add('Taken', 'desc', 100);
    const list = sp.web.lists.getByTitle('Taken');
    await list.fields.addText('Omschrijving', { MaxLength: 200 });
    await list.fields.addChoice('Status', { Choices: ['Open', 'Klaar'] });
    const added = await list.items.add({ Title: 'a', Omschrijving: 'x', Status: 'Open' });
    expect(added.Id).toBe(1);
    const items = await list.items.select('Title', 'Status', 'Author/Title').expand('Author').filter("Status eq 'Open'")();
    expect(items).toHaveLength(1);
    expect(items[0].Author.Title).toBe('Sitebeheerder');
    const r = await raw(emu, 'beheerder', 'GET', '/sites/samenwerkingsruimte/_api/web/nope');
    expect(r.status).toBe(501);
  });
});
