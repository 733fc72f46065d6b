import { CheckinType } from '@pnp/sp/files';
import type { RunningEmulator } from '../../../workbench/emulator/server';
import { raw, spAs, start } from './helpers';
import { ROLE, denied, refusal, restrictList, userId } from './access';

const SITE = '/sites/samenwerkingsruimte';
const LIB = `${SITE}/Werkmap`;
const api = (url: string): string => `${SITE}/_api/web/getFileByServerRelativePath(decodedUrl='${url}')`;

/** Check-out, check-in and discard; writes by others are refused while a file is checked out; ForceCheckout. */
describe('emulator: check-out and check-in', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await start();
    const admin = spAs(emu.siteUrl, 'beheerder');
    const [sanne, bram, lotte, johan] = await Promise.all([
      userId(emu, 'sanne.devries@igj.example'),
      userId(emu, 'bram.jansen@cibg.example'),
      userId(emu, 'lotte.visser@cibg.example'),
      userId(emu, 'johan.smit@cibg.example'),
    ]);
    await admin.web.lists.add('Werkmap', '', 101);
    await admin.web.lists.getByTitle('Werkmap').update({ EnableMinorVersions: true });
    await restrictList(admin, 'Werkmap', [
      [sanne, ROLE.Contribute],
      [bram, ROLE.Contribute],
      [lotte, ROLE.Design],
      [johan, ROLE.Read],
    ]);
    await spAs(emu.siteUrl, 'igj-medewerker').web.getFolderByServerRelativePath(LIB).files.addUsingPath('nota.txt', 'v1');
    await spAs(emu.siteUrl, 'igj-medewerker').web.getFileByServerRelativePath(`${LIB}/nota.txt`).publish('');
  });
  afterAll(() => emu.close());

  it('checks out with EditListItems only', async () => {
    const no = await refusal(emu, 'cibg-privacy', 'POST', `${api(`${LIB}/nota.txt`)}/checkout`);
    expect(no).toMatchObject({ status: 403, permission: 'EditListItems' });
    await spAs(emu.siteUrl, 'igj-medewerker').web.getFileByServerRelativePath(`${LIB}/nota.txt`).checkout();
    const f = await spAs(emu.siteUrl, 'igj-medewerker').web.getFileByServerRelativePath(`${LIB}/nota.txt`).select('CheckOutType')();
    expect(f.CheckOutType).toBe(0);
    const by = await raw(emu, 'cibg-medewerker', 'GET', `${api(`${LIB}/nota.txt`)}/CheckedOutByUser`);
    expect(by.json().Title).toBe('Sanne de Vries');
  });

  it('refuses every write of someone else with 423 (SPFileCheckOutException) and shows them the checked-in file', async () => {
    const sanne = spAs(emu.siteUrl, 'igj-medewerker').web.getFileByServerRelativePath(`${LIB}/nota.txt`);
    await sanne.setContent('v2 in bewerking');
    const bram = spAs(emu.siteUrl, 'cibg-medewerker').web.getFileByServerRelativePath(`${LIB}/nota.txt`);
    const w = await denied(bram.setContent('van Bram'));
    expect(w.status).toBe(423);
    expect(w.message).toContain('-2130575306, Microsoft.SharePoint.SPFileCheckOutException');
    expect(w.message).toContain('is checked out for editing by i:0#.f|membership|sanne.devries@igj.example');
    expect((await denied(bram.delete())).status).toBe(423);
    expect((await denied(bram.checkout())).status).toBe(423);
    expect(await bram.getText()).toBe('v1');
    expect(await sanne.getText()).toBe('v2 in bewerking');
    expect((await bram.select('UIVersionLabel')()).UIVersionLabel).toBe('1.0');
  });

  it("checks in (minor, then major) with the comment; someone else's check-out needs CancelCheckout", async () => {
    const sanne = spAs(emu.siteUrl, 'igj-medewerker').web.getFileByServerRelativePath(`${LIB}/nota.txt`);
    await sanne.checkin('eerste ronde', CheckinType.Minor);
    expect(await sanne.select('UIVersionLabel', 'CheckOutType', 'CheckInComment')()).toMatchObject({
      UIVersionLabel: '1.1',
      CheckOutType: 2,
      CheckInComment: 'eerste ronde',
    });
    await sanne.checkout();
    const bram = spAs(emu.siteUrl, 'cibg-medewerker').web.getFileByServerRelativePath(`${LIB}/nota.txt`);
    const no = await denied(bram.checkin('', CheckinType.Major));
    expect(no.status).toBe(403);
    expect(no.message).toContain('[emulator: CancelCheckout at list ');
    expect((await denied(bram.undoCheckout())).status).toBe(403);
    // Lotte (Design: Override List Behaviors) checks Sanne's file in as a major version.
    await spAs(emu.siteUrl, 'cibg-accounthouder').web.getFileByServerRelativePath(`${LIB}/nota.txt`).checkin('vastgesteld', CheckinType.Major);
    expect((await bram.select('UIVersionLabel')()).UIVersionLabel).toBe('2.0');
    expect(await bram.getText()).toBe('v2 in bewerking');
  });

  it('discards a check-out and its changes (undoCheckOut)', async () => {
    const sanne = spAs(emu.siteUrl, 'igj-medewerker').web.getFileByServerRelativePath(`${LIB}/nota.txt`);
    await sanne.checkout();
    await sanne.setContent('weggooien');
    await sanne.undoCheckout();
    expect(await sanne.getText()).toBe('v2 in bewerking');
    expect((await sanne.select('UIVersionLabel', 'CheckOutType')())).toMatchObject({ UIVersionLabel: '2.0', CheckOutType: 2 });
    const r = await raw(emu, 'igj-medewerker', 'POST', `${api(`${LIB}/nota.txt`)}/checkin(comment='',checkintype=0)`);
    expect(r.status).toBe(400);
    expect(r.text).toContain('is not checked out');
  });

  it('ForceCheckout: edits need a check-out; a new upload is the uploader\'s until checked in', async () => {
    const admin = spAs(emu.siteUrl, 'beheerder');
    await admin.web.lists.getByTitle('Werkmap').update({ ForceCheckout: true });
    const sanne = spAs(emu.siteUrl, 'igj-medewerker').web.getFileByServerRelativePath(`${LIB}/nota.txt`);
    const edit = await denied(sanne.setContent('zonder uitchecken'));
    expect(edit.status).toBe(400);
    expect(edit.message).toContain('You must first check out this document before making changes.');
    await spAs(emu.siteUrl, 'igj-medewerker').web.getFolderByServerRelativePath(LIB).files.addUsingPath('nieuw.txt', 'n');
    const bramNew = spAs(emu.siteUrl, 'cibg-medewerker').web.getFileByServerRelativePath(`${LIB}/nieuw.txt`);
    expect(await bramNew.exists()).toBe(false);
    const names = async (user: string): Promise<string[]> =>
      (await spAs(emu.siteUrl, user).web.lists.getByTitle('Werkmap').items.select('FileLeafRef')()).map((i: { FileLeafRef: string }) => i.FileLeafRef);
    expect(await names('cibg-medewerker')).toEqual(['nota.txt']);
    expect(await names('igj-medewerker')).toEqual(['nota.txt', 'nieuw.txt']);
    await spAs(emu.siteUrl, 'igj-medewerker').web.getFileByServerRelativePath(`${LIB}/nieuw.txt`).checkin('', CheckinType.Major);
    expect(await bramNew.getText()).toBe('n');
    await admin.web.lists.getByTitle('Werkmap').update({ ForceCheckout: false });
  });
});
