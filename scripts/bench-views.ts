/**
 * Benchmark of the library and register views at scale (issue 5): seeds the demo site in an in-memory emulator, bulk
 * inserts N items (default 100,000) into the exchange library and the Overeenkomstenregister, then prints per view the
 * HTTP requests used and the time to the first page, through the product's own adapters.
 *
 *   npx tsx scripts/bench-views.ts [--items 100000]
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { PnpAgreementRegister, PnpDocumentStore } from '../src/adapters/sharepoint';
import { loadAgreement } from '../src/domain/agreement';
import type { LibraryView } from '../src/ports/documents';
import type { AgreementView } from '../src/ports/registers';
import { AGR, DOC, LISTS } from '../src/provisioning/names';
import { bulkInsertItems, startEmulator } from '../workbench/emulator/server';
import { spForUser } from '../workbench/seed/clients';
import { seedSite } from '../workbench/seed/seed';

/** Counts fetch calls while `run` runs. */
async function measure<T>(run: () => Promise<T>): Promise<{ value: T; requests: number; ms: number }> {
  const real = globalThis.fetch;
  let requests = 0;
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    requests++;
    return real(input, init);
  };
  const started = process.hrtime.bigint();
  try {
    const value = await run();
    return { value, requests, ms: Number(process.hrtime.bigint() - started) / 1e6 };
  } finally {
    globalThis.fetch = real;
  }
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--items');
  const n = i >= 0 ? Number(process.argv[i + 1]) : 100_000;
  if (!Number.isInteger(n) || n < 1) throw new Error('--items must be a positive whole number');
  const loaded = loadAgreement(
    JSON.parse(readFileSync(join(__dirname, '..', 'config', 'agreements', 'igj-cibg.json'), 'utf8')),
  );
  if (!loaded.ok) throw new Error('config/agreements/igj-cibg.json does not validate');
  const config = loaded.config;
  const emu = await startEmulator({ port: 0 });
  try {
    await seedSite(emu.siteUrl, { agreement: config });
    // Realistic mix: werkafspraken (art. 11) and DVA's (art. 12) are a handful a year; most files are exchange.
    const rare = (view: string): string =>
      config.documentTypes.find((d) => d.view === view)?.key ?? config.documentTypes[0].key;
    const common = config.documentTypes.filter((d) => d.view !== 'werkafspraken' && d.view !== 'dva').map((d) => d.key);
    const typeOf = (j: number): string =>
      j % 500 === 0 ? rare('werkafspraken') : j % 1000 === 1 ? rare('dva') : common[j % common.length];
    let t = Date.now();
    for (let start = 0; start < n; start += 10_000) {
      const rows = Array.from({ length: Math.min(10_000, n - start) }, (_, k) => {
        const j = start + k;
        return {
          Title: `Stuk ${j}`,
          [DOC.documentType]: typeOf(j),
          [DOC.classification]: 'intern',
          [DOC.toetsstatus]: j % 97 === 0 ? 'In review' : j % 89 === 0 ? 'Te classificeren' : 'Toegestaan',
          [DOC.party]: j % 2 === 0 ? 'igj' : 'cibg',
          [DOC.year]: 2015 + (j % 12),
          [DOC.retainUntil]: j % 50 === 0 ? '2024-01-01T00:00:00Z' : '2045-01-01T00:00:00Z',
          [DOC.confidential]: j % 60 === 0,
        };
      });
      bulkInsertItems(emu.db, config.space.exchangeLibraryTitle, rows, { authorKey: 'beheerder' });
      bulkInsertItems(
        emu.db,
        LISTS.agreements,
        rows.map((_, k) => ({
          Title: `Afspraak ${start + k}`,
          [AGR.kind]: (start + k) % 4 === 0 ? 'dva' : 'werkafspraak',
          [AGR.status]: (start + k) % 3 === 0 ? 'in werking' : 'vervangen',
          [AGR.evaluationDue]: (start + k) % 40 === 0 ? '2026-01-01T00:00:00Z' : '2040-01-01T00:00:00Z',
          [AGR.expiresOn]: (start + k) % 40 === 1 ? '2026-01-01T00:00:00Z' : '2040-01-01T00:00:00Z',
        })),
        { authorKey: 'beheerder' },
      );
    }
    process.stdout.write(`bulk insert of ${n} documents and ${n} register entries: ${Date.now() - t} ms\n\n`);
    const docs = new PnpDocumentStore(spForUser(emu.siteUrl, 'igj-medewerker'), config);
    await docs.list({ view: 'alle', pageSize: 1 }); // warm-up: module loading, first connection
    const lines: string[] = ['view                               requests  first page (ms)  items'];
    const views: LibraryView[] = [
      'alle',
      'werkafspraken',
      'dva',
      'te-classificeren',
      'in-review',
      'vertrouwelijk',
      'bewaartermijn-verlopen',
      'mijn-gedeelde-stukken',
    ];
    for (const view of views) {
      const store = new PnpDocumentStore(spForUser(emu.siteUrl, 'igj-medewerker'), config);
      const r = await measure(() => store.list({ view }));
      lines.push(
        `library ${view.padEnd(27)}${String(r.requests).padStart(8)}${r.ms.toFixed(1).padStart(17)}${String(r.value.items.length).padStart(7)}`,
      );
    }
    const dash = new PnpDocumentStore(spForUser(emu.siteUrl, 'igj-medewerker'), config);
    const batch = await measure(() =>
      dash.listMany(views.filter((v) => v !== 'mijn-gedeelde-stukken').map((view) => ({ view }))),
    );
    lines.push(
      `library 7 views in one $batch      ${String(batch.requests).padStart(8)}${batch.ms.toFixed(1).padStart(17)}${String(batch.value.reduce((s, p) => s + p.items.length, 0)).padStart(7)}`,
    );
    for (const view of ['alle', 'mijn', 'evaluatie-nodig', 'dva-verloopt'] as AgreementView[]) {
      const register = new PnpAgreementRegister(
        spForUser(emu.siteUrl, 'igj-accounthouder'),
        config,
        () => '2025-12-01',
      );
      const r = await measure(() => register.list(view));
      lines.push(
        `register ${view.padEnd(26)}${String(r.requests).padStart(8)}${r.ms.toFixed(1).padStart(17)}${String(r.value.items.length).padStart(7)}`,
      );
    }
    t = Date.now();
    const naive = await measure(() =>
      spForUser(emu.siteUrl, 'beheerder')
        .web.lists.getByTitle(config.space.exchangeLibraryTitle)
        .items.filter(`${DOC.activity} eq 'x'`)
        .top(30)()
        .then(
          () => 'answered (unexpected)',
          (e: { status?: number }) => `refused ${e.status ?? ''}`,
        ),
    );
    lines.push(
      `naive non-indexed filter           ${String(naive.requests).padStart(8)}${naive.ms.toFixed(1).padStart(17)}  ${naive.value}`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await emu.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
