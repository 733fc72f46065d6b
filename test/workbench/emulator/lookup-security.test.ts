import type { RunningEmulator } from '../../../workbench/emulator/server';
import { raw, spAs, start } from './helpers';
import { ROLE, userId } from './access';

const SITE = '/sites/samenwerkingsruimte';

/**
 * Red-team finding: a user who cannot read list X made a list of their own with a lookup to X and read X's items
 * through it (`$select=Lek/Title,Lek/Gegevens&$expand=Lek`, `$filter=substringof('x',Lek/Title)`). SharePoint trims
 * lookup values to what the caller may read and projects only joinable field types (docs/emulator.md, "Lookup
 * projections").
 */
describe('emulator: lookup projections are security trimmed and typed', () => {
  let emu: RunningEmulator;
  let geheimId: string;
  beforeAll(async () => {
    emu = await start();
    const admin = spAs(emu.siteUrl, 'beheerder');
    const sanne = await userId(emu, 'sanne.devries@igj.example');
    // Sanne may create lists (Edit on the web: Manage Lists) but not read 'Geheim'.
    await admin.web.roleAssignments.add(sanne, ROLE.Edit);
    geheimId = (await admin.web.lists.add('Geheim', '', 100)).Id;
    const geheim = admin.web.lists.getByTitle('Geheim');
    await geheim.fields.addMultilineText('Gegevens');
    await geheim.fields.addNumber('Bedrag');
    await geheim.fields.addBoolean('Vertrouwelijk');
    await geheim.items.add({ Title: 'geheime melding', Gegevens: 'BSN 123456782', Bedrag: 42, Vertrouwelijk: true });
    await geheim.items.add({ Title: 'tweede geheim', Gegevens: 'adres', Bedrag: 7 });
    await geheim.breakRoleInheritance(false, true);

    const mine = spAs(emu.siteUrl, 'igj-medewerker');
    await mine.web.lists.add('Mijn', '', 100);
    await mine.web.lists.getByTitle('Mijn').fields.addLookup('Lek', { LookupListId: geheimId, LookupFieldName: 'Title' });
    await mine.web.lists.getByTitle('Mijn').items.add({ Title: 'a', LekId: 1 });
    await mine.web.lists.getByTitle('Mijn').items.add({ Title: 'b', LekId: 2 });
  });
  afterAll(() => emu.close());

  it('the target list itself answers 404 to the caller', async () => {
    const r = await raw(emu, 'igj-medewerker', 'GET', `${SITE}/_api/web/lists/getbytitle('Geheim')/items`);
    expect(r.status).toBe(404);
  });

  it('an expanded lookup to an item the caller may not read is null; the own LekId stays', async () => {
    const items = await spAs(emu.siteUrl, 'igj-medewerker')
      .web.lists.getByTitle('Mijn')
      .items.select('Title', 'LekId', 'Lek/Title', 'Lek/Bedrag')
      .expand('Lek')();
    expect(items.map((i: { Lek: unknown }) => i.Lek)).toEqual([null, null]);
    expect(items.map((i: { LekId: number }) => i.LekId)).toEqual([1, 2]);
    // Whoever may read the target sees the projected values.
    const admin = await spAs(emu.siteUrl, 'beheerder')
      .web.lists.getByTitle('Mijn')
      .items.select('Lek/Title', 'Lek/Bedrag')
      .expand('Lek')();
    expect(admin[0].Lek).toMatchObject({ Title: 'geheime melding', Bedrag: 42 });
  });

  it('$filter and $orderby on a projected field see no value for unreadable targets (no oracle)', async () => {
    const sanneList = spAs(emu.siteUrl, 'igj-medewerker').web.lists.getByTitle('Mijn');
    expect(await sanneList.items.filter("substringof('geheim',Lek/Title)")()).toHaveLength(0);
    // Sorting on the hidden titles would reveal their order ('tweede geheim' > 'geheime melding'): all are null, ID order.
    const sorted = await sanneList.items.orderBy('Lek/Title', false).select('Title')();
    expect(sorted.map((i: { Title: string }) => i.Title)).toEqual(['a', 'b']);
    expect(await sanneList.items.filter('Lek/Bedrag gt 10')()).toHaveLength(0);
    expect(await sanneList.items.filter('Lek/Title eq null')()).toHaveLength(2);
    const adminList = spAs(emu.siteUrl, 'beheerder').web.lists.getByTitle('Mijn');
    expect(await adminList.items.filter("substringof('melding',Lek/Title)")()).toHaveLength(1);
    expect(await adminList.items.filter("substringof('geheim',Lek/Title)")()).toHaveLength(2);
    // The own lookup id is the caller's own data: filtering on it stays possible.
    expect(await sanneList.items.filter('Lek/Id eq 2')()).toHaveLength(1);
  });

  it('multi-line text, Yes/No and unknown fields cannot be projected: 400, also for an admin and an empty result', async () => {
    for (const [user, sub] of [
      ['igj-medewerker', 'Gegevens'],
      ['beheerder', 'Gegevens'],
      ['beheerder', 'Vertrouwelijk'],
      ['beheerder', 'Bestaatniet'],
    ]) {
      const r = await raw(
        emu,
        user,
        'GET',
        `${SITE}/_api/web/lists/getbytitle('Mijn')/items?$select=Lek/${sub}&$expand=Lek&$filter=Id eq 999`,
      );
      expect(r.status).toBe(400);
      expect(r.json()['odata.error'].message.value).toBe(`The query to field 'Lek/${sub}' is not valid.`);
    }
    const f = await raw(
      emu,
      'beheerder',
      'GET',
      `${SITE}/_api/web/lists/getbytitle('Mijn')/items?$filter=${encodeURIComponent("substringof('BSN',Lek/Gegevens)")}`,
    );
    expect(f.status).toBe(400);
  });

  it('item-level trimming: unique permissions and ReadSecurity 2 of the target hide single items', async () => {
    const admin = spAs(emu.siteUrl, 'beheerder');
    const sanne = await userId(emu, 'sanne.devries@igj.example');
    const partijen = await admin.web.lists.add('Partijen', '', 100, false, { ReadSecurity: 2 });
    const pl = admin.web.lists.getByTitle('Partijen');
    await pl.items.add({ Title: 'van beheer' });
    const lists = spAs(emu.siteUrl, 'igj-medewerker').web.lists;
    await lists.getByTitle('Partijen').items.add({ Title: 'van Sanne' });
    await admin.web.lists.add('Open', '', 100);
    const open = admin.web.lists.getByTitle('Open');
    await open.items.add({ Title: 'zichtbaar' });
    await open.items.add({ Title: 'afgeschermd' });
    await open.items.getById(2).breakRoleInheritance(false, true);
    expect(sanne).toBeGreaterThan(0);

    await lists.add('Verwijzingen', '', 100);
    const refs = lists.getByTitle('Verwijzingen');
    await refs.fields.addLookup('Partij', { LookupListId: partijen.Id, LookupFieldName: 'Title' });
    const openId = (await admin.web.lists.getByTitle('Open').select('Id')()).Id;
    await refs.fields.addLookup('Ding', { LookupListId: openId, LookupFieldName: 'Title' });
    await refs.items.add({ Title: '1', PartijId: 1, DingId: 1 });
    await refs.items.add({ Title: '2', PartijId: 2, DingId: 2 });
    const rows = await refs.items.select('Title', 'Partij/Title', 'Ding/Title').expand('Partij', 'Ding').orderBy('Id')();
    expect(rows.map((r: { Partij: { Title: string } | null }) => r.Partij?.Title ?? null)).toEqual([null, 'van Sanne']);
    expect(rows.map((r: { Ding: { Title: string } | null }) => r.Ding?.Title ?? null)).toEqual(['zichtbaar', null]);
    expect(await refs.items.filter("Ding/Title eq 'afgeschermd'")()).toHaveLength(0);
    expect(await refs.items.filter("Partij/Title eq 'van beheer'")()).toHaveLength(0);
    expect(await refs.items.filter("Partij/Title eq 'van Sanne'")()).toHaveLength(1);
  });

  it('a draft the caller may not see shows its published version, in $expand and in $filter', async () => {
    const admin = spAs(emu.siteUrl, 'beheerder');
    const bram = await userId(emu, 'bram.jansen@cibg.example');
    const lib = await admin.web.lists.add('Besluiten', '', 101);
    const l = admin.web.lists.getByTitle('Besluiten');
    await l.update({ EnableVersioning: true, EnableMinorVersions: true, DraftVersionVisibility: 1 });
    await admin.web.getFolderByServerRelativePath(`${SITE}/Besluiten`).files.addUsingPath('b.txt', 'x');
    const file = admin.web.getFileByServerRelativePath(`${SITE}/Besluiten/b.txt`);
    await (await file.getItem()).update({ Title: 'gepubliceerd' });
    await file.publish('');
    await (await file.getItem()).update({ Title: 'concept' });
    await admin.web.lists.add('Verwijst', '', 100);
    const v = admin.web.lists.getByTitle('Verwijst');
    await v.fields.addLookup('Besluit', { LookupListId: lib.Id, LookupFieldName: 'Title' });
    await v.items.add({ Title: 'r', BesluitId: 1 });
    await admin.web.roleAssignments.add(bram, ROLE.Read);
    const reader = spAs(emu.siteUrl, 'cibg-medewerker').web.lists.getByTitle('Verwijst');
    const [row] = await reader.items.select('Besluit/Title').expand('Besluit')();
    expect(row.Besluit.Title).toBe('gepubliceerd');
    expect(await reader.items.filter("Besluit/Title eq 'concept'")()).toHaveLength(0);
    expect(await reader.items.filter("Besluit/Title eq 'gepubliceerd'")()).toHaveLength(1);
    expect(await v.items.filter("Besluit/Title eq 'concept'")()).toHaveLength(1);
  });
});
