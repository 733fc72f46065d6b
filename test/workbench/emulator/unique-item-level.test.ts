import type { RunningEmulator } from '../../../workbench/emulator/server';
import { raw, spAs, start } from './helpers';

const SITE = '/sites/samenwerkingsruimte';

/**
 * SharePoint refuses a column enforcing unique values in a list whose item-level read setting is "Read items that were
 * created by the user" (ReadSecurity 2), and that setting on a list with such a column (docs/emulator.md, "Unique
 * values and item-level read permissions"). A duplicate error would otherwise tell a reader that an item they cannot
 * see holds a value.
 */
describe('emulator: unique values and ReadSecurity 2 exclude each other', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await start();
  });
  afterAll(() => emu.close());

  async function message(p: Promise<unknown>): Promise<{ status: number; message: string }> {
    return p.then(
      () => ({ status: 200, message: '' }),
      (e: { status: number; message: string }) => ({ status: e.status, message: e.message }),
    );
  }

  it('a unique column cannot be added to, or switched on in, a list that shows people only their own items', async () => {
    const sp = spAs(emu.siteUrl, 'beheerder');
    await sp.web.lists.add('Eigen', '', 100, false, { ReadSecurity: 2 });
    const fields = sp.web.lists.getByTitle('Eigen').fields;
    const add = await message(fields.addText('Code', { EnforceUniqueValues: true, Indexed: true } as never));
    expect(add.status).toBe(400);
    expect(add.message).toContain("The column 'Code' cannot enforce unique values (EnforceUniqueValues)");
    expect(add.message).toContain('ReadSecurity 2');
    // Nothing was stored.
    expect((await fields.filter("InternalName eq 'Code'")()).length).toBe(0);

    await fields.addText('Kenmerk', { Indexed: true } as never);
    const merge = await raw(emu, 'beheerder', 'POST', `${SITE}/_api/web/lists/getbytitle('Eigen')/fields/getbyinternalnameortitle('Kenmerk')`, {
      body: JSON.stringify({ EnforceUniqueValues: true }),
      headers: { 'Content-Type': 'application/json', 'X-HTTP-Method': 'MERGE' },
    });
    expect(merge.status).toBe(400);
    expect(merge.json()['odata.error'].code).toBe('-2146232832, Microsoft.SharePoint.SPException');

    const xml = await raw(emu, 'beheerder', 'POST', `${SITE}/_api/web/lists/getbytitle('Eigen')/fields/createfieldasxml`, {
      body: JSON.stringify({
        parameters: { SchemaXml: '<Field Type="Text" DisplayName="Nummer" Name="Nummer" Indexed="TRUE" EnforceUniqueValues="TRUE" />' },
      }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(xml.status).toBe(400);
  });

  it('ReadSecurity 2 cannot be set on a list with a unique column; WriteSecurity 2 can', async () => {
    const sp = spAs(emu.siteUrl, 'beheerder');
    await sp.web.lists.add('Herinneringen', '', 100);
    const list = sp.web.lists.getByTitle('Herinneringen');
    await list.fields.addText('Sleutel', { EnforceUniqueValues: true, Indexed: true } as never);
    const read = await message(list.update({ ReadSecurity: 2 }));
    expect(read.status).toBe(400);
    expect(read.message).toContain("List 'Herinneringen' cannot let people read only the items they created (ReadSecurity 2");
    expect(read.message).toContain("'Sleutel'");
    expect((await list.select('ReadSecurity')()).ReadSecurity).toBe(1);
    // The product's Herinneringen: a unique column with WriteSecurity 2 (every item stays readable).
    await list.update({ WriteSecurity: 2 });
    expect((await list.select('WriteSecurity')()).WriteSecurity).toBe(2);
    // Without the unique column the setting is accepted.
    await list.fields.getByInternalNameOrTitle('Sleutel').update({ EnforceUniqueValues: false });
    await list.update({ ReadSecurity: 2 });
    expect((await list.select('ReadSecurity')()).ReadSecurity).toBe(2);
  });

  it('libraries, where ReadSecurity is not enforced by default, follow switch libraryReadSecurity', async () => {
    const sp = spAs(emu.siteUrl, 'beheerder');
    await sp.web.lists.add('Stukken', '', 101, false, { ReadSecurity: 2 });
    await sp.web.lists.getByTitle('Stukken').fields.addText('Zaak', { EnforceUniqueValues: true, Indexed: true } as never);
    const other = await start({ sharePointSwitches: { libraryReadSecurity: true } });
    try {
      const o = spAs(other.siteUrl, 'beheerder');
      await o.web.lists.add('Stukken', '', 101, false, { ReadSecurity: 2 });
      const r = await message(
        o.web.lists.getByTitle('Stukken').fields.addText('Zaak', { EnforceUniqueValues: true, Indexed: true } as never),
      );
      expect(r.status).toBe(400);
    } finally {
      await other.close();
    }
  });
});
