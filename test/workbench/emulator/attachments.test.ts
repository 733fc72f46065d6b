import type { RunningEmulator } from '../../../workbench/emulator/server';
import { raw, spAs, start } from './helpers';
import { ROLE, denied, restrictList, userId } from './access';

const SITE = '/sites/samenwerkingsruimte';

/** Attachments of list items: add, read, download, delete, recycle; EditListItems to change, ViewListItems to read. */
describe('emulator: attachments', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await start();
    const admin = spAs(emu.siteUrl, 'beheerder');
    const [sanne, bram] = await Promise.all([userId(emu, 'sanne.devries@igj.example'), userId(emu, 'bram.jansen@cibg.example')]);
    await admin.web.lists.add('Meldingen', '', 100);
    await restrictList(admin, 'Meldingen', [
      [sanne, ROLE.Contribute],
      [bram, ROLE.Read],
    ]);
    await spAs(emu.siteUrl, 'igj-medewerker').web.lists.getByTitle('Meldingen').items.add({ Title: 'melding' });
  });
  afterAll(() => emu.close());

  it('adds an attachment with EditListItems; readers list and download it', async () => {
    const item = spAs(emu.siteUrl, 'igj-medewerker').web.lists.getByTitle('Meldingen').items.getById(1);
    const added = await item.attachmentFiles.add('bijlage.txt', 'inhoud');
    expect(added.data).toMatchObject({
      FileName: 'bijlage.txt',
      ServerRelativeUrl: `${SITE}/Lists/Meldingen/Attachments/1/bijlage.txt`,
    });
    const bramItem = spAs(emu.siteUrl, 'cibg-medewerker').web.lists.getByTitle('Meldingen').items.getById(1);
    expect((await bramItem.attachmentFiles()).map((a: { FileName: string }) => a.FileName)).toEqual(['bijlage.txt']);
    expect(await bramItem.attachmentFiles.getByName('bijlage.txt').getText()).toBe('inhoud');
    expect((await bramItem.select('Attachments')()).Attachments).toBe(true);
    const byName = await raw(emu, 'cibg-medewerker', 'GET', `${SITE}/_api/web/lists/getbytitle('Meldingen')/items(1)/AttachmentFiles/getByFileName('bijlage.txt')`);
    expect(byName.json().FileName).toBe('bijlage.txt');
    const no = await denied(bramItem.attachmentFiles.add('van-bram.txt', 'x'));
    expect(no.status).toBe(403);
    expect(no.message).toContain('[emulator: EditListItems at list ');
    expect((await denied(item.attachmentFiles.add('bijlage.txt', 'dubbel'))).status).toBe(400);
  });

  it('deletes (EditListItems) and recycles attachments; recycled ones come back from the recycle bin', async () => {
    const item = spAs(emu.siteUrl, 'igj-medewerker').web.lists.getByTitle('Meldingen').items.getById(1);
    const bramItem = spAs(emu.siteUrl, 'cibg-medewerker').web.lists.getByTitle('Meldingen').items.getById(1);
    expect((await denied(bramItem.attachmentFiles.getByName('bijlage.txt').delete())).status).toBe(403);
    await item.attachmentFiles.add('tweede.txt', '2');
    await item.attachmentFiles.getByName('tweede.txt').delete();
    await item.attachmentFiles.getByName('bijlage.txt').recycle();
    expect(await item.attachmentFiles()).toEqual([]);
    expect((await item.select('Attachments')()).Attachments).toBe(false);
    const bin = await spAs(emu.siteUrl, 'igj-medewerker').web.recycleBin();
    expect(bin).toEqual([expect.objectContaining({ ItemType: 7, LeafName: 'bijlage.txt' })]);
    await spAs(emu.siteUrl, 'igj-medewerker').web.recycleBin.getById(bin[0].Id).restore();
    expect(await item.attachmentFiles.getByName('bijlage.txt').getText()).toBe('inhoud');
  });

  it('refuses attachments when EnableAttachments is false, and in document libraries', async () => {
    const admin = spAs(emu.siteUrl, 'beheerder');
    await admin.web.lists.getByTitle('Meldingen').update({ EnableAttachments: false });
    expect((await admin.web.lists.getByTitle('Meldingen').select('EnableAttachments')()).EnableAttachments).toBe(false);
    // Turning attachments off removes them.
    expect(await admin.web.lists.getByTitle('Meldingen').items.getById(1).attachmentFiles()).toEqual([]);
    const off = await denied(admin.web.lists.getByTitle('Meldingen').items.getById(1).attachmentFiles.add('a.txt', 'a'));
    expect(off.status).toBe(400);
    expect(off.message).toContain('EnableAttachments');
    await admin.web.lists.add('Bibliotheek', '', 101);
    await admin.web.getFolderByServerRelativePath(`${SITE}/Bibliotheek`).files.addUsingPath('d.txt', 'd');
    const lib = await denied(admin.web.lists.getByTitle('Bibliotheek').items.getById(1).attachmentFiles.add('a.txt', 'a'));
    expect(lib.status).toBe(400);
  });
});
