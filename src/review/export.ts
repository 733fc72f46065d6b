/**
 * The "Verantwoording" export (AVG art. 5(2) accountability): every Toetslog decision as one CSV row — who, the
 * parties it was shared with, file, purpose, answers, findings (kinds and counts only), decision, rule version, time,
 * and the privacy officer's review.
 * Free-text answers pass through the scan's detectors first, so an identifier someone typed never reaches the file.
 */
import { wallClockToUtc } from '../calendar/zone';
import { effectiveRecipients, recipientNames } from '../domain/agreement/recipients';
import type { AgreementConfig } from '../domain/agreement/schema';
import { addDaysIso } from '../domain/common/dates';
import { AGREEMENT_TIME_ZONE } from '../domain/datalek/zone';
import { scanText } from '../domain/scan';
import type { AuditLog, AuditRecord } from '../ports/registers';
import { toCsv, type CsvSeparator } from './csv';

/** Column headers, in order (Dutch, as the privacy officers and the AP read them). */
export const EXPORT_HEADER = [
  'Tijdstip',
  'ToetsId',
  'Wie',
  'E-mail',
  'Partij',
  'Ontvangers',
  'Bestand',
  'Doel (verwerkingsactiviteit)',
  'Documenttype',
  'Rubricering',
  'Persoonsgegevens',
  'Categorieen',
  'Noodzaak',
  'Minder gegevens mogelijk',
  'Toestemming',
  'Inhoud gescand',
  'Bevindingen (soort: aantal)',
  'Besluit',
  'Redenen',
  'Regelversie',
  'Betreft toets',
  'Beoordeling privacy officer',
  'Notitie',
  'Vastgelegd door (SharePoint)',
  'Controle',
] as const;

/** Identifiers replaced in free text (never their value): the scan's detectors, health terms left out. */
export function maskIdentifiers(text: string): string {
  const scan = scanText(text, { healthTerms: [], birthdateNeedsContext: true });
  const spans = scan.findings
    .flatMap((f) => f.positions.map((p) => ({ ...p, kind: f.kind })))
    .sort((a, b) => b.start - a.start);
  let out = text;
  let lastStart = Number.POSITIVE_INFINITY;
  for (const s of spans) {
    if (s.end > lastStart) continue; // overlapping spans: the later one already replaced this text
    out = `${out.slice(0, s.start)}[${s.kind} weggelaten]${out.slice(s.end)}`;
    lastStart = s.start;
  }
  return out;
}

/** A yes/no/unknown answer as Dutch text. */
function yesNo(v: unknown): string {
  return v === true ? 'ja' : v === false ? 'nee' : '';
}

/** A string answer, or ''. */
function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** The label of a configured key, or the key itself when the configuration no longer has it. */
function labelOf(list: ReadonlyArray<{ key: string; label: string }>, key: string): string {
  return list.find((x) => x.key === key)?.label ?? key;
}

/**
 * The parties a record shares with (art. 8, 9.5), by short name: as chosen at upload, or every other party for a record
 * from before recipients were chosen; '' for a record of no party.
 */
function recipientsCell(config: AgreementConfig, r: AuditRecord): string {
  if (!r.party) return r.recipients ? recipientNames(config, r.recipients) : '';
  return effectiveRecipients(config, r.party, r.recipients)
    .map((k) => config.parties.find((p) => p.key === k)?.shortName ?? k)
    .join(', ');
}

/**
 * The CSV cells of one record. `reviews` holds the privacy officers' review records by the ToetsId they decide on
 * (art. 9.2), `checks` what the integrity check found about a record (e.g. written by someone else than it names).
 */
export function exportRow(
  config: AgreementConfig,
  r: AuditRecord,
  reviews: ReadonlyMap<string, AuditRecord> = new Map(),
  checks: ReadonlyMap<string, string> = new Map(),
): string[] {
  const a = r.answers;
  const activity = r.activity ?? text(a.activityKey);
  const activityLabel = activity
    ? `${config.processingActivities.find((p) => p.key === activity)?.service ?? activity} (${activity})`
    : '';
  const categories = Array.isArray(a.categories) ? a.categories.map((c) => labelOf(config.categories, String(c))) : [];
  const consent =
    a.consentRecorded === true
      ? `ja${a.consentReference ? ` (${maskIdentifiers(text(a.consentReference))})` : ''}`
      : a.consentRecorded === false
        ? `nee${a.exceptionalCircumstances ? ` (${maskIdentifiers(text(a.exceptionalCircumstances))})` : ''}`
        : '';
  const scanned = a.scanned === false ? 'nee (niet leesbaar)' : a.scanned === true ? 'ja' : '';
  const reviewed = reviews.get(r.toetsId);
  const review = reviewed ? `${reviewed.decision} door ${reviewed.user.displayName} op ${reviewed.at}` : '';
  return [
    r.at,
    r.toetsId,
    r.user.displayName,
    r.user.email ?? '',
    r.party ?? '',
    recipientsCell(config, r),
    r.fileName,
    activityLabel,
    a.documentType ? labelOf(config.documentTypes, text(a.documentType)) : '',
    a.classification ? labelOf(config.classification.levels, text(a.classification)) : '',
    yesNo(a.containsPersonalData),
    categories.join(', '),
    maskIdentifiers(text(a.necessity)),
    yesNo(a.lessDataPossible),
    consent,
    scanned,
    // Kinds and counts only (AVG art. 5(1)(c)): a record never holds a found value, and neither does the export.
    r.findings.map((f) => `${f.kind}: ${Number(f.count)}`).join(', '),
    r.decision,
    r.reasons.map((x) => `${x.article}: ${maskIdentifiers(x.text)}`).join(' | '),
    r.ruleVersion,
    r.reviewOf ?? text(a.reviewOf),
    review,
    maskIdentifiers(reviewed?.reviewNote ?? r.reviewNote ?? ''),
    r.author ? `${r.author.displayName}${r.created ? ` op ${r.created}` : ''}` : '',
    checks.get(r.toetsId) ?? '',
  ];
}

/** One finding of the integrity check, as a row of its own: a file the other party reads without a valid record. */
export interface ExportAnomaly {
  /** When it was seen (the file's last change). */
  at: string;
  fileName: string;
  party: string;
  /** What is wrong, citing the article. */
  reason: string;
  toetsId?: string;
}

/** The CSV cells of an anomaly (Besluit 'afwijking'): counted beside the decisions, never hidden among them. */
function anomalyRow(x: ExportAnomaly): string[] {
  const cells = EXPORT_HEADER.map(() => '');
  cells[EXPORT_HEADER.indexOf('Tijdstip')] = x.at;
  cells[EXPORT_HEADER.indexOf('ToetsId')] = x.toetsId ?? '';
  cells[EXPORT_HEADER.indexOf('Partij')] = x.party;
  cells[EXPORT_HEADER.indexOf('Bestand')] = x.fileName;
  cells[EXPORT_HEADER.indexOf('Besluit')] = 'afwijking';
  cells[EXPORT_HEADER.indexOf('Controle')] = x.reason;
  return cells;
}

/** The whole export as CSV text (BOM, header, CRLF). */
export function verantwoordingCsv(
  config: AgreementConfig,
  records: ReadonlyArray<AuditRecord>,
  separator: CsvSeparator = ';',
  integrity: { anomalies: readonly ExportAnomaly[]; checks: ReadonlyMap<string, string> } = {
    anomalies: [],
    checks: new Map(),
  },
): string {
  const reviews = new Map<string, AuditRecord>();
  for (const r of records) if (r.reviewOf && !reviews.has(r.reviewOf)) reviews.set(r.reviewOf, r);
  return toCsv(
    EXPORT_HEADER,
    [
      ...records.map((r) => exportRow(config, r, reviews, integrity.checks)),
      ...integrity.anomalies.map(anomalyRow),
    ],
    separator,
  );
}

/** Options of {@link collectAuditRecords}. */
export interface CollectOptions {
  /** Only records at or after this ISO time. */
  from?: string;
  /** Only records before this ISO time. */
  to?: string;
  /** Records per request (SharePoint: at most 5,000; the default keeps answers small). */
  pageSize?: number;
  /** Called after every page with the number of records kept so far. */
  onProgress?: (count: number) => void;
}

/**
 * The instants of a period of whole days as the agreement's parties count them (Europe/Amsterdam, whatever zone the
 * browser runs in), so the Verantwoording holds exactly the decisions of the period (AVG art. 5(2)): from the start of `fromDay` up to the start of the day after `toDay` (YYYY-MM-DD; either may be
 * absent), as `collectAuditRecords` takes them. A record made at 00:30 on the first day belongs to the period, one made
 * at 00:30 on the day after the last does not.
 */
export function periodBounds(fromDay?: string, toDay?: string): Pick<CollectOptions, 'from' | 'to'> {
  const midnight = (day: string): string => wallClockToUtc(`${day}T00:00`, AGREEMENT_TIME_ZONE).toISOString();
  return {
    ...(fromDay ? { from: midnight(fromDay) } : {}),
    ...(toDay ? { to: midnight(addDaysIso(toDay, 1)) } : {}),
  };
}

/**
 * Every Toetslog record the caller may read, with the privacy officers' decisions on them from the review lists, newest
 * first. The Toetslog is read page by page. The adapter orders on the indexed Tijdstip
 * column and pages with SharePoint's own skiptoken, so a log past the 5,000-item list view threshold is read whole;
 * the period is applied while paging (the log is sorted on time, so reading stops at the first record before `from`).
 */
export async function collectAuditRecords(
  audit: Pick<AuditLog, 'list' | 'reviewsOf'>,
  options: CollectOptions = {},
): Promise<AuditRecord[]> {
  const from = options.from ? Date.parse(options.from) : undefined;
  const to = options.to ? Date.parse(options.to) : undefined;
  if (Number.isNaN(from) || Number.isNaN(to)) throw new Error('Verantwoording: periode (van/tot) is geen geldige datum.');
  const inPeriod = (r: AuditRecord): boolean => {
    const at = Date.parse(r.at);
    return (from === undefined || at >= from) && (to === undefined || at < to);
  };
  const kept: AuditRecord[] = [];
  let token: string | undefined;
  for (;;) {
    const page = await audit.list(token, options.pageSize ?? 500);
    const past = page.items.some((r) => from !== undefined && Date.parse(r.at) < from);
    kept.push(...page.items.filter(inPeriod));
    options.onProgress?.(kept.length);
    if (past || !page.nextPageToken) break;
    token = page.nextPageToken;
  }
  // The privacy officers' decisions live in the parties' review lists (art. 9.2), beside the Toetslog: those on the
  // records read, within the period. The Toetslog's own (older) review records were read above.
  const reviewIds = kept.filter((r) => r.decision === 'review').map((r) => r.toetsId);
  const decided = reviewIds.length > 0 ? await audit.reviewsOf(reviewIds) : [];
  kept.push(...decided.filter((r) => r.proof === 'container' && inPeriod(r)));
  options.onProgress?.(kept.length);
  return kept.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

/** File name of an export: `verantwoording-<agreement id>-<date>.csv`. */
export function exportFileName(config: AgreementConfig, now: Date): string {
  return `verantwoording-${config.id}-${now.toISOString().slice(0, 10)}.csv`;
}
