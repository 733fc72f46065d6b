/**
 * Benchmark of the emulator's list engine on 100,000 items (run: `npx tsx workbench/emulator/bench.ts`). Prints figures;
 * nothing here asserts on time.
 */
import { bulkInsertItems, startEmulator } from './server';
import { makeDigest } from './sharepoint/digest';

const N = Number(process.env.BENCH_ITEMS ?? 100_000);

async function timed<T>(label: string, fn: () => Promise<T> | T): Promise<T> {
  const t0 = process.hrtime.bigint();
  const r = await fn();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`${label.padEnd(64)} ${ms.toFixed(1).padStart(9)} ms`);
  return r;
}

async function main(): Promise<void> {
  const emu = await startEmulator({ port: 0 });
  const h = { Accept: 'application/json', 'Content-Type': 'application/json', 'X-Emulator-User': 'beheerder' };
  const login = 'i:0#.f|membership|beheerder@samenwerkingsruimte.example';
  const post = (path: string, body: unknown): Promise<Response> =>
    fetch(`${emu.siteUrl}/_api/${path}`, {
      method: 'POST',
      headers: { ...h, 'X-RequestDigest': makeDigest(emu.db, login, new Date()) },
      body: JSON.stringify(body),
    });
  const get = async (path: string): Promise<{ status: number; count: number }> => {
    const r = await fetch(`${emu.siteUrl}/_api/${path}`, { headers: h });
    const j = (await r.json()) as { value?: unknown[] };
    return { status: r.status, count: j.value?.length ?? 0 };
  };
  await post('web/lists', { Title: 'Bench', BaseTemplate: 100 });
  await post(`web/lists/getbytitle('Bench')/fields/addfield`, {
    parameters: { Title: 'Zaak', FieldTypeKind: 2, Indexed: true },
  });
  await post(`web/lists/getbytitle('Bench')/fields/addfield`, { parameters: { Title: 'Status', FieldTypeKind: 2 } });
  const rows = Array.from({ length: N }, (_, i) => ({
    Title: `Item ${i}`,
    Zaak: `Z-${i % 20000}`,
    Status: i % 3 ? 'open' : 'klaar',
  }));
  await timed(`bulkInsertItems ${N} items (indexed column maintained)`, () => bulkInsertItems(emu.db, 'Bench', rows));
  const base = `web/lists/getbytitle('Bench')/items`;
  for (const [label, path] of [
    ['first page $top=100', `${base}?$top=100`],
    [
      'deep page by ID ($skiptoken=Paged=TRUE&p_ID=95000, $top=100)',
      `${base}?$top=100&$skiptoken=Paged%3DTRUE%26p_ID%3D95000`,
    ],
    ["indexed filter Zaak eq 'Z-12345' (5 hits)", `${base}?$filter=Zaak%20eq%20'Z-12345'`],
    ["non-indexed filter Status eq 'open' (threshold error)", `${base}?$filter=Status%20eq%20'open'`],
    ['page of 5000 by ID', `${base}?$top=5000&$select=Id`],
  ] as const) {
    const r = await timed(label, () => get(path));
    console.log(`${''.padEnd(64)} status ${r.status}, ${r.count} rows`);
  }
  await timed(`page through all ${N} items, $top=5000, following nextLink`, async () => {
    let url: string | undefined = `${emu.siteUrl}/_api/${base}?$top=5000&$select=Id`;
    let n = 0;
    while (url) {
      const r = await fetch(url, { headers: h });
      const j = (await r.json()) as { value: unknown[]; 'odata.nextLink'?: string };
      n += j.value.length;
      url = j['odata.nextLink'];
    }
    if (n !== N) throw new Error(`paged ${n} items, expected ${N}`);
  });
  await emu.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
