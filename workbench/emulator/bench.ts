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
  await draftFigures(emu, post);
  await emu.close();
}

/**
 * Draft Item Security on a 100,000-item library with minor versions (DraftVersionVisibility 1): a reader's queries,
 * first with every row published (the plain indexed query), then with a few drafts written over published versions
 * (the reader's query unions the published versions in).
 */
async function draftFigures(
  emu: Awaited<ReturnType<typeof startEmulator>>,
  post: (path: string, body: unknown) => Promise<Response>,
): Promise<void> {
  await post('web/lists', { Title: 'Concepten', BaseTemplate: 101 });
  const lib = `web/lists/getbytitle('Concepten')`;
  await post(`${lib}/fields/addfield`, { parameters: { Title: 'Zaak', FieldTypeKind: 2, Indexed: true } });
  await emu.db
    .prepare(`UPDATE sp_lists SET props = json_set(props, '$.EnableMinorVersions', json('true'),
      '$.DraftVersionVisibility', 1) WHERE title = 'Concepten'`)
    .run();
  const reader = emu.db.prepare(`SELECT id FROM sp_principals WHERE user_key = 'cibg-medewerker'`).pluck().get();
  await post(`${lib}/breakroleinheritance(copyroleassignments=false,clearsubscopes=true)`, {});
  await post(`${lib}/roleassignments/addroleassignment(principalid=${String(reader)},roledefid=1073741826)`, {});
  bulkInsertItems(
    emu.db,
    'Concepten',
    Array.from({ length: N }, (_, i) => ({ Title: `Document ${i}`, Zaak: `Z-${i % 20000}` })),
  );
  const h = { Accept: 'application/json', 'X-Emulator-User': 'cibg-medewerker' };
  const get = async (path: string): Promise<{ status: number; count: number }> => {
    const r = await fetch(`${emu.siteUrl}/_api/${lib}/items?${path}`, { headers: h });
    const j = (await r.json()) as { value?: unknown[] };
    return { status: r.status, count: j.value?.length ?? 0 };
  };
  const queries = [
    ['first page $top=100', '$top=100'],
    ['deep page by ID (p_ID=95000, $top=100)', '$top=100&$skiptoken=Paged%3DTRUE%26p_ID%3D95000'],
    ["indexed filter Zaak eq 'Z-12345' (5 hits)", "$filter=Zaak%20eq%20'Z-12345'"],
    ['indexed order Zaak desc, $top=100', '$orderby=Zaak%20desc&$top=100'],
  ] as const;
  for (const phase of ['reader, no drafts', 'reader, 10 drafts over published versions']) {
    if (phase !== 'reader, no drafts') {
      for (let id = 12345; id < 12345 + 10 * 997; id += 997)
        emu.db
          .prepare(
            `INSERT INTO sp_published (list_pk, item_id, major, version, modified, editor_id, content_type_id, data)
             SELECT list_pk, id, major, version, modified, editor_id, content_type_id, data FROM sp_items
             WHERE id = ? AND list_pk = (SELECT pk FROM sp_lists WHERE title = 'Concepten')`,
          )
          .run(id);
      emu.db
        .prepare(
          `UPDATE sp_items SET minor = 1, data = json_set(data, '$.Zaak', 'Z-draft') WHERE id IN
           (SELECT item_id FROM sp_published) AND list_pk = (SELECT pk FROM sp_lists WHERE title = 'Concepten')`,
        )
        .run();
    }
    for (const [label, path] of queries) {
      const r = await timed(`${phase}: ${label}`, () => get(path));
      console.log(`${''.padEnd(64)} status ${r.status}, ${r.count} rows`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
