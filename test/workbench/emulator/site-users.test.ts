import type { RunningEmulator } from '../../../workbench/emulator/server';
import { raw, spAs, start } from './helpers';
import { ROLE, userId } from './access';

const SITE = '/sites/samenwerkingsruimte';

/**
 * A user changes the Title and e-mail of their own site user entry (User Information List) and no one else's
 * (docs/emulator.md, "Site users: own entry"; SharePoint/sp-dev-docs#6334).
 */
describe('emulator: MERGE of a site user', () => {
  let emu: RunningEmulator;
  let sanne: number;
  let bram: number;
  beforeAll(async () => {
    emu = await start();
    const admin = spAs(emu.siteUrl, 'beheerder');
    sanne = await userId(emu, 'sanne.devries@igj.example');
    bram = await userId(emu, 'bram.jansen@cibg.example');
    // Read only: no Edit Personal User Information, as in the report.
    await admin.web.roleAssignments.add(sanne, ROLE.Read);
    await admin.web.roleAssignments.add(bram, ROLE.Read);
  });
  afterAll(() => emu.close());

  const merge = (user: string, path: string, body: unknown): ReturnType<typeof raw> =>
    raw(emu, user, 'POST', `${SITE}/_api/web/${path}`, {
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json;odata=verbose', 'X-HTTP-Method': 'MERGE' },
    });

  it('the own entry takes Title and EMail (verbose body, as in the report) and shows them everywhere', async () => {
    const r = await merge('igj-medewerker', `siteusers/getbyid(${sanne})`, {
      __metadata: { type: 'SP.Data.UserInfoItem' },
      Title: 'Directeur Sanne',
      EMail: 'directeur@igj.example',
    });
    expect(r.status).toBe(204);
    const u = await spAs(emu.siteUrl, 'cibg-medewerker').web.getUserById(sanne)();
    expect(u).toMatchObject({ Title: 'Directeur Sanne', Email: 'directeur@igj.example' });
    // PnPjs siteUser.update (plain JSON, 'Email').
    await spAs(emu.siteUrl, 'igj-medewerker').web.siteUsers.getById(sanne).update({ Title: 'Sanne de Vries', Email: 'sanne.devries@igj.example' });
    expect((await spAs(emu.siteUrl, 'igj-medewerker').web.currentUser()).Title).toBe('Sanne de Vries');
  });

  it("someone else's entry is refused (403); IsSiteAdmin and other properties are not the user's to set", async () => {
    const other = await merge('igj-medewerker', `siteusers/getbyid(${bram})`, { Title: 'gekaapt' });
    expect(other.status).toBe(403);
    expect((await spAs(emu.siteUrl, 'beheerder').web.getUserById(bram)()).Title).toBe('Bram Jansen');
    const admin = await merge('igj-medewerker', `siteusers/getbyid(${sanne})`, { IsSiteAdmin: true });
    expect(admin.status).toBe(403);
    expect((await spAs(emu.siteUrl, 'beheerder').web.getUserById(sanne)()).IsSiteAdmin).toBe(false);
    const login = await merge('igj-medewerker', `siteusers/getbyid(${sanne})`, { LoginName: 'i:0#.f|membership|x@y' });
    expect(login.status).toBe(400);
    const empty = await merge('igj-medewerker', `getuserbyid(${sanne})`, { Title: ' ' });
    expect(empty.status).toBe(400);
  });

  it('site owners and admins changing others: not emulated (501), never a silent success', async () => {
    const r = await merge('beheerder', `siteusers/getbyid(${bram})`, { Title: 'x' });
    expect(r.status).toBe(501);
    const uil = await raw(emu, 'igj-medewerker', 'GET', `${SITE}/_api/web/SiteUserInfoList/items`);
    expect(uil.status).toBe(501);
  });
});
