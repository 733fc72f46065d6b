import type { RunningEmulator } from '../../../workbench/emulator/server';
import { raw, spAs, start } from './helpers';
import { BASE, KIND, ROLE, denied, mask, refusal, restrictList, userId } from './access';

const SITE = '/sites/samenwerkingsruimte';
type RoleDef = { Id: number; Name: string; BasePermissions: { High: string; Low: string }; RoleTypeKind: number };

/** Custom permission levels over REST, stored and used by every permission check; refusals name the permission. */
describe('emulator: role definitions (permission levels)', () => {
  let emu: RunningEmulator;
  let bram: number;
  let custom: number;
  beforeAll(async () => {
    emu = await start();
    const admin = spAs(emu.siteUrl, 'beheerder');
    await admin.web.siteGroups.getByName('Samenwerkingsruimte Members').users.add('i:0#.f|membership|sanne.devries@igj.example');
    bram = await userId(emu, 'bram.jansen@cibg.example');
    await admin.web.lists.add('Toetslog', '', 100);
  });
  afterAll(() => emu.close());

  it("lists the six standard levels with SharePoint Online's ids and masks", async () => {
    const defs = (await spAs(emu.siteUrl, 'beheerder').web.roleDefinitions()) as RoleDef[];
    const byName = Object.fromEntries(defs.map((d) => [d.Name, d]));
    expect(byName['Full Control']).toMatchObject({ Id: ROLE.FullControl, BasePermissions: { High: '2147483647', Low: '4294967295' } });
    // Design = Edit + Approve Items, Override List Behaviors, Add and Customize Pages, Apply Themes, Apply Style Sheets.
    expect(byName.Design).toMatchObject({ Id: ROLE.Design, BasePermissions: { High: '432', Low: '1012866047' } });
    expect(byName.Edit).toMatchObject({ Id: ROLE.Edit, BasePermissions: { High: '432', Low: '1011030767' } });
    expect(byName.Contribute).toMatchObject({ Id: ROLE.Contribute, BasePermissions: { High: '432', Low: '1011028719' } });
    expect(byName.Read).toMatchObject({ Id: ROLE.Read, BasePermissions: { High: '176', Low: '138612833' } });
    expect(byName['Limited Access']).toMatchObject({ Id: ROLE.LimitedAccess, RoleTypeKind: 1 });
  });

  it('creates a level only with ManagePermissions on the web, naming the permission in the refusal', async () => {
    const body = JSON.stringify({ Name: 'Alleen lezen', Description: '', Order: 200, BasePermissions: { High: '0', Low: '1' } });
    const no = await refusal(emu, 'igj-medewerker', 'POST', `${SITE}/_api/web/roledefinitions`, body);
    expect(no.status).toBe(403);
    expect(no.message).toMatch(/^Access denied\. \[emulator: ManagePermissions at web\]$/);
    expect(no.permission).toBe('ManagePermissions');
    const sp = spAs(emu.siteUrl, 'beheerder');
    const added = await sp.web.roleDefinitions.add(
      'Bekijken en toevoegen',
      'View + Add, no Edit/Delete',
      300,
      mask(...BASE, KIND.ViewListItems, KIND.OpenItems, KIND.AddListItems),
    );
    custom = added.data.Id;
    expect(custom).toBeGreaterThan(ROLE.Edit);
    expect(await sp.web.roleDefinitions.getByName('bekijken en toevoegen')()).toMatchObject({ Id: custom, RoleTypeKind: 0 });
    expect((await sp.web.roleDefinitions.getById(custom)()).Description).toBe('View + Add, no Edit/Delete');
    expect((await sp.web.roleDefinitions.getByType(3)()).Name).toBe('Contribute');
    // A site owner (Full Control, not a site collection administrator) may too.
    await sp.web.siteGroups.getByName('Samenwerkingsruimte Owners').users.add('i:0#.f|membership|lotte.visser@cibg.example');
    const owners = await spAs(emu.siteUrl, 'cibg-accounthouder').web.roleDefinitions.add('Tijdelijk', '', 301, mask(KIND.ViewListItems));
    await spAs(emu.siteUrl, 'cibg-accounthouder').web.roleDefinitions.getById(owners.data.Id).delete();
  });

  it('refuses bad names, duplicates and a missing mask with 400', async () => {
    const sp = spAs(emu.siteUrl, 'beheerder');
    for (const name of ['', 'a/b', "it's", 'x@y', 'a'.repeat(256)])
      expect((await denied(sp.web.roleDefinitions.add(name, '', 1, mask(KIND.ViewListItems)))).status).toBe(400);
    const dup = await denied(sp.web.roleDefinitions.add('Contribute', '', 1, mask(KIND.ViewListItems)));
    expect(dup.status).toBe(400);
    expect(dup.message).toContain('already in use');
    const r = await raw(emu, 'beheerder', 'POST', `${SITE}/_api/web/roledefinitions`, {
      body: JSON.stringify({ Name: 'Zonder masker' }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(r.status).toBe(400);
  });

  it('behaves as its mask says everywhere: View + Add lets Bram add and read, not edit or delete', async () => {
    const admin = spAs(emu.siteUrl, 'beheerder');
    await restrictList(admin, 'Toetslog', [[bram, custom]]);
    const list = spAs(emu.siteUrl, 'cibg-medewerker').web.lists.getByTitle('Toetslog');
    const mine = await list.items.add({ Title: 'door Bram' });
    expect((await list.items.select('Title')()).map((i: { Title: string }) => i.Title)).toEqual(['door Bram']);
    const edit = await refusal(
      emu,
      'cibg-medewerker',
      'MERGE',
      `${SITE}/_api/web/lists/getbytitle('Toetslog')/items(${mine.Id})`,
      JSON.stringify({ Title: 'x' }),
    );
    expect(edit).toMatchObject({ status: 403, permission: 'EditListItems' });
    expect(edit.message).toBe(`Access denied. [emulator: EditListItems at list 'Toetslog' item ${mine.Id} (permissions of list 'Toetslog')]`);
    expect((await denied(list.items.getById(mine.Id).delete())).status).toBe(403);
    expect((await denied(list.items.getById(mine.Id).recycle())).status).toBe(403);
    const perms = await admin.web.lists.getByTitle('Toetslog').getUserEffectivePermissions('i:0#.f|membership|bram.jansen@cibg.example');
    expect(admin.web.hasPermissions(perms, KIND.AddListItems)).toBe(true);
    expect(admin.web.hasPermissions(perms, KIND.EditListItems)).toBe(false);
    // Trimming of an item with unique permissions reads the custom level too.
    const other = await admin.web.lists.getByTitle('Toetslog').items.add({ Title: 'apart' });
    const item = admin.web.lists.getByTitle('Toetslog').items.getById(other.Id);
    await item.breakRoleInheritance(false, false);
    expect((await list.items.select('Title')()).map((i: { Title: string }) => i.Title)).toEqual(['door Bram']);
    await item.roleAssignments.add(bram, custom);
    expect((await list.items.select('Title')()).map((i: { Title: string }) => i.Title)).toEqual(['door Bram', 'apart']);
  });

  it('changes a level by MERGE (ManagePermissions), and the change applies at once', async () => {
    const sp = spAs(emu.siteUrl, 'beheerder');
    await sp.web.roleDefinitions
      .getById(custom)
      .update({ Name: 'Alleen bekijken', BasePermissions: mask(...BASE, KIND.ViewListItems, KIND.OpenItems) } as never);
    expect((await sp.web.roleDefinitions.getById(custom)()).Name).toBe('Alleen bekijken');
    const add = await denied(spAs(emu.siteUrl, 'cibg-medewerker').web.lists.getByTitle('Toetslog').items.add({ Title: 'nee' }));
    expect(add.status).toBe(403);
    expect(add.message).toContain('[emulator: AddListItems at list');
    const other = await refusal(
      emu,
      'igj-medewerker',
      'MERGE',
      `${SITE}/_api/web/roledefinitions(${custom})`,
      JSON.stringify({ Description: 'x' }),
    );
    expect(other).toMatchObject({ status: 403, permission: 'ManagePermissions' });
  });

  it('never edits or deletes Full Control and Limited Access', async () => {
    for (const [method, id] of [
      ['MERGE', ROLE.FullControl],
      ['DELETE', ROLE.FullControl],
      ['MERGE', ROLE.LimitedAccess],
      ['DELETE', ROLE.LimitedAccess],
    ] as const) {
      const r = await refusal(emu, 'beheerder', method, `${SITE}/_api/web/roledefinitions(${id})`, method === 'MERGE' ? '{"Description":"x"}' : undefined);
      expect(r.status).toBe(400);
    }
    const read = spAs(emu.siteUrl, 'beheerder').web.roleDefinitions.getById(ROLE.Read);
    await read.update({ Description: 'Lezen', BasePermissions: { High: 176, Low: 138612833 } } as never);
    expect((await read()).Description).toBe('Lezen');
  });

  it('deletes a level that is still bound, with its bindings (SPRoleDefinitionCollection.Delete)', async () => {
    const sp = spAs(emu.siteUrl, 'beheerder');
    expect((await denied(sp.web.roleDefinitions.getById(custom).delete())).status).toBe(200);
    await expect(sp.web.roleDefinitions.getById(custom)()).rejects.toMatchObject({ status: 404 });
    const assignments = await sp.web.lists.getByTitle('Toetslog').roleAssignments();
    expect(assignments).toHaveLength(0);
    // That was Bram's only access anywhere: the site refuses him, naming what it checks.
    const r = await refusal(emu, 'cibg-medewerker', 'GET', `${SITE}/_api/web`);
    expect(r).toMatchObject({ status: 403, permission: 'Open' });
  });
});
