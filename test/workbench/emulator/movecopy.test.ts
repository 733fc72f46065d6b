import type { RunningEmulator } from '../../../workbench/emulator/server';
import { raw, spAs, start } from './helpers';
import { BASE, KIND, ROLE, denied, mask, refusal, restrictList, userId } from './access';

const SITE = '/sites/samenwerkingsruimte';
const SRC = `${SITE}/Bron`;
const DST = `${SITE}/Doel`;
const api = (url: string): string => `${SITE}/_api/web/getFileByServerRelativePath(decodedUrl='${url}')`;

async function setup(emu: RunningEmulator): Promise<void> {
  const admin = spAs(emu.siteUrl, 'beheerder');
  const [sanne, bram, pieter, johan, fatima] = await Promise.all([
    userId(emu, 'sanne.devries@igj.example'),
    userId(emu, 'bram.jansen@cibg.example'),
    userId(emu, 'pieter.bakker@igj.example'),
    userId(emu, 'johan.smit@cibg.example'),
    userId(emu, 'fatima.elamrani@igj.example'),
  ]);
  // Bram sees the files in Bron but may not open them; Pieter contributes there without deleting.
  const viewOnly = await admin.web.roleDefinitions.add('Alleen zien', '', 500, mask(...BASE, KIND.ViewListItems));
  const noDelete = await admin.web.roleDefinitions.add(
    'Bijdragen zonder verwijderen',
    '',
    501,
    mask(...BASE, KIND.ViewListItems, KIND.OpenItems, KIND.AddListItems, KIND.EditListItems, KIND.ViewVersions),
  );
  await admin.web.lists.add('Bron', '', 101);
  await admin.web.lists.add('Doel', '', 101);
  await admin.web.lists.getByTitle('Doel').fields.addText('Kenmerk');
  await admin.web.lists.getByTitle('Bron').fields.addText('Kenmerk');
  await restrictList(admin, 'Bron', [
    [sanne, ROLE.Contribute],
    [bram, viewOnly.data.Id],
    [pieter, noDelete.data.Id],
  ]);
  // Fatima may add to Doel but not edit there.
  const addOnly = await admin.web.roleDefinitions.add('Alleen toevoegen', '', 502, mask(...BASE, KIND.ViewListItems, KIND.OpenItems, KIND.AddListItems));
  await restrictList(admin, 'Doel', [
    [sanne, ROLE.Contribute],
    [bram, ROLE.Contribute],
    [pieter, ROLE.Contribute],
    [johan, ROLE.Read],
    [fatima, addOnly.data.Id],
  ]);
  await admin.web.lists.getByTitle('Bron').roleAssignments.add(johan, ROLE.Read);
  await admin.web.lists.getByTitle('Bron').roleAssignments.add(fatima, ROLE.Read);
  const folder = spAs(emu.siteUrl, 'igj-medewerker').web.getFolderByServerRelativePath(SRC);
  await folder.files.addUsingPath('a.txt', 'A1');
  await folder.files.addUsingPath('a.txt', 'A2', { Overwrite: true });
  await spAs(emu.siteUrl, 'igj-medewerker').web.getFileByServerRelativePath(`${SRC}/a.txt`).getItem().then((i) => i.update({ Kenmerk: 'K-1' }));
  await folder.files.addUsingPath('b.txt', 'B');
}

/** Move and copy of files and folders, within and between libraries, with their permission checks. */
describe('emulator: move and copy', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await start();
    await setup(emu);
  });
  afterAll(() => emu.close());

  it('copies with OpenItems at the source and AddListItems at the destination', async () => {
    const bram = await denied(spAs(emu.siteUrl, 'cibg-medewerker').web.getFileByServerRelativePath(`${SRC}/a.txt`).copyByPath(`${DST}/a.txt`, false));
    expect(bram.status).toBe(403);
    expect(bram.message).toContain("[emulator: OpenItems at list 'Bron' item");
    const johan = await denied(spAs(emu.siteUrl, 'cibg-privacy').web.getFileByServerRelativePath(`${SRC}/a.txt`).copyByPath(`${DST}/a.txt`, false));
    expect(johan.status).toBe(403);
    expect(johan.message).toContain("[emulator: AddListItems at list 'Doel'");
    // Between libraries: a new file there with the fields that library has.
    await spAs(emu.siteUrl, 'igj-medewerker').web.getFileByServerRelativePath(`${SRC}/a.txt`).copyByPath(`${DST}/a.txt`, false);
    const copy = spAs(emu.siteUrl, 'igj-medewerker').web.getFileByServerRelativePath(`${DST}/a.txt`);
    expect(await copy.getText()).toBe('A2');
    expect((await copy.listItemAllFields.select('Kenmerk')()).Kenmerk).toBe('K-1');
    expect(await spAs(emu.siteUrl, 'igj-medewerker').web.getFileByServerRelativePath(`${SRC}/a.txt`).getText()).toBe('A2');
  });

  it('overwrites a file by copy only with EditListItems on it', async () => {
    const fatima = await refusal(emu, 'igj-privacy', 'POST', `${api(`${SRC}/b.txt`)}/copyTo(strnewurl='${DST}/a.txt',boverwrite=true)`);
    expect(fatima).toMatchObject({ status: 403, permission: 'EditListItems' });
    const fresh = await raw(emu, 'igj-privacy', 'POST', `${api(`${SRC}/b.txt`)}/copyTo(strnewurl='${DST}/b-fatima.txt',boverwrite=true)`);
    expect(fresh.status).toBe(200);
    const over = await raw(emu, 'igj-medewerker', 'POST', `${api(`${SRC}/b.txt`)}/copyTo(strnewurl='${DST}/a.txt',boverwrite=true)`);
    expect(over.status).toBe(200);
    expect(await spAs(emu.siteUrl, 'igj-medewerker').web.getFileByServerRelativePath(`${DST}/a.txt`).getText()).toBe('B');
    const again = await raw(emu, 'igj-medewerker', 'POST', `${api(`${SRC}/b.txt`)}/copyTo(strnewurl='${DST}/a.txt',boverwrite=false)`);
    expect(again.status).toBe(400);
  });

  it('moves with DeleteListItems at the source; between libraries the file keeps its history', async () => {
    const pieter = await denied(spAs(emu.siteUrl, 'igj-accounthouder').web.getFileByServerRelativePath(`${SRC}/a.txt`).moveByPath(`${DST}/verplaatst.txt`, false));
    expect(pieter.status).toBe(403);
    expect(pieter.message).toContain("[emulator: DeleteListItems at list 'Bron' item");
    await spAs(emu.siteUrl, 'igj-medewerker').web.getFileByServerRelativePath(`${SRC}/a.txt`).moveByPath(`${DST}/verplaatst.txt`, false);
    const moved = spAs(emu.siteUrl, 'igj-medewerker').web.getFileByServerRelativePath(`${DST}/verplaatst.txt`);
    expect(await moved.getText()).toBe('A2');
    expect((await moved.versions()).map((v: { VersionLabel: string }) => v.VersionLabel)).toEqual(['1.0', '2.0']);
    expect(await spAs(emu.siteUrl, 'igj-medewerker').web.getFileByServerRelativePath(`${SRC}/a.txt`).exists()).toBe(false);
  });

  it('lets switch moveSourcePermission drop the source check', async () => {
    const other = await start({ sharePointSwitches: { moveSourcePermission: null } });
    try {
      await setup(other);
      await spAs(other.siteUrl, 'igj-accounthouder').web.getFileByServerRelativePath(`${SRC}/b.txt`).moveByPath(`${SRC}/b2.txt`, false);
      expect(await spAs(other.siteUrl, 'igj-medewerker').web.getFileByServerRelativePath(`${SRC}/b2.txt`).getText()).toBe('B');
    } finally {
      await other.close();
    }
  });

  it('moves (moveTo, MoveToUsingPath) and copies (CopyToUsingPath) a file by its own methods', async () => {
    const m = await raw(emu, 'igj-medewerker', 'POST', `${api(`${SRC}/b.txt`)}/moveTo(newurl='${SRC}/b-oud.txt',flags=1)`);
    expect(m.status).toBe(200);
    const c = await raw(emu, 'igj-medewerker', 'POST', `${api(`${SRC}/b-oud.txt`)}/CopyToUsingPath(DecodedUrl='${SRC}/b-kopie.txt',bOverwrite=false)`);
    expect(c.status).toBe(200);
    const u = await raw(emu, 'igj-medewerker', 'POST', `${api(`${SRC}/b-kopie.txt`)}/MoveToUsingPath(DecodedUrl='${DST}/b-kopie.txt',moveOperations=0)`);
    expect(u.status).toBe(200);
    const names = async (lib: string): Promise<string[]> =>
      (await spAs(emu.siteUrl, 'igj-medewerker').web.getFolderByServerRelativePath(lib).files()).map((f: { Name: string }) => f.Name);
    expect(await names(SRC)).toEqual(['b-oud.txt']);
    expect(await names(DST)).toEqual(['a.txt', 'b-fatima.txt', 'b-kopie.txt', 'verplaatst.txt']);
  });

  it('moves and copies folders with their files, within and between libraries', async () => {
    const sp = spAs(emu.siteUrl, 'igj-medewerker');
    await sp.web.getFolderByServerRelativePath(SRC).folders.addUsingPath('Map');
    await sp.web.getFolderByServerRelativePath(`${SRC}/Map`).files.addUsingPath('m.txt', 'M');
    await sp.web.getFolderByServerRelativePath(`${SRC}/Map`).moveByPath(`${SRC}/Map2`);
    expect(await sp.web.getFileByServerRelativePath(`${SRC}/Map2/m.txt`).getText()).toBe('M');
    expect(await sp.web.getFolderByServerRelativePath(`${SRC}/Map`).select('Exists')().catch(() => null)).toBeNull();
    await sp.web.getFolderByServerRelativePath(`${SRC}/Map2`).copyByPath(`${DST}/Kopie`);
    expect(await sp.web.getFileByServerRelativePath(`${DST}/Kopie/m.txt`).getText()).toBe('M');
    await sp.web.getFolderByServerRelativePath(`${SRC}/Map2`).moveByPath(`${DST}/Map`);
    expect(await sp.web.getFileByServerRelativePath(`${DST}/Map/m.txt`).getText()).toBe('M');
    expect(await sp.web.getFileByServerRelativePath(`${SRC}/Map2/m.txt`).exists()).toBe(false);
    // Pieter may delete in Doel and add in Bron (a folder moves), but not delete in Bron (it stays).
    await spAs(emu.siteUrl, 'igj-accounthouder').web.getFolderByServerRelativePath(`${DST}/Map`).moveByPath(`${SRC}/Terug`);
    const pieter = await denied(spAs(emu.siteUrl, 'igj-accounthouder').web.getFolderByServerRelativePath(`${SRC}/Terug`).moveByPath(`${DST}/Weer`));
    expect(pieter.status).toBe(403);
    expect(pieter.message).toContain("[emulator: DeleteListItems at list 'Bron' item");
  });
});
