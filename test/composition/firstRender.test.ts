/**
 * The per-load sharing of the composition root (at most 3 requests on the first render): prefetched answers serve
 * once, the person is read once.
 */
import {
  ALL_MEETINGS,
  OneShot,
  PREFETCH_FRESH_MS,
  queryKey,
  sharedOnce,
  withPrefetchedMeetings,
  withPrefetchedPages,
  withSharedSiteUser,
} from '../../src/composition/firstRender';
import type { DocumentQuery, DocumentStore, ExchangeDocument, MeetingEntry, MeetingStore, Page } from '../../src/ports';
import type { SiteDirectory, SiteUser } from '../../src/ports/site';
import { UNCLASSIFIED_QUERY } from '../../src/review/unclassifiedQuery';
import { countUnclassified } from '../../src/review/catch';
import { OVERVIEW_QUERY } from '../../src/ui/overview/overviewQuery';

const page = (name: string): Page<ExchangeDocument> => ({ items: [{ name } as ExchangeDocument] });

/** A document store that records the queries it was asked. */
function recordingStore(): DocumentStore & { asked: DocumentQuery[] } {
  const asked: DocumentQuery[] = [];
  return {
    asked,
    list: async (q: DocumentQuery) => {
      asked.push(q);
      return page('fresh');
    },
    get: async () => ({ name: 'by id' }) as ExchangeDocument,
  } as unknown as DocumentStore & { asked: DocumentQuery[] };
}

describe('queryKey', () => {
  it('is the same for the same query whatever the property order, and differs per view or page size', () => {
    const a: DocumentQuery = { view: 'alle', pageSize: 25, orderBy: { field: 'modified', ascending: false } };
    const b = { orderBy: { ascending: false, field: 'modified' }, pageSize: 25, view: 'alle' } as DocumentQuery;
    expect(queryKey(a)).toBe(queryKey(b));
    expect(queryKey(a)).not.toBe(queryKey({ ...a, pageSize: 26 }));
    expect(queryKey(a)).not.toBe(queryKey({ ...a, view: 'te-classificeren' }));
  });
});

describe('OneShot', () => {
  it('serves a stored answer to its first caller only', async () => {
    const shots = new OneShot<number>();
    shots.put('k', Promise.resolve(1));
    await expect(shots.take('k')).resolves.toBe(1);
    expect(shots.take('k')).toBeUndefined();
    expect(shots.take('other')).toBeUndefined();
  });

  it('drops an answer older than the freshness window', () => {
    let now = 0;
    const shots = new OneShot<number>(() => now);
    shots.put('k', Promise.resolve(1));
    now = PREFETCH_FRESH_MS + 1;
    expect(shots.take('k')).toBeUndefined();
  });

  it('keeps a rejection for its caller without an unhandled rejection', async () => {
    const shots = new OneShot<number>();
    shots.put('k', Promise.reject(new Error('403')));
    await new Promise((r) => setTimeout(r, 0));
    await expect(shots.take('k')).rejects.toThrow('403');
  });
});

describe('sharedOnce', () => {
  it('answers every caller from one read, seeded by the first one', async () => {
    const load = jest.fn(async () => 'read');
    const get = sharedOnce(load, Promise.resolve('seed'));
    await expect(Promise.all([get(), get()])).resolves.toEqual(['seed', 'seed']);
    expect(load).not.toHaveBeenCalled();
  });

  it('forgets a failure, so a retry reads again', async () => {
    let calls = 0;
    const get = sharedOnce(async () => {
      calls++;
      if (calls === 1) throw new Error('503');
      return calls;
    });
    await expect(get()).rejects.toThrow('503');
    await expect(get()).resolves.toBe(2);
    await expect(get()).resolves.toBe(2);
    expect(calls).toBe(2);
  });
});

describe('prefetched ports', () => {
  it("serves the Overzicht's and the catch banner's first query from the batch, later ones from the store", async () => {
    const store = recordingStore();
    const pages = new OneShot<Page<ExchangeDocument>>();
    pages.put(queryKey(OVERVIEW_QUERY), Promise.resolve(page('overzicht')));
    pages.put(queryKey(UNCLASSIFIED_QUERY), Promise.resolve(page('te classificeren')));
    const documents = withPrefetchedPages(store, pages);
    // The consumers ask exactly these queries (a change there must change the batch too).
    await expect(documents.list({ ...OVERVIEW_QUERY })).resolves.toEqual(page('overzicht'));
    await expect(countUnclassified(documents)).resolves.toMatchObject({ items: page('te classificeren').items });
    expect(store.asked).toEqual([]);
    await expect(documents.list(OVERVIEW_QUERY)).resolves.toEqual(page('fresh'));
    expect(store.asked).toEqual([OVERVIEW_QUERY]);
    // Every other method is the store's own.
    await expect(documents.get(1)).resolves.toEqual({ name: 'by id' });
  });

  it('serves the unfiltered Overleggen list once; a series filter always reads', async () => {
    const fresh: MeetingEntry[] = [];
    const list = jest.fn(async () => fresh);
    const meetings = new OneShot<MeetingEntry[]>();
    const prefetched = [{ id: 1 } as MeetingEntry];
    const store = withPrefetchedMeetings({ list } as unknown as MeetingStore, meetings);
    meetings.put(ALL_MEETINGS, Promise.resolve(prefetched));
    await expect(store.list('evaluatie')).resolves.toBe(fresh);
    await expect(store.list()).resolves.toBe(prefetched);
    await expect(store.list()).resolves.toBe(fresh);
    expect(list).toHaveBeenCalledTimes(2);
  });

  it('reads the site user once per load, from the batch', async () => {
    const user = { id: 7, party: 'igj' } as SiteUser;
    const currentUser = jest.fn(async () => ({ id: 8 }) as SiteUser);
    const site = withSharedSiteUser({ currentUser } as unknown as SiteDirectory, Promise.resolve(user));
    await expect(site.currentUser()).resolves.toBe(user);
    await expect(site.currentUser()).resolves.toBe(user);
    expect(currentUser).not.toHaveBeenCalled();
  });
});
