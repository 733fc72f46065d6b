import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import '@pnp/sp/views';
import '@pnp/sp/content-types/list';
import '@pnp/sp/user-custom-actions';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/files';
import { provisionSite } from '../../src/provisioning/provisioner';
import { buildSiteSchema } from '../../src/provisioning/siteSchema';
import { DOC, LISTS } from '../../src/provisioning/names';
import type { ProvisionStep } from '../../src/provisioning/report';
import { PnpSiteDirectory } from '../../src/adapters/sharepoint';
import seedUsers from '../../workbench/seed/users.json';
import { loadConfigFixture } from '../helpers/config';
import { startTestEmulator, TEST_SITE_PATH, type TestEmulator } from '../helpers/emulator';

/** Provisioning against a real emulator over HTTP, through PnPjs only, as the site owner would run it. */
describe('provisionSite against the emulator', () => {
  const config = loadConfigFixture();
  const schema = buildSiteSchema(config);
  let emu: TestEmulator;
  let first: ProvisionStep[];

  beforeAll(async () => {
    emu = await startTestEmulator();
    first = (await provisionSite(emu.spForUser('beheerder'), schema, config)).steps;
  }, 120000);
  afterAll(async () => emu?.close());

  it('creates every list, column, view, group and the command set on the first run', () => {
    const created = (step: ProvisionStep['step']): string[] =>
      first.filter((s) => s.step === step && s.outcome === 'created').map((s) => s.target);
    expect(created('list')).toEqual(schema.lists.map((l) => l.title));
    expect(created('group')).toEqual(schema.groups.map((g) => g.title));
    expect(created('view')).toEqual(expect.arrayContaining(['Uitwisseling/Werkafspraken', "Uitwisseling/DVA's"]));
    expect(created('customAction')).toEqual(['Uitwisseling: Toets']);
    expect(created('configFile')).toEqual(['Configuratie/Samenwerkingsruimte/agreement.json']);
  });

  it('changes nothing on a second run', async () => {
    const second = await provisionSite(emu.spForUser('beheerder'), schema, config);
    expect(second.steps.filter((s) => s.outcome !== 'unchanged')).toEqual([]);
    expect(second.changed).toBe(0);
    expect(second.steps.length).toBe(first.length);
  }, 120000);

  it('leaves the site as the schema says: indexed columns, CAML views, bound command set', async () => {
    const sp = emu.spForUser('beheerder');
    const lib = sp.web.lists.getByTitle(config.space.exchangeLibraryTitle);
    const fields: Array<{ InternalName: string; Indexed: boolean }> = await lib.fields.select(
      'InternalName',
      'Indexed',
    )();
    const indexed = new Set(fields.filter((f) => f.Indexed).map((f) => f.InternalName));
    for (const name of [
      DOC.toetsstatus,
      DOC.documentType,
      DOC.classification,
      DOC.party,
      DOC.year,
      DOC.retainUntil,
      'Author',
      'Modified',
    ]) {
      expect({ name, indexed: indexed.has(name) }).toEqual({ name, indexed: true });
    }
    const view: { ViewQuery: string; RowLimit: number } = await lib.views
      .getByTitle("DVA's")
      .select('ViewQuery', 'RowLimit')();
    expect(view.ViewQuery).toContain("<GroupBy Collapse='TRUE' GroupLimit='30'><FieldRef Name='Jaar'");
    const cts: Array<{ StringId: string; Name: string }> = await lib.contentTypes.select('StringId', 'Name')();
    expect(cts.map((c) => c.Name)).toContain('Uitwisselingsdocument');
    const actions: Array<{ ClientSideComponentId: string; Location: string }> = await lib.userCustomActions();
    expect(actions).toEqual([
      expect.objectContaining({
        ClientSideComponentId: '62a9b070-7b05-4a56-bf0e-7aeaaac6a725',
        Location: 'ClientSideExtension.ListViewCommandSet.CommandBar',
      }),
    ]);
    const text = await sp.web
      .getFileByServerRelativePath('/sites/samenwerkingsruimte/Configuratie/Samenwerkingsruimte/agreement.json')
      .getText();
    expect(JSON.parse(text).id).toBe(config.id);
  });

  it('repairs drift: a dropped index is recreated and reported as updated', async () => {
    const sp = emu.spForUser('beheerder');
    await sp.web.lists
      .getByTitle(LISTS.agreements)
      .fields.getByInternalNameOrTitle('EvaluatieVoor')
      .update({ Indexed: false }, 'SP.FieldDateTime');
    const third = await provisionSite(sp, schema, config);
    expect(third.steps.filter((s) => s.outcome !== 'unchanged')).toEqual([
      { step: 'field', target: `${LISTS.agreements}/EvaluatieVoor`, outcome: 'updated', detail: 'Indexed' },
    ]);
  }, 120000);

  it("gives a site provisioned before 'te evalueren' counted the current 'Evaluatie nodig' query on re-run", async () => {
    const sp = emu.spForUser('beheerder');
    const views = sp.web.lists.getByTitle(LISTS.agreements).views;
    // The query older releases provisioned: only records 'in werking' (art. 13.2).
    const old =
      "<Where><And><Leq><FieldRef Name='EvaluatieVoor'/><Value Type='DateTime'><Today OffsetDays='60'/></Value></Leq>" +
      "<Eq><FieldRef Name='Overeenkomststatus'/><Value Type='Choice'>in werking</Value></Eq></And></Where>" +
      "<OrderBy><FieldRef Name='EvaluatieVoor' Ascending='TRUE'/></OrderBy>";
    await views.getByTitle('Evaluatie nodig').update({ ViewQuery: old });
    const rerun = await provisionSite(sp, schema, config);
    expect(rerun.steps.filter((s) => s.outcome !== 'unchanged')).toEqual([
      { step: 'view', target: `${LISTS.agreements}/Evaluatie nodig`, outcome: 'updated', detail: 'ViewQuery' },
    ]);
    const view: { ViewQuery: string } = await views.getByTitle('Evaluatie nodig').select('ViewQuery')();
    const wanted = schema.lists.find((l) => l.key === 'agreements')!.views.find((v) => v.title === 'Evaluatie nodig')!;
    expect(view.ViewQuery).toBe(wanted.query);
    expect(view.ViewQuery).toContain('te evalueren');
    const again = await provisionSite(sp, schema, config);
    expect(again.changed).toBe(0);
  }, 120000);

  it('refuses provisioning by someone who is not a site owner', async () => {
    await expect(provisionSite(emu.spForUser('igj-medewerker'), schema, config)).rejects.toMatchObject({ status: 403 });
  });

  it('upgrades a site from before the party folders without opening an older restricted folder to everyone', async () => {
    const up = await startTestEmulator();
    try {
      const admin = up.spForUser('beheerder');
      // The older shape: the library inherits the site (staff Contribute), one restricted folder of its own.
      const exchange = schema.lists.find((l) => l.key === 'exchange')!;
      const old = {
        ...schema,
        lists: schema.lists.filter((l) => l.key !== 'exchange'),
        customActions: [],
      };
      await provisionSite(admin, old, config);
      await admin.web.lists.add(exchange.title, exchange.description, 101, false, { EnableVersioning: true });
      await admin.web.roleAssignments.add(
        (await admin.web.siteGroups.getByName('IGJ Medewerkers').select('Id')<{ Id: number }>()).Id,
        1073741827,
      );
      const legacy = `${TEST_SITE_PATH}/${exchange.title}/Vertrouwelijk`;
      await admin.web.lists.getByTitle(exchange.title).rootFolder.folders.addUsingPath(legacy);
      const legacyItem = await admin.web.getFolderByServerRelativePath(legacy).getItem();
      await legacyItem.breakRoleInheritance(false, true);
      const staff = seedUsers.users.find((u) => u.key === 'igj-medewerker')!;
      await new PnpSiteDirectory(admin, config).addToGroup('igj-medewerkers', staff.email);
      const lib = `${TEST_SITE_PATH}/${exchange.title}`;
      await admin.web.getFolderByServerRelativePath(`${lib}/Vertrouwelijk`).files.addUsingPath('Oud geheim.txt', 'x');
      const reads = async (key: string): Promise<boolean> =>
        up.spForUser(key).web.getFileByServerRelativePath(`${lib}/Vertrouwelijk/Oud geheim.txt`).exists();
      expect(await reads('igj-medewerker')).toBe(false);
      // Before the upgrade staff could add at the root (the library inherited the site's Contribute).
      await up.spForUser('igj-medewerker').web.getFolderByServerRelativePath(lib).files.addUsingPath('vroeger.txt', 'x');

      const steps = (await provisionSite(admin, schema, config)).steps;
      expect(steps).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ step: 'permissions', target: `${exchange.title}: unieke machtigingen`, outcome: 'created' }),
          expect.objectContaining({ step: 'list', target: exchange.title, outcome: 'updated' }),
        ]),
      );
      // The older restricted folder keeps its own permissions: the list's new grants do not reach into it.
      expect(await reads('igj-medewerker')).toBe(false);
      const info: { EnableMinorVersions: boolean; DraftVersionVisibility: number } = await admin.web.lists
        .getByTitle(exchange.title)
        .select('EnableMinorVersions', 'DraftVersionVisibility')();
      expect(info).toEqual(expect.objectContaining({ EnableMinorVersions: true, DraftVersionVisibility: 1 }));
      // Staff can no longer add at the root, only in their own party's folder.
      await expect(
        up.spForUser('igj-medewerker').web.getFolderByServerRelativePath(lib).files.addUsingPath('root.txt', 'x'),
      ).rejects.toMatchObject({ status: 403 });
      await up
        .spForUser('igj-medewerker')
        .web.getFolderByServerRelativePath(`${lib}/Gedeeld-igj`)
        .files.addUsingPath('eigen.txt', 'x');
    } finally {
      await up.close();
    }
  }, 180000);
});
