import type { RunningEmulator } from '../../../workbench/emulator/server';
import { spAs, start } from './helpers';
import { BASE, KIND, ROLE, denied, mask, refusal, restrictList, userId } from './access';

const SITE = '/sites/samenwerkingsruimte';
const LIB = `${SITE}/Dossier`;
type ItemVersion = { VersionLabel: string; VersionId: number; IsCurrentVersion: boolean; Title: string; Status: string | null; Editor: { LookupId: number; LookupValue: string } };
type FileVersion = { VersionLabel: string; ID: number; IsCurrentVersion: boolean; Size: number; Url: string; CheckInComment: string };

/** Version history: item and file versions with their values, reading, deleting, recycling and restoring versions. */
describe('emulator: version history', () => {
  let emu: RunningEmulator;
  let sanne: number;
  let bram: number;
  let pieter: number;
  beforeAll(async () => {
    emu = await start();
    const admin = spAs(emu.siteUrl, 'beheerder');
    [sanne, bram, pieter] = await Promise.all([
      userId(emu, 'sanne.devries@igj.example'),
      userId(emu, 'bram.jansen@cibg.example'),
      userId(emu, 'pieter.bakker@igj.example'),
    ]);
    // Pieter: View and Open, but no View Versions.
    const noHistory = await admin.web.roleDefinitions.add('Zonder geschiedenis', '', 400, mask(...BASE, KIND.ViewListItems, KIND.OpenItems));
    await admin.web.lists.add('Taken', '', 100);
    await admin.web.lists.getByTitle('Taken').fields.addText('Status');
    await restrictList(admin, 'Taken', [
      [sanne, ROLE.Contribute],
      [bram, ROLE.Read],
      [pieter, noHistory.data.Id],
    ]);
    const list = spAs(emu.siteUrl, 'igj-medewerker').web.lists.getByTitle('Taken');
    await list.items.add({ Title: 'Toets', Status: 'nieuw' });
    await list.items.getById(1).update({ Status: 'bezig' });
    await list.items.getById(1).update({ Title: 'Toets 2026', Status: 'klaar' });
    await admin.web.lists.add('Dossier', '', 101);
    await restrictList(admin, 'Dossier', [
      [sanne, ROLE.Contribute],
      [bram, ROLE.Read],
    ]);
    const folder = spAs(emu.siteUrl, 'igj-medewerker').web.getFolderByServerRelativePath(LIB);
    await folder.files.addUsingPath('rapport.txt', 'een');
    await folder.files.addUsingPath('rapport.txt', 'twee', { Overwrite: true });
    await folder.files.addUsingPath('rapport.txt', 'drie', { Overwrite: true });
  });
  afterAll(() => emu.close());

  it('lists the versions of a list item with the field values of each version, newest first', async () => {
    const versions = (await spAs(emu.siteUrl, 'cibg-medewerker').web.lists.getByTitle('Taken').items.getById(1).versions()) as ItemVersion[];
    expect(versions.map((v) => [v.VersionLabel, v.Title, v.Status, v.IsCurrentVersion])).toEqual([
      ['3.0', 'Toets 2026', 'klaar', true],
      ['2.0', 'Toets', 'bezig', false],
      ['1.0', 'Toets', 'nieuw', false],
    ]);
    expect(versions[2]).toMatchObject({ VersionId: 512, Editor: { LookupId: sanne, LookupValue: 'Sanne de Vries' } });
    const one = await spAs(emu.siteUrl, 'cibg-medewerker').web.lists.getByTitle('Taken').items.getById(1).versions.getById(1024)();
    expect(one).toMatchObject({ VersionLabel: '2.0', Status: 'bezig' });
  });

  it('needs ViewVersions to read the history', async () => {
    const r = await refusal(emu, 'igj-accounthouder', 'GET', `${SITE}/_api/web/lists/getbytitle('Taken')/items(1)/versions`);
    expect(r).toMatchObject({ status: 403, permission: 'ViewVersions' });
    expect((await spAs(emu.siteUrl, 'igj-accounthouder').web.lists.getByTitle('Taken').items.getById(1)()).Title).toBe('Toets 2026');
  });

  it('lists the earlier versions of a file (not the current one) and serves their bytes', async () => {
    const file = spAs(emu.siteUrl, 'cibg-medewerker').web.getFileByServerRelativePath(`${LIB}/rapport.txt`);
    const versions = (await file.versions()) as FileVersion[];
    expect(versions.map((v) => [v.VersionLabel, v.ID, v.Size, v.IsCurrentVersion])).toEqual([
      ['1.0', 512, 3, false],
      ['2.0', 1024, 4, false],
    ]);
    expect(versions[0].Url).toBe('_vti_history/512/Dossier/rapport.txt');
    expect(await file.versions.getById(512).getText()).toBe('een');
    expect(await file.versions.getById(1024).getText()).toBe('twee');
    expect(await file.getText()).toBe('drie');
  });

  it('deletes versions only with DeleteVersions', async () => {
    const bramFile = spAs(emu.siteUrl, 'cibg-medewerker').web.getFileByServerRelativePath(`${LIB}/rapport.txt`);
    const no = await denied(bramFile.versions.deleteById(512));
    expect(no.status).toBe(403);
    expect(no.message).toContain('[emulator: DeleteVersions at list ');
    const sanneFile = spAs(emu.siteUrl, 'igj-medewerker').web.getFileByServerRelativePath(`${LIB}/rapport.txt`);
    await sanneFile.versions.deleteByLabel('1.0');
    expect(((await sanneFile.versions()) as FileVersion[]).map((v) => v.VersionLabel)).toEqual(['2.0']);
    // The current version cannot be deleted.
    expect((await denied(sanneFile.versions.deleteByLabel('3.0'))).status).toBe(400);
  });

  it('restores a version as a new one (EditListItems), and recycles a version to the recycle bin', async () => {
    const bramFile = spAs(emu.siteUrl, 'cibg-medewerker').web.getFileByServerRelativePath(`${LIB}/rapport.txt`);
    const no = await denied(bramFile.versions.restoreByLabel('2.0'));
    expect(no.status).toBe(403);
    expect(no.message).toContain('[emulator: EditListItems at list ');
    const sanne2 = spAs(emu.siteUrl, 'igj-medewerker');
    const file = sanne2.web.getFileByServerRelativePath(`${LIB}/rapport.txt`);
    await file.versions.restoreByLabel('2.0');
    expect(await file.getText()).toBe('twee');
    expect((await file.select('UIVersionLabel')()).UIVersionLabel).toBe('4.0');
    expect(((await file.versions()) as FileVersion[]).map((v) => v.VersionLabel)).toEqual(['2.0', '3.0']);
    await file.versions.recycleByLabel('3.0');
    expect(((await file.versions()) as FileVersion[]).map((v) => v.VersionLabel)).toEqual(['2.0']);
    const bin = await sanne2.web.recycleBin();
    expect(bin).toEqual([expect.objectContaining({ ItemType: 2, LeafName: 'rapport.txt' })]);
    await sanne2.web.recycleBin.getById(bin[0].Id).restore();
    expect(((await file.versions()) as FileVersion[]).map((v) => v.VersionLabel)).toEqual(['2.0', '3.0']);
    await file.versions.deleteAll();
    expect(await file.versions()).toEqual([]);
  });

  it('keeps drafts out of the history of readers who may not see drafts', async () => {
    const admin = spAs(emu.siteUrl, 'beheerder');
    await admin.web.lists.getByTitle('Dossier').update({ EnableMinorVersions: true, DraftVersionVisibility: 1 });
    const folder = spAs(emu.siteUrl, 'igj-medewerker').web.getFolderByServerRelativePath(LIB);
    await folder.files.addUsingPath('concept.txt', 'a');
    const sanneFile = spAs(emu.siteUrl, 'igj-medewerker').web.getFileByServerRelativePath(`${LIB}/concept.txt`);
    await sanneFile.publish('eerste');
    await sanneFile.setContent('b');
    await sanneFile.setContent('c');
    expect(((await sanneFile.versions()) as FileVersion[]).map((v) => v.VersionLabel)).toEqual(['0.1', '1.0', '1.1']);
    const bramFile = spAs(emu.siteUrl, 'cibg-medewerker').web.getFileByServerRelativePath(`${LIB}/concept.txt`);
    expect(((await bramFile.versions()) as FileVersion[]).map((v) => v.VersionLabel)).toEqual(['1.0']);
    expect(((await bramFile.versions()) as FileVersion[])[0].CheckInComment).toBe('eerste');
    expect(await bramFile.getText()).toBe('a');
  });
});
