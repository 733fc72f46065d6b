/** BreachRegister over PnPjs: the Datalekregister (AVG art. 33(5)); each report readable by privacy officers and reporter. */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import type { IList } from '@pnp/sp/lists';
import type { Page } from '../../ports/documents';
import type { BreachEntry, BreachRegister } from '../../ports/registers';
import { BREACH, LISTS } from '../../provisioning/names';
import { rethrowConcurrency } from './errors';
import { etagOf, parseJson } from './listRows';
import { fetchPage } from './paging';

/** Columns read. */
const SELECT = [
  'Id',
  'Title',
  BREACH.reportedAt,
  BREACH.discoveredAt,
  BREACH.reportingParty,
  BREACH.controller,
  BREACH.status,
  BREACH.details,
  `${BREACH.reporter}/Id`,
  `${BREACH.reporter}/Title`,
  `${BREACH.reporter}/EMail`,
];

/** Maps a row to an entry. */
function toEntry(row: Record<string, unknown>): BreachEntry {
  const r = row[BREACH.reporter] as { Id?: number; Title?: string; EMail?: string } | undefined;
  return {
    id: Number(row.Id),
    title: String(row.Title ?? ''),
    reportedAt: String(row[BREACH.reportedAt]),
    discoveredAt: String(row[BREACH.discoveredAt]),
    reportingParty: String(row[BREACH.reportingParty] ?? ''),
    controller: String(row[BREACH.controller] ?? ''),
    status: row[BREACH.status] as BreachEntry['status'],
    ...(r?.Id ? { reporter: { id: r.Id, displayName: r.Title ?? '', ...(r.EMail ? { email: r.EMail } : {}) } } : {}),
    form: parseJson<Record<string, unknown>>(row[BREACH.details], {}),
    etag: etagOf(row),
  };
}

/** The write body for (part of) an entry. */
function toFields(e: Partial<BreachEntry>): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  if (e.title !== undefined) f.Title = e.title.slice(0, 255);
  if (e.reportedAt !== undefined) f[BREACH.reportedAt] = e.reportedAt;
  if (e.discoveredAt !== undefined) f[BREACH.discoveredAt] = e.discoveredAt;
  if (e.reportingParty !== undefined) f[BREACH.reportingParty] = e.reportingParty;
  if (e.controller !== undefined) f[BREACH.controller] = e.controller;
  if (e.status !== undefined) f[BREACH.status] = e.status;
  if (e.reporter !== undefined) f[`${BREACH.reporter}Id`] = e.reporter.id;
  if (e.form !== undefined) f[BREACH.details] = JSON.stringify(e.form);
  return f;
}

/** The Datalekregister list. */
export class PnpBreachRegister implements BreachRegister {
  public constructor(private readonly sp: SPFI) {}

  /** The list handle. */
  private get ref(): IList {
    return this.sp.web.lists.getByTitle(LISTS.breaches);
  }

  /**
   * Stores the report first (before any mail or card). Who reads it is the list's business, set by provisioning: the
   * list has unique permissions and item-level security "own items only", and privacy officers hold Edit (which sees
   * all items), so a report is readable by the privacy officers and its reporter only (AVG art. 33(5)).
   */
  public async create(entry: BreachEntry): Promise<BreachEntry> {
    const reporter = entry.reporter ?? (await this.me());
    const created: { Id: number } = await this.ref.items.add(toFields({ ...entry, reporter }));
    return this.get(created.Id);
  }

  /** The current user as a person reference. */
  private async me(): Promise<NonNullable<BreachEntry['reporter']>> {
    const me: { Id: number; Title: string; Email: string } = await this.sp.web.currentUser.select(
      'Id',
      'Title',
      'Email',
    )();
    return { id: me.Id, displayName: me.Title, email: me.Email };
  }

  /** One report. */
  public async get(id: number): Promise<BreachEntry> {
    return toEntry(
      await this.ref.items
        .getById(id)
        .select(...SELECT)
        .expand(BREACH.reporter)(),
    );
  }

  /** Reports, newest first, trimmed by SharePoint to what the user may read. */
  public async list(pageToken?: string): Promise<Page<BreachEntry>> {
    const items = this.ref.items
      .select(...SELECT)
      .expand(BREACH.reporter)
      .orderBy(BREACH.reportedAt, false)
      .top(30);
    const page = await fetchPage<Record<string, unknown>>(items, pageToken);
    return { items: page.rows.map(toEntry), ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}) };
  }

  /** Updates with If-Match. */
  public async update(id: number, patch: Partial<BreachEntry>, etag?: string): Promise<BreachEntry> {
    await this.ref.items
      .getById(id)
      .update(toFields(patch), etag ?? '*')
      .catch((e) => rethrowConcurrency(e, `Datalekmelding ${id}`));
    return this.get(id);
  }
}
