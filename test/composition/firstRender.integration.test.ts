/**
 * At most 3 requests on the first render, against a real emulator: createServices reads agreement.json without asking
 * the web first, sends the first paint's SharePoint reads as ONE $batch, and the ports answer from it exactly what the
 * plain adapters answer, without another request; `/me` is read once however often it is asked.
 */
import { PnpDocumentStore, PnpMeetingStore, PnpSiteDirectory } from '../../src/adapters/sharepoint';
import { createServices } from '../../src/composition/createServices';
import { provisionSite } from '../../src/provisioning/provisioner';
import { buildSiteSchema } from '../../src/provisioning/siteSchema';
import { countUnclassified } from '../../src/review/catch';
import { UNCLASSIFIED_QUERY } from '../../src/review/unclassifiedQuery';
import { OVERVIEW_QUERY } from '../../src/ui/overview/overviewQuery';
import { loadConfigFixture } from '../helpers/config';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator';

const config = loadConfigFixture();
let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
  await provisionSite(emu.spForUser('beheerder'), buildSiteSchema(config), config);
  await new PnpSiteDirectory(emu.spForUser('beheerder'), config).addToGroup('igj-medewerkers', 'sanne.devries@igj.example');
}, 120_000);
afterAll(async () => emu?.close());

/** Every request the process sends (PnPjs and the Graph client both use the global fetch). */
function recordFetch(): { urls: string[]; restore(): void } {
  const original = globalThis.fetch;
  const urls: string[] = [];
  const spy = jest.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    urls.push(`${(init?.method ?? 'GET').toUpperCase()} ${typeof input === 'string' ? input : input instanceof URL ? input.href : input.url}`);
    return original(input, init);
  });
  return { urls, restore: () => spy.mockRestore() };
}

it('builds the services from agreement.json, /me and one $batch, and the ports answer from it like the adapters', async () => {
  const sp = emu.spForUser('igj-medewerker');
  const rec = recordFetch();
  try {
    const services = await createServices({ sp, graph: emu.graphForUser('igj-medewerker'), siteUrl: emu.siteUrl });
    const [me, again, user, overview, unclassified, meetings] = await Promise.all([
      services.directory.currentUser(),
      services.directory.currentUser(),
      services.site.currentUser(),
      services.documents.list(OVERVIEW_QUERY),
      countUnclassified(services.documents),
      services.meetings.list(),
    ]);
    const startup = [...rec.urls];
    // The site URL gives the web's path: no `/_api/web?$select=ServerRelativeUrl` before reading the file.
    expect(startup.filter((u) => /\/_api\/web\?/.test(u))).toEqual([]);
    expect(startup.filter((u) => u.includes('agreement.json'))).toHaveLength(1);
    expect(startup.filter((u) => u.includes('/v1.0/me'))).toHaveLength(1);
    expect(startup.filter((u) => u.endsWith('/_api/$batch'))).toHaveLength(1);
    // Node has no page digest, so PnPjs asks one; everything else went in the batch.
    expect(startup.filter((u) => !/agreement\.json|\/v1\.0\/me|\/_api\/\$batch$|\/_api\/contextinfo$/.test(u))).toEqual([]);
    expect(again).toBe(me);
    expect(me.party).toBe('igj');
    // The batch answers what the plain adapters answer.
    rec.restore();
    expect(user).toEqual(await new PnpSiteDirectory(sp, config).currentUser());
    const documents = new PnpDocumentStore(sp, config);
    expect(overview).toEqual(await documents.list(OVERVIEW_QUERY));
    expect(unclassified.items).toEqual((await documents.list(UNCLASSIFIED_QUERY)).items);
    expect(meetings).toEqual(await new PnpMeetingStore(sp).list());
  } finally {
    rec.restore();
  }
});

it('reads again after the first caller: a later list is fresh, the person stays the one read', async () => {
  const sp = emu.spForUser('igj-medewerker');
  const services = await createServices({ sp, graph: emu.graphForUser('igj-medewerker'), siteUrl: emu.siteUrl });
  await services.documents.list(OVERVIEW_QUERY);
  await services.site.currentUser();
  const rec = recordFetch();
  try {
    await services.documents.list(OVERVIEW_QUERY);
    await services.site.currentUser();
    await services.directory.currentUser();
    expect(rec.urls.filter((u) => u.includes("getByTitle('Uitwisseling')/items"))).toHaveLength(1);
    expect(rec.urls.filter((u) => /currentUser|\/v1\.0\/me/.test(u))).toEqual([]);
  } finally {
    rec.restore();
  }
});
