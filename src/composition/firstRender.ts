/**
 * The dashboard's first render in one SharePoint `$batch` (at most 3 HTTP requests in all), and a per-load cache so
 * nothing the start-up reads is fetched twice: the Overzicht, the Overleg banner and the catch banner each ask the
 * ports on their own, and get the batch's answers instead of a request each.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import { PnpDocumentStore } from '../adapters/sharepoint/PnpDocumentStore';
import { PnpMeetingStore } from '../adapters/sharepoint/PnpMeetingStore';
import { PnpSiteDirectory } from '../adapters/sharepoint/PnpSiteDirectory';
import type { AgreementConfig } from '../domain/agreement/schema';
import type { DocumentQuery, DocumentStore, ExchangeDocument, MeetingEntry, MeetingStore, Page } from '../ports';
import type { SiteDirectory, SiteUser } from '../ports/site';
import { UNCLASSIFIED_QUERY } from '../review/unclassifiedQuery';
import { OVERVIEW_QUERY } from '../ui/overview/overviewQuery';

/**
 * How long a prefetched answer may serve its first caller. The start-up batch is for the first paint; a tab opened
 * later (e.g. the Overzicht after the command set opened on 'delen') reads fresh data instead.
 */
export const PREFETCH_FRESH_MS = 30_000;

/** A query's key, independent of property order. */
export function queryKey(query: DocumentQuery): string {
  const sorted = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
        )
      : v;
  return JSON.stringify(sorted(query));
}

/** Answers that serve their first caller once, while fresh; later callers (a retry, a reload after a change) read anew. */
export class OneShot<T> {
  private readonly entries = new Map<string, { value: Promise<T>; at: number }>();

  public constructor(private readonly now: () => number = () => Date.now()) {}

  /** Stores a pending answer (a rejection is kept for the caller, never reported as unhandled). */
  public put(key: string, value: Promise<T>): void {
    value.catch(() => undefined);
    this.entries.set(key, { value, at: this.now() });
  }

  /** The stored answer for `key` once, or undefined when there is none, it was taken, or it is stale. */
  public take(key: string): Promise<T> | undefined {
    const entry = this.entries.get(key);
    this.entries.delete(key);
    return entry && this.now() - entry.at <= PREFETCH_FRESH_MS ? entry.value : undefined;
  }
}

/**
 * One answer for the whole page load (the signed-in person does not change without a reload: the identity travels with
 * the page). A failure is not kept, so a retry asks again.
 */
export function sharedOnce<T>(load: () => Promise<T>, first?: Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  const keep = (p: Promise<T>): Promise<T> => {
    pending = p;
    p.catch(() => {
      if (pending === p) pending = undefined;
    });
    return p;
  };
  if (first) keep(first).catch(() => undefined);
  return () => pending ?? keep(load());
}

/** What the start-up batch read. */
export interface FirstRenderReads {
  siteUser: Promise<SiteUser>;
  pages: OneShot<Page<ExchangeDocument>>;
  meetings: OneShot<MeetingEntry[]>;
}

/** The key of the whole Overleggen list (no series filter). */
export const ALL_MEETINGS = '*';

/**
 * Sends ONE `$batch` with everything the first paint reads from SharePoint: the current user with groups, the
 * Overzicht's page of documents, the catch banner's "Te classificeren" page and the Overleggen list (Overleg banner).
 * Not awaited here: the dashboard renders while it runs, and each part settles on its own (a refused library is
 * the Overzicht's 'denied' state, not a failure of the rest).
 */
export function startFirstRender(sp: SPFI, config: AgreementConfig): FirstRenderReads {
  const [batched, execute] = sp.batched();
  const documents = new PnpDocumentStore(batched, config);
  const pages = new OneShot<Page<ExchangeDocument>>();
  const meetings = new OneShot<MeetingEntry[]>();
  const siteUser = new PnpSiteDirectory(batched, config).currentUser();
  for (const q of [OVERVIEW_QUERY, UNCLASSIFIED_QUERY]) pages.put(queryKey(q), documents.list(q));
  meetings.put(ALL_MEETINGS, new PnpMeetingStore(batched).list());
  siteUser.catch(() => undefined);
  // Each part's promise carries its own outcome; the batch's own failure reaches them too.
  execute().catch(() => undefined);
  return { siteUser, pages, meetings };
}

/** The document store whose `list` serves a prefetched page to its first caller. */
export function withPrefetchedPages(store: DocumentStore, pages: OneShot<Page<ExchangeDocument>>): DocumentStore {
  const list = (q: DocumentQuery): Promise<Page<ExchangeDocument>> => pages.take(queryKey(q)) ?? store.list(q);
  return Object.assign(Object.create(store) as DocumentStore, { list });
}

/** The meeting store whose unfiltered `list` serves the prefetched list to its first caller. */
export function withPrefetchedMeetings(store: MeetingStore, meetings: OneShot<MeetingEntry[]>): MeetingStore {
  const list = (series?: string): Promise<MeetingEntry[]> =>
    (series === undefined ? meetings.take(ALL_MEETINGS) : undefined) ?? store.list(series);
  return Object.assign(Object.create(store) as MeetingStore, { list });
}

/** The site directory whose `currentUser` is read once per load (seeded by the start-up batch). */
export function withSharedSiteUser(site: SiteDirectory, first: Promise<SiteUser>): SiteDirectory {
  const currentUser = sharedOnce(() => site.currentUser(), first);
  return Object.assign(Object.create(site) as SiteDirectory, { currentUser });
}
