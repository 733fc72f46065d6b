import { PermissionKind } from '@pnp/sp/security';
import type { RunningEmulator } from '../../../workbench/emulator/server';
import { raw, spAs, start } from './helpers';

const CONTRIBUTE = 1073741827;
const READ = 1073741826;

/** Groups, role assignments, broken inheritance, security trimming and 403 on writes, through real PnPjs. */
describe('emulator: permissions', () => {
  let emu: RunningEmulator;
  let groupId: number;
  beforeAll(async () => {
    emu = await start();
    const sp = spAs(emu.siteUrl, 'beheerder');
    const g = await sp.web.siteGroups.add({ Title: 'Uitwisseling IGJ', Description: 'IGJ-medewerkers' });
    groupId = g.Id;
    await sp.web.siteGroups.getByName('Uitwisseling IGJ').users.add('i:0#.f|membership|sanne.devries@igj.example');
    const visitors = sp.web.siteGroups.getByName('Samenwerkingsruimte Visitors');
    await visitors.users.add('i:0#.f|membership|bram.jansen@cibg.example');
    await sp.web.lists.add('Dossiers', '', 100);
    const list = sp.web.lists.getByTitle('Dossiers');
    await list.breakRoleInheritance(false, true);
    await list.roleAssignments.add(groupId, CONTRIBUTE);
    await list.items.add({ Title: 'Openbaar voor IGJ' });
    await list.items.add({ Title: 'Alleen beheer' });
  });
  afterAll(() => emu.close());

  it('knows group members and the standard role definitions', async () => {
    const sp = spAs(emu.siteUrl, 'beheerder');
    const users = await sp.web.siteGroups.getByName('Uitwisseling IGJ').users();
    expect(users.map((u: { Email: string }) => u.Email)).toEqual(['sanne.devries@igj.example']);
    const defs = await sp.web.roleDefinitions();
    expect(defs.map((d: { Id: number; Name: string }) => [d.Id, d.Name])).toEqual(
      expect.arrayContaining([
        [1073741829, 'Full Control'],
        [CONTRIBUTE, 'Contribute'],
        [READ, 'Read'],
      ]),
    );
    expect((await sp.web.associatedOwnerGroup()).Title).toBe('Samenwerkingsruimte Owners');
    expect((await sp.web.associatedMemberGroup()).Title).toBe('Samenwerkingsruimte Members');
    const contribute = await sp.web.roleDefinitions.getByName('Contribute')();
    expect(contribute.Id).toBe(CONTRIBUTE);
    const ensured = await sp.web.ensureUser('lotte.visser@cibg.example');
    expect(ensured.LoginName).toBe('i:0#.f|membership|lotte.visser@cibg.example');
    await expect(sp.web.ensureUser('niemand@nergens.example')).rejects.toMatchObject({ status: 404 });
  });

  it('hides a list with broken inheritance from users without access (404), shows it to the group', async () => {
    await expect(spAs(emu.siteUrl, 'cibg-medewerker').web.lists.getByTitle('Dossiers')()).rejects.toMatchObject({
      status: 404,
    });
    const lists = await spAs(emu.siteUrl, 'cibg-medewerker').web.lists.select('Title')();
    expect(lists.map((l: { Title: string }) => l.Title)).not.toContain('Dossiers');
    const items = await spAs(emu.siteUrl, 'igj-medewerker').web.lists.getByTitle('Dossiers').items();
    expect(items).toHaveLength(2);
    const own = await spAs(emu.siteUrl, 'beheerder')
      .web.lists.getByTitle('Dossiers')
      .select('HasUniqueRoleAssignments')<{ HasUniqueRoleAssignments: boolean }>();
    expect(own.HasUniqueRoleAssignments).toBe(true);
  });

  it('security-trims items with unique permissions out of listings and single reads', async () => {
    const admin = spAs(emu.siteUrl, 'beheerder').web.lists.getByTitle('Dossiers');
    const item = admin.items.getById(2);
    await item.breakRoleInheritance(false, false);
    expect((await item.select('HasUniqueRoleAssignments')()).HasUniqueRoleAssignments).toBe(true);
    const igj = spAs(emu.siteUrl, 'igj-medewerker').web.lists.getByTitle('Dossiers');
    const visible = await igj.items.select('Title')();
    expect(visible.map((i: { Title: string }) => i.Title)).toEqual(['Openbaar voor IGJ']);
    await expect(igj.items.getById(2)()).rejects.toMatchObject({ status: 404 });
    await item.roleAssignments.add(groupId, READ);
    expect((await igj.items.select('Title')()).map((i: { Title: string }) => i.Title)).toEqual([
      'Openbaar voor IGJ',
      'Alleen beheer',
    ]);
    // Read on the item: reading works, writing is SharePoint's 403.
    const denied = await igj.items
      .getById(2)
      .update({ Title: 'x' })
      .catch((e: { status: number; message: string }) => e);
    expect(denied).toMatchObject({ status: 403 });
    expect((denied as { message: string }).message).toContain('System.UnauthorizedAccessException');
    expect((denied as { message: string }).message).toContain('Access denied.');
    await item.resetRoleInheritance();
    expect((await igj.items.select('Title')()).map((i: { Title: string }) => i.Title)).toHaveLength(2);
  });

  it('answers 403 to writes without permission and to people with no access at all', async () => {
    const visitor = spAs(emu.siteUrl, 'cibg-medewerker');
    expect((await visitor.web()).Title).toBe('Samenwerkingsruimte');
    await expect(visitor.web.lists.add('Eigen lijst', '', 100)).rejects.toMatchObject({ status: 403 });
    await expect(
      visitor.web.siteGroups.getByName('Uitwisseling IGJ').users.add('i:0#.f|membership|bram.jansen@cibg.example'),
    ).rejects.toMatchObject({ status: 403 });
    const outsider = await raw(emu, 'buitenstaander', 'GET', '/sites/samenwerkingsruimte/_api/web');
    expect(outsider.status).toBe(403);
    expect(outsider.json()['odata.error'].code).toBe('-2147024891, System.UnauthorizedAccessException');
  });

  it('reports effective permissions per user', async () => {
    const admin = spAs(emu.siteUrl, 'beheerder');
    const list = admin.web.lists.getByTitle('Dossiers');
    const igj = await list.getUserEffectivePermissions('i:0#.f|membership|sanne.devries@igj.example');
    expect(admin.web.hasPermissions(igj, PermissionKind.EditListItems)).toBe(true);
    expect(admin.web.hasPermissions(igj, PermissionKind.ManageLists)).toBe(false);
    const cibg = await list.getUserEffectivePermissions('i:0#.f|membership|bram.jansen@cibg.example');
    expect(admin.web.hasPermissions(cibg, PermissionKind.ViewListItems)).toBe(false);
    const assignments = await list.roleAssignments.expand('Member', 'RoleDefinitionBindings')<
      { Member: { Title: string } }[]
    >();
    expect(assignments.map((a: { Member: { Title: string } }) => a.Member.Title)).toEqual(['Uitwisseling IGJ']);
    await list.roleAssignments.remove(groupId, CONTRIBUTE);
    // That was the user's only access anywhere in the site: SharePoint now refuses the whole web.
    await expect(spAs(emu.siteUrl, 'igj-medewerker').web.lists.getByTitle('Dossiers')()).rejects.toMatchObject({
      status: 403,
    });
  });
});

describe('emulator: current user with groups', () => {
  it('expands Groups on currentuser and honours a nested $select', async () => {
    const emu = await start();
    try {
      const admin = spAs(emu.siteUrl, 'beheerder');
      const g = await admin.web.siteGroups.add({ Title: 'IGJ Medewerkers' });
      await admin.web.roleAssignments.add(g.Id, READ);
      await admin.web.siteGroups.getByName('IGJ Medewerkers').users.add('i:0#.f|membership|sanne.devries@igj.example');
      const me = await spAs(emu.siteUrl, 'igj-medewerker')
        .web.currentUser.select('Id', 'Title', 'IsSiteAdmin', 'Groups/Title')
        .expand('Groups')<{
        Title: string;
        IsSiteAdmin: boolean;
        LoginName?: string;
        Groups: { Title: string; Id?: number }[];
      }>();
      expect(me.Title).toBe('Sanne de Vries');
      expect(me.IsSiteAdmin).toBe(false);
      expect(me.Groups).toEqual([expect.objectContaining({ Title: 'IGJ Medewerkers' })]);
      expect(me.Groups[0].Id).toBeUndefined();
      expect(me.LoginName).toBeUndefined();
    } finally {
      await emu.close();
    }
  });
});

describe('emulator: item-level list settings, unique values and folder inheritance', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await start();
    const admin = spAs(emu.siteUrl, 'beheerder');
    const members = admin.web.siteGroups.getByName('Samenwerkingsruimte Members');
    await members.users.add('i:0#.f|membership|sanne.devries@igj.example');
    await members.users.add('i:0#.f|membership|bram.jansen@cibg.example');
  });
  afterAll(() => emu.close());

  it('ReadSecurity/WriteSecurity 2: people without Override List Behaviors see and edit only their own items', async () => {
    const admin = spAs(emu.siteUrl, 'beheerder');
    await admin.web.lists.add('Meldingen', '', 100, false, { ReadSecurity: 2, WriteSecurity: 2 });
    expect(await admin.web.lists.getByTitle('Meldingen').select('ReadSecurity', 'WriteSecurity')()).toMatchObject({
      ReadSecurity: 2,
      WriteSecurity: 2,
    });
    const sanne = spAs(emu.siteUrl, 'igj-medewerker').web.lists.getByTitle('Meldingen');
    const bram = spAs(emu.siteUrl, 'cibg-medewerker').web.lists.getByTitle('Meldingen');
    // Edit (Members) does not include Override List Behaviors either; restrict these two to Contribute on this list.
    const list = admin.web.lists.getByTitle('Meldingen');
    await list.breakRoleInheritance(false);
    const users = await admin.web.siteUsers();
    const idOf = (mail: string): number => users.find((u: { Email: string }) => u.Email === mail)!.Id;
    await list.roleAssignments.add(idOf('sanne.devries@igj.example'), CONTRIBUTE);
    await list.roleAssignments.add(idOf('bram.jansen@cibg.example'), CONTRIBUTE);
    const own = await sanne.items.add({ Title: 'van Sanne' });
    await bram.items.add({ Title: 'van Bram' });
    expect((await sanne.items.select('Title')()).map((i: { Title: string }) => i.Title)).toEqual(['van Sanne']);
    await expect(bram.items.getById(own.Id)()).rejects.toMatchObject({ status: 404 });
    expect(await admin.web.lists.getByTitle('Meldingen').items()).toHaveLength(2);
  });

  it('EnforceUniqueValues on an indexed column refuses a duplicate, naming the field', async () => {
    const admin = spAs(emu.siteUrl, 'beheerder');
    await admin.web.lists.add('Herinneringen', '', 100);
    const list = admin.web.lists.getByTitle('Herinneringen');
    await list.fields.addText('Sleutel');
    const field = list.fields.getByInternalNameOrTitle('Sleutel');
    await expect(field.update({ EnforceUniqueValues: true })).rejects.toMatchObject({ status: 400 });
    await field.update({ Indexed: true, EnforceUniqueValues: true });
    await list.items.add({ Title: 'a', Sleutel: 'overleg-2026-03' });
    const dup = await list.items
      .add({ Title: 'b', Sleutel: 'OVERLEG-2026-03' })
      .catch((e: { status: number; message: string }) => e);
    expect(dup).toMatchObject({ status: 400 });
    expect((dup as { message: string }).message).toContain('SPDuplicateValuesFoundException');
    expect((dup as { message: string }).message).toContain('[Sleutel]');
    expect(await list.items()).toHaveLength(1);
  });

  it('items in a folder with unique permissions inherit from that folder', async () => {
    const admin = spAs(emu.siteUrl, 'beheerder');
    await admin.web.lists.add('Bibliotheek', '', 101);
    const root = admin.web.getFolderByServerRelativePath('/sites/samenwerkingsruimte/Bibliotheek');
    await root.folders.addUsingPath('Alleen beheer');
    await root.files.addUsingPath('open.txt', 'open');
    await admin.web
      .getFolderByServerRelativePath('/sites/samenwerkingsruimte/Bibliotheek/Alleen beheer')
      .files.addUsingPath('dicht.txt', 'dicht');
    const { Id } = await admin.web
      .getFolderByServerRelativePath('/sites/samenwerkingsruimte/Bibliotheek/Alleen beheer')
      .listItemAllFields.select('Id')<{ Id: number }>();
    await admin.web.lists.getByTitle('Bibliotheek').items.getById(Id).breakRoleInheritance(false, true);
    const names = async (key: string): Promise<string[]> =>
      (await spAs(emu.siteUrl, key).web.lists.getByTitle('Bibliotheek').items.select('FileLeafRef')()).map(
        (i: { FileLeafRef: string }) => i.FileLeafRef,
      );
    expect(await names('beheerder')).toEqual(['Alleen beheer', 'open.txt', 'dicht.txt']);
    expect(await names('igj-medewerker')).toEqual(['open.txt']);
    await expect(
      spAs(emu.siteUrl, 'igj-medewerker').web.getFileByServerRelativePath(
        '/sites/samenwerkingsruimte/Bibliotheek/Alleen beheer/dicht.txt',
      )(),
    ).rejects.toMatchObject({ status: 404 });
  });
});
