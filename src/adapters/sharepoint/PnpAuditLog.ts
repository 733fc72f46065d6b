/** AuditLog over PnPjs: the Toetslog list (AVG art. 5(2)); findings kept as kinds and counts only. */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import type { IList } from '@pnp/sp/lists';
import type { Page } from '../../ports/documents';
import type { AuditLog, AuditRecord, ReviewOutcome } from '../../ports/registers';
import { AUDIT, LISTS } from '../../provisioning/names';
import { lit } from './documentQueries';
import { fetchPage } from './paging';
import { etagOf, parseJson } from './listRows';
import { httpStatus } from './errors';

/** Columns read. */
const SELECT = [
  'Id',
  'Title',
  AUDIT.toetsId,
  AUDIT.at,
  AUDIT.party,
  AUDIT.file,
  AUDIT.activity,
  AUDIT.decision,
  AUDIT.ruleVersion,
  AUDIT.details,
  `${AUDIT.user}/Id`,
  `${AUDIT.user}/Title`,
  `${AUDIT.user}/EMail`,
];

/** Maps a row to a record. */
function toRecord(row: Record<string, unknown>): AuditRecord {
  const details = parseJson<Pick<AuditRecord, 'answers' | 'findings' | 'reasons' | 'reviewNote' | 'review'>>(row[AUDIT.details], {
    answers: {},
    findings: [],
    reasons: [],
  });
  const user = (row[AUDIT.user] ?? {}) as { Id?: number; Title?: string; EMail?: string };
  return {
    toetsId: String(row[AUDIT.toetsId]),
    at: String(row[AUDIT.at]),
    user: { id: user.Id ?? 0, displayName: user.Title ?? '', ...(user.EMail ? { email: user.EMail } : {}) },
    party: (row[AUDIT.party] as string | null) ?? null,
    fileName: String(row[AUDIT.file] ?? row.Title ?? ''),
    ...(row[AUDIT.activity] ? { activity: String(row[AUDIT.activity]) } : {}),
    decision: row[AUDIT.decision] as AuditRecord['decision'],
    ruleVersion: String(row[AUDIT.ruleVersion] ?? ''),
    answers: details.answers ?? {},
    findings: details.findings ?? [],
    reasons: details.reasons ?? [],
    ...(details.reviewNote ? { reviewNote: details.reviewNote } : {}),
    ...(details.review ? { review: details.review } : {}),
  };
}

/** The Toetslog list. */
export class PnpAuditLog implements AuditLog {
  public constructor(private readonly sp: SPFI) {}

  /** The list handle. */
  private get ref(): IList {
    return this.sp.web.lists.getByTitle(LISTS.audit);
  }

  /** Appends a record; a retry after a lost answer finds the unique ToetsId already there and does nothing. */
  public async append(record: AuditRecord): Promise<void> {
    // Findings are reduced to kind + count here as well, so no value can ever reach the log (AVG art. 5(1)(c)).
    const findings = record.findings.map((f) => ({ kind: f.kind, count: f.count }));
    const body = {
      Title: record.fileName.slice(0, 255),
      [AUDIT.toetsId]: record.toetsId,
      [AUDIT.at]: record.at,
      [`${AUDIT.user}Id`]: record.user.id,
      [AUDIT.party]: record.party,
      [AUDIT.file]: record.fileName.slice(0, 255),
      [AUDIT.activity]: record.activity ?? null,
      [AUDIT.decision]: record.decision,
      [AUDIT.ruleVersion]: record.ruleVersion,
      [AUDIT.details]: JSON.stringify({
        answers: record.answers,
        findings,
        reasons: record.reasons,
        reviewNote: record.reviewNote,
        review: record.review,
      }),
    };
    try {
      await this.ref.items.add(body);
    } catch (e) {
      if (httpStatus(e) !== 400 || !(await this.get(record.toetsId))) throw e;
    }
  }

  /** Records newest first. */
  public async list(pageToken?: string, pageSize = 50): Promise<Page<AuditRecord>> {
    const items = this.ref.items
      .select(...SELECT)
      .expand(AUDIT.user)
      .orderBy(AUDIT.at, false)
      .top(pageSize);
    const page = await fetchPage<Record<string, unknown>>(items, pageToken);
    return { items: page.rows.map(toRecord), ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}) };
  }

  /** One record by ToetsId (indexed column). */
  public async get(toetsId: string): Promise<AuditRecord | null> {
    const rows: Array<Record<string, unknown>> = await this.ref.items
      .select(...SELECT)
      .expand(AUDIT.user)
      .filter(`${AUDIT.toetsId} eq ${lit(toetsId)}`)
      .top(1)();
    return rows.length > 0 ? toRecord(rows[0]) : null;
  }

  /** Adds the review outcome to the record's details with If-Match, so a concurrent change is not overwritten. */
  public async recordReview(toetsId: string, review: ReviewOutcome): Promise<void> {
    const rows: Array<Record<string, unknown>> = await this.ref.items
      .select('Id', AUDIT.details)
      .filter(`${AUDIT.toetsId} eq ${lit(toetsId)}`)
      .top(1)();
    if (rows.length === 0) throw new Error(`Toetslog: geen record met ToetsId '${toetsId}' (art. 9.2).`);
    const details = parseJson<Record<string, unknown>>(rows[0][AUDIT.details], {});
    await this.ref.items
      .getById(Number(rows[0].Id))
      .update({ [AUDIT.details]: JSON.stringify({ ...details, review }) }, etagOf(rows[0]));
  }
}
