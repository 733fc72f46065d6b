/** BreachRegister over PnPjs: the Datalekregister (AVG art. 33(5)); each report readable by privacy officers and reporter. */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import type { IList } from '@pnp/sp/lists';
import type { AgreementConfig } from '../../domain/agreement/schema';
import type { Page } from '../../ports/documents';
import type { BreachEntry, BreachRegister } from '../../ports/registers';
import { BREACH, LISTS } from '../../provisioning/names';
import { rethrowConcurrency } from './errors';
import { ItemAccess } from './itemAccess';
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
  private readonly access: ItemAccess;

  public constructor(
    private readonly sp: SPFI,
    private readonly config: AgreementConfig,
  ) {
    this.access = new ItemAccess(sp, config);
  }

  /** The list handle. */
  private get ref(): IList {
    return this.sp.web.lists.getByTitle(LISTS.breaches);
  }

  /** Stores the report, then narrows the item to the privacy officers of every party and the reporter (art. 33(5)). */
  public async create(entry: BreachEntry): Promise<BreachEntry> {
    const me: { Id: number } = await this.sp.web.currentUser.select('Id')();
    const created: { Id: number } = await this.ref.items.add(
      toFields({ ...entry, reporter: entry.reporter ?? { id: me.Id, displayName: '' } }),
    );
    const grants = this.config.parties.map((p) => ({ group: p.privacyOfficer.group, role: 'editor' as const }));
    const owners = this.config.groups
      .filter((g) => g.kind === 'owners')
      .map((g) => ({ group: g.key, role: 'administrator' as const }));
    await this.access.apply(
      this.ref.items.getById(created.Id),
      { inherit: false, grants: [...owners, ...grants], uploaderRole: 'contributor', reason: 'AVG art. 33(5)' },
      me.Id,
    );
    return this.get(created.Id);
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
