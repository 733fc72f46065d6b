import { bulkInsertItems, type RunningEmulator } from '../../../workbench/emulator/server';
import { raw, spAs, start } from './helpers';

const API = '/sites/samenwerkingsruimte/_api';
const N = 6200;

/** Paging past 5,000 items and SharePoint's list view threshold, with real PnPjs. */
describe('emulator: paging and the list view threshold', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await start();
    const sp = spAs(emu.siteUrl, 'beheerder');
    await sp.web.lists.add('Groot', '', 100);
    const list = sp.web.lists.getByTitle('Groot');
    await list.fields.addText('Categorie');
    await list.fields.addText('Code');
    await list.fields.addNumber('Volgnummer');
    bulkInsertItems(
      emu.db,
      'Groot',
      Array.from({ length: N }, (_, i) => ({
        Title: `Item ${i + 1}`,
        Categorie: i % 1000 === 0 ? 'zeldzaam' : 'gewoon',
        Code: `C${i % 7}`,
        Volgnummer: i + 1,
      })),
    );
  });
  afterAll(() => emu.close());

  it('pages through more than 5,000 items with for await, following odata.nextLink', async () => {
    const list = spAs(emu.siteUrl, 'beheerder').web.lists.getByTitle('Groot');
    const seen: number[] = [];
    let pages = 0;
    for await (const page of list.items.select('Id').top(2000)) {
      pages++;
      seen.push(...page.map((i: { Id: number }) => i.Id));
    }
    expect(pages).toBe(4);
    expect(seen).toHaveLength(N);
    expect(new Set(seen).size).toBe(N);
    expect(seen[N - 1]).toBe(N);
  });

  it('writes the nextLink as SharePoint does ($skiptoken=Paged=TRUE&p_ID=n)', async () => {
    const r = await raw(emu, 'beheerder', 'GET', `${API}/web/lists/getbytitle('Groot')/items?$select=Id&$top=2`);
    const next = r.json()['odata.nextLink'] as string;
    expect(next.startsWith(emu.siteUrl)).toBe(true);
    expect(new URL(next).searchParams.get('$skiptoken')).toBe('Paged=TRUE&p_ID=2');
    expect(next).toContain('%24skiptoken=Paged%3DTRUE%26p_ID%3D2');
  });

  it('fails a filter on a non-indexed column of a list above the threshold, as SharePoint does', async () => {
    const list = spAs(emu.siteUrl, 'beheerder').web.lists.getByTitle('Groot');
    const err = await list.items
      .filter("Categorie eq 'zeldzaam'")()
      .catch((e: { status: number; message: string }) => e);
    expect(err).toMatchObject({ status: 500 });
    expect((err as { message: string }).message).toContain(
      '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
    );
    expect((err as { message: string }).message).toContain(
      'The attempted operation is prohibited because it exceeds the list view threshold.',
    );
    await expect(list.items.orderBy('Categorie')()).rejects.toMatchObject({ status: 500 });
    await expect(list.items.top(5001)()).rejects.toMatchObject({ status: 500 });
  });

  it('answers the same filter once the column is indexed, and still fails when the indexed filter matches too much', async () => {
    const list = spAs(emu.siteUrl, 'beheerder').web.lists.getByTitle('Groot');
    await list.fields.getByInternalNameOrTitle('Categorie').update({ Indexed: true });
    const rare = await list.items.filter("Categorie eq 'zeldzaam'").select('Id', 'Categorie')();
    expect(rare.map((i: { Id: number }) => i.Id)).toEqual([1, 1001, 2001, 3001, 4001, 5001, 6001]);
    await expect(list.items.filter("Categorie eq 'gewoon'")()).rejects.toMatchObject({ status: 500 });
    // An indexed conjunct that narrows below the threshold makes the whole filter allowed.
    const both = await list.items.filter("Categorie eq 'zeldzaam' and Code eq 'C0'")();
    expect(both.map((i: { Id: number }) => i.Id)).toEqual([1, 2001, 4001, 6001].filter((id) => (id - 1) % 7 === 0));
  });

  it('indexes built-in columns too (Modified), so date-sorted queries work on the large list', async () => {
    const list = spAs(emu.siteUrl, 'beheerder').web.lists.getByTitle('Groot');
    await expect(list.items.orderBy('Modified', false).top(5)()).rejects.toMatchObject({ status: 500 });
    await list.fields.getByInternalNameOrTitle('Modified').update({ Indexed: true });
    const latest = await list.items.orderBy('Modified', false).top(5).select('Id')();
    expect(latest).toHaveLength(5);
  });

  it('pages by ID with no filter on the large list, and honours a configurable threshold', async () => {
    const list = spAs(emu.siteUrl, 'beheerder').web.lists.getByTitle('Groot');
    const page = await list.items.skip(6100).top(50).select('Id')();
    expect(page.map((i: { Id: number }) => i.Id)).toEqual(Array.from({ length: 50 }, (_, i) => 6101 + i));
    const small = await start({ listViewThreshold: 3 });
    try {
      const sp = spAs(small.siteUrl, 'beheerder');
      await sp.web.lists.add('Klein', '', 100);
      bulkInsertItems(small.db, 'Klein', [{ Title: 'a' }, { Title: 'b' }, { Title: 'c' }, { Title: 'd' }]);
      await expect(sp.web.lists.getByTitle('Klein').items.filter("Title eq 'a'")()).rejects.toMatchObject({
        status: 500,
      });
    } finally {
      await small.close();
    }
  });

  it('pages a sorted query with ties, carrying the sort value in the skiptoken', async () => {
    const small = await start();
    try {
      const sp = spAs(small.siteUrl, 'beheerder');
      await sp.web.lists.add('Sorteer', '', 100);
      await sp.web.lists.getByTitle('Sorteer').fields.addNumber('Rang');
      bulkInsertItems(
        small.db,
        'Sorteer',
        [5, 1, 3, 1, null, 3, 2, 5].map((r, i) => ({ Title: `t${i + 1}`, Rang: r })),
      );
      const seen: string[] = [];
      for await (const page of sp.web.lists
        .getByTitle('Sorteer')
        .items.select('Title', 'Rang')
        .orderBy('Rang', false)
        .top(3)) {
        seen.push(...page.map((i: { Title: string }) => i.Title));
      }
      expect(seen).toEqual(['t1', 't8', 't3', 't6', 't7', 't2', 't4', 't5']);
      const r = await raw(
        small,
        'beheerder',
        'GET',
        "/sites/samenwerkingsruimte/_api/web/lists/getbytitle('Sorteer')/items?$orderby=Rang&$top=2",
      );
      // Empty values sort first ascending (t5), as in SharePoint.
      expect(new URL(r.json()['odata.nextLink']).searchParams.get('$skiptoken')).toBe('Paged=TRUE&p_Rang=1&p_ID=2');
    } finally {
      await small.close();
    }
  });
});
