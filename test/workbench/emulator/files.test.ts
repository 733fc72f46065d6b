import type { RunningEmulator } from '../../../workbench/emulator/server';
import { raw, spAs, start } from './helpers';

const LIB = '/sites/samenwerkingsruimte/Uitwisseling';

/** Document libraries: addUsingPath, chunked upload, download, listItemAllFields, folders, move, views, custom actions. */
describe('emulator: files in document libraries', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await start();
    const sp = spAs(emu.siteUrl, 'beheerder');
    await sp.web.lists.add('Uitwisseling', 'Gedeelde documenten', 101);
    await sp.web.lists
      .getByTitle('Uitwisseling')
      .fields.addChoice('Classificatie', { Choices: ['Openbaar', 'Intern', 'Vertrouwelijk'] });
  });
  afterAll(() => emu.close());

  it('adds a file with addUsingPath (raw bytes) and downloads it again', async () => {
    const sp = spAs(emu.siteUrl, 'beheerder');
    const folder = sp.web.getFolderByServerRelativePath(LIB);
    const added = await folder.files.addUsingPath('notitie.txt', 'Hallo samenwerking', { Overwrite: true });
    expect(added).toMatchObject({ Name: 'notitie.txt', ServerRelativeUrl: `${LIB}/notitie.txt`, Length: '18' });
    expect(added.UniqueId).toMatch(/^[0-9a-f-]{36}$/);
    const file = sp.web.getFileByServerRelativePath(`${LIB}/notitie.txt`);
    expect(await file.getText()).toBe('Hallo samenwerking');
    await expect(folder.files.addUsingPath('notitie.txt', 'nogmaals', { Overwrite: false })).rejects.toMatchObject({
      status: 400,
    });
    await folder.files.addUsingPath('notitie.txt', 'Versie 2', { Overwrite: true });
    expect(await file.getText()).toBe('Versie 2');
    const plain = await raw(emu, 'beheerder', 'GET', `${LIB}/notitie.txt`);
    expect(plain.text).toBe('Versie 2');
  });

  it('uploads in chunks (startUpload / continueUpload / finishUpload) and keeps every byte', async () => {
    const sp = spAs(emu.siteUrl, 'beheerder');
    const bytes = new Uint8Array(25_000).map((_, i) => (i * 7) % 251);
    const offsets: number[] = [];
    // addChunked resolves to finishUpload's answer: the file's properties.
    const info = (await sp.web.getFolderByServerRelativePath(LIB).files.addChunked('groot.bin', new Blob([bytes]), {
      chunkSize: 10_000,
      progress: (p) => offsets.push(p.offset),
    })) as unknown as { Length: string };
    expect(info.Length).toBe('25000');
    // Int64 offsets come back as strings, as SharePoint serialises them.
    expect(offsets).toEqual([0, '10000', '20000']);
    const back = new Uint8Array(await sp.web.getFileByServerRelativePath(`${LIB}/groot.bin`).getBuffer());
    expect(Buffer.from(back).equals(Buffer.from(bytes))).toBe(true);
  });

  it('answers continueUpload with the offset as SharePoint does, and refuses a wrong offset', async () => {
    const sp = spAs(emu.siteUrl, 'beheerder');
    await sp.web.getFolderByServerRelativePath(LIB).files.addUsingPath('los.bin', '', { Overwrite: true });
    const base = `/sites/samenwerkingsruimte/_api/web/getFileByServerRelativePath(decodedUrl='${encodeURIComponent(`${LIB}/los.bin`)}')`;
    const id = '11111111-2222-3333-4444-555555555555';
    const s = await raw(emu, 'beheerder', 'POST', `${base}/startUpload(uploadId=guid'${id}')`, { body: 'abc' });
    expect(s.json().value).toBe('3');
    const bad = await raw(emu, 'beheerder', 'POST', `${base}/continueUpload(uploadId=guid'${id}',fileOffset=2)`, {
      body: 'de',
    });
    expect(bad.status).toBe(400);
    expect(bad.json()['odata.error'].message.value).toContain('fileOffset 2');
    const c = await raw(emu, 'beheerder', 'POST', `${base}/continueUpload(uploadId=guid'${id}',fileOffset=3)`, {
      body: 'de',
    });
    expect(c.json().value).toBe('5');
    expect((await raw(emu, 'beheerder', 'POST', `${base}/cancelUpload(uploadId=guid'${id}')`)).status).toBe(200);
    expect(
      (await raw(emu, 'beheerder', 'POST', `${base}/finishUpload(uploadId=guid'${id}',fileOffset=5)`, { body: '' }))
        .status,
    ).toBe(404);
  });

  it('reads and updates the item behind a file (listItemAllFields), validateUpdateListItem included', async () => {
    const sp = spAs(emu.siteUrl, 'beheerder');
    const file = sp.web.getFileByServerRelativePath(`${LIB}/notitie.txt`);
    const item = await file.getItem<{ Id: number; Classificatie: string | null }>('Id', 'Classificatie', 'FileLeafRef');
    expect(item.Classificatie).toBeNull();
    await item.update({ Classificatie: 'Intern' });
    expect((await file.listItemAllFields.select('Classificatie')()).Classificatie).toBe('Intern');
    const list = sp.web.lists.getByTitle('Uitwisseling');
    const res = await list.items
      .getById(item.Id)
      .validateUpdateListItem([{ FieldName: 'Classificatie', FieldValue: 'Geheim' }]);
    expect(res[0]).toMatchObject({ FieldName: 'Classificatie', HasException: true });
    expect((await list.items.getById(item.Id)()).Classificatie).toBe('Intern');
    const ok = await list.items
      .getById(item.Id)
      .validateUpdateListItem([{ FieldName: 'Classificatie', FieldValue: 'Openbaar' }]);
    expect(ok[0]).toMatchObject({ HasException: false, ErrorMessage: null });
    expect((await list.items.getById(item.Id)()).Classificatie).toBe('Openbaar');
    await expect(list.items.add({ Title: 'geen bestand' })).rejects.toMatchObject({ status: 400 });
  });

  it('creates folders and moves a file into one, keeping the item id', async () => {
    const sp = spAs(emu.siteUrl, 'beheerder');
    await sp.web.getFolderByServerRelativePath(LIB).folders.addUsingPath('Review-igj');
    const f = await sp.web
      .getFolderByServerRelativePath(`${LIB}/Review-igj`)
      .listItemAllFields.select('Id', 'HasUniqueRoleAssignments')();
    expect(f.HasUniqueRoleAssignments).toBe(false);
    const before = await sp.web.getFileByServerRelativePath(`${LIB}/notitie.txt`).listItemAllFields.select('Id')();
    await sp.web.getFileByServerRelativePath(`${LIB}/notitie.txt`).moveByPath(`${LIB}/Review-igj/notitie.txt`, false);
    const after = await sp.web
      .getFileByServerRelativePath(`${LIB}/Review-igj/notitie.txt`)
      .listItemAllFields.select('Id', 'FileRef')();
    expect(after.Id).toBe(before.Id);
    expect(after.FileRef).toBe(`${LIB}/Review-igj/notitie.txt`);
    const files = await sp.web.getFolderByServerRelativePath(`${LIB}/Review-igj`).files();
    expect(files.map((x: { Name: string }) => x.Name)).toEqual(['notitie.txt']);
    const rows = await sp.web.lists
      .getByTitle('Uitwisseling')
      .items.select('FileLeafRef', 'ContentType/Name', 'File/Name')
      .expand('ContentType', 'File')
      .filter("FileLeafRef eq 'Review-igj' or FileLeafRef eq 'notitie.txt'")<
      { FileLeafRef: string; ContentType: { Name: string }; File: { Name: string } | null }[]
    >();
    expect(rows.map((r) => [r.FileLeafRef, r.ContentType.Name, r.File?.Name ?? null])).toEqual([
      ['notitie.txt', 'Document', 'notitie.txt'],
      ['Review-igj', 'Folder', null],
    ]);
  });

  it('adds views and binds a ListView Command Set through userCustomActions', async () => {
    const sp = spAs(emu.siteUrl, 'beheerder');
    const list = sp.web.lists.getByTitle('Uitwisseling');
    await list.views.add('Te toetsen', false, {
      ViewQuery: '<Where><Eq><FieldRef Name="Classificatie" /><Value Type="Choice">Intern</Value></Eq></Where>',
      RowLimit: 50,
    });
    const view = list.views.getByTitle('Te toetsen');
    await view.fields.add('Classificatie');
    expect(await view()).toMatchObject({ Title: 'Te toetsen', RowLimit: 50 });
    expect((await view.fields()).Items).toContain('Classificatie');
    const props = JSON.stringify({ mode: 'toets' });
    await list.userCustomActions.add(<Record<string, unknown>>{
      Title: 'Toets',
      Location: 'ClientSideExtension.ListViewCommandSet.CommandBar',
      ClientSideComponentId: '62a9b070-7b05-4a56-bf0e-7aeaaac6a725',
      ClientSideComponentProperties: props,
    });
    const actions = await list.userCustomActions();
    expect(actions).toEqual([
      expect.objectContaining({
        ClientSideComponentId: '62a9b070-7b05-4a56-bf0e-7aeaaac6a725',
        Location: 'ClientSideExtension.ListViewCommandSet.CommandBar',
        ClientSideComponentProperties: props,
        Scope: 4,
      }),
    ]);
    await expect(
      spAs(emu.siteUrl, 'beheerder').web.userCustomActions.add({ Title: 'x', Bestaatniet: 1 } as never),
    ).rejects.toMatchObject({ status: 400 });
  });
});
