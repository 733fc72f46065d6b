import '@pnp/sp/webs';
import '@pnp/sp/site-groups/web';
import { seedSite } from '../../workbench/seed/seed';
import { loadConfigFixture } from '../helpers/config';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator';

/** The workbench seed: provisioning as beheerder, memberships from the autorisatielijst, demo content; idempotent. */
describe('seedSite', () => {
  const config = loadConfigFixture();
  let emu: TestEmulator;

  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(async () => emu?.close());

  it('seeds once and adds nothing on a second run', async () => {
    const first = await seedSite(emu.siteUrl, { agreement: config });
    expect(first.documents).toBe(6);
    expect(first.registerEntries).toBe(4);
    expect(first.meetings).toBe(2);
    const second = await seedSite(emu.siteUrl, { agreement: config });
    expect(second).toMatchObject({ documents: 0, registerEntries: 0, meetings: 0, provisioning: { changed: 0 } });
  }, 180000);

  it('places people in groups by their function title on the autorisatielijst (art. 1e, 10.1)', async () => {
    const members = async (name: string): Promise<string[]> =>
      (await emu.spForUser('beheerder').web.siteGroups.getByName(name).users.select('Email')()).map(
        (u: { Email: string }) => u.Email,
      );
    // art. 10.1: one autorisatielijst group per party; nobody is in the other party's group.
    expect((await members('IGJ Autorisatielijst Vertrouwelijk')).sort()).toEqual([
      'fatima.elamrani@igj.example',
      'pieter.bakker@igj.example',
      'sanne.devries@igj.example',
    ]);
    expect((await members('CIBG Autorisatielijst Vertrouwelijk')).sort()).toEqual([
      'bram.jansen@cibg.example',
      'johan.smit@cibg.example',
    ]);
    expect(await members('Accounthouders')).toEqual(
      expect.arrayContaining(['pieter.bakker@igj.example', 'lotte.visser@cibg.example']),
    );
    const everyone = [...(await members('IGJ Medewerkers')), ...(await members('CIBG Medewerkers'))];
    expect(everyone).not.toContain('olaf.buiten@extern.example');
  });

  it('refuses a broken configuration naming the field and article', async () => {
    const broken = { ...config, parties: config.parties.map((p, i) => (i === 0 ? { ...p, breachAddress: 'x' } : p)) };
    await expect(seedSite(emu.siteUrl, { agreement: broken })).rejects.toThrow(
      /parties\[0\]\.breachAddress.*art\. 9\.6/,
    );
  });
});
