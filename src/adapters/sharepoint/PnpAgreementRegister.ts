/** AgreementRegister over PnPjs: the Overeenkomstenregister (art. 5, 12, 13, 14) with its provisioned views' queries. */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import type { IList } from '@pnp/sp/lists';
import type { AgreementConfig } from '../../domain/agreement/schema';
import type { Page } from '../../ports/documents';
import type { AgreementEntry, AgreementRegister, AgreementView, MeetingEntry } from '../../ports/registers';
import { EVALUATION_LEAD_DAYS } from '../../domain/register/dates';
import type { RecordVersion, StatusStep } from '../../domain/register/types';
import { checkAgreementEntry } from './agreementRules';
import { PnpMeetingStore } from './PnpMeetingStore';
import { AGR, LISTS, accounthouderColumn, accounthouderFunctionColumn } from '../../provisioning/names';
import { guardedUpdate, holdsFields, requireEtag } from './guardedWrite';
import { dateOnly, etagOf, parseJson, toIso, versionEditor } from './listRows';
import { fetchPage } from './paging';

/** Plain columns and their entry keys (dates handled separately). */
const DATES = [
  ['signedOn', AGR.signedOn],
  ['publishedOn', AGR.publishedOn],
  ['effectiveFrom', AGR.effectiveFrom],
  ['evaluationDue', AGR.evaluationDue],
  ['expiresOn', AGR.expiresOn],
] as const;

/** The Overeenkomstenregister list. */
export class PnpAgreementRegister implements AgreementRegister {
  public constructor(
    private readonly sp: SPFI,
    private readonly config: AgreementConfig,
    private readonly today: () => string = () => new Date().toISOString().slice(0, 10),
  ) {}

  /** The list handle. */
  private get ref(): IList {
    return this.sp.web.lists.getByTitle(LISTS.agreements);
  }

  /** Columns read. */
  private select(): string[] {
    const people = this.config.parties.flatMap((p) => [
      `${accounthouderColumn(p.key)}/Id`,
      `${accounthouderColumn(p.key)}/Title`,
      `${accounthouderColumn(p.key)}/EMail`,
      accounthouderFunctionColumn(p.key),
    ]);
    return [
      'Id',
      'Title',
      AGR.kind,
      AGR.parties,
      AGR.status,
      AGR.signedAt,
      AGR.staatscourant,
      AGR.version,
      `${AGR.supersedes}Id`,
      `${AGR.meeting}Id`,
      AGR.documents,
      AGR.history,
      AGR.details,
      ...DATES.map(([, c]) => c),
      ...people,
    ];
  }

  /** Maps a row to an entry. */
  private toEntry(row: Record<string, unknown>): AgreementEntry {
    const accounthouders: AgreementEntry['accounthouders'] = {};
    for (const p of this.config.parties) {
      const person = row[accounthouderColumn(p.key)] as
        | { Id?: number; Title?: string; EMail?: string }
        | null
        | undefined;
      const functionTitle = String(row[accounthouderFunctionColumn(p.key)] ?? p.accounthouder.functionTitle);
      accounthouders[p.key] = person?.Id
        ? {
            functionTitle,
            person: {
              id: person.Id,
              displayName: person.Title ?? '',
              ...(person.EMail ? { email: person.EMail } : {}),
            },
          }
        : { functionTitle };
    }
    const entry: AgreementEntry = {
      id: Number(row.Id),
      kind: row[AGR.kind] as AgreementEntry['kind'],
      title: String(row.Title ?? ''),
      parties: Array.isArray(row[AGR.parties]) ? (row[AGR.parties] as string[]) : [],
      accounthouders,
      status: row[AGR.status] as AgreementEntry['status'],
      documents: parseJson<string[]>(row[AGR.documents], []),
      history: parseJson<AgreementEntry['history']>(row[AGR.history], []),
      details: parseJson<Record<string, unknown>>(row[AGR.details], {}),
      etag: etagOf(row, `Overeenkomst ${String(row.Id)}`),
    };
    for (const [key, col] of DATES) {
      const v = dateOnly(row[col]);
      if (v) entry[key] = v;
    }
    if (row[AGR.signedAt]) entry.signedAt = String(row[AGR.signedAt]);
    if (row[AGR.staatscourant]) entry.staatscourant = String(row[AGR.staatscourant]);
    if (row[AGR.version]) entry.version = String(row[AGR.version]);
    if (typeof row[`${AGR.supersedes}Id`] === 'number') entry.supersedesId = row[`${AGR.supersedes}Id`] as number;
    if (typeof row[`${AGR.meeting}Id`] === 'number') entry.meetingId = row[`${AGR.meeting}Id`] as number;
    return entry;
  }

  /** The write body for (part of) an entry. */
  private toFields(e: Partial<AgreementEntry>): Record<string, unknown> {
    const f: Record<string, unknown> = {};
    if (e.title !== undefined) f.Title = e.title;
    if (e.kind !== undefined) f[AGR.kind] = e.kind;
    if (e.parties !== undefined) f[AGR.parties] = e.parties;
    if (e.status !== undefined) f[AGR.status] = e.status;
    if (e.signedAt !== undefined) f[AGR.signedAt] = e.signedAt;
    if (e.staatscourant !== undefined) f[AGR.staatscourant] = e.staatscourant;
    if (e.version !== undefined) f[AGR.version] = e.version;
    if (e.supersedesId !== undefined) f[`${AGR.supersedes}Id`] = e.supersedesId;
    if (e.meetingId !== undefined) f[`${AGR.meeting}Id`] = e.meetingId;
    if (e.documents !== undefined) f[AGR.documents] = JSON.stringify(e.documents);
    if (e.history !== undefined) f[AGR.history] = JSON.stringify(e.history);
    if (e.details !== undefined) f[AGR.details] = JSON.stringify(e.details);
    for (const [key, col] of DATES) if (e[key] !== undefined) f[col] = toIso(e[key]);
    if (e.accounthouders) {
      for (const [party, a] of Object.entries(e.accounthouders)) {
        f[accounthouderFunctionColumn(party)] = a.functionTitle;
        if (a.person) f[`${accounthouderColumn(party)}Id`] = a.person.id;
      }
    }
    return f;
  }

  /** The OData filter of a register view (same indexed column first as the provisioned view). */
  private async viewQuery(view: AgreementView): Promise<{ filter?: string; orderBy: [string, boolean] }> {
    const plus = (days: number): string =>
      new Date(Date.parse(`${this.today()}T00:00:00Z`) + days * 86400000).toISOString();
    switch (view) {
      case 'mijn': {
        const me: { Id: number } = await this.sp.web.currentUser.select('Id')();
        return {
          filter: `(${this.config.parties.map((p) => `${accounthouderColumn(p.key)}Id eq ${me.Id}`).join(' or ')})`,
          orderBy: ['Modified', false],
        };
      }
      case 'evaluatie-nodig': {
        // art. 13.2: as needsEvaluation and the provisioned view: 'te evalueren', or in force and due within the lead
        // days. The indexed status narrows first (few records are in force), then the date refines.
        const s = AGR.status;
        return {
          filter:
            `(${s} eq 'in werking' or ${s} eq 'te evalueren') and ` +
            `(${s} eq 'te evalueren' or ${AGR.evaluationDue} le datetime'${plus(EVALUATION_LEAD_DAYS)}')`,
          orderBy: [AGR.evaluationDue, true],
        };
      }
      case 'dva-verloopt':
        return {
          filter: `${AGR.expiresOn} le datetime'${plus(90)}' and ${AGR.kind} eq 'dva'`,
          orderBy: [AGR.expiresOn, true],
        };
      case 'alle':
        return { orderBy: ['Modified', false] };
    }
  }

  /** One page of a register view. */
  public async list(view: AgreementView, pageToken?: string): Promise<Page<AgreementEntry>> {
    const q = await this.viewQuery(view);
    const expand = this.config.parties.map((p) => accounthouderColumn(p.key));
    let items = this.ref.items
      .select(...this.select())
      .expand(...expand)
      .orderBy(q.orderBy[0], q.orderBy[1])
      .top(30);
    if (q.filter) items = items.filter(q.filter);
    const page = await fetchPage<Record<string, unknown>>(items, pageToken);
    return {
      items: page.rows.map((r) => this.toEntry(r)),
      ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
    };
  }

  /** The linked meeting (Overleggen), or null. */
  private async meeting(id: number | undefined): Promise<MeetingEntry | null> {
    if (id === undefined) return null;
    return new PnpMeetingStore(this.sp).get(id);
  }

  /** One entry. */
  public async get(id: number): Promise<AgreementEntry> {
    const expand = this.config.parties.map((p) => accounthouderColumn(p.key));
    return this.toEntry(
      await this.ref.items
        .getById(id)
        .select(...this.select())
        .expand(...expand)(),
    );
  }

  /** Creates an entry (the art. 13–14 rules apply). */
  public async create(entry: AgreementEntry): Promise<AgreementEntry> {
    checkAgreementEntry(this.config, entry, await this.meeting(entry.meetingId));
    const created: { Id: number } = await this.ref.items.add(this.toFields(entry));
    return this.get(created.Id);
  }

  /**
   * Updates with `If-Match: etag` after the art. 13–14 rules. Without an etag it throws before any request (no blind
   * overwrites); a stale etag is a ConcurrencyError unless the entry already holds this very change (a repeat after a
   * lost answer).
   */
  public async update(id: number, patch: Partial<AgreementEntry>, etag: string | undefined): Promise<AgreementEntry> {
    const what = `Overeenkomst ${id}`;
    requireEtag(etag, 'PnpAgreementRegister.update', what);
    const current = await this.get(id);
    const merged: AgreementEntry = { ...current, ...patch };
    checkAgreementEntry(this.config, merged, await this.meeting(merged.meetingId));
    if (patch.status && patch.status !== current.status && !patch.history) {
      // Status history is kept by the register itself, so it cannot be skipped.
      const me: { Id: number; Title: string } = await this.sp.web.currentUser.select('Id', 'Title')();
      patch = {
        ...patch,
        history: [...current.history, { status: patch.status, at: new Date().toISOString(), by: me.Title, byId: me.Id }],
      };
    }
    const fields = this.toFields(patch);
    await guardedUpdate({
      method: 'PnpAgreementRegister.update',
      what,
      etag,
      send: (e) => this.ref.items.getById(id).update(fields, e),
      read: async () => {
        const now = await this.get(id);
        return { etag: now.etag!, holdsWrite: holdsFields(fields, this.toFields(now)) };
      },
    });
    return this.get(id);
  }

  /**
   * The item's version history (`items(id)/versions`, SP.ListItemVersion), newest first: label, when each was saved
   * (Created) and by whom (Editor, as SharePoint wrote it), with the status and status history it held.
   */
  public async versions(id: number): Promise<RecordVersion[]> {
    const rows: Array<Record<string, unknown>> = await this.ref.items
      .getById(id)
      .versions.select('VersionLabel', 'Created', 'Editor', AGR.status, AGR.history)();
    return rows.map((row) => {
      const history = parseJson<unknown>(row[AGR.history], undefined);
      return {
        label: String(row.VersionLabel ?? ''),
        modified: String(row.Created ?? ''),
        ...versionEditor(row),
        status: String(row[AGR.status] ?? ''),
        // an empty column is an empty history; text that is no list of steps (each with a status, a name if any) is
        // unreadable
        ...(row[AGR.history] === null || row[AGR.history] === undefined || row[AGR.history] === ''
          ? { history: [] }
          : isStepList(history)
            ? { history }
            : {}),
      };
    });
  }
}

/** A status history as the register writes it: a list of steps, each with its status and, if any, a name and user id. */
function isStepList(v: unknown): v is StatusStep[] {
  return (
    Array.isArray(v) &&
    v.every(
      (s) =>
        typeof s === 'object' &&
        s !== null &&
        typeof (s as StatusStep).status === 'string' &&
        ((s as StatusStep).by === undefined || typeof (s as StatusStep).by === 'string') &&
        ((s as StatusStep).byId === undefined || typeof (s as StatusStep).byId === 'number'),
    )
  );
}
