/**
 * Benchmark of the issue-5 views on a library of 100,000 documents and a register of 100,000 records in the emulator
 * (run: `npx tsx scripts/bench-views.ts`; BENCH_ITEMS overrides the size). Prints, per view, the HTTP requests the
 * product's own adapters used (counted at the emulator) and the time to the first page. Nothing here asserts on time.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { PnpAgreementRegister, PnpDocumentStore } from '../src/adapters/sharepoint';
import { loadAgreement } from '../src/domain/agreement/load';
import type { AgreementConfig } from '../src/domain/agreement/schema';
import type { AgreementView } from '../src/ports/registers';
import { AGR, DOC, LISTS } from '../src/provisioning/names';
import { availableViews, firstPageQueries, queryFor } from '../src/ui/views/viewQueries';
import { REGISTER_VIEWS } from '../src/ui/register/registerViews';
import type { EmulatorHandler } from '../workbench/emulator/types';
import { bulkInsertItems, startEmulator } from '../workbench/emulator/server';
import { spForUser } from '../workbench/seed/clients';
import { seedSite } from '../workbench/seed/seed';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const igjCibg = require('../config/agreements/igj-cibg.json') as unknown;

/** The validated default agreement configuration. */
export function benchConfig(): AgreementConfig {
  const r = loadAgreement(igjCibg);
  if (!r.ok) throw new Error('config/agreements/igj-cibg.json does not load');
  return r.config;
}

/**
 * Library rows with a realistic spread over the years: mostly exchanged documents (signalen, beleid), a few percent
 * werkafspraken and DVA's, about 1% in review or unclassified, 2% confidential, 3% past their retention date.
 */
export function libraryRows(config: AgreementConfig, n: number): Record<string, unknown>[] {
  const other = config.documentTypes.filter((t) => t.view !== 'werkafspraken' && t.view !== 'dva').map((t) => t.key);
  return Array.from({ length: n }, (_, i) => ({
    Title: `Stuk ${i}`,
    [DOC.documentType]: i % 50 === 0 ? 'werkafspraak' : i % 33 === 0 ? 'dva' : other[i % other.length],
    [DOC.classification]: i % 10 === 0 ? 'openbaar' : 'intern',
    [DOC.toetsstatus]: i % 97 === 0 ? 'In review' : i % 89 === 0 ? 'Te classificeren' : 'Toegestaan',
    [DOC.party]: i % 2 === 0 ? 'igj' : 'cibg',
    [DOC.year]: 2019 + (i % 8),
    [DOC.retainUntil]: i % 33 === 1 ? '2024-01-01T00:00:00Z' : '2040-01-01T00:00:00Z',
    [DOC.confidential]: i % 50 === 7,
    [DOC.activity]: i % 3 === 0 ? 'registerinformatie-toezicht' : null,
  }));
}

/** Register rows: mostly superseded or ended records over the years, some in force; few due for evaluation or expiry. */
export function registerRows(n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({
    Title: `Afspraak ${i}`,
    [AGR.kind]: i % 4 === 0 ? 'dva' : 'werkafspraak',
    [AGR.status]: i % 3 === 0 ? 'in werking' : 'vervangen',
    [AGR.evaluationDue]: i % 40 === 0 ? '2026-01-01T00:00:00Z' : '2035-01-01T00:00:00Z',
    [AGR.expiresOn]: i % 40 === 1 ? '2026-01-01T00:00:00Z' : '2035-01-01T00:00:00Z',
    [AGR.details]: '{}',
  }));
}

/** A seeded emulator with `n` library documents (2,000 of them shared by the IGJ medewerker) and `n` register records. */
export async function startLoadedEmulator(n: number): Promise<{
  siteUrl: string;
  config: AgreementConfig;
  requests: () => number;
  resetRequests: () => void;
  close: () => Promise<void>;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-views-'));
  let count = 0;
  // Counted at the emulator: every SharePoint REST request ($batch counts once, as on the wire).
  const counter: EmulatorHandler = async (req) => {
    if (req.path.includes('/_api/')) count++;
    return null;
  };
  const emu = await startEmulator({ port: 0, dbFile: join(dir, 'emulator.sqlite'), extraHandlers: [counter] });
  const config = benchConfig();
  await seedSite(emu.siteUrl, { agreement: config });
  const rows = libraryRows(config, n);
  const mine = Math.min(2000, n);
  bulkInsertItems(emu.db, config.space.exchangeLibraryTitle, rows.slice(0, mine), { authorKey: 'igj-medewerker' });
  bulkInsertItems(emu.db, config.space.exchangeLibraryTitle, rows.slice(mine), { authorKey: 'beheerder' });
  bulkInsertItems(emu.db, LISTS.agreements, registerRows(n), { authorKey: 'beheerder' });
  return {
    siteUrl: emu.siteUrl,
    config,
    requests: () => count,
    resetRequests: () => {
      count = 0;
    },
    close: async () => {
      await emu.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `fn`, returning its result with the requests it made and its duration in ms. */
async function measure<T>(
  env: { requests: () => number; resetRequests: () => void },
  fn: () => Promise<T>,
): Promise<{ value: T; requests: number; ms: number }> {
  env.resetRequests();
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return { value, requests: env.requests(), ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

/** One printed line. */
function line(label: string, m: { requests: number; ms: number }, rows: string): void {
  console.log(`${label.padEnd(58)} ${String(m.requests).padStart(3)} req ${m.ms.toFixed(1).padStart(8)} ms  ${rows}`);
}

async function main(): Promise<void> {
  const n = Number(process.env.BENCH_ITEMS ?? 100_000);
  const t0 = Date.now();
  const env = await startLoadedEmulator(n);
  console.log(`seeded site + ${n} documents + ${n} register records in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const user = 'igj-medewerker';
  const { config } = env;
  console.log(`${'view (as ' + user + ')'.padEnd(40)}`.padEnd(58), 'requests   first page');

  // The Documenten tab's first render, with a fresh store (nothing cached): all seven views in one $batch.
  const first = await measure(env, () =>
    new PnpDocumentStore(spForUser(env.siteUrl, user), config).listMany(firstPageQueries(config)),
  );
  line(
    'Documenten tab first render (7 views, listMany)',
    first,
    first.value.map((p) => p.items.length).join('/') + ' rows',
  );

  for (const view of availableViews(config)) {
    const store = new PnpDocumentStore(spForUser(env.siteUrl, user), config);
    const m = await measure(env, () => store.list(queryFor({ view, pageTokens: [] })));
    line(`  ${view}`, m, `${m.value.items.length} rows${m.value.nextPageToken ? ', more' : ''}`);
    if (m.value.nextPageToken) {
      const p2 = await measure(env, () =>
        store.list(queryFor({ view, pageTokens: [m.value.nextPageToken as string] })),
      );
      line(`  ${view} page 2`, p2, `${p2.value.items.length} rows`);
    }
    const f = await measure(env, () =>
      store.list(queryFor({ view, party: 'igj', year: 2025, classification: 'openbaar', pageTokens: [] })),
    );
    line(`  ${view} + party, year, classification`, f, `${f.value.items.length} rows`);
    const s = await measure(env, () =>
      store.list(queryFor({ view, sort: { field: 'modified', ascending: true }, pageTokens: [] })),
    );
    line(`  ${view} sorted by modified ascending`, s, `${s.value.items.length} rows`);
  }
  for (const view of REGISTER_VIEWS as readonly AgreementView[]) {
    const reg = new PnpAgreementRegister(spForUser(env.siteUrl, 'igj-accounthouder'), config, () => '2025-12-01');
    const m = await measure(env, () => reg.list(view));
    line(`register ${view}`, m, `${m.value.items.length} rows`);
  }
  // The threshold is live: the same library refuses a query on a non-indexed column.
  const naive = await measure(env, async () =>
    spForUser(env.siteUrl, user)
      .web.lists.getByTitle(config.space.exchangeLibraryTitle)
      .items.filter(`${DOC.activity} eq 'registerinformatie-toezicht'`)
      .top(30)()
      .then(
        () => 'answered (threshold NOT enforced!)',
        (e: { status?: number }) => `refused with HTTP ${e.status} (list view threshold)`,
      ),
  );
  line('naive filter on non-indexed DoelbindingActiviteit', naive, naive.value);
  await env.close();
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
