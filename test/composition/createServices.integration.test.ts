import '@pnp/sp/webs';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import { PnpSiteDirectory } from '../../src/adapters/sharepoint';
import { createServices } from '../../src/composition/createServices';
import { ConfigLoadError } from '../../src/ports/config';
import { loadAgreementText } from '../../src/domain/agreement/load';
import { stampedText } from '../../src/domain/agreement/stamp';
import { provisionSite } from '../../src/provisioning/provisioner';
import { buildSiteSchema } from '../../src/provisioning/siteSchema';
import { loadConfigFixture } from '../helpers/config';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator';

// The full validator, counted: a stamped configuration must load without it.
jest.mock('../../src/domain/agreement/load', () => {
  const actual = jest.requireActual('../../src/domain/agreement/load');
  return { ...actual, loadAgreementText: jest.fn(actual.loadAgreementText) };
});
const fullValidations = loadAgreementText as jest.MockedFunction<typeof loadAgreementText>;

/** The composition root as every host calls it: config first, then every adapter, against a real emulator. */
describe('createServices', () => {
  const config = loadConfigFixture();
  let emu: TestEmulator;
  const CONFIG_PATH = '/sites/samenwerkingsruimte/Configuratie/Samenwerkingsruimte';

  beforeAll(async () => {
    emu = await startTestEmulator();
    await provisionSite(emu.spForUser('beheerder'), buildSiteSchema(config), config);
    await new PnpSiteDirectory(emu.spForUser('beheerder'), config).addToGroup(
      'igj-medewerkers',
      'sanne.devries@igj.example',
    );
  }, 120000);
  afterAll(async () => emu?.close());

  it('refuses with a clear message before provisioning uploaded a configuration', async () => {
    const empty = await startTestEmulator();
    try {
      const p = createServices({
        sp: empty.spForUser('beheerder'),
        graph: empty.graphForUser('beheerder'),
        siteUrl: empty.siteUrl,
      });
      await expect(p).rejects.toBeInstanceOf(ConfigLoadError);
      await expect(p).rejects.toThrow(/Configuratie ontbreekt/);
    } finally {
      await empty.close();
    }
  });

  it('loads the configuration from the site and builds every adapter', async () => {
    const services = await createServices({
      sp: emu.spForUser('igj-medewerker'),
      graph: emu.graphForUser('igj-medewerker'),
      siteUrl: emu.siteUrl,
      teams: { theme: 'dark' },
    });
    expect(services.config.id).toBe(config.id);
    expect(services.host).toEqual({
      siteUrl: emu.siteUrl,
      theme: 'dark',
      privacyChannel: { teamId: config.space.teamId, channelId: config.space.channelId },
      reminderChannel: { teamId: config.space.teamId, channelId: config.space.reminderChannelId },
    });
    const me = await services.directory.currentUser();
    expect(me.party).toBe('igj');
    for (const key of [
      'documents',
      'audit',
      'agreements',
      'breaches',
      'meetings',
      'reminders',
      'site',
      'mail',
      'channel',
      'calendar',
    ] as const) {
      expect(services[key]).toBeDefined();
    }
  });

  it('names the broken field and article when the stored configuration is invalid', async () => {
    const sp = emu.spForUser('beheerder');
    const broken = {
      ...config,
      parties: config.parties.map((p, i) => (i === 1 ? { ...p, breachAddress: 'geen-adres' } : p)),
    };
    await sp.web
      .getFolderByServerRelativePath(CONFIG_PATH)
      .files.addUsingPath('agreement.json', JSON.stringify(broken), { Overwrite: true });
    try {
      const p = createServices({
        sp: emu.spForUser('igj-medewerker'),
        graph: emu.graphForUser('igj-medewerker'),
        siteUrl: emu.siteUrl,
      });
      await expect(p).rejects.toThrow(/parties\[1\]\.breachAddress.*art\. 9\.6/);
    } finally {
      await sp.web
        .getFolderByServerRelativePath(CONFIG_PATH)
        .files.addUsingPath('agreement.json', await stampedText(config), { Overwrite: true });
    }
  });

  it('uses a configuration stamped by provisioning without the full validator, and validates one changed by hand in full', async () => {
    const build = () =>
      createServices({ sp: emu.spForUser('igj-medewerker'), graph: emu.graphForUser('igj-medewerker'), siteUrl: emu.siteUrl });
    fullValidations.mockClear();
    expect((await build()).config).toEqual(config);
    expect(fullValidations).not.toHaveBeenCalled();
    // An owner edits the stored file by hand and keeps its old stamp: the content no longer matches it.
    const sp = emu.spForUser('beheerder');
    const stored = JSON.parse(await stampedText(config)) as Record<string, any>;
    stored.parties[1].breachAddress = 'geen-adres';
    await sp.web.getFolderByServerRelativePath(CONFIG_PATH).files.addUsingPath('agreement.json', JSON.stringify(stored), { Overwrite: true });
    try {
      await expect(build()).rejects.toThrow(/parties\[1\]\.breachAddress.*art\. 9\.6/);
      expect(fullValidations).toHaveBeenCalledTimes(1);
    } finally {
      await sp.web.getFolderByServerRelativePath(CONFIG_PATH).files.addUsingPath('agreement.json', await stampedText(config), { Overwrite: true });
    }
  });
});
