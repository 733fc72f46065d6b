import type { RunningEmulator } from '../../../workbench/emulator/server';
import { raw, spAs, start } from './helpers';
import { ROLE, denied, refusal, restrictList, userId } from './access';

const SITE = '/sites/samenwerkingsruimte';
const LIB = `${SITE}/Archief`;
type BinItem = { Id: string; ItemType: number; LeafName: string; Title: string; DeletedByName: string; ItemState: number };

/** recycle() moves to the recycle bin, DELETE removes for good; restore brings back ids, history and permissions. */
describe('emulator: recycle bin', () => {
  let emu: RunningEmulator;
  let sanne: number;
  let bram: number;
  beforeAll(async () => {
    emu = await start();
    const admin = spAs(emu.siteUrl, 'beheerder');
    [sanne, bram] = await Promise.all([userId(emu, 'sanne.devries@igj.example'), userId(emu, 'bram.jansen@cibg.example')]);
    // Lotte is a site owner (Owners group: Full Control).
    await admin.web.siteGroups.getByName('Samenwerkingsruimte Owners').users.add('i:0#.f|membership|lotte.visser@cibg.example');
    await admin.web.lists.add('Taken', '', 100);
    await restrictList(admin, 'Taken', [
      [sanne, ROLE.Contribute],
      [bram, ROLE.Contribute],
    ]);
    await admin.web.lists.add('Archief', '', 101);
    await restrictList(admin, 'Archief', [
      [sanne, ROLE.Contribute],
      [bram, ROLE.Read],
    ]);
  });
  afterAll(() => emu.close());

  it('recycles an item (DeleteListItems) and restores it with its id, versions and unique permissions', async () => {
    const list = spAs(emu.siteUrl, 'igj-medewerker').web.lists.getByTitle('Taken');
    const a = await list.items.add({ Title: 'a' });
    await list.items.getById(a.Id).update({ Title: 'a2' });
    const adminItem = spAs(emu.siteUrl, 'beheerder').web.lists.getByTitle('Taken').items.getById(a.Id);
    await adminItem.breakRoleInheritance(true, false);
    const binId = (await list.items.getById(a.Id).recycle()) as unknown as string;
    expect(binId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(list.items.getById(a.Id)()).rejects.toMatchObject({ status: 404 });
    const bin = (await spAs(emu.siteUrl, 'igj-medewerker').web.recycleBin()) as BinItem[];
    expect(bin).toEqual([expect.objectContaining({ Id: binId, ItemType: 3, Title: 'a2', DeletedByName: 'Sanne de Vries', ItemState: 1 })]);
    // Bram did not delete it: it is not in his recycle bin, and he cannot restore it.
    expect(await spAs(emu.siteUrl, 'cibg-medewerker').web.recycleBin()).toEqual([]);
    expect((await denied(spAs(emu.siteUrl, 'cibg-medewerker').web.recycleBin.getById(binId).restore())).status).toBe(404);
    await spAs(emu.siteUrl, 'igj-medewerker').web.recycleBin.getById(binId).restore();
    const back = await list.items.getById(a.Id).select('Id', 'Title', 'HasUniqueRoleAssignments')();
    expect(back).toMatchObject({ Id: a.Id, Title: 'a2', HasUniqueRoleAssignments: true });
    expect((await list.items.getById(a.Id).versions()).map((v: { VersionLabel: string }) => v.VersionLabel)).toEqual(['2.0', '1.0']);
    expect(await spAs(emu.siteUrl, 'igj-medewerker').web.recycleBin()).toEqual([]);
  });

  it('needs DeleteListItems to recycle, and DELETE removes for good (not to the recycle bin)', async () => {
    const admin = spAs(emu.siteUrl, 'beheerder');
    const b = await admin.web.lists.getByTitle('Taken').items.add({ Title: 'b' });
    // Johan has no access to the site at all.
    const r = await refusal(emu, 'cibg-privacy', 'GET', `${SITE}/_api/web/lists/getbytitle('Taken')/items(${b.Id})`);
    expect(r).toMatchObject({ status: 403, permission: 'Open' });
    await restrictList(admin, 'Taken', []);
    await admin.web.lists.getByTitle('Taken').roleAssignments.add(await userId(emu, 'johan.smit@cibg.example'), ROLE.Read);
    const r2 = await refusal(emu, 'cibg-privacy', 'POST', `${SITE}/_api/web/lists/getbytitle('Taken')/items(${b.Id})/recycle`);
    expect(r2).toMatchObject({ status: 403, permission: 'DeleteListItems' });
    await admin.web.lists.getByTitle('Taken').roleAssignments.add(sanne, ROLE.Contribute);
    await spAs(emu.siteUrl, 'igj-medewerker').web.lists.getByTitle('Taken').items.getById(b.Id).delete();
    expect(await spAs(emu.siteUrl, 'igj-medewerker').web.recycleBin()).toEqual([]);
  });

  it('lets site owners see and restore what others deleted; site collection recycle bin and second stage', async () => {
    const folder = spAs(emu.siteUrl, 'igj-medewerker').web.getFolderByServerRelativePath(LIB);
    await folder.files.addUsingPath('x.txt', 'x');
    await spAs(emu.siteUrl, 'igj-medewerker').web.getFileByServerRelativePath(`${LIB}/x.txt`).recycle();
    const lotte = spAs(emu.siteUrl, 'cibg-accounthouder');
    const seen = (await lotte.web.recycleBin()) as BinItem[];
    expect(seen).toEqual([expect.objectContaining({ ItemType: 1, LeafName: 'x.txt', DeletedByName: 'Sanne de Vries' })]);
    await lotte.web.recycleBin.getById(seen[0].Id).moveToSecondStage();
    // In the second stage: gone from the web's bin, still in the site collection's for owners, not for Sanne.
    expect(await spAs(emu.siteUrl, 'igj-medewerker').web.recycleBin()).toEqual([]);
    expect(await spAs(emu.siteUrl, 'igj-medewerker').site.recycleBin()).toEqual([]);
    const site = (await lotte.site.recycleBin()) as BinItem[];
    expect(site).toEqual([expect.objectContaining({ LeafName: 'x.txt', ItemState: 2 })]);
    await lotte.site.recycleBin.getById(site[0].Id).restore();
    expect(await spAs(emu.siteUrl, 'cibg-medewerker').web.getFileByServerRelativePath(`${LIB}/x.txt`).getText()).toBe('x');
  });

  it('recycles a folder with its files, and restoring a file recreates its deleted folder', async () => {
    const sp = spAs(emu.siteUrl, 'igj-medewerker');
    await sp.web.getFolderByServerRelativePath(LIB).folders.addUsingPath('Map');
    await sp.web.getFolderByServerRelativePath(`${LIB}/Map`).files.addUsingPath('in-map.txt', 'm');
    await sp.web.getFileByServerRelativePath(`${LIB}/Map/in-map.txt`).recycle();
    await sp.web.getFolderByServerRelativePath(`${LIB}/Map`).recycle();
    const bin = (await sp.web.recycleBin()) as BinItem[];
    expect(bin.map((b) => [b.ItemType, b.LeafName])).toEqual([
      [5, 'Map'],
      [1, 'in-map.txt'],
    ]);
    await sp.web.recycleBin.getById(bin[1].Id).restore();
    expect(await sp.web.getFileByServerRelativePath(`${LIB}/Map/in-map.txt`).getText()).toBe('m');
    // The folder entry cannot come back over the recreated folder.
    expect((await denied(sp.web.recycleBin.getById(bin[0].Id).restore())).status).toBe(400);
    await sp.web.recycleBin.getById(bin[0].Id).delete();
    expect(await sp.web.recycleBin()).toEqual([]);
  });

  it('works inside $batch: history reads and recycling in one request, a failing part alone rejected', async () => {
    const sp = spAs(emu.siteUrl, 'igj-medewerker');
    const c = await sp.web.lists.getByTitle('Taken').items.add({ Title: 'c' });
    const [batched, execute] = sp.batched();
    const list = batched.web.lists.getByTitle('Taken');
    const versions = list.items.getById(c.Id).versions();
    const recycled = list.items.getById(c.Id).recycle();
    const missing = list.items.getById(999999).recycle().catch((e: { status: number }) => e.status);
    await execute();
    expect((await versions).map((v: { VersionLabel: string }) => v.VersionLabel)).toEqual(['1.0']);
    expect(await recycled).toMatch(/^[0-9a-f-]{36}$/);
    expect(await missing).toBe(404);
    expect((await sp.web.recycleBin()).map((b: BinItem) => b.Title)).toContain('c');
  });

  it('answers a missing recycle bin item with 404 and unknown operations with 501', async () => {
    const r = await raw(emu, 'beheerder', 'GET', `${SITE}/_api/web/recyclebin('00000000-0000-0000-0000-000000000001')`);
    expect(r.status).toBe(404);
    const n = await raw(emu, 'beheerder', 'POST', `${SITE}/_api/web/recyclebin/onbekend`);
    expect(n.status).toBe(501);
  });
});
