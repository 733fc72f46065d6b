import { checkName } from './names';
import type { EmulatorResponse } from '../types';
import { badValue, notImplemented, SpError } from './errors';
import { type SpContext, SITE_PATH, isoNow } from './context';
import { argBool, argNumber, argString, type Segment } from './path';
import { emptyOk } from './format';
import { insertItem, touchList } from './items';
import { PermissionKind, type PermissionKindName } from './roles';
import { type Scope, demand, itemScope } from './security';
import { switchesOf } from './switches';
import { type FileRow, type FolderRow, type ItemRow, type ListRow, isLibrary, itemById, listByPk, listFields, newGuid } from './store';
import { checkLock, demandItemCreate, demandItemWrite } from './guards';
import {
  addFolder,
  createFile,
  deleteItem,
  fileByUrl,
  folderByUrl,
  folderItemOf,
  folderMissing,
  folderScope,
  normaliseUrl,
  visibleFile,
  writeContent,
} from './files';
import type { SpCall } from './nodes';
import { copyPublished, fileView, itemView, moderationOn, recordVersion, setVersion } from './versions';

/*
 * Moving and copying files and folders within the site: SP.MoveCopyUtil.MoveFileByPath / CopyFileByPath /
 * MoveFolderByPath / CopyFolderByPath (what PnPjs's moveByPath / copyByPath post), and a file's moveTo(newurl, flags),
 * copyTo(strnewurl, boverwrite), MoveToUsingPath and CopyToUsingPath. Within one library a moved file keeps its item
 * (and id) and then inherits from its new folder unless it has unique permissions; between libraries it becomes an
 * item of the other list with its fields (those the list has), history and unique permissions. A copy is a new item.
 *
 * Permissions (none documented; switches, see switches.ts): copy = copySourcePermission (OpenItems) at the source +
 * moveCopyDestinationPermission (AddListItems) where it lands; move = moveSourcePermission (DeleteListItems) at the
 * source + the destination permission (+ ApproveItems at a moderated source with moveRequiresApproveItemsWhenModerated);
 * an overwritten file needs EditListItems (+ DeleteListItems when it is removed: a move over it, or with
 * moveCopyOverwriteRequiresDelete).
 */

interface Options {
  overwrite: boolean;
  keepBoth: boolean;
  retainEditor: boolean;
}

function resourceUrl(v: unknown, name: string): string {
  const url = (v as { DecodedUrl?: unknown } | undefined)?.DecodedUrl;
  if (typeof url !== 'string' || !url) throw badValue(`The parameter '${name}.DecodedUrl' is required.`);
  return normaliseUrl(url);
}

function keepBothName(ctx: SpContext, url: string): string {
  const dot = url.lastIndexOf('.');
  const slash = url.lastIndexOf('/');
  const [stem, ext] = dot > slash ? [url.slice(0, dot), url.slice(dot)] : [url, ''];
  for (let n = 1; ; n++) {
    const candidate = `${stem} ${n}${ext}`;
    if (!fileByUrl(ctx, candidate) && !folderByUrl(ctx, candidate)) return candidate;
  }
}

function demandKind(ctx: SpContext, scope: Scope, kind: PermissionKindName | null): void {
  if (kind) demand(ctx, scope, PermissionKind[kind]);
}

/** Where a move or copy lands: the destination folder (it must exist, in a library of this site) and the final URL. */
interface Destination {
  list: ListRow;
  dir: FolderRow;
  url: string;
  existing?: FileRow;
}

function destination(ctx: SpContext, destUrl: string, opts: Options, file: boolean, call: SpCall): Destination {
  if (!destUrl.toLowerCase().startsWith(`${SITE_PATH}/`))
    throw notImplemented(call.method, `${call.path} (moving or copying to another site: ${destUrl})`);
  const dir = folderByUrl(ctx, destUrl.slice(0, destUrl.lastIndexOf('/')));
  if (!dir) throw folderMissing();
  if (dir.list_pk === null) throw badValue(`The destination '${destUrl}' is not in a document library.`);
  const list = listByPk(ctx.db, dir.list_pk);
  if (!isLibrary(list)) throw badValue(`The destination '${destUrl}' is not in a document library.`);
  checkName(destUrl.slice(destUrl.lastIndexOf('/') + 1), destUrl);
  let url = destUrl;
  const existing = fileByUrl(ctx, url);
  if (existing || folderByUrl(ctx, url)) {
    if (opts.keepBoth) url = keepBothName(ctx, url);
    else if (!opts.overwrite || !existing || !file)
      throw new SpError(
        400,
        '-2130575257, Microsoft.SharePoint.SPException',
        `A file or folder with the name ${url} already exists.`,
      );
    else return { list, dir, url, existing };
  }
  return { list, dir, url };
}

function demandDestination(ctx: SpContext, d: Destination, removeTarget: boolean): void {
  const kind = switchesOf(ctx).moveCopyDestinationPermission;
  if (kind) demand(ctx, folderScope(ctx, d.list, d.dir), PermissionKind[kind]);
  if (kind === 'AddListItems' && !d.existing) demandItemCreate(ctx, d.list, folderScope(ctx, d.list, d.dir));
  if (d.existing) {
    const target = itemById(ctx.db, d.list.pk, d.existing.item_id)!;
    demandItemWrite(ctx, d.list, target, PermissionKind.EditListItems);
    if (removeTarget || switchesOf(ctx).moveCopyOverwriteRequiresDelete)
      demandItemWrite(ctx, d.list, target, PermissionKind.DeleteListItems);
  }
}

/** Field values of an item that a list has (for an item moved or copied into another list). */
function valuesFor(ctx: SpContext, list: ListRow, data: Record<string, unknown>): Record<string, unknown> {
  const names = new Set(listFields(ctx.db, list.pk).map((f) => f.internal_name));
  return Object.fromEntries(Object.entries(data).filter(([k]) => names.has(k)));
}

/** Copies a file the caller sees to a destination. */
function copyFile(ctx: SpContext, src: FileRow, d: Destination): void {
  const srcList = listByPk(ctx.db, src.list_pk);
  const srcItem = itemById(ctx.db, srcList.pk, src.item_id)!;
  demandKind(ctx, itemScope(ctx.db, srcList.pk, srcItem.id), switchesOf(ctx).copySourcePermission);
  demandDestination(ctx, d, false);
  const seen = itemView(ctx, srcList, srcItem) ?? srcItem;
  const name = d.url.slice(d.url.lastIndexOf('/') + 1);
  const data = { ...(JSON.parse(seen.data) as Record<string, unknown>), FileLeafRef: name };
  if (d.existing) {
    // Overwriting: a new version of the target with the source's bytes and fields.
    const target = itemById(ctx.db, d.list.pk, d.existing.item_id)!;
    writeContent(ctx, d.existing, src.content);
    const merged = { ...(JSON.parse(target.data) as Record<string, unknown>), ...valuesFor(ctx, d.list, data) };
    ctx.db.prepare(`UPDATE sp_items SET data = ? WHERE list_pk = ? AND id = ?`).run(JSON.stringify(merged), d.list.pk, target.id);
    recordVersion(ctx.db, d.list.pk, target.id);
    return;
  }
  if (d.list.pk !== srcList.pk) {
    // Into another library: a new upload there, with the fields that library has.
    createFile(ctx, d.list, d.url, src.content, valuesFor(ctx, d.list, data));
    return;
  }
  // The copy is of the version the caller sees (a reader of a draft copies the published one) and keeps its state:
  // a draft stays a draft with the same published version behind it, a published file stays published.
  const item = insertItem(ctx, d.list, data, { fileRef: d.url, contentTypeId: seen.content_type_id });
  setVersion(ctx.db, d.list.pk, item.id, { major: seen.major, minor: seen.minor, modStatus: seen.mod_status });
  if (!seen.snapshot && (seen.minor > 0 || seen.mod_status !== 0) && seen.major > 0)
    copyPublished(ctx.db, d.list.pk, srcItem.id, item.id);
  const now = isoNow(ctx);
  ctx.db
    .prepare(
      `INSERT INTO sp_files (unique_id, list_pk, item_id, server_relative_url, name, content, version, created, modified, author_id, editor_id) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
    )
    .run(newGuid(), d.list.pk, item.id, d.url, name, src.content, now, now, ctx.user.id, ctx.user.id);
  ctx.db.prepare(`DELETE FROM sp_versions WHERE list_pk = ? AND item_id = ?`).run(d.list.pk, item.id);
  recordVersion(ctx.db, d.list.pk, item.id);
  touchList(ctx, d.list);
}

/** The source checks of a move: not checked out to someone else, the switch's permission, approval in a moderated library. */
function demandMoveSource(ctx: SpContext, list: ListRow, item: ItemRow): void {
  checkLock(ctx, list, item, 'delete');
  const scope = itemScope(ctx.db, list.pk, item.id);
  demandKind(ctx, scope, switchesOf(ctx).moveSourcePermission);
  if (moderationOn(list) && switchesOf(ctx).moveRequiresApproveItemsWhenModerated)
    demand(ctx, scope, PermissionKind.ApproveItems);
}

/** Re-homes an item (file or folder, without its subtree) into another list, keeping history and unique permissions. */
function rehome(ctx: SpContext, from: ListRow, item: ItemRow, to: ListRow, url: string, retain: boolean): number {
  const name = url.slice(url.lastIndexOf('/') + 1);
  const data = { ...valuesFor(ctx, to, JSON.parse(item.data) as Record<string, unknown>), FileLeafRef: name };
  const moved = insertItem(ctx, to, data, { fileRef: url, fsType: item.fs_type });
  const now = isoNow(ctx);
  ctx.db
    .prepare(
      `UPDATE sp_items SET created = ?, author_id = ?, modified = ?, editor_id = ?, major = ?, minor = ?, mod_status = ?,
         mod_comment = ?, unique_perms = ? WHERE list_pk = ? AND id = ?`,
    )
    .run(
      item.created,
      item.author_id,
      retain ? item.modified : now,
      retain ? item.editor_id : ctx.user.id,
      item.major,
      item.minor,
      item.mod_status,
      item.mod_comment,
      item.unique_perms,
      to.pk,
      moved.id,
    );
  ctx.db.prepare(`DELETE FROM sp_versions WHERE list_pk = ? AND item_id = ?`).run(to.pk, moved.id);
  ctx.db
    .prepare(
      `INSERT INTO sp_versions (list_pk, item_id, version_id, created, editor_id, content_type_id, data, mod_status, mod_comment, checkin_comment, file_content, file_size)
       SELECT ?, ?, version_id, created, editor_id, content_type_id, data, mod_status, mod_comment, checkin_comment, file_content, file_size
       FROM sp_versions WHERE list_pk = ? AND item_id = ?`,
    )
    .run(to.pk, moved.id, from.pk, item.id);
  copyPublished(ctx.db, from.pk, item.id, moved.id, to.pk);
  if (item.unique_perms)
    ctx.db
      .prepare(
        `INSERT OR IGNORE INTO sp_role_assignments (scope_type, list_pk, item_id, principal_id, roledef_id)
         SELECT 'item', ?, ?, principal_id, roledef_id FROM sp_role_assignments WHERE scope_type = 'item' AND list_pk = ? AND item_id = ?`,
      )
      .run(to.pk, moved.id, from.pk, item.id);
  return moved.id;
}

/** Moves a file the caller sees to a destination. */
function moveFile(ctx: SpContext, src: FileRow, d: Destination, retain: boolean): void {
  const srcList = listByPk(ctx.db, src.list_pk);
  const srcItem = itemById(ctx.db, srcList.pk, src.item_id)!;
  demandMoveSource(ctx, srcList, srcItem);
  demandDestination(ctx, d, true);
  if (d.existing) deleteItem(ctx, d.list, itemById(ctx.db, d.list.pk, d.existing.item_id)!);
  const name = d.url.slice(d.url.lastIndexOf('/') + 1);
  if (d.list.pk !== srcList.pk) {
    const id = rehome(ctx, srcList, srcItem, d.list, d.url, retain);
    ctx.db
      .prepare(`UPDATE sp_files SET list_pk = ?, item_id = ?, server_relative_url = ?, name = ? WHERE unique_id = ?`)
      .run(d.list.pk, id, d.url, name, src.unique_id);
    deleteItem(ctx, srcList, srcItem);
    touchList(ctx, d.list);
    return;
  }
  const data = { ...JSON.parse(srcItem.data), FileLeafRef: name };
  const now = isoNow(ctx);
  ctx.db
    .prepare(`UPDATE sp_files SET server_relative_url = ?, name = ? WHERE unique_id = ?`)
    .run(d.url, name, src.unique_id);
  ctx.db
    .prepare(`UPDATE sp_items SET file_ref = ?, data = ?, modified = ?, editor_id = ? WHERE list_pk = ? AND id = ?`)
    .run(
      d.url,
      JSON.stringify(data),
      retain ? srcItem.modified : now,
      retain ? srcItem.editor_id : ctx.user.id,
      srcList.pk,
      srcItem.id,
    );
  touchList(ctx, srcList);
}

/** Children of a folder (files and subfolders), current rows. */
function children(ctx: SpContext, folder: FolderRow): { files: FileRow[]; folders: FolderRow[] } {
  const like = `${folder.server_relative_url.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`;
  const depth = `instr(substr(server_relative_url, ${folder.server_relative_url.length + 2}), '/') = 0`;
  return {
    files: ctx.db
      .prepare(`SELECT * FROM sp_files WHERE server_relative_url LIKE ? ESCAPE '\\' AND ${depth} ORDER BY server_relative_url`)
      .all(like) as FileRow[],
    folders: ctx.db
      .prepare(`SELECT * FROM sp_folders WHERE server_relative_url LIKE ? ESCAPE '\\' AND ${depth} ORDER BY server_relative_url`)
      .all(like) as FolderRow[],
  };
}

/** Copies a folder and what the caller sees in it. */
function copyFolder(ctx: SpContext, src: FolderRow, d: Destination): void {
  const { list: srcList } = folderItemOf(ctx, src);
  const made = addFolder(ctx, d.dir, d.url.slice(d.dir.server_relative_url.length + 1));
  const kids = children(ctx, src);
  for (const f of kids.files) {
    const seen = fileView(ctx, f);
    if (!seen) continue;
    const url = `${made.server_relative_url}/${f.name}`;
    copyFile(ctx, seen, { list: d.list, dir: made, url });
  }
  for (const sub of kids.folders) {
    const current = sub.item_id ? itemById(ctx.db, srcList.pk, sub.item_id) : undefined;
    if (!current || !itemView(ctx, srcList, current)) continue;
    copyFolder(ctx, sub, { list: d.list, dir: made, url: `${made.server_relative_url}/${sub.name}` });
  }
}

/** Moves a folder with its subtree. */
function moveFolder(ctx: SpContext, src: FolderRow, d: Destination, retain: boolean): void {
  const { list: srcList, item } = folderItemOf(ctx, src);
  const from = src.server_relative_url;
  if (d.url.toLowerCase().startsWith(`${from.toLowerCase()}/`))
    throw badValue(`A folder cannot be moved into itself ('${d.url}').`);
  const like = `${from.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`;
  const subtree = [
    item,
    ...(ctx.db
      .prepare(`SELECT * FROM sp_items WHERE list_pk = ? AND file_ref LIKE ? ESCAPE '\\'`)
      .all(srcList.pk, like) as ItemRow[]),
  ];
  for (const i of subtree) demandMoveSource(ctx, srcList, i);
  demandDestination(ctx, d, false);
  if (d.list.pk !== srcList.pk) {
    // Into another library: the folder is made there, its content moved into it, the emptied folder removed.
    const made = addFolder(ctx, d.dir, d.url.slice(d.dir.server_relative_url.length + 1));
    const kids = children(ctx, src);
    for (const f of kids.files) moveFile(ctx, f, { list: d.list, dir: made, url: `${made.server_relative_url}/${f.name}` }, retain);
    for (const sub of kids.folders)
      moveFolder(ctx, sub, { list: d.list, dir: made, url: `${made.server_relative_url}/${sub.name}` }, retain);
    deleteItem(ctx, srcList, itemById(ctx.db, srcList.pk, item.id)!);
    return;
  }
  const to = d.url;
  const name = to.slice(to.lastIndexOf('/') + 1);
  const swap = (col: string, table: string, extra = ''): void =>
    void ctx.db
      .prepare(
        `UPDATE ${table} SET ${col} = ? || substr(${col}, ?) WHERE (${col} = ? OR ${col} LIKE ? ESCAPE '\\')${extra}`,
      )
      .run(to, from.length + 1, from, like);
  swap('file_ref', 'sp_items', ` AND list_pk = ${srcList.pk}`);
  swap('server_relative_url', 'sp_files');
  swap('server_relative_url', 'sp_folders');
  ctx.db.prepare(`UPDATE sp_folders SET name = ? WHERE server_relative_url = ?`).run(name, to);
  const data = { ...JSON.parse(item.data), FileLeafRef: name, Title: name };
  ctx.db
    .prepare(`UPDATE sp_items SET data = ?, modified = ?, editor_id = ? WHERE list_pk = ? AND id = ?`)
    .run(JSON.stringify(data), retain ? item.modified : isoNow(ctx), retain ? item.editor_id : ctx.user.id, srcList.pk, item.id);
  touchList(ctx, srcList);
}

/**
 * `SP.MoveCopyUtil.MoveFileByPath` / `CopyFileByPath` / `MoveFolderByPath` / `CopyFolderByPath` with PnPjs's body
 * `{ srcPath: { DecodedUrl }, destPath: { DecodedUrl }, options: { KeepBoth, RetainEditorAndModifiedOnMove, … } }`
 * and `overwrite` as a parameter of the file methods.
 */
export function moveCopy(ctx: SpContext, seg: Segment, call: SpCall): EmulatorResponse {
  const op = seg.name.slice('sp.movecopyutil.'.length);
  if (!['movefilebypath', 'copyfilebypath', 'movefolderbypath', 'copyfolderbypath'].includes(op))
    throw notImplemented(call.method, call.path);
  const body = call.json();
  const options = (body.options as Record<string, unknown> | undefined) ?? {};
  const opts: Options = {
    overwrite: seg.named.overwrite === true,
    keepBoth: options.KeepBoth === true,
    retainEditor: options.RetainEditorAndModifiedOnMove === true,
  };
  const srcUrl = resourceUrl(body.srcPath, 'srcPath');
  const destUrl = resourceUrl(body.destPath, 'destPath');
  if (op.endsWith('filebypath')) {
    const src = visibleFile(ctx, fileByUrl(ctx, srcUrl), srcUrl);
    if (destUrl.toLowerCase() === src.server_relative_url.toLowerCase()) return emptyOk();
    const d = destination(ctx, destUrl, opts, true, call);
    if (op === 'movefilebypath') moveFile(ctx, src, d, opts.retainEditor);
    else copyFile(ctx, src, d);
    return emptyOk();
  }
  const folder = folderByUrl(ctx, srcUrl);
  if (!folder || !folder.item_id || !itemView(ctx, listByPk(ctx.db, folder.list_pk!), itemById(ctx.db, folder.list_pk!, folder.item_id)!))
    throw folderMissing();
  if (destUrl.toLowerCase() === folder.server_relative_url.toLowerCase()) return emptyOk();
  const d = destination(ctx, destUrl, { ...opts, overwrite: false }, false, call);
  if (op === 'movefolderbypath') moveFolder(ctx, folder, d, opts.retainEditor);
  else copyFolder(ctx, folder, d);
  return emptyOk();
}

/**
 * A file's `moveTo(newurl='…',flags=n)` (SP.MoveOperations: 1 Overwrite, 2048 RetainEditorAndModifiedOnMove),
 * `copyTo(strnewurl='…',boverwrite=…)`, and `MoveToUsingPath` / `CopyToUsingPath` (the path as `DecodedUrl` in the URL
 * or as `{ newPath|destPath: { DecodedUrl } }` in the body, with `moveOperations` / `bOverwrite`).
 */
export function fileMoveCopy(ctx: SpContext, f: FileRow, seg: Segment, call: SpCall): EmulatorResponse {
  const body = call.body.length ? call.json() : {};
  let url: string;
  let flags = 0;
  let overwrite = false;
  switch (seg.name) {
    case 'moveto':
      url = argString(seg, 'newurl');
      flags = seg.named.flags !== undefined ? argNumber(seg, 'flags') : 0;
      break;
    case 'copyto':
      url = argString(seg, 'strnewurl');
      overwrite = argBool(seg, 'boverwrite', false);
      break;
    default: {
      const inUrl = seg.named.decodedurl ?? seg.named.newpath ?? seg.named.destpath;
      url = inUrl !== undefined ? String(inUrl) : resourceUrl(body.newPath ?? body.destPath ?? body.DecodedUrl, 'newPath');
      if (seg.name === 'movetousingpath') {
        const mo = seg.named.moveoperations ?? body.moveOperations;
        flags = typeof mo === 'number' ? mo : 0;
      } else overwrite = (seg.named.boverwrite ?? body.bOverwrite) === true;
    }
  }
  const dest = normaliseUrl(url);
  if (dest.toLowerCase() === f.server_relative_url.toLowerCase()) return emptyOk();
  const move = seg.name.startsWith('move');
  const opts: Options = {
    overwrite: move ? (flags & 1) === 1 : overwrite,
    keepBoth: false,
    retainEditor: (flags & 2048) === 2048,
  };
  const d = destination(ctx, dest, opts, true, call);
  if (move) moveFile(ctx, f, d, opts.retainEditor);
  else copyFile(ctx, f, d);
  return emptyOk();
}
