import type { RunningEmulator } from '../../../workbench/emulator/server';
import { raw, spAs, start } from './helpers';
import { ROLE, denied, userId } from './access';

const SITE = '/sites/samenwerkingsruimte';

/**
 * Site columns and site content types are managed with Manage Lists on the web (the Design level has it and not Manage
 * Web); pushing a site column change down to lists is not offered over REST (docs/emulator.md, "Site columns and
 * content types").
 */
describe('emulator: site columns and content types need Manage Lists on the web', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await start();
    const admin = spAs(emu.siteUrl, 'beheerder');
    await admin.web.roleAssignments.add(await userId(emu, 'sanne.devries@igj.example'), ROLE.Design);
    await admin.web.roleAssignments.add(await userId(emu, 'bram.jansen@cibg.example'), ROLE.Contribute);
  });
  afterAll(() => emu.close());

  it('Design (Manage Lists, no Manage Web) creates, changes and deletes a site column', async () => {
    const sp = spAs(emu.siteUrl, 'igj-medewerker');
    await sp.web.fields.addText('Dossiernummer', { Group: 'Samenwerking' } as never);
    const field = sp.web.fields.getByInternalNameOrTitle('Dossiernummer');
    await field.update({ Description: 'Het nummer van het dossier' });
    expect((await field()).Description).toBe('Het nummer van het dossier');
    await field.delete();
    expect(await sp.web.fields.filter("InternalName eq 'Dossiernummer'")()).toHaveLength(0);
  });

  it('Design creates and changes a site content type and its field links', async () => {
    const sp = spAs(emu.siteUrl, 'igj-medewerker');
    await sp.web.fields.addText('Kenmerk');
    await sp.web.contentTypes.add('0x0100A1B2C3D4E5F60718293A4B5C6D7E8F90', 'Melding', '', 'Samenwerking');
    const r = await raw(emu, 'igj-medewerker', 'POST', `${SITE}/_api/web/contenttypes('0x0100A1B2C3D4E5F60718293A4B5C6D7E8F90')/fieldlinks`, {
      body: JSON.stringify({ FieldInternalName: 'Kenmerk' }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(r.status).toBe(200);
    await sp.web.contentTypes.getById('0x0100A1B2C3D4E5F60718293A4B5C6D7E8F90').update({ Description: 'Een melding' });
  });

  it('Contribute (no Manage Lists) is refused, naming ManageLists at the web', async () => {
    const sp = spAs(emu.siteUrl, 'cibg-medewerker');
    const r = await denied(sp.web.fields.addText('Poging'));
    expect(r.status).toBe(403);
    expect(r.message).toContain('[emulator: ManageLists at web]');
    const ct = await denied(sp.web.contentTypes.add('0x0100FFEEDDCCBBAA99887766554433221100', 'Poging'));
    expect(ct.status).toBe(403);
    expect(ct.message).toContain('[emulator: ManageLists at web]');
  });

  it('updateAndPushChanges is not a REST method in SharePoint (CSOM only): 501, and a MERGE changes only the site column', async () => {
    const admin = spAs(emu.siteUrl, 'beheerder');
    await admin.web.fields.addText('Kleur');
    const id = (await admin.web.fields.getByInternalNameOrTitle('Kleur')()).Id;
    const push = await raw(emu, 'beheerder', 'POST', `${SITE}/_api/web/fields/getbyid('${id}')/updateAndPushChanges(pushChangesToLists=true)`);
    expect(push.status).toBe(501);
    await admin.web.contentTypes.add('0x0100112233445566778899AABBCCDDEEFF00', 'Gekleurd');
    await raw(emu, 'beheerder', 'POST', `${SITE}/_api/web/contenttypes('0x0100112233445566778899AABBCCDDEEFF00')/fieldlinks`, {
      body: JSON.stringify({ FieldInternalName: 'Kleur' }),
      headers: { 'Content-Type': 'application/json' },
    });
    await admin.web.lists.add('Palet', '', 100);
    const list = admin.web.lists.getByTitle('Palet');
    await list.contentTypes.addAvailableContentType('0x0100112233445566778899AABBCCDDEEFF00');
    await admin.web.fields.getByInternalNameOrTitle('Kleur').update({ Description: 'nieuw' });
    expect((await list.fields.getByInternalNameOrTitle('Kleur')()).Description).toBe('');
  });
});
