import type { RunningEmulator } from '../../../workbench/emulator/server';
import { raw, spAs, start } from './helpers';
import { ROLE, denied, refusal, restrictList, userId } from './access';

const SITE = '/sites/samenwerkingsruimte';
type Row = { Id: number; Title: string; OData__ModerationStatus?: number };

async function titles(emu: RunningEmulator, user: string, list: string): Promise<string[]> {
  return (await spAs(emu.siteUrl, user).web.lists.getByTitle(list).items.select('Title')()).map((i: Row) => i.Title);
}

/**
 * Content approval: new and edited items are Pending until someone with ApproveItems approves them; readers see the
 * last approved version; _ModerationStatus written by a non-approver is refused (switch). Approvers may approve their
 * own work: SharePoint has no "approver is not the author" rule.
 */
describe('emulator: content approval', () => {
  let emu: RunningEmulator;
  let sanne: number;
  let bram: number;
  let lotte: number;
  beforeAll(async () => {
    emu = await start();
    const admin = spAs(emu.siteUrl, 'beheerder');
    [sanne, bram, lotte] = await Promise.all([
      userId(emu, 'sanne.devries@igj.example'),
      userId(emu, 'bram.jansen@cibg.example'),
      userId(emu, 'lotte.visser@cibg.example'),
    ]);
    await admin.web.lists.add('Besluiten', '', 100, false, { EnableModeration: true, DraftVersionVisibility: 2 });
    await restrictList(admin, 'Besluiten', [
      [sanne, ROLE.Contribute],
      [bram, ROLE.Read],
      [lotte, ROLE.Design],
    ]);
  });
  afterAll(() => emu.close());

  it('keeps a new item Pending: readers do not see it, the author and approvers do', async () => {
    const item = await spAs(emu.siteUrl, 'igj-medewerker').web.lists.getByTitle('Besluiten').items.add({ Title: 'Besluit 1' });
    const own = await spAs(emu.siteUrl, 'igj-medewerker').web.lists.getByTitle('Besluiten').items.getById(item.Id).select('OData__ModerationStatus')();
    expect(own.OData__ModerationStatus).toBe(2);
    expect(await titles(emu, 'cibg-medewerker', 'Besluiten')).toEqual([]);
    expect(await titles(emu, 'igj-medewerker', 'Besluiten')).toEqual(['Besluit 1']);
    expect(await titles(emu, 'cibg-accounthouder', 'Besluiten')).toEqual(['Besluit 1']);
  });

  it('refuses _ModerationStatus from a non-approver with 403 naming ApproveItems; an approver approves by MERGE', async () => {
    const path = `${SITE}/_api/web/lists/getbytitle('Besluiten')/items(1)`;
    const no = await refusal(emu, 'igj-medewerker', 'MERGE', path, JSON.stringify({ OData__ModerationStatus: 0 }));
    expect(no).toMatchObject({ status: 403, permission: 'ApproveItems' });
    expect(no.message).toContain('writing _ModerationStatus');
    await spAs(emu.siteUrl, 'cibg-accounthouder').web.lists.getByTitle('Besluiten').items.getById(1).update({ OData__ModerationStatus: 0 });
    expect(await titles(emu, 'cibg-medewerker', 'Besluiten')).toEqual(['Besluit 1']);
  });

  it('returns an approved item to Pending on an edit by a non-approver; readers keep the approved version', async () => {
    const sanneList = spAs(emu.siteUrl, 'igj-medewerker').web.lists.getByTitle('Besluiten');
    await sanneList.items.getById(1).update({ Title: 'Besluit 1 (gewijzigd)' });
    expect((await sanneList.items.getById(1).select('OData__ModerationStatus')()).OData__ModerationStatus).toBe(2);
    expect(await titles(emu, 'cibg-medewerker', 'Besluiten')).toEqual(['Besluit 1']);
    expect(await titles(emu, 'igj-medewerker', 'Besluiten')).toEqual(['Besluit 1 (gewijzigd)']);
    // The approver rejects it; readers still see the approved version.
    await spAs(emu.siteUrl, 'cibg-accounthouder')
      .web.lists.getByTitle('Besluiten')
      .items.getById(1)
      .validateUpdateListItem([
        { FieldName: '_ModerationStatus', FieldValue: '1' },
        { FieldName: '_ModerationComments', FieldValue: 'onvolledig' },
      ]);
    const denied1 = await sanneList.items.getById(1).select('OData__ModerationStatus', 'OData__ModerationComments')();
    expect(denied1).toMatchObject({ OData__ModerationStatus: 1, OData__ModerationComments: 'onvolledig' });
    expect(await titles(emu, 'cibg-medewerker', 'Besluiten')).toEqual(['Besluit 1']);
  });

  it('lets an approver approve their own item (no approver-is-not-author rule)', async () => {
    const lotteList = spAs(emu.siteUrl, 'cibg-accounthouder').web.lists.getByTitle('Besluiten');
    const item = await lotteList.items.add({ Title: 'Besluit 2' });
    await lotteList.items.getById(item.Id).update({ OData__ModerationStatus: 0 });
    expect(await titles(emu, 'cibg-medewerker', 'Besluiten')).toEqual(['Besluit 1', 'Besluit 2']);
  });

  it('drops a non-approver\'s _ModerationStatus when switch moderationStatusWrite is "ignore"', async () => {
    const other = await start({ sharePointSwitches: { moderationStatusWrite: 'ignore' } });
    try {
      const admin = spAs(other.siteUrl, 'beheerder');
      await admin.web.lists.add('Besluiten', '', 100, false, { EnableModeration: true });
      await restrictList(admin, 'Besluiten', [[await userId(other, 'sanne.devries@igj.example'), ROLE.Contribute]]);
      const list = spAs(other.siteUrl, 'igj-medewerker').web.lists.getByTitle('Besluiten');
      const item = await list.items.add({ Title: 'x' });
      await list.items.getById(item.Id).update({ OData__ModerationStatus: 0, Title: 'y' });
      expect(await list.items.getById(item.Id).select('Title', 'OData__ModerationStatus')()).toMatchObject({ Title: 'y', OData__ModerationStatus: 2 });
    } finally {
      await other.close();
    }
  });

  it('in a library with minor versions: publish submits (Pending), approve (ApproveItems) makes the major version', async () => {
    const admin = spAs(emu.siteUrl, 'beheerder');
    await admin.web.lists.add('Publicaties', '', 101);
    await admin.web.lists.getByTitle('Publicaties').update({ EnableMinorVersions: true, EnableModeration: true, DraftVersionVisibility: 1 });
    await restrictList(admin, 'Publicaties', [
      [sanne, ROLE.Contribute],
      [bram, ROLE.Read],
      [lotte, ROLE.Design],
    ]);
    const url = `${SITE}/Publicaties/advies.txt`;
    await spAs(emu.siteUrl, 'igj-medewerker').web.getFolderByServerRelativePath(`${SITE}/Publicaties`).files.addUsingPath('advies.txt', 'concept');
    const sanneFile = spAs(emu.siteUrl, 'igj-medewerker').web.getFileByServerRelativePath(url);
    expect((await sanneFile.listItemAllFields.select('OData__ModerationStatus')()).OData__ModerationStatus).toBe(3);
    await sanneFile.publish('graag beoordelen');
    expect(await sanneFile.listItemAllFields.select('OData__ModerationStatus', 'OData__UIVersionString')()).toMatchObject({
      OData__ModerationStatus: 2,
      OData__UIVersionString: '0.1',
    });
    expect(await spAs(emu.siteUrl, 'cibg-medewerker').web.getFileByServerRelativePath(url).exists()).toBe(false);
    const no = await denied(sanneFile.approve('zelf'));
    expect(no.status).toBe(403);
    expect(no.message).toContain('[emulator: ApproveItems at list ');
    await spAs(emu.siteUrl, 'cibg-accounthouder').web.getFileByServerRelativePath(url).approve('akkoord');
    const bramFile = spAs(emu.siteUrl, 'cibg-medewerker').web.getFileByServerRelativePath(url);
    expect(await bramFile.select('UIVersionLabel')()).toMatchObject({ UIVersionLabel: '1.0' });
    expect(await bramFile.getText()).toBe('concept');
    // An edit is a Draft minor version; the reader keeps 1.0; deny keeps it from them too.
    await sanneFile.setContent('herzien');
    await sanneFile.publish('');
    await spAs(emu.siteUrl, 'cibg-accounthouder').web.getFileByServerRelativePath(url).deny('nee');
    expect(await bramFile.getText()).toBe('concept');
    expect((await sanneFile.listItemAllFields.select('OData__ModerationStatus')()).OData__ModerationStatus).toBe(1);
  });

  it('unpublish without content approval: the reader sees the previous major version (or nothing, by switch)', async () => {
    for (const [shows, expected] of [
      ['previousMajor', 'eerste'],
      ['nothing', null],
    ] as const) {
      const other = await start({ sharePointSwitches: { unpublishShows: shows } });
      try {
        const admin = spAs(other.siteUrl, 'beheerder');
        await admin.web.lists.add('Notities', '', 101);
        await admin.web.lists.getByTitle('Notities').update({ EnableMinorVersions: true, DraftVersionVisibility: 1 });
        await restrictList(admin, 'Notities', [[await userId(other, 'bram.jansen@cibg.example'), ROLE.Read]]);
        const url = `${SITE}/Notities/n.txt`;
        await admin.web.getFolderByServerRelativePath(`${SITE}/Notities`).files.addUsingPath('n.txt', 'eerste');
        const file = admin.web.getFileByServerRelativePath(url);
        await file.publish('');
        await file.setContent('tweede');
        await file.publish('');
        const no = await raw(other, 'cibg-medewerker', 'POST', `${SITE}/_api/web/getFileByServerRelativePath(decodedUrl='${url}')/unpublish(comment='')`);
        expect(no.status).toBe(403);
        expect(no.headers.get('x-emulator-permission')).toBe('EditListItems');
        await file.unpublish('terug');
        expect((await file.select('UIVersionLabel')()).UIVersionLabel).toBe('2.1');
        const reader = spAs(other.siteUrl, 'cibg-medewerker').web.getFileByServerRelativePath(url);
        if (expected === null) expect(await reader.exists()).toBe(false);
        else expect(await reader.getText()).toBe(expected);
        const again = await raw(other, 'beheerder', 'POST', `${SITE}/_api/web/getFileByServerRelativePath(decodedUrl='${url}')/unpublish(comment='')`);
        expect(again.status).toBe(400);
      } finally {
        await other.close();
      }
    }
  });
});
