/**
 * Three parties (IGJ, CIBG, NZa), against the emulator with the site as provisioned (art. 8, 9.5): the uploader's
 * chosen recipients decide the folder, and SharePoint lets exactly those parties read the file; a set without a folder
 * is refused before any byte; an approval after review keeps the recipients the check judged; a file moved by hand to
 * a wider folder is flagged by the integrity check. The folders' grants themselves are proven by the permission matrix
 * (test/security/matrix.integration.test.ts).
 */
import {
  PnpAuditLog,
  PnpChannelFiles,
  PnpDocumentStore,
  PnpSiteDirectory,
  PnpSiteInventory,
} from '../../src/adapters/sharepoint';
import { runIntegrityCheck } from '../../src/integrity';
import { reviewDocument } from '../../src/review/decide';
import { decide, shareFile, type ShareDeps, type ShareForm } from '../../src/upload';
import { spForUser } from '../../workbench/seed/clients';
import { threePartyConfig } from '../security/permissionsConfigs';
import { ProbeWorld } from '../security/probes';
import { form, scanWith } from './fixtures';

jest.setTimeout(120_000);

const config = threePartyConfig();
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('recipients chosen at upload, enforced by SharePoint (three parties)', () => {
  let world: ProbeWorld;
  let library = '';

  beforeAll(async () => {
    world = await ProbeWorld.create(config);
    const root = await spForUser(world.emu.siteUrl, 'beheerder')
      .web.lists.getByTitle(config.space.exchangeLibraryTitle)
      .rootFolder.select('ServerRelativeUrl')<{ ServerRelativeUrl: string }>();
    library = root.ServerRelativeUrl;
  });
  afterAll(() => world?.close());

  /** The adapters of one identity of the world (e.g. 'staff-igj'). */
  async function depsOf(key: string) {
    const sp = spForUser(world.emu.siteUrl, key);
    const site = new PnpSiteDirectory(sp, config);
    return {
      sp,
      config,
      documents: new PnpDocumentStore(sp, config),
      audit: new PnpAuditLog(sp, config.parties.map((p) => p.key)),
      site,
      user: await site.currentUser(),
    };
  }

  /** HTTP status of reading a file's bytes as an identity. */
  async function readStatus(key: string, serverRelativeUrl: string): Promise<number> {
    const sp = spForUser(world.emu.siteUrl, key);
    try {
      await sp.web.getFileByServerRelativePath(serverRelativeUrl).getText();
      return 200;
    } catch (e) {
      return (e as { status?: number }).status ?? -1;
    }
  }

  async function share(key: string, name: string, f: ShareForm) {
    const deps: ShareDeps = await depsOf(key);
    const item = { fileName: name, content: bytes(`Inhoud van ${name}`), scan: scanWith({}) };
    return shareFile(deps, f, item, decide(deps, f, item));
  }

  it('IGJ shares with CIBG only: the file is in Gedeeld-igj voor cibg; CIBG reads it, NZa does not', async () => {
    const result = await share('staff-igj', 'Alleen CIBG.txt', form({ recipients: ['cibg'] }));
    expect(result.state).toBe('done');
    expect(result.document?.serverRelativeUrl).toBe(`${library}/Gedeeld-igj voor cibg/Alleen CIBG.txt`);
    expect(result.document?.recipients).toEqual(['cibg']);
    const url = result.document!.serverRelativeUrl;
    expect(await readStatus('staff-cibg', url)).toBe(200);
    expect(await readStatus('privacy-cibg', url)).toBe(200);
    for (const outsider of ['staff-nza', 'privacy-nza', 'accounthouder-nza', 'restricted-nza', 'outsider']) {
      expect([outsider, await readStatus(outsider, url)]).toEqual([outsider, 404]);
    }
    const record = await (await depsOf('privacy-igj')).audit.get(result.toetsId);
    expect(record?.recipients).toEqual(['cibg']);
  });

  it('without a choice (or choosing every other party) the file is in Gedeeld-igj and both others read it', async () => {
    const result = await share('staff-igj', 'Iedereen.txt', form({ recipients: ['nza', 'cibg'] }));
    expect(result.document?.serverRelativeUrl).toBe(`${library}/Gedeeld-igj/Iedereen.txt`);
    expect(await readStatus('staff-nza', result.document!.serverRelativeUrl)).toBe(200);
    expect(await readStatus('staff-cibg', result.document!.serverRelativeUrl)).toBe(200);
  });

  it('a set without a folder (NZa alone: no purpose of IGJ goes there) is refused before any byte, naming the choices', async () => {
    const deps: ShareDeps = await depsOf('staff-igj');
    const f = form({ recipients: ['nza'] });
    const decision = decide(deps, f, { fileName: 'Alleen NZa.txt', content: bytes('x'), scan: scanWith({}) });
    expect(decision.outcome).toBe('refused');
    const reason = decision.reasons.find((r) => r.code === 'recipient_set_unavailable');
    expect(reason).toMatchObject({ source: 'art. 8, 9.5' });
    expect(reason?.advice?.nl).toContain('CIBG en NZa; CIBG');
  });

  it('an escalated file, once approved by its privacy officer, goes to the folder of the recipients it was checked for', async () => {
    const f = form({
      classification: 'departementaal-vertrouwelijk',
      recipients: ['cibg'],
      answers: {
        containsPersonalData: true,
        activityKey: 'identiteitsverificatie',
        categories: ['naw', 'identificatie'],
        necessity: 'Nodig om de identiteit van de zorgverlener vast te stellen.',
        lessDataPossible: false,
      },
    });
    const uploaded = await share('restricted-igj', 'Identiteit.txt', f);
    expect(uploaded.decision.outcome).toBe('review');
    expect(uploaded.state).toBe('done');
    const officer = await depsOf('privacy-igj');
    const store = officer.documents;
    const inReview = (await store.list({ view: 'in-review', pageSize: 50 })).items.find((d) => d.name === 'Identiteit.txt');
    expect(inReview?.serverRelativeUrl).toBe(`${library}/Review-igj/Identiteit.txt`);
    const reviewed = await reviewDocument(
      { config, documents: store, audit: officer.audit, reviewer: { ...officer.user, isSiteAdmin: false } },
      inReview!,
      'approved',
      'Akkoord.',
    );
    expect(reviewed.document.serverRelativeUrl).toBe(`${library}/Vertrouwelijk-igj voor cibg/Identiteit.txt`);
    expect(reviewed.record.recipients).toEqual(['cibg']);
    expect(await readStatus('restricted-cibg', reviewed.document.serverRelativeUrl)).toBe(200);
    expect(await readStatus('restricted-nza', reviewed.document.serverRelativeUrl)).toBe(404);
    expect(await readStatus('privacy-nza', reviewed.document.serverRelativeUrl)).toBe(404);
  });

  it('a file moved by hand into the wider Gedeeld-igj is flagged: its record shares with CIBG only', async () => {
    const result = await share('staff-igj', 'Verplaatst.txt', form({ recipients: ['cibg'] }));
    const staff = spForUser(world.emu.siteUrl, 'staff-igj');
    // SharePoint lets the party move its own file between its own folders: evident, not refused.
    await staff.web
      .getFileByServerRelativePath(result.document!.serverRelativeUrl)
      .moveByPath(`${library}/Gedeeld-igj/Verplaatst.txt`, false);
    expect(await readStatus('staff-nza', `${library}/Gedeeld-igj/Verplaatst.txt`)).toBe(200);
    for (const key of ['privacy-igj', 'privacy-cibg']) {
      const o = await depsOf(key);
      const report = await runIntegrityCheck({
        config,
        documents: o.documents,
        audit: o.audit,
        site: o.site,
        channelFiles: new PnpChannelFiles(o.sp),
        inventory: new PnpSiteInventory(o.sp, config),
      });
      const found = report.findings.filter((x) => x.fileName === 'Verplaatst.txt').map((x) => x.kind);
      expect([key, found]).toEqual([key, ['recipients-mismatch']]);
    }
  });
});
