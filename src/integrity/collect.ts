/**
 * Reads what the integrity check needs, through the ports, as a privacy officer (who reads every Toetslog record and
 * every shared folder): the newest files of the exchange library with the party folder each sits in (the first folder
 * below the library root, never the file's own parent), their records and reviews, earlier records of the same names
 * and bytes, the SHA-256 of the bytes the other party reads (within a byte budget, newest files first), every folder
 * of the library, every list and library of the web, Site Assets, the Toetslog's ToetsIds, the privacy officers, and
 * the Team's channel files. What could not be read is reported as not checked ("niet gecontroleerd"), never as
 * passed: a file whose bytes were not read within the budget is counted as such, with its count.
 */
import { contentHash } from '../domain/common/hash';
import type { AgreementConfig } from '../domain/agreement/schema';
import type { ChannelFiles, DocumentStore, ExchangeDocument } from '../ports/documents';
import type { SiteInventory, ToetslogEntry } from '../ports/inventory';
import type { AuditLog, AuditRecord } from '../ports/registers';
import type { SiteDirectory } from '../ports/site';
import { CONFIG_FILE } from '../provisioning/names';
import { exchangeFolderList } from '../provisioning/folders';
import { buildSiteSchema } from '../provisioning/siteSchema';
import {
  checkIntegrity,
  countByKind,
  type ChannelFile,
  type FindingKind,
  type ForeignContainer,
  type IntegrityFinding,
  type MisplacedFile,
  type OutsideFolder,
  type SharedFile,
} from './check';

/** Bytes read per run to compare published files with their records, newest first (option `byteBudget`). */
export const DEFAULT_BYTE_BUDGET = 200 * 1024 * 1024;

/** The ports the check reads. */
export interface IntegrityDeps {
  config: AgreementConfig;
  documents: Pick<DocumentStore, 'list'>;
  audit: Pick<AuditLog, 'getMany' | 'reviewsOf' | 'byFileNames'>;
  site: Pick<SiteDirectory, 'groupMembers'>;
  channelFiles: ChannelFiles;
  /**
   * Folders, lists and libraries, Site Assets, the Toetslog's ToetsIds and published bytes. Without it those parts are
   * reported as not checked.
   */
  inventory?: SiteInventory;
}

/** What one run of the check found, and how far it got. */
export interface IntegrityReport {
  findings: IntegrityFinding[];
  /** Findings by kind (every kind, 0 when none). */
  counts: Record<FindingKind, number>;
  /** Shared files checked. */
  checked: number;
  /** True when there were more shared files than `limit` (the oldest were not checked). */
  more: boolean;
  /** Parts that could not be read, each with the reason, in Dutch: these were not checked. */
  unchecked: string[];
  /** The same in English. */
  uncheckedEn: string[];
  /** The bytes the other party reads, compared with the record's SHA-256. */
  content: {
    /** Shared files whose published bytes were compared (read now, or verified earlier at the same version). */
    checked: number;
    /** Shared files whose bytes were not read (budget spent, changed while read, unreadable): niet gecontroleerd. */
    unchecked: number;
    /** Bytes read in this run. */
    bytesRead: number;
    /** The run's byte budget. */
    budget: number;
  };
}

/** Options of {@link runIntegrityCheck}. */
export interface IntegrityOptions {
  /** Most shared files checked, newest first (default 1,000). */
  limit?: number;
  /** Most channel files listed (default 200). */
  channelLimit?: number;
  /** Most bytes read to compare published files with their records (default {@link DEFAULT_BYTE_BUDGET}). */
  byteBudget?: number;
  /** Most folders of the exchange library walked (default 2,000). */
  folderLimit?: number;
  /** Most Toetslog records read for duplicate ToetsIds and earlier reviews of the same bytes (default 50,000). */
  toetslogLimit?: number;
  /** Most Site Assets files listed (default 500). */
  siteAssetsLimit?: number;
}

/** True when a version label says a major version exists (1.0, 1.3, 2.0 …): the other party reads it. */
export function hasPublishedVersion(version: string | undefined): boolean {
  return !!version && !version.startsWith('0.');
}

/** Earlier review and refusal records read per `getMany` call (the adapter puts one call in one `$batch`). */
const EARLIER_PER_READ = 2000;

/** Templates of SharePoint's own lists (catalogs, user information, app data, workflow history, access requests). */
const SYSTEM_TEMPLATES: ReadonlySet<number> = new Set([
  110, 111, 112, 113, 114, 116, 117, 118, 121, 122, 123, 124, 125, 126, 140, 160, 175, 3300, 10102,
]);

/** Web-relative URLs of SharePoint's own hidden lists with a generic template; they count only when hidden. */
const SYSTEM_URLS: ReadonlySet<string> = new Set([
  'lists/taxonomyhiddenlist',
  'lists/sharepointhomecachelist',
  'sharepointhomecachelist',
  'lists/web template extensions',
  'preservationholdlibrary',
  'formservertemplates',
  'style library',
]);

/** One of the schema's folders of the exchange library: its party (the sender), what it is for, who reads it. */
interface SchemaFolder {
  party: string;
  kind: 'shared' | 'review' | 'restricted';
  /** The parties besides the sender whose groups read it (art. 8, 9.5). */
  recipients: string[];
}

/**
 * The party, kind and readers of each of the schema's folders, by name: the configuration says which party a folder
 * belongs to and who reads it; the name is never parsed (party keys may hold '-').
 */
function schemaFolders(config: AgreementConfig): Map<string, SchemaFolder> {
  const out = new Map<string, SchemaFolder>();
  for (const f of exchangeFolderList(config)) out.set(f.name, { party: f.party, kind: f.kind, recipients: f.recipients });
  return out;
}

/**
 * The library root: as SharePoint says, else what the files say (the part before the first of the schema's folders in
 * most URLs), else unknown.
 */
function rootOf(
  known: string | undefined,
  docs: readonly ExchangeDocument[],
  folders: ReadonlyMap<string, unknown>,
): string | undefined {
  if (known) return known.replace(/\/$/, '');
  const votes = new Map<string, number>();
  for (const d of docs) {
    const parts = d.serverRelativeUrl.split('/');
    const i = parts.findIndex((s) => folders.has(s));
    if (i > 0) votes.set(parts.slice(0, i).join('/'), (votes.get(parts.slice(0, i).join('/')) ?? 0) + 1);
  }
  return [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The folders between the library root and a file or folder ('' parts none), by URL. */
function pathBelow(root: string | undefined, url: string): string[] | undefined {
  if (!root || !url.toLowerCase().startsWith(`${root.toLowerCase()}/`)) return undefined;
  return url.slice(root.length + 1).split('/');
}

/** A short list of names for a message. */
function some(names: readonly string[], max = 10): string {
  return names.length > max ? `${names.slice(0, max).join(', ')} …` : names.join(', ');
}

/** The error's message. */
function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * One integrity check with its memory: the SHA-256 of every published version read (by item, version and etag) and
 * the earlier Toetslog records read for their SHA-256 (append-only, so they never change), so that a second run reads
 * only what changed. Keep one per site and reader ({@link sharedChecker}).
 */
export class IntegrityChecker {
  /** SHA-256 of published versions, by `id|url|version|etag`. */
  private readonly published = new Map<string, string>();
  /** Records read for their SHA-256, by ToetsId. */
  private readonly earlier = new Map<string, AuditRecord[]>();

  public constructor(private readonly deps: IntegrityDeps) {}

  /** Runs the check. */
  public async run(options: IntegrityOptions = {}): Promise<IntegrityReport> {
    const deps = this.deps;
    const { config } = deps;
    const limit = options.limit ?? 1000;
    const budget = options.byteBudget ?? DEFAULT_BYTE_BUDGET;
    const unchecked: string[] = [];
    const uncheckedEn: string[] = [];
    const skip = (nl: string, en: string): void => {
      unchecked.push(nl);
      uncheckedEn.push(en);
    };
    const inventory = deps.inventory;
    if (!inventory) {
      skip(
        'mappen, lijsten en bibliotheken buiten het schema, Site Assets, dubbele ToetsIds en de inhoud van gedeelde stukken (geen inventaris)',
        'folders, lists and libraries outside the schema, Site Assets, duplicate ToetsIds and the content of shared files (no inventory)',
      );
    }
    const folderKinds = schemaFolders(config);

    // The newest documents of the exchange library, as the reader sees them.
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
    const newest = docs.slice(0, limit);

    // Every folder of the library (the schema's, and any other: its name is read by whoever reads its parent).
    let knownRoot: string | undefined;
    const outsideFolders: OutsideFolder[] = [];
    if (inventory) {
      try {
        const walked = await inventory.exchangeFolders(options.folderLimit ?? 2000);
        knownRoot = walked.root;
        for (const f of walked.folders) {
          const parts = pathBelow(knownRoot, f.serverRelativeUrl) ?? [f.name];
          if (parts.length === 1 && folderKinds.has(parts[0])) continue;
          outsideFolders.push({
            name: f.name,
            serverRelativeUrl: f.serverRelativeUrl,
            path: parts.join('/'),
            party: folderKinds.get(parts[0])?.party ?? '',
            ...(f.created ? { created: f.created } : {}),
          });
        }
        if (walked.more)
          skip(
            `mappen van ${config.space.exchangeLibraryTitle} na de eerste ${walked.folders.length}`,
            `folders of ${config.space.exchangeLibraryTitle} after the first ${walked.folders.length}`,
          );
      } catch (e) {
        skip(`mappen van ${config.space.exchangeLibraryTitle}: ${messageOf(e)}`, `folders of ${config.space.exchangeLibraryTitle}: ${messageOf(e)}`);
      }
    }
    const root = rootOf(knownRoot, newest, folderKinds);

    // Each file by its party folder: the first folder below the root, never the file's own parent.
    const files: Array<SharedFile & { doc: ExchangeDocument }> = [];
    const misplaced: MisplacedFile[] = [];
    for (const d of newest) {
      const parts = pathBelow(root, d.serverRelativeUrl) ?? [d.name];
      const folders = parts.slice(0, -1);
      const schema = folders.length > 0 ? folderKinds.get(folders[0]) : undefined;
      const published = hasPublishedVersion(d.version);
      const base = {
        name: d.name,
        serverRelativeUrl: d.serverRelativeUrl,
        modified: d.modified,
        ...(d.editor ? { editor: d.editor } : {}),
        published,
      };
      if (!schema) {
        misplaced.push({ ...base, party: '', folder: folders.join('/') });
        continue;
      }
      if (folders.length > 1) misplaced.push({ ...base, party: schema.party, folder: folders.join('/') });
      if (schema.kind === 'review' || !published) continue;
      files.push({
        doc: d,
        id: d.id,
        name: d.name,
        serverRelativeUrl: d.serverRelativeUrl,
        party: schema.party,
        folderKind: schema.kind,
        folderRecipients: schema.recipients,
        ...(d.toetsId ? { toetsId: d.toetsId } : {}),
        toetsstatus: d.toetsstatus,
        modified: d.modified,
        ...(d.editor ? { editor: d.editor } : {}),
        ...(d.classification ? { classification: d.classification } : {}),
      });
    }

    // Records: every record under each ToetsId (SharePoint does not keep the column unique here).
    const found = await deps.audit.getMany(files.map((f) => f.toetsId).filter((x): x is string => !!x));
    const byId = new Map<string, AuditRecord>();
    const duplicates = new Map<string, ToetslogEntry[]>();
    const grouped = new Map<string, AuditRecord[]>();
    for (const r of found) grouped.set(r.toetsId, [...(grouped.get(r.toetsId) ?? []), r]);
    for (const [id, rows] of grouped) {
      byId.set(id, rows[0]);
      if (rows.length > 1)
        duplicates.set(
          id,
          rows.map((r) => ({
            itemId: 0,
            toetsId: id,
            decision: r.decision,
            fileName: r.fileName,
            ...(r.created ? { created: r.created } : {}),
            ...(r.author ? { author: r.author } : {}),
          })),
        );
    }

    // The whole Toetslog's ToetsIds (lean), for duplicates nobody's file names, and earlier reviews and refusals.
    let entries: ToetslogEntry[] = [];
    if (inventory) {
      try {
        const log = await inventory.toetslog(options.toetslogLimit ?? 50_000);
        entries = log.items;
        if (log.more)
          skip(
            `dubbele ToetsIds in records ouder dan de nieuwste ${log.items.length}`,
            `duplicate ToetsIds in records older than the newest ${log.items.length}`,
          );
      } catch (e) {
        skip(`dubbele ToetsIds in de Toetslog: ${messageOf(e)}`, `duplicate ToetsIds in the Toetslog: ${messageOf(e)}`);
      }
    }
    const byToetsId = new Map<string, ToetslogEntry[]>();
    for (const e of entries) byToetsId.set(e.toetsId, [...(byToetsId.get(e.toetsId) ?? []), e]);
    for (const [id, list] of byToetsId) if (list.length > 1) duplicates.set(id, list);

    const reviewIds = [...byId.values()].filter((r) => r.decision === 'review').map((r) => r.toetsId);
    const allowed = files.filter((f) => f.toetsId && byId.get(f.toetsId)?.decision === 'toegestaan');
    const [reviewRecords, sameName] = await Promise.all([
      deps.audit.reviewsOf(reviewIds),
      deps.audit.byFileNames(allowed.map((f) => f.name)),
    ]);

    // Earlier reviews and refusals, for their SHA-256: the same bytes under another name (art. 9.2).
    const byHash = new Map<string, AuditRecord[]>();
    if (allowed.some((f) => byId.get(f.toetsId as string)?.contentHash)) {
      const wanted = [
        ...new Set(entries.filter((e) => e.decision === 'review' || e.decision === 'geweigerd').map((e) => e.toetsId)),
      ];
      const missing = wanted.filter((id) => !this.earlier.has(id));
      if (missing.length > 0) {
        try {
          // A few thousand ToetsIds per call, so that no single `$batch` grows past what SharePoint takes.
          for (let i = 0; i < missing.length; i += EARLIER_PER_READ) {
            const chunk = missing.slice(i, i + EARLIER_PER_READ);
            const read = await deps.audit.getMany(chunk);
            for (const id of chunk) this.earlier.set(id, []);
            for (const r of read) this.earlier.get(r.toetsId)?.push(r);
          }
        } catch (e) {
          skip(
            `eerder aangeboden of geweigerde stukken met dezelfde inhoud: ${messageOf(e)}`,
            `files handed in or refused earlier with the same content: ${messageOf(e)}`,
          );
        }
      }
      for (const id of wanted)
        for (const r of this.earlier.get(id) ?? [])
          if (r.contentHash) byHash.set(r.contentHash, [...(byHash.get(r.contentHash) ?? []), r]);
    }
    const earlierRecords = [...sameName, ...[...byHash.values()].flat()];
    // Earlier records of the same names or bytes may themselves have been approved: read their reviews too.
    const earlierIds = [
      ...new Set(earlierRecords.filter((r) => r.decision === 'review').map((r) => r.toetsId)),
    ].filter((id) => !reviewIds.includes(id));
    const moreReviews = earlierIds.length > 0 ? await deps.audit.reviewsOf(earlierIds) : [];
    const reviews = new Map<string, AuditRecord[]>();
    for (const r of [...reviewRecords, ...moreReviews]) {
      if (!r.reviewOf) continue;
      reviews.set(r.reviewOf, [...(reviews.get(r.reviewOf) ?? []), r]);
    }
    const byName = new Map<string, AuditRecord[]>();
    for (const r of sameName) byName.set(r.fileName, [...(byName.get(r.fileName) ?? []), r]);

    // The bytes the other party reads, newest files first, within the budget.
    const content = { checked: 0, unchecked: 0, bytesRead: 0, budget };
    const notRead: string[] = [];
    const hashing = inventory && typeof globalThis.crypto?.subtle?.digest === 'function';
    for (const f of files) {
      const record = f.toetsId ? byId.get(f.toetsId) : undefined;
      if (!record?.contentHash || duplicates.has(record.toetsId)) continue;
      const key = `${f.id}|${f.serverRelativeUrl}|${f.doc.version ?? ''}|${f.doc.etag}`;
      const known = this.published.get(key);
      if (known) {
        f.publishedHash = known;
        content.checked++;
        continue;
      }
      if (!inventory || !hashing || content.bytesRead >= budget) {
        content.unchecked++;
        notRead.push(f.name);
        continue;
      }
      try {
        const read = await inventory.publishedContent(
          { serverRelativeUrl: f.serverRelativeUrl, version: f.doc.version ?? '' },
          budget - content.bytesRead,
        );
        if (read.state !== 'read') {
          content.unchecked++;
          notRead.push(f.name);
          continue;
        }
        content.bytesRead += read.bytes.byteLength;
        const hash = await contentHash(read.bytes);
        if (!hash) {
          content.unchecked++;
          notRead.push(f.name);
          continue;
        }
        this.published.set(key, hash);
        f.publishedHash = hash;
        content.checked++;
      } catch (e) {
        content.unchecked++;
        notRead.push(`${f.name} (${messageOf(e)})`);
      }
    }
    if (content.unchecked > 0) {
      const mb = Math.round(budget / (1024 * 1024));
      skip(
        `inhoud van ${content.unchecked} gedeeld(e) stuk(ken) niet gecontroleerd (budget ${mb} MB per controle; niet goedgekeurd, alleen niet bekeken): ${some(notRead)}`,
        `content of ${content.unchecked} shared file(s) not checked (budget ${mb} MB per run; not passed, only not looked at): ${some(notRead)}`,
      );
    }

    // Lists and libraries outside the schema, and Site Assets.
    const containers: ForeignContainer[] = [];
    const siteAssetsFiles: ChannelFile[] = [];
    if (inventory) {
      try {
        await this.containers(inventory, options, containers, siteAssetsFiles, skip);
      } catch (e) {
        skip(`lijsten en bibliotheken van de site: ${messageOf(e)}`, `lists and libraries of the site: ${messageOf(e)}`);
      }
    }

    const { privacyOfficers, partyMembers } = await peopleOf(config, deps.site, skip);
    let channelFiles: Awaited<ReturnType<ChannelFiles['list']>> = { items: [], more: false };
    try {
      channelFiles = await deps.channelFiles.list(options.channelLimit ?? 200);
      if (channelFiles.more)
        skip(
          `kanaalbestanden: alleen de nieuwste ${channelFiles.items.length} getoond`,
          `channel files: only the newest ${channelFiles.items.length} shown`,
        );
    } catch (e) {
      skip(`kanaalbestanden (Teams): ${messageOf(e)}`, `channel files (Teams): ${messageOf(e)}`);
    }
    const findings = checkIntegrity({
      config,
      files: files.map(({ doc: _doc, ...f }) => f),
      channelFiles: channelFiles.items,
      records: byId,
      reviews,
      byName,
      byHash,
      privacyOfficers,
      partyMembers,
      misplaced,
      outsideFolders,
      containers,
      siteAssetsFiles,
      duplicates,
    });
    if (more) skip(`gedeelde stukken ouder dan de nieuwste ${limit}`, `shared files older than the newest ${limit}`);
    return { findings, counts: countByKind(findings), checked: files.length, more, unchecked, uncheckedEn, content };
  }

  /** The web's lists and libraries outside the schema holding items, and Site Assets' files but the configuration. */
  private async containers(
    inventory: SiteInventory,
    options: IntegrityOptions,
    containers: ForeignContainer[],
    siteAssetsFiles: ChannelFile[],
    skip: (nl: string, en: string) => void,
  ): Promise<void> {
    const { config } = this.deps;
    const known = new Set(buildSiteSchema(config).lists.map((l) => l.title.toLowerCase()));
    known.add(config.space.exchangeLibraryTitle.toLowerCase());
    const { lists, defaultLibraryId } = await inventory.lists();
    for (const l of lists) {
      if (known.has(l.title.toLowerCase())) continue;
      // The Team's own library: its files are the channel files, judged apart.
      if (defaultLibraryId && l.id.toLowerCase() === defaultLibraryId.toLowerCase()) continue;
      const webRelative = l.rootFolder.split('/').slice(-1)[0] ?? '';
      const tail = l.rootFolder.toLowerCase();
      if (l.baseTemplate === 101 && webRelative === 'SiteAssets') {
        const assets = await inventory.libraryFiles(l.id, options.siteAssetsLimit ?? 500);
        // The product's configuration file in its folder (where agreement.json lived before its own library; an
        // upgrade leaves it). Only that file: anything else put in the folder is judged like any Site Assets file.
        const configFile = `${l.rootFolder}/${CONFIG_FILE.folder}/${CONFIG_FILE.name}`.toLowerCase();
        for (const f of assets.items) {
          if (f.serverRelativeUrl.toLowerCase() === configFile) continue;
          siteAssetsFiles.push({
            name: f.name,
            serverRelativeUrl: f.serverRelativeUrl,
            modified: f.modified,
            ...(f.author ? { author: f.author } : {}),
          });
        }
        if (assets.more)
          skip(
            `Site Assets: alleen de nieuwste ${assets.items.length} bestanden bekeken`,
            `Site Assets: only the newest ${assets.items.length} files looked at`,
          );
        continue;
      }
      const system =
        l.isCatalog || l.isSystemList || SYSTEM_TEMPLATES.has(l.baseTemplate) || tail.includes('/_catalogs/');
      if (system) continue;
      // Site Pages (119): every Team site has pages (its home page, the product's page) that members may edit. Judged
      // as a container it would be a finding on every site for good; pages are not judged (docs/security.md, limits).
      if (l.baseTemplate === 119) continue;
      if (l.hidden && [...SYSTEM_URLS].some((u) => tail.endsWith(`/${u}`))) continue;
      if (l.itemCount <= 0) continue;
      const newestItem = await inventory.newestItem(l.id).catch(() => null);
      containers.push({
        title: l.title,
        url: l.rootFolder,
        library: [101, 109, 119, 700, 851].includes(l.baseTemplate),
        itemCount: l.itemCount,
        ...(newestItem ? { newest: newestItem } : {}),
        ...(l.hasUniquePermissions ? { uniquePermissions: true } : {}),
      });
    }
  }
}

/**
 * Who is who, by site user id (never by e-mail or name, which a user may change in their own site user entry): each
 * party's privacy officers, and the members of each party's own groups. A group that cannot be read is named in
 * `skip` and counts as empty, so nothing is passed on it.
 */
export async function peopleOf(
  config: AgreementConfig,
  site: Pick<SiteDirectory, 'groupMembers'>,
  skip: (nl: string, en: string) => void,
): Promise<{ privacyOfficers: Map<string, Set<number>>; partyMembers: Map<string, Set<number>> }> {
  const idsOf = async (keys: string[], what: string, whatEn: string): Promise<Set<number>> => {
    const ids = new Set<number>();
    for (const key of keys) {
      try {
        for (const m of await site.groupMembers(key)) ids.add(m.id);
      } catch (e) {
        skip(`${what}: ${messageOf(e)}`, `${whatEn}: ${messageOf(e)}`);
      }
    }
    return ids;
  };
  const privacyOfficers = new Map<string, Set<number>>();
  const partyMembers = new Map<string, Set<number>>();
  for (const p of config.parties) {
    privacyOfficers.set(p.key, await idsOf([p.privacyOfficer.group], `privacy officers van ${p.shortName}`, `privacy officers of ${p.shortName}`));
    const own = config.groups.filter((g) => g.party === p.key && g.kind !== 'owners').map((g) => g.key);
    partyMembers.set(p.key, await idsOf(own, `groepen van ${p.shortName}`, `groups of ${p.shortName}`));
  }
  return { privacyOfficers, partyMembers };
}

/** One checker per set of ports (per site and reader): runs share what earlier runs verified. */
const checkers = new WeakMap<object, IntegrityChecker>();

/** The checker kept for these ports (the banner and the export share it, and with it what was already verified). */
export function sharedChecker(deps: IntegrityDeps): IntegrityChecker {
  let checker = checkers.get(deps);
  if (!checker) {
    checker = new IntegrityChecker(deps);
    checkers.set(deps, checker);
  }
  return checker;
}

/** Runs the check once, with a fresh checker (nothing remembered from earlier runs). */
export async function runIntegrityCheck(deps: IntegrityDeps, options: IntegrityOptions = {}): Promise<IntegrityReport> {
  return new IntegrityChecker(deps).run(options);
}
