import type { SPFI } from '@pnp/sp';
import type { RunningEmulator } from '../../../workbench/emulator/server';
import { raw, spAs, start } from './helpers';
import { BASE, KIND, ROLE, mask, restrictList, userId } from './access';

const SITE = '/sites/samenwerkingsruimte';

async function version(sp: SPFI, list: string, id: number): Promise<{ label: string; etag: string; Titel: string }> {
  const i = await sp.web.lists.getByTitle(list).items.getById(id).select('OData__UIVersionString', 'Title')();
  return { label: i.OData__UIVersionString, etag: i['odata.etag'], Titel: i.Title };
}

async function labels(sp: SPFI, list: string, id: number): Promise<string[]> {
  const vs = await sp.web.lists.getByTitle(list).items.getById(id).versions.select('VersionLabel')();
  return vs.map((v: { VersionLabel: string }) => v.VersionLabel);
}

/**
 * validateUpdateListItem / AddValidateUpdateItemUsingPath: `bNewDocumentUpdate: true` overwrites the current version
 * (UpdateOverwriteVersion), and Author/Editor/Created/Modified are accepted as form values (docs/emulator.md,
 * "Form-value writes").
 */
describe('emulator: validateUpdateListItem with bNewDocumentUpdate (UpdateOverwriteVersion)', () => {
  let emu: RunningEmulator;
  let admin: SPFI;
  beforeAll(async () => {
    emu = await start();
    admin = spAs(emu.siteUrl, 'beheerder');
    await admin.web.lists.add('Notities', '', 100, false, { EnableVersioning: true });
    await admin.web.lists.getByTitle('Notities').items.add({ Title: 'eerste' });
  });
  afterAll(() => emu.close());

  it('true rewrites the current version (no new version number); Modified/Editor and the etag still change', async () => {
    const item = admin.web.lists.getByTitle('Notities').items.getById(1);
    const before = await version(admin, 'Notities', 1);
    expect(before.label).toBe('1.0');
    await item.validateUpdateListItem([{ FieldName: 'Title', FieldValue: 'overschreven' }], true);
    const after = await version(admin, 'Notities', 1);
    expect(after).toMatchObject({ label: '1.0', Titel: 'overschreven' });
    expect(after.etag).not.toBe(before.etag);
    expect(await labels(admin, 'Notities', 1)).toEqual(['1.0']);
    const v = await item.versions.getById(512)();
    expect(v.Title).toBe('overschreven');
    // false (PnPjs's default) adds a version, as before.
    await item.validateUpdateListItem([{ FieldName: 'Title', FieldValue: 'nieuw' }], false);
    expect((await version(admin, 'Notities', 1)).label).toBe('2.0');
    expect(await labels(admin, 'Notities', 1)).toEqual(['2.0', '1.0']);
  });

  it('needs the edit permission like any edit, and takes only a boolean', async () => {
    const sanne = await userId(emu, 'sanne.devries@igj.example');
    await admin.web.lists.add('Lezen', '', 100);
    await admin.web.lists.getByTitle('Lezen').items.add({ Title: 'x' });
    await restrictList(admin, 'Lezen', [[sanne, ROLE.Read]]);
    const r = await raw(emu, 'igj-medewerker', 'POST', `${SITE}/_api/web/lists/getbytitle('Lezen')/items(1)/validateupdatelistitem`, {
      body: JSON.stringify({ formValues: [{ FieldName: 'Title', FieldValue: 'y' }], bNewDocumentUpdate: true }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(r.status).toBe(403);
    expect(r.headers.get('x-emulator-permission')).toBe('EditListItems');
    const bad = await raw(emu, 'beheerder', 'POST', `${SITE}/_api/web/lists/getbytitle('Lezen')/items(1)/validateupdatelistitem`, {
      body: JSON.stringify({ formValues: [{ FieldName: 'Title', FieldValue: 'y' }], bNewDocumentUpdate: 'ja' }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(bad.status).toBe(400);
  });

  it('in a library with minor versions a draft keeps its number and a published N.0 becomes draft N.1', async () => {
    await admin.web.lists.add('Stukken', '', 101);
    const lib = admin.web.lists.getByTitle('Stukken');
    await lib.update({ EnableVersioning: true, EnableMinorVersions: true });
    const url = `${SITE}/Stukken/a.txt`;
    await admin.web.getFolderByServerRelativePath(`${SITE}/Stukken`).files.addUsingPath('a.txt', 'inhoud');
    const file = admin.web.getFileByServerRelativePath(url);
    const item = await file.getItem();
    const label = async (): Promise<string> =>
      (await file.listItemAllFields.select('OData__UIVersionString')()).OData__UIVersionString;
    expect(await label()).toBe('0.1');
    await item.validateUpdateListItem([{ FieldName: 'Title', FieldValue: 'concept' }], true);
    expect(await label()).toBe('0.1');
    await file.publish('klaar');
    expect(await label()).toBe('1.0');
    await item.validateUpdateListItem([{ FieldName: 'Title', FieldValue: 'na publicatie' }], true);
    expect(await label()).toBe('1.1');
    await item.validateUpdateListItem([{ FieldName: 'Title', FieldValue: 'nog eens' }], true);
    expect(await label()).toBe('1.1');
  });
});

describe('emulator: Author, Editor, Created and Modified as form values', () => {
  let emu: RunningEmulator;
  let admin: SPFI;
  let sanne: number;
  let bram: number;
  beforeAll(async () => {
    emu = await start();
    admin = spAs(emu.siteUrl, 'beheerder');
    sanne = await userId(emu, 'sanne.devries@igj.example');
    bram = await userId(emu, 'bram.jansen@cibg.example');
  });
  afterAll(() => emu.close());

  it('an Add-only user sets Author and Created at creation with AddValidateUpdateItemUsingPath (UNCONFIRMED, allowed)', async () => {
    const addOnly = (await admin.web.roleDefinitions.add('Alleen toevoegen', '', 300, mask(...BASE, KIND.ViewListItems, KIND.AddListItems))).data.Id;
    await admin.web.lists.add('Meldpunt', '', 100);
    await restrictList(admin, 'Meldpunt', [[sanne, addOnly]]);
    const list = spAs(emu.siteUrl, 'igj-medewerker').web.lists.getByTitle('Meldpunt');
    const res = await list.addValidateUpdateItemUsingPath(
      [
        { FieldName: 'Title', FieldValue: 'melding' },
        { FieldName: 'Author', FieldValue: JSON.stringify([{ Key: 'i:0#.f|membership|bram.jansen@cibg.example' }]) },
        { FieldName: 'Editor', FieldValue: "[{'Key':'i:0#.f|membership|bram.jansen@cibg.example'}]" },
        { FieldName: 'Created', FieldValue: '2020-01-02T03:04:05Z' },
      ],
      `${SITE}/Lists/Meldpunt`,
    );
    expect(res.every((r) => !r.HasException)).toBe(true);
    const id = Number(res[0].ItemId);
    const item = await admin.web.lists.getByTitle('Meldpunt').items.getById(id).select('AuthorId', 'EditorId', 'Created')();
    expect(item).toMatchObject({ AuthorId: bram, EditorId: bram, Created: '2020-01-02T03:04:05Z' });
    // Without Edit the same user cannot change them afterwards.
    const edit = await raw(emu, 'igj-medewerker', 'POST', `${SITE}/_api/web/lists/getbytitle('Meldpunt')/items(${id})/validateupdatelistitem`, {
      body: JSON.stringify({ formValues: [{ FieldName: 'Author', FieldValue: JSON.stringify([{ Key: 'i:0#.f|membership|sanne.devries@igj.example' }]) }] }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(edit.status).toBe(403);
    expect(edit.headers.get('x-emulator-permission')).toBe('EditListItems');
  });

  it('an editor changes Author; MERGE cannot; under WriteSecurity 2 the new author may edit (robertheep.de)', async () => {
    await admin.web.lists.add('Eigen werk', '', 100, false, { WriteSecurity: 2 });
    await restrictList(admin, 'Eigen werk', [[sanne, ROLE.Contribute]]);
    const adminList = admin.web.lists.getByTitle('Eigen werk');
    await adminList.items.add({ Title: 'van beheer' });
    const sanneItem = spAs(emu.siteUrl, 'igj-medewerker').web.lists.getByTitle('Eigen werk').items.getById(1);
    expect((await raw(emu, 'igj-medewerker', 'POST', `${SITE}/_api/web/lists/getbytitle('Eigen werk')/items(1)`, {
      body: JSON.stringify({ Title: 'x' }),
      headers: { 'Content-Type': 'application/json', 'X-HTTP-Method': 'MERGE', 'If-Match': '*' },
    })).status).toBe(403);
    const merge = await raw(emu, 'beheerder', 'POST', `${SITE}/_api/web/lists/getbytitle('Eigen werk')/items(1)`, {
      body: JSON.stringify({ AuthorId: sanne }),
      headers: { 'Content-Type': 'application/json', 'X-HTTP-Method': 'MERGE', 'If-Match': '*' },
    });
    expect(merge.status).toBe(400);
    await adminList.items
      .getById(1)
      .validateUpdateListItem([{ FieldName: 'Author', FieldValue: JSON.stringify([{ Key: 'i:0#.f|membership|sanne.devries@igj.example' }]) }]);
    expect((await adminList.items.getById(1).select('AuthorId')()).AuthorId).toBe(sanne);
    await sanneItem.update({ Title: 'nu van Sanne' });
    expect((await adminList.items.getById(1).select('Title')()).Title).toBe('nu van Sanne');
  });
});
