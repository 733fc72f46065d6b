import { readFileSync } from 'fs';
import { join } from 'path';
import { loadAgreement } from '../../../src/domain/agreement/load';
import { startEmulator, type RunningEmulator } from '../../../workbench/emulator/server';
import { teamDefinition } from '../../../workbench/seed/team';
import { GENERAL, GROUP_ID, PROJECT, defineTeam, teamFixture } from './graph/teamFixture';
import { raw, spAs, start, tempDatabase } from './helpers';

const READ = 1073741826;
const EDIT = 1073741830;
const MEMBERS_CLAIM = `c:0o.c|federateddirectoryclaimprovider|${GROUP_ID}`;
const OWNERS_CLAIM = `${MEMBERS_CLAIM}_o`;
const LIBRARY = '/sites/samenwerkingsruimte/Shared Documents';

type User = { Id: number; LoginName: string; Title: string; PrincipalType: number; IsSiteAdmin: boolean; Email: string };

/**
 * The site customers deploy: a SharePoint team site connected to a Microsoft 365 group with a Team (team-site.md §1,
 * §2). The group's members reach the site through the members claim in the Members group (Edit), its owners are site
 * collection admins through the `_o` claim, and the Documents library holds one folder per standard channel.
 */
describe('emulator: group-connected team site', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await start();
    const defined = await defineTeam(emu.url, teamFixture());
    expect(defined.status).toBe(200);
    // A list that inherits from the web, as a site owner makes one.
    await spAs(emu.siteUrl, 'beheerder').web.lists.add('Taken', '', 100);
  });
  afterAll(() => emu.close());

  it('gives a Team member Edit on the web through the members claim: a list item in an inheriting list', async () => {
    const sp = spAs(emu.siteUrl, 'igj-medewerker');
    const added = await sp.web.lists.getByTitle('Taken').items.add({ Title: 'Door een Teamlid' });
    expect(added.Id ?? (added as unknown as { data: { Id: number } }).data?.Id).toBeGreaterThan(0);
    // Edit includes Manage Lists (understanding-permission-levels): a member may create a list on the web.
    await sp.web.lists.add('Teamlijst', '', 100);
    const perms = await sp.web.getCurrentUserEffectivePermissions();
    expect(BigInt(perms.Low) & 1n).toBe(1n); // ViewListItems
    // The claim is what grants it: the user is in no SharePoint group of its own.
    const me = await sp.web.currentUser.expand('Groups')<{ Groups: unknown[]; IsSiteAdmin: boolean }>();
    expect(me.Groups).toEqual([]);
    expect(me.IsSiteAdmin).toBe(false);
  });

  it('refuses someone outside the group (403 on /_api/web) and lets them in once the group takes them', async () => {
    const outsider = await raw(emu, 'cibg-directeur', 'GET', '/sites/samenwerkingsruimte/_api/web');
    expect(outsider.status).toBe(403);
    const next = teamFixture();
    await defineTeam(emu.url, { ...next, members: [...next.members, 'cibg-directeur'] });
    expect((await raw(emu, 'cibg-directeur', 'GET', '/sites/samenwerkingsruimte/_api/web')).status).toBe(200);
    await defineTeam(emu.url, next);
    expect((await raw(emu, 'cibg-directeur', 'GET', '/sites/samenwerkingsruimte/_api/web')).status).toBe(403);
  });

  it('makes the group owners site collection admins through the _o claim', async () => {
    const admin = spAs(emu.siteUrl, 'beheerder');
    const admins = await admin.web.siteUsers.filter('IsSiteAdmin eq true')<User[]>();
    const claim = admins.find((u) => u.LoginName === OWNERS_CLAIM);
    expect(claim).toMatchObject({ PrincipalType: 4, IsSiteAdmin: true, Title: 'Samenwerkingsruimte Owners' });
    // A list nobody was granted: the owner (in no SharePoint group, no grant) reads it as admins do; a member does not.
    await admin.web.lists.add('Geheim', '', 100);
    await admin.web.lists.getByTitle('Geheim').breakRoleInheritance(false, true);
    await admin.web.lists.getByTitle('Geheim').items.add({ Title: 'x' });
    const owner = spAs(emu.siteUrl, 'igj-accounthouder');
    expect(await owner.web.lists.getByTitle('Geheim').items()).toHaveLength(1);
    await expect(spAs(emu.siteUrl, 'igj-medewerker').web.lists.getByTitle('Geheim')()).rejects.toMatchObject({
      status: 404,
    });
    // The owner's own user entry is not the admin (switch ownerUserEntryIsSiteAdmin, default false).
    expect((await owner.web.currentUser<User>()).IsSiteAdmin).toBe(false);
  });

  it('lists the members claim in the Members group with SharePoint’s shape; the _o claim stays hidden in Owners', async () => {
    const admin = spAs(emu.siteUrl, 'beheerder');
    // `sitegroups/getbyid(5)/users` as the brief's REST path (PnPjs's getById sends `siteGroups(5)`, see README).
    const res = await raw(emu, 'igj-medewerker', 'GET', '/sites/samenwerkingsruimte/_api/web/sitegroups/getbyid(5)/users');
    expect(res.status).toBe(200);
    const members = res.json().value as User[];
    expect(await admin.web.associatedMemberGroup.users<User[]>()).toEqual(members);
    expect(members).toEqual([
      expect.objectContaining({
        LoginName: MEMBERS_CLAIM,
        PrincipalType: 4,
        Title: 'Samenwerkingsruimte Members',
        Email: 'samenwerkingsruimte@tenant.example',
        IsSiteAdmin: false,
      }),
    ]);
    const owners = await admin.web.associatedOwnerGroup.users<User[]>();
    expect(owners.map((u) => u.LoginName)).not.toContain(OWNERS_CLAIM);
    const web = await admin.web.roleAssignments.expand('RoleDefinitionBindings')<
      { PrincipalId: number; RoleDefinitionBindings: { Id: number }[] }[]
    >();
    expect(web.find((a) => a.PrincipalId === 5)?.RoleDefinitionBindings.map((b) => b.Id)).toEqual([EDIT]);
  });

  it('has the default Documents library: Shared Documents, titled Documenten, inheriting from the web', async () => {
    const lib = await spAs(emu.siteUrl, 'igj-medewerker')
      .web.defaultDocumentLibrary.select('Title', 'BaseTemplate', 'HasUniqueRoleAssignments', 'RootFolder/ServerRelativeUrl')
      .expand('RootFolder')<{
      Title: string;
      BaseTemplate: number;
      HasUniqueRoleAssignments: boolean;
      RootFolder: { ServerRelativeUrl: string };
    }>();
    expect(lib).toMatchObject({ Title: 'Documenten', BaseTemplate: 101, HasUniqueRoleAssignments: false });
    expect(lib.RootFolder.ServerRelativeUrl).toBe(LIBRARY);
  });

  it('has one folder per standard channel and none for private or shared channels', async () => {
    const folders = await spAs(emu.siteUrl, 'beheerder')
      .web.getFolderByServerRelativePath(LIBRARY)
      .folders.select('Name')<{ Name: string }[]>();
    expect(folders.map((f) => f.Name).sort()).toEqual(['General', 'Project X']);
  });

  it('keeps a channel folder’s name when the channel is renamed', async () => {
    const renamed = teamFixture();
    renamed.channels = renamed.channels.map((c) => (c.id === PROJECT ? { ...c, displayName: 'Project Y' } : c));
    const res = await defineTeam(emu.url, renamed);
    expect(res.body.channels.find((c: { id: string }) => c.id === PROJECT)).toMatchObject({
      displayName: 'Project Y',
      folderName: 'Project X',
    });
    const folders = await spAs(emu.siteUrl, 'beheerder')
      .web.getFolderByServerRelativePath(LIBRARY)
      .folders.select('Name')<{ Name: string }[]>();
    expect(folders.map((f) => f.Name).sort()).toEqual(['General', 'Project X']);
    await defineTeam(emu.url, teamFixture());
  });

  it('lets a member upload into a channel folder while the library inherits, and refuses it (403) with Read only', async () => {
    const member = spAs(emu.siteUrl, 'cibg-medewerker');
    const folder = member.web.getFolderByServerRelativePath(`${LIBRARY}/Project X`);
    await folder.files.addUsingPath('Notulen.txt', 'kanaalbestand', { Overwrite: true });
    const admin = spAs(emu.siteUrl, 'beheerder').web.defaultDocumentLibrary;
    await admin.breakRoleInheritance(true, false);
    await admin.roleAssignments.remove(5, EDIT);
    await admin.roleAssignments.add(5, READ);
    await expect(folder.files.addUsingPath('Later.txt', 'x')).rejects.toMatchObject({ status: 403 });
    // Read still works, and the group connection does not restore what the owner changed (no "sync" modelled).
    expect((await folder.files.select('Name')<{ Name: string }[]>()).map((f) => f.Name)).toEqual(['Notulen.txt']);
    await defineTeam(emu.url, teamFixture());
    await expect(folder.files.addUsingPath('Later.txt', 'x')).rejects.toMatchObject({ status: 403 });
    await admin.resetRoleInheritance();
    await folder.files.addUsingPath('Later.txt', 'x');
  });

  it('reads the definition back and refuses a broken one naming the field, or a second group (409)', async () => {
    const back = await (await fetch(`${emu.url}/_emulator/team`)).json();
    expect(back).toMatchObject({
      id: GROUP_ID,
      owners: ['igj-accounthouder'],
      documentsUrl: 'Shared Documents',
      documentsTitle: 'Documenten',
      claims: { members: MEMBERS_CLAIM, owners: OWNERS_CLAIM },
    });
    expect(back.channels.map((c: { id: string }) => c.id)[0]).toBe(GENERAL);
    const bad = [
      [{ ...teamFixture(), id: 'team-1' }, 'team.id'],
      [{ ...teamFixture(), members: ['niemand'] }, 'team.members'],
      [{ ...teamFixture(), channels: [{ id: 'general', displayName: 'General' }] }, 'team.channels[0].id'],
      [
        { ...teamFixture(), channels: [{ id: GENERAL, displayName: 'P', membershipType: 'private', members: ['cibg-directeur'] }] },
        'not a member of the team',
      ],
      [{ ...teamFixture(), switches: { privateChannelDenialStatus: 401 } }, 'switches.privateChannelDenialStatus'],
    ] as const;
    for (const [def, field] of bad) {
      const res = await defineTeam(emu.url, def);
      expect({ status: res.status, error: res.body.error }).toEqual({ status: 400, error: expect.stringContaining(field) });
    }
    const other = await defineTeam(emu.url, { ...teamFixture(), id: '11111111-2222-4333-8444-555555555555' });
    expect(other.status).toBe(409);
    const changed = teamFixture();
    changed.channels = changed.channels.map((c) => (c.id === PROJECT ? { ...c, membershipType: 'private' as const } : c));
    expect((await defineTeam(emu.url, changed)).body.error).toMatch(/membershipType can't be changed/);
  });
});

describe('emulator: a site without a team behaves as before', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await start();
  });
  afterAll(() => emu.close());

  it('has no claims, no default library (404) and no team definition', async () => {
    expect((await fetch(`${emu.url}/_emulator/team`)).status).toBe(404);
    const members = await spAs(emu.siteUrl, 'beheerder').web.associatedMemberGroup.users<User[]>();
    expect(members).toEqual([]);
    // A real team site always has a Documents library; the bare emulated site has none: 404, as for a missing list.
    const lib = await raw(emu, 'beheerder', 'GET', '/sites/samenwerkingsruimte/_api/web/defaultDocumentLibrary');
    expect(lib.status).toBe(404);
    expect((await raw(emu, 'igj-medewerker', 'GET', '/sites/samenwerkingsruimte/_api/web')).status).toBe(403);
  });
});

describe('emulator: startEmulator({ team })', () => {
  const dbFile = tempDatabase('team-');

  it('refuses to start with a broken definition, naming the field', async () => {
    await expect(startEmulator({ port: 0, team: { ...teamFixture(), id: 'team-1' } })).rejects.toThrow(/team\.id/);
  });

  it('defines the team at start, keeps it in SQLite across a restart, and takes a localised General folder', async () => {
    const def = teamFixture({
      channels: [{ id: GENERAL, displayName: 'General', membershipType: 'standard', folderName: 'Algemeen' }],
    });
    const first = await startEmulator({ port: 0, dbFile, team: def });
    try {
      const folders = await spAs(first.siteUrl, 'igj-medewerker')
        .web.getFolderByServerRelativePath(LIBRARY)
        .folders.select('Name')<{ Name: string }[]>();
      expect(folders.map((f) => f.Name)).toEqual(['Algemeen']);
    } finally {
      await first.close();
    }
    const second = await startEmulator({ port: 0, dbFile });
    try {
      const back = await (await fetch(`${second.url}/_emulator/team`)).json();
      expect(back.channels).toEqual([expect.objectContaining({ displayName: 'General', folderName: 'Algemeen' })]);
      const web = await raw(second, 'igj-medewerker', 'GET', '/sites/samenwerkingsruimte/_api/web');
      expect(web.status).toBe(200);
      const tables = second.db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'graph_team%'`)
        .pluck()
        .all();
      expect(tables).toEqual(expect.arrayContaining(['graph_teams', 'graph_team_members', 'graph_team_channels']));
    } finally {
      await second.close();
    }
  });
});

describe('emulator: SharePoint-side team switches', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await start({ team: teamFixture({ switches: { ownerUserEntryIsSiteAdmin: true, ownersClaimListedInOwnersGroup: true } }) });
  });
  afterAll(() => emu.close());

  it('ownerUserEntryIsSiteAdmin: the owner’s own entry reads IsSiteAdmin; ownersClaimListedInOwnersGroup: Owners lists the _o claim', async () => {
    expect((await spAs(emu.siteUrl, 'igj-accounthouder').web.currentUser<User>()).IsSiteAdmin).toBe(true);
    expect((await spAs(emu.siteUrl, 'igj-medewerker').web.currentUser<User>()).IsSiteAdmin).toBe(false);
    const owners = await spAs(emu.siteUrl, 'beheerder').web.associatedOwnerGroup.users<User[]>();
    expect(owners.map((u) => u.LoginName)).toContain(OWNERS_CLAIM);
  });
});

describe('seed: the Team from the agreement configuration', () => {
  it('makes every demo user a member, beheerder the owner, General standard and the privacy officers’ channel private', () => {
    const loaded = loadAgreement(JSON.parse(readFileSync(join(__dirname, '../../../config/agreements/igj-cibg.json'), 'utf8')));
    if (!loaded.ok) throw new Error('igj-cibg.json does not load');
    const config = loaded.config;
    const users = (
      JSON.parse(readFileSync(join(__dirname, '../../../workbench/seed/users.json'), 'utf8')) as {
        users: { key: string; email: string; jobTitle: string; party: string | null }[];
      }
    ).users;
    const def = teamDefinition(config, users) as {
      id: string;
      owners: string[];
      members: string[];
      channels: { id: string; displayName: string; membershipType: string; members?: string[]; folderName?: string }[];
    };
    expect(def.id).toBe(config.space.teamId);
    expect(def.owners).toEqual(['beheerder']);
    expect(def.members).toEqual(users.map((u) => u.key));
    expect(def.members).toContain('buitenstaander');
    expect(def.channels).toEqual([
      { id: config.space.reminderChannelId, displayName: 'General', membershipType: 'standard', folderName: 'General' },
      expect.objectContaining({
        id: config.space.channelId,
        displayName: 'Privacy officers',
        membershipType: 'private',
        members: ['igj-privacy', 'cibg-privacy'],
      }),
    ]);
  });
});
