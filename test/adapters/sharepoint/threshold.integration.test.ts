import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { PnpAgreementRegister, PnpDocumentStore } from '../../../src/adapters/sharepoint';
import type { LibraryView } from '../../../src/ports/documents';
import type { AgreementView } from '../../../src/ports/registers';
import { AGR, DOC, LISTS, accounthouderColumn } from '../../../src/provisioning/names';
import { bulkInsertItems } from '../../../workbench/emulator/server';
import { seedSite } from '../../../workbench/seed/seed';
import { loadConfigFixture } from '../../helpers/config';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';

/**
 * The 5,000-item list view threshold: every view query the product makes passes on a library and register of more than
 * 5,000 items, paging walks past 5,000, and a naive query on a non-indexed column fails as SharePoint fails it.
 */
describe('list view threshold at more than 5,000 items', () => {
  const config = loadConfigFixture();
  const ITEMS = 5200;
  let emu: TestEmulator;
  const TYPES = config.documentTypes.map((t) => t.key);

  beforeAll(async () => {
    emu = await startTestEmulator();
    await seedSite(emu.siteUrl, { agreement: config });
    // Realistic spread: most files allowed and shared by the site owner; few in review, confidential or expired.
    const docs = Array.from({ length: ITEMS }, (_, i) => ({
      Title: `Stuk ${i}`,
      [DOC.documentType]: TYPES[i % TYPES.length],
      [DOC.classification]: i % 10 === 0 ? 'openbaar' : 'intern',
      [DOC.toetsstatus]: i % 97 === 0 ? 'In review' : i % 89 === 0 ? 'Te classificeren' : 'Toegestaan',
      [DOC.party]: i % 2 === 0 ? 'igj' : 'cibg',
      [DOC.year]: 2019 + (i % 8),
      [DOC.retainUntil]: i % 50 === 0 ? '2024-01-01T00:00:00Z' : '2040-01-01T00:00:00Z',
      [DOC.confidential]: i % 60 === 0,
      [DOC.activity]: i % 3 === 0 ? 'registerinformatie-toezicht' : null,
    }));
    bulkInsertItems(emu.raw.db, config.space.exchangeLibraryTitle, docs, { authorKey: 'beheerder' });
    const agreements = Array.from({ length: ITEMS }, (_, i) => ({
      Title: `Afspraak ${i}`,
      [AGR.kind]: i % 4 === 0 ? 'dva' : 'werkafspraak',
      [AGR.status]: i % 3 === 0 ? 'in werking' : 'vervangen',
      [AGR.evaluationDue]: i % 40 === 0 ? '2026-01-01T00:00:00Z' : '2035-01-01T00:00:00Z',
      [AGR.expiresOn]: i % 40 === 1 ? '2026-01-01T00:00:00Z' : '2035-01-01T00:00:00Z',
      [AGR.details]: '{}',
    }));
    bulkInsertItems(emu.raw.db, LISTS.agreements, agreements, { authorKey: 'beheerder' });
  }, 300000);
  afterAll(async () => emu?.close());

  const libraryViews: LibraryView[] = [
    'alle',
    'werkafspraken',
    'dva',
    'te-classificeren',
    'in-review',
    'vertrouwelijk',
    'bewaartermijn-verlopen',
    'mijn-gedeelde-stukken',
  ];

  it.each(libraryViews)('library view %s answers its first page', async (view) => {
    const page = await new PnpDocumentStore(emu.spForUser('igj-medewerker'), config).list({ view });
    expect(page.items.length).toBeGreaterThan(0);
  });

  it('filters the dashboard adds (party, year, classification) keep passing', async () => {
    const page = await new PnpDocumentStore(emu.spForUser('igj-medewerker'), config).list({
      view: 'dva',
      party: 'cibg',
      year: 2024,
      classification: 'intern',
    });
    expect(page.items.every((d) => d.party === 'cibg' && d.year === 2024)).toBe(true);
  });

  it('pages past 5,000 items without repeating or skipping one', async () => {
    const store = new PnpDocumentStore(emu.spForUser('beheerder'), config);
    const seen = new Set<number>();
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await store.list({ view: 'alle', pageSize: 1000, pageToken: token });
      for (const d of page.items) {
        expect(seen.has(d.id)).toBe(false);
        seen.add(d.id);
      }
      token = page.nextPageToken;
      pages++;
    } while (token);
    expect(seen.size).toBeGreaterThanOrEqual(ITEMS);
    expect(pages).toBeGreaterThan(5);
  }, 120000);

  it.each<AgreementView>(['alle', 'mijn', 'evaluatie-nodig', 'dva-verloopt'])(
    'register view %s passes',
    async (view) => {
      const page = await new PnpAgreementRegister(emu.spForUser('igj-accounthouder'), config, () => '2025-12-01').list(
        view,
      );
      expect(page.items.length).toBeGreaterThan(0);
    },
  );

  it('a naive filter on a non-indexed column fails as SharePoint fails it (so the tests above can fail)', async () => {
    const items = emu.spForUser('beheerder').web.lists.getByTitle(config.space.exchangeLibraryTitle).items;
    await expect(items.filter(`${DOC.activity} eq 'registerinformatie-toezicht'`).top(30)()).rejects.toMatchObject({
      status: 500,
      message: expect.stringContaining('SPQueryThrottledException'),
    });
    await expect(items.orderBy('Title').top(30)()).rejects.toMatchObject({ status: 500 });
    // An indexed filter that still matches more than 5,000 items is refused too.
    await expect(items.filter(`${DOC.toetsstatus} eq 'Toegestaan'`).top(30)()).rejects.toMatchObject({ status: 500 });
  });

  it('keeps the per-party accounthouder columns indexed, so "Mijn overeenkomsten" passes', async () => {
    const fields: Array<{ InternalName: string; Indexed: boolean }> = await emu
      .spForUser('beheerder')
      .web.lists.getByTitle(LISTS.agreements)
      .fields.select('InternalName', 'Indexed')();
    for (const p of config.parties) {
      expect(fields.find((f) => f.InternalName === accounthouderColumn(p.key))?.Indexed).toBe(true);
    }
  });
});
