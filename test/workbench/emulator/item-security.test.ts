import type { RunningEmulator } from '../../../workbench/emulator/server';
import { spAs, start } from './helpers';
import { KIND, ROLE, denied, mask, restrictList, userId } from './access';

const SITE = '/sites/samenwerkingsruimte';

async function titles(emu: RunningEmulator, user: string, list: string): Promise<string[]> {
  return (await spAs(emu.siteUrl, user).web.lists.getByTitle(list).items.select('Title')()).map(
    (i: { Title: string }) => i.Title,
  );
}

/**
 * ReadSecurity / WriteSecurity ("item-level permissions") as documented: holders of Override List Behaviors
 * (CancelCheckout) are not restricted; Manage Lists only with a switch; libraries only with switches.
 */
describe('emulator: item-level list settings', () => {
  let emu: RunningEmulator;
  let sanne: number;
  let bram: number;
  let pieter: number;
  let override: number;
  beforeAll(async () => {
    emu = await start();
    const admin = spAs(emu.siteUrl, 'beheerder');
    [sanne, bram, pieter] = await Promise.all([
      userId(emu, 'sanne.devries@igj.example'),
      userId(emu, 'bram.jansen@cibg.example'),
      userId(emu, 'pieter.bakker@igj.example'),
    ]);
    // Contribute plus Override List Behaviors (CancelCheckout).
    const c = await admin.web.roleDefinitions.getById(ROLE.Contribute)();
    const low = (Number(c.BasePermissions.Low) | mask(KIND.CancelCheckout).Low) >>> 0;
    override = (await admin.web.roleDefinitions.add('Bijdragen en overschrijven', '', 70, { High: Number(c.BasePermissions.High), Low: low })).data.Id;
    await admin.web.lists.add('Meldingen', '', 100, false, { ReadSecurity: 2, WriteSecurity: 2 });
    await restrictList(admin, 'Meldingen', [
      [sanne, ROLE.Contribute],
      [bram, ROLE.Edit],
      [pieter, override],
    ]);
    await spAs(emu.siteUrl, 'igj-medewerker').web.lists.getByTitle('Meldingen').items.add({ Title: 'van Sanne' });
    await admin.web.lists.getByTitle('Meldingen').items.add({ Title: 'van beheer' });
  });
  afterAll(() => emu.close());

  it('ReadSecurity 2: Contribute and Edit (Manage Lists) see their own items; Override List Behaviors sees all', async () => {
    expect(await titles(emu, 'igj-medewerker', 'Meldingen')).toEqual(['van Sanne']);
    expect(await titles(emu, 'cibg-medewerker', 'Meldingen')).toEqual([]);
    expect(await titles(emu, 'igj-accounthouder', 'Meldingen')).toEqual(['van Sanne', 'van beheer']);
  });

  it('WriteSecurity 2: editing an item someone else created needs CancelCheckout, named in the refusal', async () => {
    const sanneList = spAs(emu.siteUrl, 'igj-medewerker').web.lists.getByTitle('Meldingen');
    const r = await denied(sanneList.items.getById(2).update({ Title: 'x' }));
    // Sanne cannot even see item 2 (ReadSecurity), so it does not exist for her.
    expect(r.status).toBe(404);
    await sanneList.items.getById(1).update({ Title: 'van Sanne (bewerkt)' });
    // Readable for all, writable only by the author: the refusal names Override List Behaviors.
    const admin = spAs(emu.siteUrl, 'beheerder');
    await admin.web.lists.add('Afspraken', '', 100, false, { WriteSecurity: 2 });
    await restrictList(admin, 'Afspraken', [
      [sanne, ROLE.Contribute],
      [pieter, override],
    ]);
    const own = await admin.web.lists.getByTitle('Afspraken').items.add({ Title: 'van beheer' });
    const refused = await denied(spAs(emu.siteUrl, 'igj-medewerker').web.lists.getByTitle('Afspraken').items.getById(own.Id).update({ Title: 'x' }));
    expect(refused.status).toBe(403);
    expect(refused.message).toContain(`[emulator: CancelCheckout at list 'Afspraken'; WriteSecurity 2: item ${own.Id} was created by someone else]`);
    await spAs(emu.siteUrl, 'igj-accounthouder').web.lists.getByTitle('Afspraken').items.getById(own.Id).update({ Title: 'y' });
    const pieterList = spAs(emu.siteUrl, 'igj-accounthouder').web.lists.getByTitle('Meldingen');
    await pieterList.items.getById(1).update({ Title: 'door Pieter nagekeken' });
    await pieterList.items.getById(2).update({ Title: 'van beheer (nagekeken)' });
  });

  it('ManageLists bypasses only with switch itemSecurityManageListsBypass', async () => {
    const other = await start({ sharePointSwitches: { itemSecurityManageListsBypass: true } });
    try {
      const admin = spAs(other.siteUrl, 'beheerder');
      await admin.web.lists.add('Meldingen', '', 100, false, { ReadSecurity: 2, WriteSecurity: 2 });
      await restrictList(admin, 'Meldingen', [[await userId(other, 'bram.jansen@cibg.example'), ROLE.Edit]]);
      await admin.web.lists.getByTitle('Meldingen').items.add({ Title: 'van beheer' });
      expect(await titles(other, 'cibg-medewerker', 'Meldingen')).toEqual(['van beheer']);
      await spAs(other.siteUrl, 'cibg-medewerker').web.lists.getByTitle('Meldingen').items.getById(1).update({ Title: 'ok' });
    } finally {
      await other.close();
    }
  });

  it('WriteSecurity 4: nobody but Override List Behaviors creates, edits or deletes', async () => {
    const admin = spAs(emu.siteUrl, 'beheerder');
    await admin.web.lists.add('Register', '', 100, false, { WriteSecurity: 4 });
    await restrictList(admin, 'Register', [
      [sanne, ROLE.Contribute],
      [pieter, override],
    ]);
    const add = await denied(spAs(emu.siteUrl, 'igj-medewerker').web.lists.getByTitle('Register').items.add({ Title: 'x' }));
    expect(add.status).toBe(403);
    expect(add.message).toContain("[emulator: CancelCheckout at list 'Register'");
    const item = await spAs(emu.siteUrl, 'igj-accounthouder').web.lists.getByTitle('Register').items.add({ Title: 'regel' });
    const sanneItem = spAs(emu.siteUrl, 'igj-medewerker').web.lists.getByTitle('Register').items.getById(item.Id);
    expect((await sanneItem()).Title).toBe('regel');
    expect((await denied(sanneItem.update({ Title: 'y' }))).status).toBe(403);
    expect((await denied(sanneItem.delete())).status).toBe(403);
    await spAs(emu.siteUrl, 'igj-accounthouder').web.lists.getByTitle('Register').items.getById(item.Id).update({ Title: 'z' });
  });

  it('is not enforced in a document library unless switched on (libraryReadSecurity / libraryWriteSecurity)', async () => {
    const admin = spAs(emu.siteUrl, 'beheerder');
    await admin.web.lists.add('Stukken', '', 101, false, { ReadSecurity: 2, WriteSecurity: 2 });
    await restrictList(admin, 'Stukken', [[sanne, ROLE.Contribute]]);
    await admin.web.getFolderByServerRelativePath(`${SITE}/Stukken`).files.addUsingPath('a.txt', 'a');
    const sanneLib = spAs(emu.siteUrl, 'igj-medewerker');
    expect((await sanneLib.web.lists.getByTitle('Stukken').items.select('FileLeafRef')()).length).toBe(1);
    await sanneLib.web.getFileByServerRelativePath(`${SITE}/Stukken/a.txt`).setContent('b');

    const strict = await start({ sharePointSwitches: { libraryReadSecurity: true, libraryWriteSecurity: true } });
    try {
      const a = spAs(strict.siteUrl, 'beheerder');
      await a.web.lists.add('Stukken', '', 101, false, { ReadSecurity: 2, WriteSecurity: 2 });
      await restrictList(a, 'Stukken', [[await userId(strict, 'sanne.devries@igj.example'), ROLE.Contribute]]);
      await a.web.getFolderByServerRelativePath(`${SITE}/Stukken`).files.addUsingPath('a.txt', 'a');
      const s = spAs(strict.siteUrl, 'igj-medewerker');
      expect(await s.web.lists.getByTitle('Stukken').items()).toHaveLength(0);
      await s.web.getFolderByServerRelativePath(`${SITE}/Stukken`).files.addUsingPath('eigen.txt', 'e');
      expect(await s.web.lists.getByTitle('Stukken').items()).toHaveLength(1);
    } finally {
      await strict.close();
    }
  });
});
