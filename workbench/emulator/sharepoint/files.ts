import { checkName } from './names';
import type { EmulatorResponse } from '../types';
import { badValue, notFound, notImplemented, SpError } from './errors';
import { type SpContext, SITE_PATH, isoNow } from './context';
import { argBool, argNumber, argString, type Segment } from './path';
import { collection, emptyOk, entity, primitive } from './format';
import { checkEtag, insertItem, itemMissing, touchList } from './items';
import { listMissing, rootFolderUrl } from './lists';
import { PermissionKind } from './roles';
import { type Scope, allowed, demand, hasItemAccessIn, itemScope, listScope } from './security';
import { type ItemRow, type ListRow, isLibrary, itemById, listByPk, newGuid } from './store';
import { type Securable, itemSecurable, listSecurable } from './acl';
import type { Node, SpCall } from './nodes';
import { demandItemCreate, demandItemWrite } from './guards';
import { checkIn, checkOut, startCheckout, undoCheckOut } from './checkout';
import { approve, deny, publish, unpublish } from './moderation';
import { recycleItem } from './recyclebin';
import { userJson, principalById } from './principals';
import { parseProps } from './context';
import { navigateVersions } from './history';
import {
  fileAsItem,
  fileView,
  freezeBytes,
  itemView,
  recordVersion,
  uiVersion,
  versionForWrite,
  versionLabel,
  versionLevel,
} from './versions';
import type { FileRow, FolderRow } from './store';

/** Normalises a server-relative or absolute URL to `/sites/…` without a trailing slash. */
export function normaliseUrl(url: string): string {
  let u = url.replace(/^https?:\/\/[^/]+/i, '');
  if (!u.startsWith('/')) u = `${SITE_PATH}/${u}`;
  return u.replace(/\/+$/, '');
}

/** File by server-relative or absolute URL. */
export function fileByUrl(ctx: SpContext, url: string): FileRow | undefined {
  return ctx.db.prepare(`SELECT * FROM sp_files WHERE server_relative_url = ?`).get(normaliseUrl(url)) as
    | FileRow
    | undefined;
}

/** Folder by server-relative or absolute URL. */
export function folderByUrl(ctx: SpContext, url: string): FolderRow | undefined {
  return ctx.db.prepare(`SELECT * FROM sp_folders WHERE server_relative_url = ?`).get(normaliseUrl(url)) as
    | FolderRow
    | undefined;
}

/** SharePoint's 404 for a file. */
export const fileMissing = (url: string): SpError =>
  notFound('-2130575338, Microsoft.SharePoint.SPException', `The file ${url} does not exist.`);
/** SharePoint's 404 for a folder. */
export const folderMissing = (): SpError => notFound('-2147024894, System.IO.FileNotFoundException', 'File Not Found.');

/**
 * The version of a file the caller may see (else 404, as security trimming makes it not exist): the current one, or
 * the last published one for a reader of a draft (Draft Item Security), or none for a never-published draft.
 */
export function visibleFile(ctx: SpContext, f: FileRow | undefined, url: string): FileRow {
  if (!f || !allowed(ctx, itemScope(ctx.db, f.list_pk, f.item_id), PermissionKind.ViewListItems))
    throw fileMissing(url);
  const view = fileView(ctx, f);
  if (!view) throw fileMissing(url);
  return view;
}

function visibleFolder(ctx: SpContext, f: FolderRow | undefined): FolderRow {
  if (!f) throw folderMissing();
  if (f.list_pk !== null) {
    if (f.item_id) {
      if (!allowed(ctx, itemScope(ctx.db, f.list_pk, f.item_id), PermissionKind.ViewListItems)) throw folderMissing();
    } else if (
      !allowed(ctx, listScope(ctx.db, f.list_pk), PermissionKind.ViewListItems) &&
      !hasItemAccessIn(ctx, f.list_pk, PermissionKind.ViewListItems)
    ) {
      // The root folder of a list the caller cannot see does not exist for them.
      throw folderMissing();
    }
  }
  return f;
}

/** File and folder nodes are securable through the item behind them. */
export function securableOf(node: Node): Securable | null {
  if (node.k === 'file') return itemSecurable(node.file.list_pk, node.file.item_id);
  if (node.k === 'folder' && node.folder.list_pk !== null) {
    return node.folder.item_id
      ? itemSecurable(node.folder.list_pk, node.folder.item_id)
      : listSecurable(node.folder.list_pk);
  }
  return null;
}

/** The web's own root folder (the site path; it belongs to no list), fresh for each request. */
function siteRootFolder(): FolderRow {
  const noId = '00000000-0000-0000-0000-000000000000';
  return { server_relative_url: SITE_PATH, unique_id: noId, list_pk: null, item_id: null, name: '', created: '' };
}

/** `web/getFileByServerRelativePath(decodedUrl=…)`, `getFolderByServerRelativePath`, `getFileById`, `rootFolder`, `folders`. */
export function navigateWeb(ctx: SpContext, seg: Segment, _call: SpCall): Node | null {
  switch (seg.name) {
    case 'getfilebyserverrelativepath':
    case 'getfilebyserverrelativeurl':
    case 'getfilebyurl': {
      const url = argString(seg, 'decodedurl');
      return { k: 'file', file: visibleFile(ctx, fileByUrl(ctx, url), normaliseUrl(url)) };
    }
    case 'getfilebyid': {
      const id = argString(seg).replace(/[{}]/g, '');
      const f = ctx.db.prepare(`SELECT * FROM sp_files WHERE unique_id = ? COLLATE NOCASE`).get(id) as
        | FileRow
        | undefined;
      return { k: 'file', file: visibleFile(ctx, f, id) };
    }
    case 'getfolderbyserverrelativepath':
    case 'getfolderbyserverrelativeurl':
      return { k: 'folder', folder: visibleFolder(ctx, folderByUrl(ctx, argString(seg, 'decodedurl'))) };
    case 'rootfolder':
      return { k: 'folder', folder: siteRootFolder() };
    case 'folders':
      return { k: 'folders', folder: siteRootFolder() };
    default:
      return null;
  }
}

/** `list/rootFolder`. */
export function navigateList(ctx: SpContext, list: ListRow, seg: Segment): Node | null {
  if (seg.name === 'rootfolder') {
    const f = folderByUrl(ctx, rootFolderUrl(list));
    if (!f) throw listMissing(ctx, list.title);
    return { k: 'folder', folder: f };
  }
  return null;
}

/** `items(n)/file` and `items(n)/folder`. */
export function navigateItem(ctx: SpContext, list: ListRow, item: ItemRow, seg: Segment): Node | null {
  if (seg.name === 'file') {
    const f = ctx.db.prepare(`SELECT * FROM sp_files WHERE list_pk = ? AND item_id = ?`).get(list.pk, item.id) as
      | FileRow
      | undefined;
    if (!f) throw fileMissing(item.file_ref ?? '');
    return { k: 'file', file: fileAsItem(ctx.db, f, item) };
  }
  if (seg.name === 'folder') {
    const f = ctx.db.prepare(`SELECT * FROM sp_folders WHERE list_pk = ? AND item_id = ?`).get(list.pk, item.id) as
      | FolderRow
      | undefined;
    if (!f) throw folderMissing();
    return { k: 'folder', folder: f };
  }
  return null;
}

/** Navigation below folders and files. */
export function navigateFile(ctx: SpContext, node: Node, seg: Segment, _call: SpCall): Node | null {
  switch (node.k) {
    case 'folder':
      if (seg.name === 'files' && seg.call) {
        const url = `${node.folder.server_relative_url}/${argString(seg)}`;
        return { k: 'file', file: visibleFile(ctx, fileByUrl(ctx, url), url) };
      }
      if (seg.name === 'folders' && seg.call) {
        return {
          k: 'folder',
          folder: visibleFolder(ctx, folderByUrl(ctx, `${node.folder.server_relative_url}/${argString(seg)}`)),
        };
      }
      if (seg.name === 'files') return { k: 'files', folder: node.folder };
      if (seg.name === 'folders') return { k: 'folders', folder: node.folder };
      if (seg.name === 'listitemallfields') return folderItem(ctx, node.folder);
      if (seg.name === 'parentfolder') {
        const parent = node.folder.server_relative_url.slice(0, node.folder.server_relative_url.lastIndexOf('/'));
        return { k: 'folder', folder: visibleFolder(ctx, folderByUrl(ctx, parent)) };
      }
      return null;
    case 'files':
      if (seg.name === 'getbyurl' || seg.name === 'getbyname') {
        const url = `${node.folder.server_relative_url}/${argString(seg)}`;
        return { k: 'file', file: visibleFile(ctx, fileByUrl(ctx, url), url) };
      }
      return null;
    case 'folders':
      if (seg.name === 'getbyurl' || seg.name === 'getbyname') {
        return {
          k: 'folder',
          folder: visibleFolder(ctx, folderByUrl(ctx, `${node.folder.server_relative_url}/${argString(seg)}`)),
        };
      }
      return null;
    case 'file':
      if (seg.name === 'versions') {
        const list = listByPk(ctx.db, node.file.list_pk);
        return navigateVersions(ctx, list, itemById(ctx.db, list.pk, node.file.item_id)!, seg, true);
      }
      if (seg.name === 'listitemallfields') {
        const list = listByPk(ctx.db, node.file.list_pk);
        const item = itemView(ctx, list, itemById(ctx.db, list.pk, node.file.item_id)!);
        if (!item) throw itemMissing();
        return { k: 'item', list, item };
      }
      if (seg.name === '$value') return { k: 'filevalue', file: node.file };
      return null;
    default:
      return null;
  }
}

function folderItem(ctx: SpContext, folder: FolderRow): Node {
  if (folder.list_pk === null || folder.item_id === null) {
    throw notImplemented('GET', `${folder.server_relative_url}/ListItemAllFields (root folder of a list has no item)`);
  }
  const list = listByPk(ctx.db, folder.list_pk);
  const item = itemById(ctx.db, list.pk, folder.item_id);
  if (!item) throw itemMissing();
  return { k: 'item', list, item };
}

/** SP.File JSON (version properties from the file's item: MajorVersion, MinorVersion, UIVersion, UIVersionLabel, Level). */
export function fileJson(ctx: SpContext, f: FileRow): Record<string, unknown> {
  const v =
    f.major !== undefined && f.minor !== undefined
      ? { major: f.major, minor: f.minor }
      : ((ctx.db
          .prepare(`SELECT major, minor FROM sp_items WHERE list_pk = ? AND id = ?`)
          .get(f.list_pk, f.item_id) as { major: number; minor: number } | undefined) ?? { major: 1, minor: 0 });
  const edit = `Web/GetFileByServerRelativePath(decodedurl='${f.server_relative_url.replace(/'/g, "''")}')`;
  const guid = `{${f.unique_id.toUpperCase()}}`;
  const state = ctx.db
    .prepare(
      `SELECT i.checkout_user_id AS co, (SELECT v.checkin_comment FROM sp_versions v WHERE v.list_pk = i.list_pk AND v.item_id = i.id
         AND v.version_id <= ? ORDER BY v.version_id DESC LIMIT 1) AS comment FROM sp_items i WHERE i.list_pk = ? AND i.id = ?`,
    )
    .get(v.major * 512 + v.minor, f.list_pk, f.item_id) as { co: number | null; comment: string | null } | undefined;
  return {
    'odata.type': 'SP.File',
    'odata.id': `${ctx.webUrl}/_api/${edit}`,
    'odata.editLink': edit,
    CheckInComment: state?.comment ?? '',
    // SP.CheckOutType: 0 Online (checked out through the API), 2 None.
    CheckOutType: state?.co ? 0 : 2,
    ContentTag: `${guid},${f.version},${f.version}`,
    CustomizedPageStatus: 0,
    ETag: `"${guid},${f.version}"`,
    Exists: true,
    ExistsAllowThrowForPolicyFailures: true,
    ExistsWithException: true,
    IrmEnabled: false,
    Length: String(f.content.length),
    Level: versionLevel(v),
    LinkingUri: null,
    LinkingUrl: '',
    MajorVersion: v.major,
    MinorVersion: v.minor,
    Name: f.name,
    ServerRelativeUrl: f.server_relative_url,
    TimeCreated: f.created,
    TimeLastModified: f.modified,
    Title: null,
    UIVersion: uiVersion(v),
    UIVersionLabel: versionLabel(v),
    UniqueId: f.unique_id,
  };
}

/** SP.Folder JSON. */
export function folderJson(ctx: SpContext, f: FolderRow): Record<string, unknown> {
  const edit = `Web/GetFolderByServerRelativePath(decodedurl='${f.server_relative_url.replace(/'/g, "''")}')`;
  const count = ctx.db
    .prepare(`SELECT count(*) FROM sp_items WHERE file_ref LIKE ? ESCAPE '\\' AND instr(substr(file_ref, ?), '/') = 0`)
    .pluck()
    .get(likePrefix(f.server_relative_url), f.server_relative_url.length + 2) as number;
  return {
    'odata.type': 'SP.Folder',
    'odata.id': `${ctx.webUrl}/_api/${edit}`,
    'odata.editLink': edit,
    Exists: true,
    IsWOPIEnabled: false,
    ItemCount: count,
    Name: f.name,
    ProgID: null,
    ServerRelativeUrl: f.server_relative_url,
    TimeCreated: f.created,
    TimeLastModified: f.created,
    UniqueId: f.unique_id,
    WelcomePage: '',
  };
}

function likePrefix(url: string): string {
  return `${url.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`;
}

/** `$expand=File` / `$expand=Folder` on items: the file or folder behind the item (null when there is none). */
export function itemNavigation(
  ctx: SpContext,
  list: ListRow,
  item: ItemRow,
  nav: Map<string, string[]>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const pick = (obj: Record<string, unknown>, subs: string[]): Record<string, unknown> =>
    subs.length
      ? Object.fromEntries(
          Object.entries(obj).filter(
            ([k]) => k.startsWith('odata.') || subs.some((s) => s.toLowerCase() === k.toLowerCase()),
          ),
        )
      : obj;
  const fileSubs = nav.get('File');
  if (fileSubs) {
    const f = ctx.db.prepare(`SELECT * FROM sp_files WHERE list_pk = ? AND item_id = ?`).get(list.pk, item.id) as
      | FileRow
      | undefined;
    out.File = f ? pick(fileJson(ctx, fileAsItem(ctx.db, f, item)), fileSubs) : null;
  }
  const ctSubs = nav.get('ContentType');
  if (ctSubs) {
    const ct = ctx.db
      .prepare(`SELECT id, name, props FROM sp_content_types WHERE list_pk = ? AND id = ? COLLATE NOCASE`)
      .get(list.pk, item.content_type_id) as { id: string; name: string; props: string } | undefined;
    const edit = `Web/Lists(guid'${list.id}')/ContentTypes('${item.content_type_id}')`;
    out.ContentType = pick(
      {
        'odata.type': 'SP.ContentType',
        'odata.id': `${ctx.webUrl}/_api/${edit}`,
        Id: { StringValue: item.content_type_id },
        StringId: item.content_type_id,
        Name: ct?.name ?? (item.fs_type === 1 ? 'Folder' : isLibrary(list) ? 'Document' : 'Item'),
      },
      ctSubs,
    );
  }
  const folderSubs = nav.get('Folder');
  if (folderSubs) {
    const f = ctx.db.prepare(`SELECT * FROM sp_folders WHERE list_pk = ? AND item_id = ?`).get(list.pk, item.id) as
      | FolderRow
      | undefined;
    out.Folder = f ? pick(folderJson(ctx, f), folderSubs) : null;
  }
  return out;
}

/** `$expand=RootFolder` on a list. */
export function listExpansions(ctx: SpContext, list: ListRow, q: URLSearchParams): Record<string, unknown> {
  const expand = (q.get('$expand') ?? '')
    .toLowerCase()
    .split(',')
    .map((s) => s.trim());
  const out: Record<string, unknown> = {};
  if (expand.includes('rootfolder')) {
    const f = folderByUrl(ctx, rootFolderUrl(list));
    if (f) out.RootFolder = folderJson(ctx, f);
  }
  return out;
}

function listOfFolder(ctx: SpContext, folder: FolderRow): ListRow {
  if (folder.list_pk === null)
    throw badValue(`The folder '${folder.server_relative_url}' is not in a document library.`);
  return listByPk(ctx.db, folder.list_pk);
}

/** Refuses names SharePoint does not allow in files and folders. */
/** Creates or overwrites a file in a folder (`files/addUsingPath`). */
export function addFile(
  ctx: SpContext,
  folder: FolderRow,
  leafPath: string,
  content: Buffer,
  overwrite: boolean,
): FileRow {
  const list = listOfFolder(ctx, folder);
  if (!isLibrary(list)) throw badValue(`Files can only be added to document libraries; '${list.title}' is a list.`);
  const parts = leafPath.split('/').filter(Boolean);
  const name = parts.pop() ?? '';
  checkName(name, `${folder.server_relative_url}/${leafPath.replace(/^\/+/, '')}`);
  let target = folder;
  for (const p of parts) {
    const sub = folderByUrl(ctx, `${target.server_relative_url}/${p}`);
    if (!sub) throw folderMissing();
    target = sub;
  }
  const url = `${target.server_relative_url}/${name}`;
  const existing = fileByUrl(ctx, url);
  if (existing) {
    if (!overwrite) {
      throw new SpError(
        400,
        '-2130575257, Microsoft.SharePoint.SPException',
        `A file with the name ${url} already exists. It was last modified by ${principalName(ctx, existing.editor_id)} on ${existing.modified}.`,
      );
    }
    demandItemWrite(ctx, list, itemById(ctx.db, list.pk, existing.item_id)!, PermissionKind.EditListItems);
    return writeContent(ctx, existing, content);
  }
  if (folderByUrl(ctx, url))
    throw new SpError(
      400,
      '-2130575257, Microsoft.SharePoint.SPException',
      `A folder with the name ${url} already exists.`,
    );
  demandItemCreate(ctx, list, folderScope(ctx, list, target));
  return createFile(ctx, list, url, content, { FileLeafRef: name });
}

/** The scope a new item in a folder lands in (the folder's, else the list's). */
export function folderScope(ctx: SpContext, list: ListRow, folder: FolderRow): Scope {
  return folder.item_id ? itemScope(ctx.db, list.pk, folder.item_id) : listScope(ctx.db, list.pk);
}

/**
 * Creates the item and file row of a new file (permissions already checked). In a library with ForceCheckout the new
 * file is checked out to its uploader and has no checked-in version: nobody else sees it until it is checked in.
 */
export function createFile(
  ctx: SpContext,
  list: ListRow,
  url: string,
  content: Buffer,
  values: Record<string, unknown>,
  contentTypeId?: string,
): FileRow {
  const name = url.slice(url.lastIndexOf('/') + 1);
  const item = insertItem(ctx, list, { ...values, FileLeafRef: name }, { fileRef: url, contentTypeId });
  const now = isoNow(ctx);
  ctx.db
    .prepare(
      `INSERT INTO sp_files (unique_id, list_pk, item_id, server_relative_url, name, content, version, created, modified, author_id, editor_id) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
    )
    .run(newGuid(), list.pk, item.id, url, name, content, now, now, ctx.user.id, ctx.user.id);
  recordVersion(ctx.db, list.pk, item.id);
  if (parseProps(list.props).ForceCheckout === true) startCheckout(ctx, list, itemById(ctx.db, list.pk, item.id)!, false);
  return fileByUrl(ctx, url)!;
}

function principalName(ctx: SpContext, id: number): string {
  return (
    (ctx.db.prepare(`SELECT title FROM sp_principals WHERE id = ?`).pluck().get(id) as string | undefined) ??
    'an unknown user'
  );
}

/**
 * Writes a file's bytes over its current version: the next minor (draft) or major version, as a field write does (in
 * progress, without a new version, under a check-out). The content of the empty 0.1 stub a chunked upload starts with
 * (PnPjs `addChunked`) is part of that first version.
 */
export function writeContent(ctx: SpContext, f: FileRow, content: Buffer): FileRow {
  const now = isoNow(ctx);
  const list = listByPk(ctx.db, f.list_pk);
  const item = itemById(ctx.db, f.list_pk, f.item_id)!;
  const stored = ctx.db.prepare(`SELECT length(content) FROM sp_files WHERE unique_id = ?`).pluck().get(f.unique_id);
  const stub = item.major === 0 && item.minor === 1 && stored === 0 && item.checkout_user_id === null;
  const v = stub ? { major: 0, minor: 1, modStatus: item.mod_status, inProgress: false } : versionForWrite(ctx, list, item);
  freezeBytes(ctx.db, f.list_pk, f.item_id);
  ctx.db
    .prepare(`UPDATE sp_files SET content = ?, version = version + 1, modified = ?, editor_id = ? WHERE unique_id = ?`)
    .run(content, now, ctx.user.id, f.unique_id);
  ctx.db
    .prepare(
      `UPDATE sp_items SET version = version + 1, major = ?, minor = ?, mod_status = ?, modified = ?, editor_id = ? WHERE list_pk = ? AND id = ?`,
    )
    .run(v.major, v.minor, v.modStatus, now, ctx.user.id, f.list_pk, f.item_id);
  touchList(ctx, list);
  if (!v.inProgress) recordVersion(ctx.db, f.list_pk, f.item_id);
  return ctx.db.prepare(`SELECT * FROM sp_files WHERE unique_id = ?`).get(f.unique_id) as FileRow;
}

/**
 * Creates a folder (and the item behind it) under a parent folder; AddListItems where it lands unless `system` (a
 * restore from the recycle bin recreating a deleted folder).
 */
export function addFolder(ctx: SpContext, parent: FolderRow, path: string, opts: { system?: boolean } = {}): FolderRow {
  const list = listOfFolder(ctx, parent);
  let cur = parent;
  for (const name of path.split('/').filter(Boolean)) {
    const url = `${cur.server_relative_url}/${name}`;
    const existing = folderByUrl(ctx, url);
    if (existing) {
      cur = existing;
      continue;
    }
    checkName(name, url, cur.item_id === null);
    if (fileByUrl(ctx, url))
      throw new SpError(
        400,
        '-2130575257, Microsoft.SharePoint.SPException',
        `A file with the name ${url} already exists.`,
      );
    if (!opts.system) demandItemCreate(ctx, list, folderScope(ctx, list, cur));
    const item = insertItem(ctx, list, { FileLeafRef: name, Title: name }, { fsType: 1, fileRef: url });
    ctx.db
      .prepare(
        `INSERT INTO sp_folders (server_relative_url, unique_id, list_pk, item_id, name, created) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(url, newGuid(), list.pk, item.id, name, isoNow(ctx));
    cur = folderByUrl(ctx, url)!;
  }
  return cur;
}

/** Deletes an item with what hangs off it (its file, or a folder's whole subtree). */
export function deleteItem(ctx: SpContext, list: ListRow, item: ItemRow): void {
  if (item.fs_type === 1 && item.file_ref) {
    const like = likePrefix(item.file_ref);
    const ids = ctx.db
      .prepare(`SELECT id FROM sp_items WHERE list_pk = ? AND file_ref LIKE ? ESCAPE '\\'`)
      .pluck()
      .all(list.pk, like) as number[];
    for (const id of ids) {
      ctx.db
        .prepare(`DELETE FROM sp_role_assignments WHERE scope_type = 'item' AND list_pk = ? AND item_id = ?`)
        .run(list.pk, id);
    }
    ctx.db.prepare(`DELETE FROM sp_items WHERE list_pk = ? AND file_ref LIKE ? ESCAPE '\\'`).run(list.pk, like);
    ctx.db
      .prepare(`DELETE FROM sp_files WHERE list_pk = ? AND server_relative_url LIKE ? ESCAPE '\\'`)
      .run(list.pk, like);
    ctx.db
      .prepare(`DELETE FROM sp_folders WHERE server_relative_url LIKE ? ESCAPE '\\' OR server_relative_url = ?`)
      .run(like, item.file_ref);
  }
  ctx.db.prepare(`DELETE FROM sp_files WHERE list_pk = ? AND item_id = ?`).run(list.pk, item.id);
  ctx.db
    .prepare(`DELETE FROM sp_role_assignments WHERE scope_type = 'item' AND list_pk = ? AND item_id = ?`)
    .run(list.pk, item.id);
  ctx.db.prepare(`DELETE FROM sp_items WHERE list_pk = ? AND id = ?`).run(list.pk, item.id);
  touchList(ctx, list);
}

/** Keeps the file in step when an item's `FileLeafRef` (its name) is changed. */
export function afterItemUpdate(ctx: SpContext, list: ListRow, item: ItemRow, values: Record<string, unknown>): void {
  if (!('FileLeafRef' in values) || !item.file_ref) return;
  const name = String(values.FileLeafRef ?? '');
  checkName(name, `${item.file_ref.slice(0, item.file_ref.lastIndexOf('/'))}/${name}`);
  if (item.fs_type === 1) throw notImplemented('MERGE', `${item.file_ref} (renaming a folder)`);
  const dir = item.file_ref.slice(0, item.file_ref.lastIndexOf('/'));
  const url = `${dir}/${name}`;
  if (url === item.file_ref) return;
  if (fileByUrl(ctx, url) || folderByUrl(ctx, url))
    throw new SpError(
      400,
      '-2130575257, Microsoft.SharePoint.SPException',
      `A file with the name ${url} already exists.`,
    );
  ctx.db
    .prepare(`UPDATE sp_files SET server_relative_url = ?, name = ? WHERE list_pk = ? AND item_id = ?`)
    .run(url, name, list.pk, item.id);
  ctx.db.prepare(`UPDATE sp_items SET file_ref = ? WHERE list_pk = ? AND id = ?`).run(url, list.pk, item.id);
}

function uploadId(seg: Segment): string {
  return argString(seg, 'uploadid').replace(/[{}]/g, '').toLowerCase();
}

/** Operations on folders and files. */
export function invokeFile(ctx: SpContext, node: Node, seg: Segment | null, call: SpCall): EmulatorResponse | null {
  const m = call.method;
  const q = call.query;
  const select = q.get('$select');
  switch (node.k) {
    case 'folder':
      if (!seg) {
        if (m === 'GET') return entity(ctx, folderJson(ctx, node.folder), { select });
        if (m === 'DELETE') return deleteFolder(ctx, node.folder);
        return null;
      }
      if (seg.name === 'addsubfolderusingpath' && m === 'POST') {
        const leaf = (call.json().leafPath as { DecodedUrl?: string } | undefined)?.DecodedUrl;
        if (typeof leaf !== 'string' || !leaf) throw badValue(`The parameter 'leafPath.DecodedUrl' is required.`);
        addFolder(ctx, node.folder, leaf);
        return emptyOk();
      }
      if (seg.name === 'recycle' && m === 'POST') {
        const { list, item } = folderItemOf(ctx, node.folder);
        demandItemWrite(ctx, list, item, PermissionKind.DeleteListItems);
        return primitive(ctx, 'Recycle', recycleItem(ctx, list, item, () => deleteItem(ctx, list, item)));
      }
      return null;
    case 'folders':
      if (!seg) {
        if (m === 'GET') {
          const rows = ctx.db
            .prepare(
              `SELECT * FROM sp_folders WHERE server_relative_url LIKE ? ESCAPE '\\' AND instr(substr(server_relative_url, ?), '/') = 0 ORDER BY server_relative_url`,
            )
            .all(
              likePrefix(node.folder.server_relative_url),
              node.folder.server_relative_url.length + 2,
            ) as FolderRow[];
          const visible = rows.filter((f) => {
            if (f.list_pk === null) return true;
            const scope = f.item_id ? itemScope(ctx.db, f.list_pk, f.item_id) : listScope(ctx.db, f.list_pk);
            return allowed(ctx, scope, PermissionKind.ViewListItems);
          });
          return collection(
            ctx,
            visible.map((f) => folderJson(ctx, f)),
            { select },
          );
        }
        if (m === 'POST') {
          const url = call.json().ServerRelativeUrl;
          if (typeof url !== 'string' || !url)
            throw badValue(`The property 'ServerRelativeUrl' of the folder is required.`);
          const full = normaliseUrl(url.startsWith('/') ? url : `${node.folder.server_relative_url}/${url}`);
          const rel = full.slice(node.folder.server_relative_url.length + 1);
          return entity(ctx, folderJson(ctx, addFolder(ctx, node.folder, rel)), { status: 201 });
        }
        return null;
      }
      if (seg.name === 'addusingpath' && m === 'POST') {
        const url = argString(seg, 'decodedurl');
        const full = normaliseUrl(
          url.startsWith('/') || /^https?:/i.test(url) ? url : `${node.folder.server_relative_url}/${url}`,
        );
        if (!full.toLowerCase().startsWith(`${node.folder.server_relative_url.toLowerCase()}/`))
          throw badValue(`The folder '${url}' (DecodedUrl) is not below '${node.folder.server_relative_url}'.`);
        const existing = folderByUrl(ctx, full);
        if (existing && !argBool(seg, 'overwrite', false)) {
          // SharePoint answers the existing folder when it already exists.
          return entity(ctx, folderJson(ctx, existing));
        }
        const f = addFolder(ctx, node.folder, full.slice(node.folder.server_relative_url.length + 1));
        return entity(ctx, folderJson(ctx, f));
      }
      return null;
    case 'files':
      if (!seg) {
        if (m === 'GET') {
          const rows = ctx.db
            .prepare(
              `SELECT * FROM sp_files WHERE server_relative_url LIKE ? ESCAPE '\\' AND instr(substr(server_relative_url, ?), '/') = 0 ORDER BY server_relative_url`,
            )
            .all(likePrefix(node.folder.server_relative_url), node.folder.server_relative_url.length + 2) as FileRow[];
          const visible = rows
            .filter((f) => allowed(ctx, itemScope(ctx.db, f.list_pk, f.item_id), PermissionKind.ViewListItems))
            .map((f) => fileView(ctx, f))
            .filter((f): f is FileRow => f !== undefined);
          return collection(
            ctx,
            visible.map((f) => fileJson(ctx, f)),
            { select },
          );
        }
        return null;
      }
      if ((seg.name === 'addusingpath' || seg.name === 'add') && m === 'POST') {
        const url = seg.name === 'add' ? argString(seg, 'url') : argString(seg, 'decodedurl');
        const overwrite = argBool(seg, 'overwrite', false);
        const rel = url.startsWith('/') ? normaliseUrl(url).slice(node.folder.server_relative_url.length + 1) : url;
        const f = addFile(ctx, node.folder, rel, call.body, overwrite);
        return entity(ctx, fileJson(ctx, f));
      }
      return null;
    case 'file': {
      const f = node.file;
      const list = listByPk(ctx.db, f.list_pk);
      const current = (): ItemRow => itemById(ctx.db, list.pk, f.item_id)!;
      if (!seg) {
        if (m === 'GET') return entity(ctx, fileJson(ctx, f), { select });
        if (m === 'DELETE') {
          demandItemWrite(ctx, list, current(), PermissionKind.DeleteListItems);
          checkEtag(call.headers['if-match'], `"{${f.unique_id.toUpperCase()}},${f.version}"`);
          deleteItem(ctx, list, current());
          return emptyOk();
        }
        return null;
      }
      const n = seg.name;
      if (m === 'GET' && (n === 'checkedoutbyuser' || n === 'lockedbyuser')) {
        // Co-authoring locks are not modelled: only a check-out holds a file (LockedByUser is then null).
        const id = n === 'checkedoutbyuser' ? current().checkout_user_id : null;
        const u = id === null ? undefined : principalById(ctx.db, id);
        return u ? entity(ctx, userJson(ctx, u)) : entity(ctx, { 'odata.null': true });
      }
      if (m !== 'POST') return null;
      if (n === 'recycle') {
        demandItemWrite(ctx, list, current(), PermissionKind.DeleteListItems);
        return primitive(ctx, 'Recycle', recycleItem(ctx, list, current(), () => deleteItem(ctx, list, current())));
      }
      if (n === 'startupload' || n === 'continueupload' || n === 'finishupload' || n === 'cancelupload') {
        demandItemWrite(ctx, list, current(), PermissionKind.EditListItems);
        const id = uploadId(seg);
        const session = ctx.db.prepare(`SELECT * FROM sp_uploads WHERE upload_id = ?`).get(id) as
          | { upload_id: string; file_url: string; data: Buffer }
          | undefined;
        if (n === 'startupload') {
          // File.StartUpload: "idempotent … as long as you use the same values for uploadId and stream" (a retry
          // after a lost answer); the same id with other bytes is refused (undocumented; the emulator's choice).
          if (session) {
            const sameFile = session.file_url.toLowerCase() === f.server_relative_url.toLowerCase();
            if (sameFile && session.data.equals(call.body)) {
              return primitive(ctx, 'StartUpload', String(session.data.length));
            }
            throw badValue(`The upload session ${id} (uploadId) has already been started with other content.`);
          }
          ctx.db
            .prepare(`INSERT INTO sp_uploads (upload_id, file_url, data) VALUES (?, ?, ?)`)
            .run(id, f.server_relative_url, call.body);
          return primitive(ctx, 'StartUpload', String(call.body.length));
        }
        if (!session || session.file_url.toLowerCase() !== f.server_relative_url.toLowerCase()) {
          throw new SpError(
            404,
            '-2130575338, Microsoft.SharePoint.SPException',
            `The upload session ${id} (uploadId) does not exist for ${f.server_relative_url}.`,
          );
        }
        if (n === 'cancelupload') {
          ctx.db.prepare(`DELETE FROM sp_uploads WHERE upload_id = ?`).run(id);
          return emptyOk();
        }
        const offset = argNumber(seg, 'fileoffset');
        if (offset !== session.data.length) {
          throw new SpError(
            400,
            '-2147024809, System.ArgumentException',
            `The fileOffset ${offset} does not match the ${session.data.length} bytes uploaded so far in session ${id}.`,
          );
        }
        const data = Buffer.concat([session.data, call.body]);
        if (n === 'continueupload') {
          ctx.db.prepare(`UPDATE sp_uploads SET data = ? WHERE upload_id = ?`).run(data, id);
          return primitive(ctx, 'ContinueUpload', String(data.length));
        }
        ctx.db.prepare(`DELETE FROM sp_uploads WHERE upload_id = ?`).run(id);
        return entity(ctx, fileJson(ctx, writeContent(ctx, f, data)));
      }
      const comment = (): string => (seg.named.comment !== undefined || seg.args.length ? argString(seg, 'comment') : '');
      switch (n) {
        case 'publish':
          publish(ctx, list, current(), comment());
          return emptyOk();
        case 'unpublish':
          unpublish(ctx, list, current(), comment());
          return emptyOk();
        case 'approve':
          approve(ctx, list, current(), comment());
          return emptyOk();
        case 'deny':
          deny(ctx, list, current(), comment());
          return emptyOk();
        case 'checkout':
          checkOut(ctx, list, current());
          return emptyOk();
        case 'checkin':
          checkIn(ctx, list, current(), comment(), seg.named.checkintype !== undefined ? argNumber(seg, 'checkintype') : 0);
          return emptyOk();
        case 'undocheckout':
          undoCheckOut(ctx, list, current(), () => deleteItem(ctx, list, current()));
          return emptyOk();
        default:
          return null;
      }
    }
    case 'filevalue': {
      if (seg) return null;
      const f = node.file;
      if (m === 'GET') {
        demand(ctx, itemScope(ctx.db, f.list_pk, f.item_id), PermissionKind.OpenItems);
        return {
          status: 200,
          headers: {
            'content-type': 'application/octet-stream',
            etag: `"{${f.unique_id.toUpperCase()}},${f.version}"`,
          },
          body: f.content,
        };
      }
      if (m === 'PUT') {
        demandItemWrite(ctx, listByPk(ctx.db, f.list_pk), itemById(ctx.db, f.list_pk, f.item_id)!, PermissionKind.EditListItems);
        writeContent(ctx, f, call.body);
        return { status: 204, headers: {} };
      }
      return null;
    }
    default:
      return null;
  }
}

/** The list and item behind a folder (a list's root folder has none: it cannot be deleted, moved or recycled). */
export function folderItemOf(ctx: SpContext, folder: FolderRow): { list: ListRow; item: ItemRow } {
  if (folder.list_pk === null || folder.item_id === null)
    throw badValue(`The root folder '${folder.server_relative_url}' cannot be deleted, moved or recycled.`);
  const list = listByPk(ctx.db, folder.list_pk);
  return { list, item: itemById(ctx.db, list.pk, folder.item_id)! };
}

function deleteFolder(ctx: SpContext, folder: FolderRow): EmulatorResponse {
  const { list, item } = folderItemOf(ctx, folder);
  demandItemWrite(ctx, list, item, PermissionKind.DeleteListItems);
  deleteItem(ctx, list, item);
  return emptyOk();
}

/** Recreates the folders of a path that no longer exist (restoring a file whose folder was deleted). */
export function ensureFolderPath(ctx: SpContext, list: ListRow, url: string): void {
  const root = rootFolderUrl(list);
  if (url.toLowerCase() === root.toLowerCase() || folderByUrl(ctx, url)) return;
  const rootFolder = folderByUrl(ctx, root);
  if (!rootFolder || !url.toLowerCase().startsWith(`${root.toLowerCase()}/`)) return;
  addFolder(ctx, rootFolder, url.slice(root.length + 1), { system: true });
}

/**
 * Serves a file by its plain URL (`GET /sites/samenwerkingsruimte/<library>/<file>`), as a browser following a link
 * gets it; security trimmed like the REST API.
 */
export function downloadByUrl(ctx: SpContext, path: string): EmulatorResponse | null {
  const found = fileByUrl(ctx, path);
  if (!found) return null;
  const f = visibleFile(ctx, found, path);
  demand(ctx, itemScope(ctx.db, f.list_pk, f.item_id), PermissionKind.OpenItems);
  return {
    status: 200,
    headers: { 'content-type': 'application/octet-stream', etag: `"{${f.unique_id.toUpperCase()}},${f.version}"` },
    body: f.content,
  };
}
