/**
 * Reads what the integrity check needs, through the ports, as a privacy officer (who reads every Toetslog record and
 * every shared folder): the newest shared files the other party can read, their records and reviews, earlier records
 * of the same names, the privacy officers, and the Team's channel files. What could not be read is reported as not
 * checked, never as passed.
 */
import type { AgreementConfig } from '../domain/agreement/schema';
import type { ChannelFiles, DocumentStore, ExchangeDocument } from '../ports/documents';
import type { AuditLog, AuditRecord } from '../ports/registers';
import type { SiteDirectory } from '../ports/site';
import { exchangeFolders } from '../provisioning/permissions';
import { checkIntegrity, type IntegrityFinding, type SharedFile } from './check';

/** The ports the check reads. */
export interface IntegrityDeps {
  config: AgreementConfig;
  documents: Pick<DocumentStore, 'list'>;
  audit: Pick<AuditLog, 'getMany' | 'reviewsOf' | 'byFileNames'>;
  site: Pick<SiteDirectory, 'groupMembers'>;
  channelFiles: ChannelFiles;
}

/** What one run of the check found, and how far it got. */
export interface IntegrityReport {
  findings: IntegrityFinding[];
  /** Shared files checked. */
  checked: number;
  /** True when there were more shared files than `limit` (the oldest were not checked). */
  more: boolean;
  /** Parts that could not be read, each with the reason: these were not checked. */
  unchecked: string[];
}

/** Options of {@link runIntegrityCheck}. */
export interface IntegrityOptions {
  /** Most shared files checked, newest first (default 1,000). */
  limit?: number;
  /** Most channel files listed (default 200). */
  channelLimit?: number;
}

/** True when a version label says a major version exists (1.0, 1.3, 2.0 …): the other party reads it. */
export function hasPublishedVersion(version: string | undefined): boolean {
  return !!version && !version.startsWith('0.');
}

/** The shared and restricted folders (where the other party reads), with their party. */
function readableFolders(config: AgreementConfig): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of exchangeFolders(config)) {
    if (f.name.startsWith('Review-')) continue;
    out.set(f.name, f.party);
  }
  return out;
}

/** The folder name of a file. */
function folderOf(url: string): string {
  const parts = url.split('/');
  return parts.length >= 2 ? parts[parts.length - 2] : '';
}

/** Runs the check. */
export async function runIntegrityCheck(deps: IntegrityDeps, options: IntegrityOptions = {}): Promise<IntegrityReport> {
  const limit = options.limit ?? 1000;
  const unchecked: string[] = [];
  const folders = readableFolders(deps.config);
  const docs: ExchangeDocument[] = [];
  let more = false;
  for (let token: string | undefined, first = true; first || token; first = false) {
    const page = await deps.documents.list({
      view: 'alle',
      pageSize: 500,
      orderBy: { field: 'modified', ascending: false },
      ...(token ? { pageToken: token } : {}),
    });
    docs.push(...page.items);
    token = page.nextPageToken;
    if (docs.length >= limit) {
      more = !!token || docs.length > limit;
      break;
    }
  }
  const files: SharedFile[] = docs
    .slice(0, limit)
    .filter((d) => folders.has(folderOf(d.serverRelativeUrl)) && hasPublishedVersion(d.version))
    .map((d) => ({
      id: d.id,
      name: d.name,
      serverRelativeUrl: d.serverRelativeUrl,
      party: folders.get(folderOf(d.serverRelativeUrl)) as string,
      ...(d.toetsId ? { toetsId: d.toetsId } : {}),
      toetsstatus: d.toetsstatus,
      modified: d.modified,
      ...(d.editor ? { editor: d.editor } : {}),
    }));
  const records = await deps.audit.getMany(files.map((f) => f.toetsId).filter((x): x is string => !!x));
  const byId = new Map(records.map((r) => [r.toetsId, r]));
  const reviewIds = records.filter((r) => r.decision === 'review').map((r) => r.toetsId);
  const allowedNames = files.filter((f) => f.toetsId && byId.get(f.toetsId)?.decision === 'toegestaan').map((f) => f.name);
  const [reviewRecords, sameName] = await Promise.all([
    deps.audit.reviewsOf(reviewIds),
    deps.audit.byFileNames(allowedNames),
  ]);
  // Earlier records of the same names may themselves have been approved: read their reviews too.
  const earlierIds = sameName.filter((r) => r.decision === 'review').map((r) => r.toetsId);
  const moreReviews = earlierIds.some((id) => !reviewIds.includes(id))
    ? await deps.audit.reviewsOf(earlierIds.filter((id) => !reviewIds.includes(id)))
    : [];
  const reviews = new Map<string, AuditRecord[]>();
  for (const r of [...reviewRecords, ...moreReviews]) {
    if (!r.reviewOf) continue;
    reviews.set(r.reviewOf, [...(reviews.get(r.reviewOf) ?? []), r]);
  }
  const byName = new Map<string, AuditRecord[]>();
  for (const r of sameName) byName.set(r.fileName, [...(byName.get(r.fileName) ?? []), r]);
  const privacyOfficers = new Map<string, Set<string>>();
  for (const p of deps.config.parties) {
    try {
      const members = await deps.site.groupMembers(p.privacyOfficer.group);
      privacyOfficers.set(p.key, new Set(members.map((m) => m.email.toLowerCase())));
    } catch (e) {
      privacyOfficers.set(p.key, new Set());
      unchecked.push(`privacy officers van ${p.shortName}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  let channelFiles: Awaited<ReturnType<ChannelFiles['list']>> = { items: [], more: false };
  try {
    channelFiles = await deps.channelFiles.list(options.channelLimit ?? 200);
    if (channelFiles.more) unchecked.push(`kanaalbestanden: alleen de nieuwste ${channelFiles.items.length} getoond`);
  } catch (e) {
    unchecked.push(`kanaalbestanden (Teams): ${e instanceof Error ? e.message : String(e)}`);
  }
  const findings = checkIntegrity({
    config: deps.config,
    files,
    channelFiles: channelFiles.items,
    records: byId,
    reviews,
    byName,
    privacyOfficers,
  });
  if (more) unchecked.push(`gedeelde stukken ouder dan de nieuwste ${limit}`);
  return { findings, checked: files.length, more, unchecked };
}
