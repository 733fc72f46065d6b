/**
 * AuditLog over PnPjs: the Toetslog list (AVG art. 5(2)). Append-only: staff and privacy officers add records and
 * SharePoint refuses every change or deletion (provisioning gives them no Edit or Delete Items); findings are kept as
 * kinds and counts only. Each record is read with SharePoint's own Author and Created, which nobody can set.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import type { IList } from '@pnp/sp/lists';
import type { Page, PersonRef } from '../../ports/documents';
import type { AuditLog, AuditRecord } from '../../ports/registers';
import { AUDIT, LISTS, reviewListTitle } from '../../provisioning/names';
import { lit } from './documentQueries';
import { fetchPage } from './paging';
import { parseJson } from './listRows';
import { httpStatus } from './errors';

/** Columns read. */
const SELECT = [
  'Id',
  'Title',
  'Created',
  AUDIT.toetsId,
  AUDIT.at,
  AUDIT.party,
  AUDIT.file,
  AUDIT.activity,
  AUDIT.decision,
  AUDIT.ruleVersion,
  AUDIT.reviewOf,
  AUDIT.details,
  `${AUDIT.user}/Id`,
  `${AUDIT.user}/Title`,
  `${AUDIT.user}/EMail`,
  'Author/Id',
  'Author/Title',
  'Author/EMail',
];
/** Person columns expanded. */
const EXPAND = [AUDIT.user, 'Author'];

/** Values per request when reading many (a `$filter` of that many `or` terms stays well within URL limits). */
const IDS_PER_QUERY = 40;

/** A person column as a PersonRef (id 0 when absent). */
function personOf(v: unknown): PersonRef {
  const p = (v ?? {}) as { Id?: number; Title?: string; EMail?: string };
  return { id: p.Id ?? 0, displayName: p.Title ?? '', ...(p.EMail ? { email: p.EMail } : {}) };
}

/** The JSON details column. */
type Details = Pick<AuditRecord, 'answers' | 'findings' | 'reasons' | 'reviewNote' | 'contentHash' | 'recipients'>;

/** Maps a row to a record. */
function toRecord(row: Record<string, unknown>): AuditRecord {
  const details = parseJson<Details>(row[AUDIT.details], { answers: {}, findings: [], reasons: [] });
  const reviewOf = row[AUDIT.reviewOf];
  return {
    toetsId: String(row[AUDIT.toetsId]),
    at: String(row[AUDIT.at]),
    user: personOf(row[AUDIT.user]),
    party: (row[AUDIT.party] as string | null) ?? null,
    fileName: String(row[AUDIT.file] ?? row.Title ?? ''),
    ...(row[AUDIT.activity] ? { activity: String(row[AUDIT.activity]) } : {}),
    decision: row[AUDIT.decision] as AuditRecord['decision'],
    ruleVersion: String(row[AUDIT.ruleVersion] ?? ''),
    answers: details.answers ?? {},
    findings: details.findings ?? [],
    reasons: details.reasons ?? [],
    ...(details.reviewNote ? { reviewNote: details.reviewNote } : {}),
    ...(typeof reviewOf === 'string' && reviewOf ? { reviewOf } : {}),
    ...(details.contentHash ? { contentHash: details.contentHash } : {}),
    ...(Array.isArray(details.recipients) ? { recipients: details.recipients.map(String) } : {}),
    ...(row.Author ? { author: personOf(row.Author) } : {}),
    ...(typeof row.Created === 'string' ? { created: row.Created } : {}),
  };
}

/** The Toetslog list. */
export class PnpAuditLog implements AuditLog {
  /**
   * @param parties The agreement's party keys: each has its own review list (art. 9.2). Without them only the
   *   Toetslog is read (review records from before those lists) and {@link appendReview} refuses.
   */
  public constructor(
    private readonly sp: SPFI,
    private readonly parties: readonly string[] = [],
  ) {}

  /** The list handle. */
  private get ref(): IList {
    return this.sp.web.lists.getByTitle(LISTS.audit);
  }

  /**
   * Appends a record once. The ToetsId is looked up first (indexed; the writer reads its own records): a retry after a
   * lost answer finds the record already there and does nothing. A record under this ToetsId by somebody else is an
   * error that names them (a forged record must not pass for this one, art. 9.2); the writer only sees it when it may
   * read all records (a privacy officer), and the integrity check lists every duplicate ToetsId for the rest.
   */
  public async append(record: AuditRecord): Promise<void> {
    await this.appendOnce(this.sp.web.lists.getByTitle(LISTS.audit), record, (id) => this.get(id));
  }

  /**
   * Appends a privacy officer's review record to the review list of the record's party (art. 9.2). Only that party's
   * privacy officers may add there: SharePoint answers anyone else 403 (or 404: the list is not theirs to see).
   */
  public async appendReview(record: AuditRecord): Promise<void> {
    if (!record.party || !this.parties.includes(record.party))
      throw new Error(`Beoordeling: onbekende partij '${record.party ?? ''}' (art. 9.2).`);
    const list = this.sp.web.lists.getByTitle(reviewListTitle(record.party));
    await this.appendOnce(list, record, async (id) => {
      const rows: Array<Record<string, unknown>> = await list.items
        .select(...SELECT)
        .expand(...EXPAND)
        .filter(`${AUDIT.toetsId} eq ${lit(id)}`)
        .top(1)();
      return rows.length > 0 ? toRecord(rows[0]) : null;
    });
  }

  /**
   * Adds the record unless its ToetsId is already there. By the writer: a retry after a lost answer, nothing to do. By
   * somebody else: an error that names them (a forged record must not pass for this one, art. 9.2).
   */
  private async appendOnce(
    list: IList,
    record: AuditRecord,
    find: (toetsId: string) => Promise<AuditRecord | null>,
  ): Promise<void> {
    const existing = await find(record.toetsId);
    if (existing) {
      const me: { Id: number } = await this.sp.web.currentUser.select('Id')();
      if (existing.author && existing.author.id !== me.Id) {
        throw new Error(
          `Toetslog: ToetsId '${record.toetsId}' is al vastgelegd door ${existing.author.displayName || existing.author.id}; ` +
            'dit besluit is niet vastgelegd (AVG art. 5 lid 2). Meld dit aan de privacy officer.',
        );
      }
      return;
    }
    // Findings are reduced to kind + count here as well, so no value can ever reach the log (AVG art. 5(1)(c)).
    const findings = record.findings.map((f) => ({ kind: f.kind, count: f.count }));
    const details: Details = {
      answers: record.answers,
      findings,
      reasons: record.reasons,
      ...(record.reviewNote ? { reviewNote: record.reviewNote } : {}),
      ...(record.contentHash ? { contentHash: record.contentHash } : {}),
      ...(record.recipients ? { recipients: record.recipients } : {}),
    };
    await list.items.add({
      Title: record.fileName.slice(0, 255),
      [AUDIT.toetsId]: record.toetsId,
      [AUDIT.at]: record.at,
      [`${AUDIT.user}Id`]: record.user.id,
      [AUDIT.party]: record.party,
      [AUDIT.file]: record.fileName.slice(0, 255),
      [AUDIT.activity]: record.activity ?? null,
      [AUDIT.decision]: record.decision,
      [AUDIT.ruleVersion]: record.ruleVersion,
      [AUDIT.reviewOf]: record.reviewOf ?? null,
      [AUDIT.details]: JSON.stringify(details),
    });
  }

  /** Records newest first. */
  public async list(pageToken?: string, pageSize = 50): Promise<Page<AuditRecord>> {
    const items = this.ref.items
      .select(...SELECT)
      .expand(...EXPAND)
      .orderBy(AUDIT.at, false)
      .top(pageSize);
    const page = await fetchPage<Record<string, unknown>>(items, pageToken);
    return { items: page.rows.map(toRecord), ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}) };
  }

  /** One record by ToetsId (indexed column). */
  public async get(toetsId: string): Promise<AuditRecord | null> {
    const rows = await this.where(`${AUDIT.toetsId} eq ${lit(toetsId)}`, 1);
    return rows.length > 0 ? rows[0] : null;
  }

  /** Records by ToetsId (indexed column), in one `$batch`. */
  public async getMany(toetsIds: readonly string[]): Promise<AuditRecord[]> {
    return this.whereAny(AUDIT.toetsId, toetsIds);
  }

  /**
   * Review records deciding on any of these ToetsIds (indexed column Betreft): one `$batch` per party's review list and
   * one for the Toetslog's older review records.
   */
  public async reviewsOf(toetsIds: readonly string[]): Promise<AuditRecord[]> {
    const [inLists, legacy] = await Promise.all([
      Promise.all(
        this.parties.map((party) =>
          this.whereAny(AUDIT.reviewOf, toetsIds, [reviewListTitle(party)]).then((rs) =>
            // The party is the list's, whatever the row's Partij column says: a review list holds that party's
            // decisions only, and only that party's privacy officers add there.
            rs.map((r): AuditRecord => ({ ...r, party, proof: 'container' })),
            // Staff have no grant on the review lists (SharePoint answers 404): nothing there for them to read.
            (e: unknown) => {
              if (httpStatus(e) === 404) return [];
              throw e;
            },
          ),
        ),
      ).then((all) => all.flat()),
      this.whereAny(AUDIT.reviewOf, toetsIds),
    ]);
    return [
      ...inLists,
      ...legacy
        .filter((r) => r.decision === 'goedgekeurd' || r.decision === 'afgewezen')
        .map((r): AuditRecord => ({ ...r, proof: 'author' })),
    ];
  }

  /** Records about any of these file names (indexed column Bestand), in one `$batch`. */
  public async byFileNames(fileNames: readonly string[]): Promise<AuditRecord[]> {
    return this.whereAny(
      AUDIT.file,
      fileNames.map((n) => n.slice(0, 255)),
    );
  }

  /** Records whose indexed column equals any value: `or` filters of a few dozen values each, in one `$batch`. */
  private async whereAny(
    column: string,
    values: readonly string[],
    titles: readonly string[] = [LISTS.audit],
  ): Promise<AuditRecord[]> {
    const unique = [...new Set(values)];
    if (unique.length === 0 || titles.length === 0) return [];
    const [batched, execute] = this.sp.batched();
    const pages: Array<Promise<Array<Record<string, unknown>>>> = [];
    for (const title of titles) {
      const list = batched.web.lists.getByTitle(title);
      for (let i = 0; i < unique.length; i += IDS_PER_QUERY) {
        const chunk = unique.slice(i, i + IDS_PER_QUERY);
        pages.push(
          list.items
            .select(...SELECT)
            .expand(...EXPAND)
            .filter(chunk.map((v) => `${column} eq ${lit(v)}`).join(' or '))
            .top(500)(),
        );
      }
    }
    await execute();
    return (await Promise.all(pages)).flat().map(toRecord);
  }

  /** Records matching one filter on an indexed column, newest first. */
  private async where(filter: string, top: number): Promise<AuditRecord[]> {
    const rows: Array<Record<string, unknown>> = await this.ref.items
      .select(...SELECT)
      .expand(...EXPAND)
      .filter(filter)
      .orderBy(AUDIT.at, false)
      .top(top)();
    return rows.map(toRecord);
  }
}
