import type { SPFI } from '@pnp/sp';
import type { RunningEmulator } from '../../../workbench/emulator/server';
import { raw, spAs, start } from './helpers';

const CONTRIBUTE = 1073741827;
const READ = 1073741826;
const SITE = '/sites/samenwerkingsruimte';
const LIB = 'Uitwisseling';
const FOLDER = `${SITE}/${LIB}/Gedeeld-IGJ`;

type ItemVersion = {
  Klasse: string | null;
  OData__UIVersionString: string;
  OData__UIVersion: number;
  OData__Level: number;
};
const VERSION_FIELDS = ['Klasse', 'OData__UIVersionString', 'OData__UIVersion', 'OData__Level'];

async function fileVersion(sp: SPFI, url: string): Promise<Record<string, unknown>> {
  return sp.web
    .getFileByServerRelativePath(url)
    .select('MajorVersion', 'MinorVersion', 'UIVersion', 'UIVersionLabel', 'Level')();
}

async function itemOf(sp: SPFI, url: string, ...fields: string[]): Promise<ItemVersion & { Id: number }> {
  return sp.web.getFileByServerRelativePath(url).listItemAllFields.select(...fields)();
}

async function titles(sp: SPFI, filter?: string, orderBy?: string): Promise<string[]> {
  let q = sp.web.lists.getByTitle(LIB).items.select('FileLeafRef', 'Klasse');
  if (filter) q = q.filter(filter);
  if (orderBy) q = q.orderBy(orderBy);
  return (await q()).map((i: { FileLeafRef: string }) => i.FileLeafRef);
}

/**
 * Major/minor versions with Draft Item Security "only users who can edit items" (DraftVersionVisibility 1), as the
 * exchange library uses them: a party's upload is a draft its own party reads, the other party reads it once published.
 */
describe('emulator: versions and draft item security', () => {
  let emu: RunningEmulator;
  let admin: SPFI;
  let igj: SPFI;
  let cibg: SPFI;
  beforeAll(async () => {
    emu = await start();
    admin = spAs(emu.siteUrl, 'beheerder');
    igj = spAs(emu.siteUrl, 'igj-medewerker');
    cibg = spAs(emu.siteUrl, 'cibg-medewerker');
    const gIgj = await admin.web.siteGroups.add({ Title: 'Partij IGJ' });
    const gCibg = await admin.web.siteGroups.add({ Title: 'Partij CIBG' });
    await admin.web.siteGroups.getByName('Partij IGJ').users.add('i:0#.f|membership|sanne.devries@igj.example');
    await admin.web.siteGroups.getByName('Partij CIBG').users.add('i:0#.f|membership|bram.jansen@cibg.example');
    await admin.web.lists.add(LIB, '', 101);
    const lib = admin.web.lists.getByTitle(LIB);
    await lib.update({ EnableVersioning: true, EnableMinorVersions: true, DraftVersionVisibility: 1 });
    await lib.fields.addText('Klasse');
    await lib.breakRoleInheritance(false, true);
    await lib.roleAssignments.add(gIgj.Id, READ);
    await lib.roleAssignments.add(gCibg.Id, READ);
    await lib.rootFolder.folders.addUsingPath('Gedeeld-IGJ');
    const folderItem = await admin.web.getFolderByServerRelativePath(FOLDER).getItem();
    await folderItem.breakRoleInheritance(false, true);
    await folderItem.roleAssignments.add(gIgj.Id, CONTRIBUTE);
    await folderItem.roleAssignments.add(gCibg.Id, READ);
  });
  afterAll(() => emu.close());

  it('persists the version settings and refuses minor versions outside a document library', async () => {
    const lib = await admin.web.lists
      .getByTitle(LIB)
      .select('EnableVersioning', 'EnableMinorVersions', 'DraftVersionVisibility')();
    expect(lib).toMatchObject({ EnableVersioning: true, EnableMinorVersions: true, DraftVersionVisibility: 1 });
    await admin.web.lists.add('Takenlijst', '', 100);
    const refused = await admin.web.lists
      .getByTitle('Takenlijst')
      .update({ EnableMinorVersions: true })
      .catch((e: { status: number; message: string }) => e);
    expect(refused).toMatchObject({ status: 400 });
    expect((refused as { message: string }).message).toContain('EnableMinorVersions');
    expect((refused as { message: string }).message).toContain('Microsoft.SharePoint.SPException');
    expect((await admin.web.lists.getByTitle('Takenlijst').select('EnableMinorVersions')()).EnableMinorVersions).toBe(
      false,
    );
    await expect(admin.web.lists.getByTitle(LIB).update({ DraftVersionVisibility: 7 })).rejects.toMatchObject({
      status: 400,
    });
    await expect(
      admin.web.lists.add('Lijst met concepten', '', 100, false, { EnableMinorVersions: true }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it('keeps a new upload a 0.1 draft that only editors of its folder see', async () => {
    await igj.web
      .getFolderByServerRelativePath(FOLDER)
      .files.addUsingPath('melding.txt', 'concept', { Overwrite: true });
    const url = `${FOLDER}/melding.txt`;
    expect(await fileVersion(igj, url)).toMatchObject({
      MajorVersion: 0,
      MinorVersion: 1,
      UIVersion: 1,
      UIVersionLabel: '0.1',
      Level: 2,
    });
    const item = await itemOf(igj, url, 'Id', ...VERSION_FIELDS);
    expect(item).toMatchObject({ OData__UIVersionString: '0.1', OData__UIVersion: 1, OData__Level: 2 });
    expect(await titles(igj)).toContain('melding.txt');

    // The other party only reads the folder: the draft does not exist for them, by any route.
    const file = cibg.web.getFileByServerRelativePath(url);
    await expect(file()).rejects.toMatchObject({ status: 404 });
    expect(await file.exists()).toBe(false);
    await expect(file.getText()).rejects.toMatchObject({ status: 404 });
    expect(await titles(cibg)).not.toContain('melding.txt');
    await expect(cibg.web.lists.getByTitle(LIB).items.getById(item.Id)()).rejects.toMatchObject({ status: 404 });
    const listed = await cibg.web.getFolderByServerRelativePath(FOLDER).files();
    expect(listed.map((f: { Name: string }) => f.Name)).not.toContain('melding.txt');
    const plain = await raw(emu, 'cibg-medewerker', 'GET', url);
    expect(plain.status).toBe(404);
    // Writes before publishing add minor versions.
    await igj.web.getFileByServerRelativePath(url).getItem().then((i) => i.update({ Klasse: 'A' }));
    expect(await fileVersion(igj, url)).toMatchObject({ UIVersionLabel: '0.2', Level: 2 });
  });

  it('publishes draft 0.2 as 1.0, which the reader then sees with its bytes', async () => {
    const url = `${FOLDER}/melding.txt`;
    // The reader cannot even see the draft: it does not exist for them.
    await expect(cibg.web.getFileByServerRelativePath(url).publish('mag niet')).rejects.toMatchObject({ status: 404 });
    await igj.web.getFileByServerRelativePath(url).publish('Doelbindingstoets doorlopen');
    expect(await fileVersion(igj, url)).toMatchObject({
      MajorVersion: 1,
      MinorVersion: 0,
      UIVersionLabel: '1.0',
      Level: 1,
    });
    expect(await fileVersion(cibg, url)).toMatchObject({ UIVersionLabel: '1.0', UIVersion: 512, Level: 1 });
    expect(await cibg.web.getFileByServerRelativePath(url).getText()).toBe('concept');
    expect(await cibg.web.getFileByServerRelativePath(url).exists()).toBe(true);
    const item = await itemOf(cibg, url, ...VERSION_FIELDS);
    expect(item).toMatchObject({ Klasse: 'A', OData__UIVersionString: '1.0', OData__UIVersion: 512, OData__Level: 1 });
    // Publishing what is already a major version is SharePoint's refusal, not a silent success.
    const again = await igj.web
      .getFileByServerRelativePath(url)
      .publish('nog eens')
      .catch((e: { status: number; message: string }) => e);
    expect(again).toMatchObject({ status: 400 });
    expect((again as { message: string }).message).toContain(
      'You can only publish, unpublish documents in a minor version enabled list',
    );
  });

  it('shows the reader the published 1.0 (fields and bytes) while the editor works on 1.1 and 1.2', async () => {
    const url = `${FOLDER}/melding.txt`;
    await igj.web.getFileByServerRelativePath(url).setContent('herzien');
    expect(await fileVersion(igj, url)).toMatchObject({ UIVersionLabel: '1.1', Level: 2 });
    const item = await igj.web.getFileByServerRelativePath(url).getItem();
    await item.update({ Klasse: 'B' });
    expect(await itemOf(igj, url, ...VERSION_FIELDS)).toMatchObject({
      Klasse: 'B',
      OData__UIVersionString: '1.2',
      OData__Level: 2,
    });
    expect(await igj.web.getFileByServerRelativePath(url).getText()).toBe('herzien');

    expect(await fileVersion(cibg, url)).toMatchObject({ UIVersionLabel: '1.0', Level: 1 });
    expect(await cibg.web.getFileByServerRelativePath(url).getText()).toBe('concept');
    const seen = await itemOf(cibg, url, 'Id', ...VERSION_FIELDS);
    expect(seen).toMatchObject({ Klasse: 'A', OData__UIVersionString: '1.0' });
    const byId = await cibg.web.lists.getByTitle(LIB).items.getById(seen.Id).select(...VERSION_FIELDS)<ItemVersion>();
    expect(byId.Klasse).toBe('A');
    const listed = await cibg.web.getFolderByServerRelativePath(FOLDER).files();
    expect(listed.find((f: { Name: string }) => f.Name === 'melding.txt')).toMatchObject({
      UIVersionLabel: '1.0',
      Length: '7',
    });
    const expanded = await cibg.web.lists
      .getByTitle(LIB)
      .items.select('Klasse', 'File/UIVersionLabel', 'File/Length')
      .expand('File')();
    expect(expanded.find((i: { Klasse: string }) => i.Klasse === 'A')).toMatchObject({
      File: { UIVersionLabel: '1.0', Length: '7' },
    });

    // A reader without edit rights cannot publish (403), the editor can: 2.0 for everyone.
    await expect(cibg.web.getFileByServerRelativePath(url).publish('mag niet')).rejects.toMatchObject({ status: 403 });
  });

  it('filters, orders and pages on the version each caller sees', async () => {
    await igj.web.getFolderByServerRelativePath(FOLDER).files.addUsingPath('ander.txt', 'x');
    const other = await igj.web.getFileByServerRelativePath(`${FOLDER}/ander.txt`).getItem();
    await other.update({ Klasse: 'C' });
    await igj.web.getFileByServerRelativePath(`${FOLDER}/ander.txt`).publish('');
    // melding.txt: editor sees B (1.2), reader sees A (1.0); ander.txt: C for both.
    expect(await titles(igj, "Klasse eq 'B'")).toEqual(['melding.txt']);
    expect(await titles(igj, "Klasse eq 'A'")).toEqual([]);
    expect(await titles(cibg, "Klasse eq 'A'")).toEqual(['melding.txt']);
    expect(await titles(cibg, "Klasse eq 'B'")).toEqual([]);
    expect(await titles(cibg, "Klasse eq 'A' or Klasse eq 'C'", 'Klasse')).toEqual(['melding.txt', 'ander.txt']);
    expect(await titles(cibg, "OData__UIVersionString eq '1.0' and FSObjType eq 0")).toEqual([
      'melding.txt',
      'ander.txt',
    ]);
    // Paging one by one in descending Klasse: the skiptoken carries the reader's value.
    const pages: string[][] = [];
    for await (const page of cibg.web.lists
      .getByTitle(LIB)
      .items.select('FileLeafRef')
      .filter('FSObjType eq 0')
      .orderBy('Klasse', false)
      .top(1)) {
      pages.push(page.map((i: { FileLeafRef: string }) => i.FileLeafRef));
    }
    // Reader's values: ander.txt 'C', melding.txt 'A' (its draft's 'B' must not count), then the chunked-free rest.
    expect(pages.slice(0, 2)).toEqual([['ander.txt'], ['melding.txt']]);
    const first = await raw(
      emu,
      'cibg-medewerker',
      'GET',
      `${SITE}/_api/web/lists/getbytitle('${LIB}')/items?$select=Id&$filter=FSObjType eq 0&$orderby=Klasse desc&$top=1`,
    );
    expect(new URL(first.json()['odata.nextLink']).searchParams.get('$skiptoken')).toMatch(
      /^Paged=TRUE&p_Klasse=C&p_ID=\d+$/,
    );
    // Ascending, the reader's first row is the published snapshot: its value ('A', not the draft's 'B') is carried.
    const asc = await raw(
      emu,
      'cibg-medewerker',
      'GET',
      `${SITE}/_api/web/lists/getbytitle('${LIB}')/items?$select=Id&$filter=FSObjType eq 0&$orderby=Klasse&$top=1`,
    );
    expect(new URL(asc.json()['odata.nextLink']).searchParams.get('$skiptoken')).toMatch(
      /^Paged=TRUE&p_Klasse=A&p_ID=\d+$/,
    );
    // $batch reads are trimmed the same way.
    const [batched, execute] = cibg.batched();
    const p = batched.web.lists.getByTitle(LIB).items.select('FileLeafRef', 'Klasse').filter("Klasse eq 'A'")();
    await execute();
    expect((await p).map((i: { FileLeafRef: string }) => i.FileLeafRef)).toEqual(['melding.txt']);
  });

  it('publishes the draft as 2.0, after which the reader sees the edits', async () => {
    const url = `${FOLDER}/melding.txt`;
    await igj.web.getFileByServerRelativePath(url).publish('');
    expect(await fileVersion(cibg, url)).toMatchObject({ UIVersionLabel: '2.0', Level: 1 });
    expect(await cibg.web.getFileByServerRelativePath(url).getText()).toBe('herzien');
    expect(await titles(cibg, "Klasse eq 'B'")).toEqual(['melding.txt']);
    // Approve and deny need a library with content approval; the history of the file is there for its editors.
    const file = `${SITE}/_api/web/getFileByServerRelativePath(decodedUrl='${url}')`;
    for (const op of ['approve', 'deny']) {
      const r = await raw(emu, 'igj-medewerker', 'POST', `${file}/${op}(comment='')`);
      expect(r.status).toBe(400);
      expect(r.text).toContain('content approval');
    }
    const history = await igj.web.getFileByServerRelativePath(url).versions();
    expect(history.map((v: { VersionLabel: string }) => v.VersionLabel)).toEqual(['0.1', '0.2', '1.0', '1.1', '1.2']);
  });

  it('starts a chunked upload at 0.1 and keeps the source state on copy', async () => {
    const folder = igj.web.getFolderByServerRelativePath(FOLDER);
    await folder.files.addChunked('groot.bin', new Blob([Buffer.alloc(3000, 7)]), { chunkSize: 1024 });
    expect(await fileVersion(igj, `${FOLDER}/groot.bin`)).toMatchObject({ UIVersionLabel: '0.1', Level: 2 });
    expect(await cibg.web.getFileByServerRelativePath(`${FOLDER}/groot.bin`).exists()).toBe(false);
    await igj.web.getFileByServerRelativePath(`${FOLDER}/groot.bin`).copyByPath(`${FOLDER}/groot-kopie.bin`, false);
    expect(await fileVersion(igj, `${FOLDER}/groot-kopie.bin`)).toMatchObject({ UIVersionLabel: '0.1' });
    expect(await cibg.web.getFileByServerRelativePath(`${FOLDER}/groot-kopie.bin`).exists()).toBe(false);
  });

  it('refuses publishing in a library without minor versions, where every write is a major version', async () => {
    await admin.web.lists.add('Archief', '', 101);
    const root = admin.web.getFolderByServerRelativePath(`${SITE}/Archief`);
    await root.files.addUsingPath('a.txt', 'een');
    expect(await fileVersion(admin, `${SITE}/Archief/a.txt`)).toMatchObject({ UIVersionLabel: '1.0', Level: 1 });
    await admin.web.getFileByServerRelativePath(`${SITE}/Archief/a.txt`).setContent('twee');
    expect(await fileVersion(admin, `${SITE}/Archief/a.txt`)).toMatchObject({ UIVersionLabel: '2.0', MinorVersion: 0 });
    const refused = await admin.web
      .getFileByServerRelativePath(`${SITE}/Archief/a.txt`)
      .publish('')
      .catch((e: { status: number; message: string }) => e);
    expect(refused).toMatchObject({ status: 400 });
    expect((refused as { message: string }).message).toContain('minor version enabled list');
  });

  it('lets every reader see drafts when DraftVersionVisibility is 0 (Reader)', async () => {
    await admin.web.lists.add('Open concepten', '', 101);
    const lib = admin.web.lists.getByTitle('Open concepten');
    await lib.update({ EnableMinorVersions: true, DraftVersionVisibility: 0 });
    const c = await admin.web.siteGroups.getByName('Partij CIBG')();
    await lib.breakRoleInheritance(false, true);
    await lib.roleAssignments.add(c.Id, READ);
    await admin.web.getFolderByServerRelativePath(`${SITE}/Open concepten`).files.addUsingPath('c.txt', 'c');
    expect(await fileVersion(cibg, `${SITE}/Open concepten/c.txt`)).toMatchObject({ UIVersionLabel: '0.1' });
  });

  it('shows drafts only to their author and approvers when DraftVersionVisibility is 2 (Approver)', async () => {
    await admin.web.lists.add('Goedkeuring', '', 101);
    const lib = admin.web.lists.getByTitle('Goedkeuring');
    await lib.update({ EnableMinorVersions: true, DraftVersionVisibility: 2 });
    const g = await admin.web.siteGroups.getByName('Partij IGJ')();
    const c = await admin.web.siteGroups.getByName('Partij CIBG')();
    await lib.breakRoleInheritance(false, true);
    await lib.roleAssignments.add(g.Id, CONTRIBUTE);
    await lib.roleAssignments.add(c.Id, CONTRIBUTE);
    await igj.web.getFolderByServerRelativePath(`${SITE}/Goedkeuring`).files.addUsingPath('d.txt', 'd');
    expect(await igj.web.getFileByServerRelativePath(`${SITE}/Goedkeuring/d.txt`).exists()).toBe(true);
    // An editor who is neither the author nor an approver does not see it.
    expect(await cibg.web.getFileByServerRelativePath(`${SITE}/Goedkeuring/d.txt`).exists()).toBe(false);
    expect(await admin.web.getFileByServerRelativePath(`${SITE}/Goedkeuring/d.txt`).exists()).toBe(true);
  });
});
