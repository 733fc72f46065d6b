/** BreachRegister over PnPjs: the Datalekregister (AVG art. 33(5)); each report readable by privacy officers and reporter. */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import type { IList } from '@pnp/sp/lists';
import { applyEvents } from '../../domain/datalek/events';
import type { Page } from '../../ports/documents';
import type { BreachEntry, BreachEvent, BreachRegister, BreachStatus, BreachVersion } from '../../ports/registers';
import { BREACH, BREACH_LOG, LISTS, breachLogTitle } from '../../provisioning/names';
import { httpStatus } from './errors';
import { guardedUpdate, holdsFields } from './guardedWrite';
import { etagOf, parseJson, versionEditor } from './listRows';
import { fetchPage } from './paging';

/** Columns read. */
const SELECT = [
  'Id',
  'Title',
  'Created',
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

/**
 * The entry with its delivery and procedure as the Datalekverloop has them (records nobody rewrites). A report's own
 * form is never proof that a notification arrived: the reporter wrote it. For a report stored before the Datalekverloop
 * existed (SharePoint's Created of both says so) its form is all there is, so a 'sent' there is shown as 'uncertain',
 * for a person to confirm, with the reason; its procedure dates are kept. Created itself can be written through
 * SharePoint's form-value calls, so it decides only between "not believed" and "to be confirmed", never "sent".
 */
function withEvents(entry: BreachEntry & { created?: string }, all: BreachEvent[], logCreated: string): BreachEntry {
  const { created, ...rest } = entry;
  // Only the course in the reporting party's own list counts: another party cannot add there.
  const events = all.filter((e) => e.reportId === entry.id && e.party === entry.reportingParty);
  const legacy = !!created && created < logCreated;
  const { delivery, procedure, ...form } = entry.form;
  const base: Record<string, unknown> = legacy
    ? { ...form, ...(procedure !== undefined ? { procedure } : {}), ...(delivery !== undefined ? { delivery: unproven(delivery) } : {}) }
    : form;
  return { ...rest, form: applyEvents(base, events), events };
}

/** A legacy report's own delivery claims, 'sent' turned into 'uncertain' with why (a person confirms). */
function unproven(delivery: unknown): unknown {
  if (typeof delivery !== 'object' || delivery === null) return delivery;
  return Object.fromEntries(
    Object.entries(delivery as Record<string, unknown>).map(([step, o]) => {
      const d = o as { state?: unknown; at?: unknown } | null;
      if (!d || d.state !== 'sent') return [step, o];
      return [
        step,
        {
          state: 'uncertain',
          at: typeof d.at === 'string' ? d.at : '',
          attempts: 1,
          message:
            "Volgens de melding zelf verstuurd, van vóór het Datalekverloop: SharePoint bewijst het niet. Controleer of het is aangekomen.",
        },
      ];
    }),
  );
}

/** Maps a row to an entry (with SharePoint's Created, to tell a report from before the Datalekverloop). */
function toEntry(row: Record<string, unknown>): BreachEntry & { created?: string } {
  const r = row[BREACH.reporter] as { Id?: number; Title?: string; EMail?: string } | undefined;
  return {
    id: Number(row.Id),
    title: String(row.Title ?? ''),
    reportedAt: String(row[BREACH.reportedAt]),
    discoveredAt: String(row[BREACH.discoveredAt]),
    reportingParty: String(row[BREACH.reportingParty] ?? ''),
    controller: String(row[BREACH.controller] ?? ''),
    status: row[BREACH.status] as BreachEntry['status'],
    ...(typeof row.Created === 'string' ? { created: row.Created } : {}),
    ...(r?.Id ? { reporter: { id: r.Id, displayName: r.Title ?? '', ...(r.EMail ? { email: r.EMail } : {}) } } : {}),
    form: parseJson<Record<string, unknown>>(row[BREACH.details], {}),
    etag: etagOf(row, `Datalekmelding ${String(row.Id)}`),
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
  /** @param parties The agreement's party keys: each has its own breach course list. */
  public constructor(
    private readonly sp: SPFI,
    private readonly parties: readonly string[],
  ) {}

  /** The list handle. */
  private get ref(): IList {
    return this.sp.web.lists.getByTitle(LISTS.breaches);
  }

  /**
   * Stores the report first (before any mail or card). Who reads it is the list's business, set by provisioning: the
   * list has unique permissions and item-level security "own items only"; staff may add but not edit or delete, and
   * privacy officers override the own-items setting, so a report is readable by the privacy officers and its reporter
   * only, and only privacy officers change it (AVG art. 33(5)).
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

  /** One report, with its course from the Datalekverloop. */
  public async get(id: number): Promise<BreachEntry> {
    const entry = toEntry(
      await this.ref.items
        .getById(id)
        .select(...SELECT)
        .expand(BREACH.reporter)(),
    );
    const [events, logCreated] = await Promise.all([this.events(id), this.logCreated()]);
    return withEvents(entry, events, logCreated);
  }

  /** Reports, newest first, trimmed by SharePoint to what the user may read; their courses in one more request. */
  public async list(pageToken?: string): Promise<Page<BreachEntry>> {
    const items = this.ref.items
      .select(...SELECT)
      .expand(BREACH.reporter)
      .orderBy(BREACH.reportedAt, false)
      .top(30);
    const page = await fetchPage<Record<string, unknown>>(items, pageToken);
    const entries = page.rows.map(toEntry);
    const [events, logCreated] = await Promise.all([this.eventsOf(entries.map((e) => e.id as number)), this.logCreated()]);
    return {
      items: entries.map((e) => withEvents(e, events, logCreated)),
      ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
    };
  }

  /**
   * Updates with `If-Match: etag` (privacy officers; SharePoint refuses the reporter, who only adds). Without an etag
   * it throws before any request (no blind overwrites); a stale etag is a ConcurrencyError unless the report's row
   * already holds this very change (a repeat after a lost answer; compared with the stored row, not the course).
   */
  public async update(id: number, patch: Partial<BreachEntry>, etag: string): Promise<BreachEntry> {
    const fields = toFields(patch);
    await guardedUpdate({
      method: 'PnpBreachRegister.update',
      what: `Datalekmelding ${id}`,
      etag,
      send: (e) => this.ref.items.getById(id).update(fields, e),
      read: async () => {
        const row = toEntry(
          await this.ref.items
            .getById(id)
            .select(...SELECT)
            .expand(BREACH.reporter)(),
        );
        return { etag: row.etag!, holdsWrite: holdsFields(fields, toFields(row)) };
      },
    });
    return this.get(id);
  }

  /**
   * The item's version history (`items(id)/versions`, SP.ListItemVersion), newest first: each version's label, when it
   * was saved (Created) and by whom (Editor, a FieldUserValue as SharePoint writes it), with its status and form.
   */
  public async versions(id: number): Promise<BreachVersion[]> {
    const rows: Array<Record<string, unknown>> = await this.ref.items
      .getById(id)
      .versions.select('VersionLabel', 'Created', 'Editor', BREACH.status, BREACH.details)();
    return rows.map((row) => {
      const form = parseJson<Record<string, unknown> | undefined>(row[BREACH.details], undefined);
      return {
        label: String(row.VersionLabel ?? ''),
        modified: String(row.Created ?? ''),
        ...versionEditor(row),
        status: row[BREACH.status] as BreachStatus,
        ...(form && typeof form === 'object' ? { form } : {}),
      };
    });
  }

  /** When the breach course lists were created (read once): reports stored before them kept their delivery in their form. */
  private logCreatedAt?: Promise<string>;

  /** SharePoint's Created of the oldest breach course list. */
  private logCreated(): Promise<string> {
    if (!this.logCreatedAt) {
      this.logCreatedAt = Promise.all(
        this.parties.map((p) =>
          this.log(p)
            .select('Created')<{ Created: string }>()
            .then(
              (l) => l.Created,
              (e: unknown) => {
                if (httpStatus(e) === 404) return ''; // not the reader's to see
                throw e;
              },
            ),
        ),
      ).then((all) => all.filter(Boolean).sort()[0] ?? '');
      this.logCreatedAt.catch(() => {
        this.logCreatedAt = undefined;
      });
    }
    return this.logCreatedAt;
  }

  /** A party's breach course list. */
  private log(party: string): IList {
    return this.sp.web.lists.getByTitle(breachLogTitle(party));
  }

  /**
   * Appends one step to the course of the report's party (an add, never an update: the reporter cannot rewrite what
   * happened). SharePoint refuses anyone outside that party's groups.
   */
  public async appendEvent(event: BreachEvent): Promise<BreachEvent> {
    if (!event.party || !this.parties.includes(event.party))
      throw new Error(`Datalekverloop: onbekende partij '${event.party ?? ''}' voor melding ${event.reportId}.`);
    const created: { Id: number } = await this.log(event.party).items.add({
      Title: `Melding ${event.reportId}: ${event.step}`,
      [BREACH_LOG.report]: event.reportId,
      [BREACH_LOG.step]: event.step,
      [BREACH_LOG.outcome]: event.outcome,
      [BREACH_LOG.details]: JSON.stringify({ ...event.details, at: event.at }),
    });
    return { ...event, id: created.Id };
  }

  /** The steps of one report the reader may read (the reporter their own, privacy officers all), oldest first. */
  public async events(reportId: number): Promise<BreachEvent[]> {
    return this.eventsOf([reportId]);
  }

  /** The steps of several reports (indexed MeldingId) in every party's course list (one `$batch`), oldest first. */
  private async eventsOf(reportIds: readonly number[]): Promise<BreachEvent[]> {
    if (reportIds.length === 0) return [];
    const [batched, execute] = this.sp.batched();
    const pages = this.parties.map((party) =>
      batched.web.lists
        .getByTitle(breachLogTitle(party))
        .items.select(
          'Id',
          'Created',
          BREACH_LOG.report,
          BREACH_LOG.step,
          BREACH_LOG.outcome,
          BREACH_LOG.details,
          'Author/Id',
          'Author/Title',
          'Author/EMail',
        )
        .expand('Author')
        .filter(reportIds.map((id) => `${BREACH_LOG.report} eq ${Number(id)}`).join(' or '))
        .orderBy('ID', true)
        .top(2000)<Array<Record<string, unknown>>>()
        .then(
          (rows) => rows.map((row) => toEvent(row, party)),
          // Staff have no grant on another party's course list (SharePoint answers 404): nothing of it to read.
          (e: unknown) => {
            if (httpStatus(e) === 404) return [];
            throw e;
          },
        ),
    );
    await execute();
    return (await Promise.all(pages)).flat().sort((a, b) => (a.created ?? '').localeCompare(b.created ?? ''));
  }
}

/** A course row as an event of the list's party; its time is SharePoint's Created where the client wrote none. */
function toEvent(row: Record<string, unknown>, party: string): BreachEvent {
  const details = parseJson<Record<string, unknown>>(row[BREACH_LOG.details], {});
  const { at, ...rest } = details;
  const a = row.Author as { Id?: number; Title?: string; EMail?: string } | undefined;
  return {
    id: Number(row.Id),
    reportId: Number(row[BREACH_LOG.report]),
    party,
    step: row[BREACH_LOG.step] as BreachEvent['step'],
    outcome: row[BREACH_LOG.outcome] as BreachEvent['outcome'],
    details: rest,
    at: typeof at === 'string' ? at : String(row.Created ?? ''),
    ...(a?.Id ? { author: { id: a.Id, displayName: a.Title ?? '', ...(a.EMail ? { email: a.EMail } : {}) } } : {}),
    ...(typeof row.Created === 'string' ? { created: row.Created } : {}),
  };
}
