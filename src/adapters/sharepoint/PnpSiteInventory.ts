/**
 * SiteInventory over PnPjs: the reads the integrity check needs beyond the product's own views (AVG art. 5(2)). The
 * exchange library's folders (walked level by level, one `$batch` per level), the web's lists and libraries, the files
 * of a library, the Toetslog's ToetsIds with SharePoint's Author (ID order: the list view threshold allows it on any
 * size), and the bytes of the last published major version of a file. Read-only; SharePoint trims every read.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import type { AgreementConfig } from '../../domain/agreement/schema';
import type { PersonRef } from '../../ports/documents';
import type {
  FolderInfo,
  LibraryFileInfo,
  ListInfo,
  PublishedContent,
  SiteInventory,
  ToetslogEntry,
} from '../../ports/inventory';
import { AUDIT, LISTS } from '../../provisioning/names';
import { httpStatus } from './errors';
import { fetchPage } from './paging';

/** Rows per request when paging through a list (the list view threshold allows 5,000 in ID order). */
const PAGE = 5000;

/** A person column (expanded) as a PersonRef, or undefined. */
function personOf(v: unknown): PersonRef | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const p = v as { Id?: number; Title?: string; EMail?: string };
  if (!p.Id) return undefined;
  return { id: p.Id, displayName: p.Title ?? '', ...(p.EMail ? { email: p.EMail } : {}) };
}

/** A boolean property SharePoint may or may not report. */
function flag(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

/** A folder row of `folders`. */
interface FolderRow {
  Name: string;
  ServerRelativeUrl: string;
  TimeCreated?: string;
}

/** The integrity check's reads over PnPjs. */
export class PnpSiteInventory implements SiteInventory {
  public constructor(
    private readonly sp: SPFI,
    private readonly config: AgreementConfig,
  ) {}

  /** Folders below the exchange library's root, breadth first; each level's folders are read in one `$batch`. */
  public async exchangeFolders(max: number): Promise<{ root: string; folders: FolderInfo[]; more: boolean }> {
    const rootInfo: { ServerRelativeUrl: string } = await this.sp.web.lists
      .getByTitle(this.config.space.exchangeLibraryTitle)
      .rootFolder.select('ServerRelativeUrl')();
    const root = rootInfo.ServerRelativeUrl;
    const folders: FolderInfo[] = [];
    let level = [root];
    while (level.length > 0) {
      const [batched, execute] = this.sp.batched();
      const reads = level.map((url) =>
        batched.web
          .getFolderByServerRelativePath(url)
          .folders.select('Name', 'ServerRelativeUrl', 'TimeCreated')<FolderRow[]>()
          // A folder removed while the walk ran (404) has no subfolders to judge.
          .catch((e: unknown) => {
            if (httpStatus(e) === 404) return [] as FolderRow[];
            throw e;
          }),
      );
      await execute();
      const next: string[] = [];
      for (const [i, rows] of (await Promise.all(reads)).entries()) {
        for (const f of rows) {
          if (level[i] === root && f.Name === 'Forms') continue; // SharePoint's own form pages of the library
          if (folders.length >= max) return { root, folders, more: true };
          folders.push({
            name: f.Name,
            serverRelativeUrl: f.ServerRelativeUrl,
            ...(f.TimeCreated ? { created: f.TimeCreated } : {}),
          });
          next.push(f.ServerRelativeUrl);
        }
      }
      level = next;
    }
    return { root, folders, more: false };
  }

  /** The web's lists with their root folders, and the default document library's id (none on a bare site). */
  public async lists(): Promise<{ lists: ListInfo[]; defaultLibraryId?: string }> {
    const [rows, defaultId] = await Promise.all([
      this.sp.web.lists.expand('RootFolder')<Array<Record<string, unknown>>>(),
      this.sp.web.defaultDocumentLibrary
        .select('Id')<{ Id: string }>()
        .then((l) => l.Id)
        .catch((e: unknown) => {
          if (httpStatus(e) === 404) return undefined;
          throw e;
        }),
    ]);
    const lists = rows.map((r): ListInfo => {
      const rootFolder = (r.RootFolder ?? {}) as { ServerRelativeUrl?: string };
      const isCatalog = flag(r.IsCatalog);
      const isSystemList = flag(r.IsSystemList);
      const unique = flag(r.HasUniqueRoleAssignments);
      return {
        id: String(r.Id ?? ''),
        title: String(r.Title ?? ''),
        baseTemplate: Number(r.BaseTemplate ?? 0),
        hidden: r.Hidden === true,
        itemCount: Number(r.ItemCount ?? 0),
        rootFolder: String(rootFolder.ServerRelativeUrl ?? ''),
        ...(isCatalog !== undefined ? { isCatalog } : {}),
        ...(isSystemList !== undefined ? { isSystemList } : {}),
        ...(unique !== undefined ? { hasUniquePermissions: unique } : {}),
      };
    });
    return { lists, ...(defaultId ? { defaultLibraryId: defaultId } : {}) };
  }

  /** The item with the highest id and its Editor (ID order: allowed on a list of any size). */
  public async newestItem(listId: string): Promise<{ modified: string; editor?: PersonRef } | null> {
    const rows: Array<Record<string, unknown>> = await this.sp.web.lists
      .getById(listId)
      .items.select('Id', 'Modified', 'Editor/Id', 'Editor/Title', 'Editor/EMail')
      .expand('Editor')
      .orderBy('ID', false)
      .top(1)();
    if (rows.length === 0) return null;
    const editor = personOf(rows[0].Editor);
    return { modified: String(rows[0].Modified ?? ''), ...(editor ? { editor } : {}) };
  }

  /** Files of a library, newest (highest id) first; folders are skipped. */
  public async libraryFiles(listId: string, max: number): Promise<{ items: LibraryFileInfo[]; more: boolean }> {
    const items = this.sp.web.lists
      .getById(listId)
      .items.select(
        'Id',
        'FSObjType',
        'FileLeafRef',
        'FileRef',
        'Modified',
        'Author/Id',
        'Author/Title',
        'Author/EMail',
        'Editor/Id',
        'Editor/Title',
        'Editor/EMail',
      )
      .expand('Author', 'Editor')
      .orderBy('ID', false)
      .top(Math.min(PAGE, max + 1));
    const out: LibraryFileInfo[] = [];
    let token: string | undefined;
    do {
      const page = await fetchPage<Record<string, unknown>>(items, token);
      for (const r of page.rows) {
        if (Number(r.FSObjType ?? 0) === 1) continue;
        const author = personOf(r.Author);
        const editor = personOf(r.Editor);
        out.push({
          name: String(r.FileLeafRef ?? ''),
          serverRelativeUrl: String(r.FileRef ?? ''),
          modified: String(r.Modified ?? ''),
          ...(author ? { author } : {}),
          ...(editor ? { editor } : {}),
        });
      }
      token = page.nextPageToken;
    } while (token && out.length <= max);
    return { items: out.slice(0, max), more: out.length > max || (!!token && out.length >= max) };
  }

  /** The Toetslog's records, newest (highest id) first, lean: no answers, findings or reasons. */
  public async toetslog(max: number): Promise<{ items: ToetslogEntry[]; more: boolean }> {
    const items = this.sp.web.lists
      .getByTitle(LISTS.audit)
      .items.select(
        'Id',
        'Title',
        'Created',
        AUDIT.toetsId,
        AUDIT.decision,
        AUDIT.file,
        'Author/Id',
        'Author/Title',
        'Author/EMail',
      )
      .expand('Author')
      .orderBy('ID', false)
      .top(Math.min(PAGE, max + 1));
    const out: ToetslogEntry[] = [];
    let token: string | undefined;
    do {
      const page = await fetchPage<Record<string, unknown>>(items, token);
      for (const r of page.rows) {
        const author = personOf(r.Author);
        out.push({
          itemId: Number(r.Id),
          toetsId: String(r[AUDIT.toetsId] ?? ''),
          decision: String(r[AUDIT.decision] ?? ''),
          fileName: String(r[AUDIT.file] ?? r.Title ?? ''),
          ...(typeof r.Created === 'string' ? { created: r.Created } : {}),
          ...(author ? { author } : {}),
        });
      }
      token = page.nextPageToken;
    } while (token && out.length <= max);
    return { items: out.slice(0, max), more: out.length > max || (!!token && out.length >= max) };
  }

  /**
   * The last published major version's bytes: the file itself when its label is a major version (what a reader of
   * the other party gets too), else that version from the history (`versions(major × 512)/$value`), as SharePoint
   * numbers versions. The size is read first, so a file larger than the budget left is never downloaded.
   */
  public async publishedContent(
    file: { serverRelativeUrl: string; version: string },
    maxBytes: number,
  ): Promise<PublishedContent> {
    const m = /^(\d+)\.(\d+)$/.exec(file.version.trim());
    if (!m || Number(m[1]) === 0) throw new Error(`'${file.serverRelativeUrl}' heeft geen gepubliceerde versie (${file.version}).`);
    const major = Number(m[1]);
    const f = this.sp.web.getFileByServerRelativePath(file.serverRelativeUrl);
    if (Number(m[2]) === 0) {
      const info: { Length?: string | number; UIVersionLabel?: string } = await f.select('Length', 'UIVersionLabel')();
      if (info.UIVersionLabel && info.UIVersionLabel !== file.version)
        return { state: 'changed', version: info.UIVersionLabel };
      const size = Number(info.Length ?? 0);
      if (size > maxBytes) return { state: 'too-large', size };
      return { state: 'read', bytes: await f.getBuffer(), version: file.version };
    }
    const version = f.versions.getById(major * 512);
    const info: { Size?: string | number; VersionLabel?: string } = await version.select('Size', 'VersionLabel')();
    const size = Number(info.Size ?? 0);
    if (size > maxBytes) return { state: 'too-large', size };
    return { state: 'read', bytes: await version.getBuffer(), version: info.VersionLabel ?? `${major}.0` };
  }
}
