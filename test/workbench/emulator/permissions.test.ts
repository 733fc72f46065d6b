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
