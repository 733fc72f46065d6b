import type { EmulatorResponse } from '../types';
import { badValue, notFound, SpError } from './errors';
import { type SpContext, SITE_PATH, isoNow } from './context';
import { argString, type Segment } from './path';
import { collection, emptyOk, entity } from './format';
import { shapeObjects } from './jsfilter';
import { PermissionKind } from './roles';
import { WEB_SCOPE, allowed } from './security';
import { switchesOf } from './switches';
import { type ItemRow, type ListRow, isLibrary, newGuid } from './store';
import type { SpCall } from './nodes';

/*
 * The recycle bin. `recycle()` on an item, file, folder, attachment or file version moves it here with everything that
 * hangs off it (a folder's subtree, the file's bytes, its version history, attachments and unique permissions);
 * `restore` puts it back with the same ids. DELETE stays permanent, as SharePoint's DeleteObject ("deletes the current
 * list item from its store", SPListItem.Delete) versus Recycle ("Moves the list item to the Recycle Bin").
 *
 * Who sees, restores and deletes an entry: the person who deleted it, site collection administrators, and holders of
 * the web permission named by switch recycleBinManagerPermission (default ManageWeb: the site's owners). The second
 * stage (site collection recycle bin) is for administrators and those owners only.
 */

/** SP.RecycleBinItemType values the emulator produces. */
export const RecycleType = { File: 1, FileVersion: 2, ListItem: 3, Folder: 5, Attachment: 7 } as const;

interface BinRow {
  id: string;
  item_type: number;
  item_state: number;
  list_pk: number | null;
  item_id: number | null;
  leaf_name: string;
  dir_name: string;
  title: string;
  author_id: number | null;
  deleted_by: number;
  deleted_date: string;
  size: number;
  payload: string;
}

type Row = Record<string, unknown>;
/** Rows of every table that make up the recycled object, keyed by table. */
type Payload = Record<string, Row[]>;

const pack = (rows: Row[]): Row[] =>
  rows.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Buffer.isBuffer(v) ? { $b64: v.toString('base64') } : v])),
  );
const unpack = (rows: Row[]): Row[] =>
  rows.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [
        k,
        v && typeof v === 'object' && '$b64' in (v as object) ? Buffer.from(String((v as { $b64: string }).$b64), 'base64') : v,
      ]),
    ),
  );

function likePrefix(url: string): string {
  return `${url.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`;
}

/** The rows of an item and everything below and beside it (files, folders, history, attachments, permissions). */
function capture(ctx: SpContext, list: ListRow, item: ItemRow): Payload {
  const db = ctx.db;
  const ids =
    item.fs_type === 1 && item.file_ref
      ? [
          item.id,
          ...(db
            .prepare(`SELECT id FROM sp_items WHERE list_pk = ? AND file_ref LIKE ? ESCAPE '\\'`)
            .pluck()
            .all(list.pk, likePrefix(item.file_ref)) as number[]),
        ]
      : [item.id];
  const marks = ids.map(() => '?').join(',');
  const sel = (table: string, idCol = 'item_id', extra = ''): Row[] =>
    pack(
      db.prepare(`SELECT * FROM ${table} WHERE list_pk = ? AND ${idCol} IN (${marks})${extra}`).all(list.pk, ...ids) as Row[],
    );
  return {
    sp_items: sel('sp_items', 'id'),
    sp_files: sel('sp_files'),
    sp_folders: sel('sp_folders'),
    sp_versions: sel('sp_versions'),
    sp_attachments: sel('sp_attachments'),
    sp_published: sel('sp_published'),
    sp_checkouts: sel('sp_checkouts'),
    sp_role_assignments: sel('sp_role_assignments', 'item_id', ` AND scope_type = 'item'`),
  };
}

function insertRows(ctx: SpContext, table: string, rows: Row[]): void {
  for (const r of unpack(rows)) {
    const cols = Object.keys(r);
    ctx.db
      .prepare(`INSERT INTO ${table} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
      .run(...cols.map((c) => r[c]));
  }
}

function addEntry(
  ctx: SpContext,
  e: Omit<BinRow, 'id' | 'item_state' | 'deleted_by' | 'deleted_date' | 'payload'>,
  payload: Payload,
): string {
  const id = newGuid();
  ctx.db
    .prepare(
      `INSERT INTO sp_recycle_bin (id, item_type, item_state, list_pk, item_id, leaf_name, dir_name, title, author_id, deleted_by, deleted_date, size, payload)
       VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      e.item_type,
      e.list_pk,
      e.item_id,
      e.leaf_name,
      e.dir_name,
      e.title,
      e.author_id,
      ctx.user.id,
      isoNow(ctx),
      e.size,
      JSON.stringify(payload),
    );
  return id;
}

const dirOf = (url: string): string => url.slice(0, url.lastIndexOf('/'));

/**
 * Moves an item (list item, file or folder with its subtree) to the recycle bin and removes it from the list; returns
 * the recycle bin item id. The caller has checked DeleteListItems.
 */
export function recycleItem(ctx: SpContext, list: ListRow, item: ItemRow, remove: () => void): string {
  const payload = capture(ctx, list, item);
  const data = JSON.parse(item.data) as Record<string, unknown>;
  const size =
    (ctx.db
      .prepare(`SELECT sum(length(content)) FROM sp_files WHERE list_pk = ? AND item_id IN (${(payload.sp_items as Row[]).map((r) => Number(r.id)).join(',') || '0'})`)
      .pluck()
      .get(list.pk) as number | null) ?? 0;
  const lib = isLibrary(list);
  const fileRef = item.file_ref ?? `${SITE_PATH}/${list.url_name}/${item.id}_.000`;
  const id = addEntry(
    ctx,
    {
      item_type: item.fs_type === 1 ? RecycleType.Folder : lib ? RecycleType.File : RecycleType.ListItem,
      list_pk: list.pk,
      item_id: item.id,
      leaf_name: lib ? fileRef.slice(fileRef.lastIndexOf('/') + 1) : `${item.id}_.000`,
      dir_name: (lib ? dirOf(fileRef) : `${SITE_PATH}/${list.url_name}`).replace(/^\//, ''),
      title: String(data.Title ?? data.FileLeafRef ?? fileRef.slice(fileRef.lastIndexOf('/') + 1)),
      author_id: item.author_id,
      size,
    },
    payload,
  );
  remove();
  return id;
}

/** Moves one version of a file or item to the recycle bin (recycleByID / recycleByLabel). */
export function recycleVersion(ctx: SpContext, list: ListRow, item: ItemRow, version: Row, label: string): string {
  const id = addEntry(
    ctx,
    {
      item_type: RecycleType.FileVersion,
      list_pk: list.pk,
      item_id: item.id,
      leaf_name: (item.file_ref ?? '').slice((item.file_ref ?? '').lastIndexOf('/') + 1),
      dir_name: dirOf(item.file_ref ?? '').replace(/^\//, ''),
      title: `${(item.file_ref ?? '').slice((item.file_ref ?? '').lastIndexOf('/') + 1)} (${label})`,
      author_id: Number(version.editor_id),
      size: Number(version.file_size ?? 0),
    },
    { sp_versions: pack([version]) },
  );
  ctx.db
    .prepare(`DELETE FROM sp_versions WHERE list_pk = ? AND item_id = ? AND version_id = ?`)
    .run(list.pk, item.id, version.version_id);
  return id;
}

/** Moves an attachment to the recycle bin. */
export function recycleAttachment(ctx: SpContext, list: ListRow, item: ItemRow, att: Row): string {
  const id = addEntry(
    ctx,
    {
      item_type: RecycleType.Attachment,
      list_pk: list.pk,
      item_id: item.id,
      leaf_name: String(att.name),
      dir_name: `${SITE_PATH}/${list.url_name}/Attachments/${item.id}`.replace(/^\//, ''),
      title: String(att.name),
      author_id: Number(att.author_id),
      size: Buffer.isBuffer(att.content) ? att.content.length : 0,
    },
    { sp_attachments: pack([att]) },
  );
  ctx.db
    .prepare(`DELETE FROM sp_attachments WHERE list_pk = ? AND item_id = ? AND name = ?`)
    .run(list.pk, item.id, att.name);
  return id;
}

/** True when the caller manages every recycle bin entry: site collection admin, or the switch's web permission. */
function managesBin(ctx: SpContext): boolean {
  if (ctx.isAdmin) return true;
  const kind = switchesOf(ctx).recycleBinManagerPermission;
  return !!kind && allowed(ctx, WEB_SCOPE, PermissionKind[kind]);
}

/** The entries the caller sees: their own deletions (first stage), or all of them for managers. */
function visibleEntries(ctx: SpContext, stages: number[]): BinRow[] {
  const rows = ctx.db
    .prepare(
      `SELECT * FROM sp_recycle_bin WHERE item_state IN (${stages.join(',')}) ORDER BY deleted_date DESC, rowid DESC`,
    )
    .all() as BinRow[];
  if (managesBin(ctx)) return rows;
  return rows.filter((r) => r.item_state === 1 && r.deleted_by === ctx.user.id);
}

const missing = (): SpError =>
  notFound(
    '-2147024809, System.ArgumentException',
    'Item does not exist. It may have been restored or deleted by another user.',
  );

function entry(ctx: SpContext, id: string, stages: number[]): BinRow {
  const r = visibleEntries(ctx, stages).find((x) => x.id.toLowerCase() === id.replace(/[{}]/g, '').toLowerCase());
  if (!r) throw missing();
  return r;
}

function principal(ctx: SpContext, id: number | null): { Title: string; Email: string } {
  const p = id
    ? (ctx.db.prepare(`SELECT title, email FROM sp_principals WHERE id = ?`).get(id) as
        | { title: string; email: string }
        | undefined)
    : undefined;
  return { Title: p?.title ?? '', Email: p?.email ?? '' };
}

/** SP.RecycleBinItem JSON. */
function binJson(ctx: SpContext, r: BinRow, scope: 'web' | 'site'): Record<string, unknown> {
  const author = principal(ctx, r.author_id);
  const by = principal(ctx, r.deleted_by);
  const path = `${scope === 'web' ? 'Web' : 'Site'}/RecycleBin('${r.id}')`;
  return {
    'odata.type': 'SP.RecycleBinItem',
    'odata.id': `${ctx.webUrl}/_api/${path}`,
    'odata.editLink': path,
    AuthorEmail: author.Email,
    AuthorName: author.Title,
    DeletedByEmail: by.Email,
    DeletedByName: by.Title,
    DeletedDate: r.deleted_date,
    DeletedDateLocalFormatted: r.deleted_date,
    DirName: r.dir_name,
    DirNamePath: { DecodedUrl: r.dir_name },
    Id: r.id,
    ItemState: r.item_state,
    ItemType: r.item_type,
    LeafName: r.leaf_name,
    LeafNamePath: { DecodedUrl: r.leaf_name },
    Size: String(r.size),
    Title: r.title,
  };
}

/** Puts a recycle bin entry back where it was, with its ids, history and permissions. */
function restore(ctx: SpContext, r: BinRow, ensureFolder: (list: ListRow, url: string) => void): void {
  const payload = JSON.parse(r.payload) as Payload;
  const list = r.list_pk === null ? undefined : (ctx.db.prepare(`SELECT * FROM sp_lists WHERE pk = ?`).get(r.list_pk) as ListRow | undefined);
  if (!list)
    throw new SpError(
      400,
      '-2146232832, Microsoft.SharePoint.SPException',
      `The list that contained '${r.leaf_name}' no longer exists; restore the list first.`,
    );
  const alive = ctx.db.prepare(`SELECT 1 FROM sp_items WHERE list_pk = ? AND id = ?`).get(list.pk, r.item_id);
  if (r.item_type === RecycleType.FileVersion || r.item_type === RecycleType.Attachment) {
    if (!alive)
      throw new SpError(
        400,
        '-2146232832, Microsoft.SharePoint.SPException',
        `The item '${r.title}' no longer exists; restore it first.`,
      );
    if (r.item_type === RecycleType.Attachment) {
      const name = String((payload.sp_attachments[0] ?? {}).name ?? '');
      if (ctx.db.prepare(`SELECT 1 FROM sp_attachments WHERE list_pk = ? AND item_id = ? AND name = ?`).get(list.pk, r.item_id, name))
        throw new SpError(400, '-2130575257, Microsoft.SharePoint.SPException', `A file with the name ${name} already exists.`);
      insertRows(ctx, 'sp_attachments', payload.sp_attachments);
      ctx.db.prepare(`UPDATE sp_items SET attachments = 1 WHERE list_pk = ? AND id = ?`).run(list.pk, r.item_id);
    } else insertRows(ctx, 'sp_versions', payload.sp_versions);
  } else {
    if (alive) throw missing();
    const items = payload.sp_items ?? [];
    for (const f of [...(payload.sp_files ?? []), ...(payload.sp_folders ?? [])]) {
      const url = String(f.server_relative_url);
      if (
        ctx.db.prepare(`SELECT 1 FROM sp_files WHERE server_relative_url = ?`).get(url) ||
        ctx.db.prepare(`SELECT 1 FROM sp_folders WHERE server_relative_url = ?`).get(url)
      )
        throw new SpError(
          400,
          '-2130575257, Microsoft.SharePoint.SPException',
          `The restore failed: a file or folder with the name ${url} already exists.`,
        );
    }
    const top = items.find((i) => Number(i.id) === r.item_id);
    const ref = top && typeof top.file_ref === 'string' ? top.file_ref : null;
    // Restoring a file whose folder was deleted meanwhile recreates the folder (as SharePoint does).
    if (ref && isLibrary(list)) ensureFolder(list, dirOf(ref));
    insertRows(ctx, 'sp_items', items);
    insertRows(ctx, 'sp_folders', payload.sp_folders ?? []);
    insertRows(ctx, 'sp_files', payload.sp_files ?? []);
    insertRows(ctx, 'sp_versions', payload.sp_versions ?? []);
    insertRows(ctx, 'sp_attachments', payload.sp_attachments ?? []);
    insertRows(ctx, 'sp_published', payload.sp_published ?? []);
    insertRows(ctx, 'sp_checkouts', payload.sp_checkouts ?? []);
    insertRows(ctx, 'sp_role_assignments', payload.sp_role_assignments ?? []);
  }
  ctx.db.prepare(`DELETE FROM sp_recycle_bin WHERE id = ?`).run(r.id);
  ctx.db.prepare(`UPDATE sp_lists SET modified = ? WHERE pk = ?`).run(isoNow(ctx), list.pk);
}

/**
 * `web/recyclebin…` and `site/recyclebin…` (first stage on the web; both stages on the site collection): GET the
 * collection or one entry (`recyclebin('id')`, `recyclebin/getbyid('id')`), `restore`, `deleteObject`,
 * `moveToSecondStage`, DELETE, and the collection's `deleteAll`, `restoreAll`, `moveAllToSecondStage`,
 * `deleteAllSecondStageItems`.
 */
export function recycleBinRoute(
  ctx: SpContext,
  binSeg: Segment,
  rest: Segment[],
  call: SpCall,
  scope: 'web' | 'site',
  ensureFolder: (list: ListRow, url: string) => void,
): EmulatorResponse | null {
  const stages = scope === 'web' ? [1] : [1, 2];
  const m = call.method;
  const all = (): BinRow[] => visibleEntries(ctx, stages);
  let id: string | null = binSeg.call ? argString(binSeg) : null;
  let ops = rest;
  if (id === null && ops[0]?.name === 'getbyid') {
    id = argString(ops[0]);
    ops = ops.slice(1);
  }
  if (id === null) {
    if (ops.length === 0) {
      if (m !== 'GET') return null;
      return collection(
        ctx,
        shapeObjects(
          all().map((r) => binJson(ctx, r, scope)),
          call.query,
        ),
        { select: call.query.get('$select') },
      );
    }
    if (m !== 'POST' || ops.length > 1) return null;
    switch (ops[0].name) {
      case 'deleteall':
        for (const r of all().filter((x) => x.item_state === 1))
          ctx.db.prepare(`DELETE FROM sp_recycle_bin WHERE id = ?`).run(r.id);
        return emptyOk();
      case 'restoreall':
        for (const r of all()) restore(ctx, r, ensureFolder);
        return emptyOk();
      case 'movealltosecondstage':
        for (const r of all().filter((x) => x.item_state === 1))
          ctx.db.prepare(`UPDATE sp_recycle_bin SET item_state = 2 WHERE id = ?`).run(r.id);
        return emptyOk();
      case 'deleteallsecondstageitems':
        for (const r of all().filter((x) => x.item_state === 2))
          ctx.db.prepare(`DELETE FROM sp_recycle_bin WHERE id = ?`).run(r.id);
        return emptyOk();
      default:
        return null;
    }
  }
  const r = entry(ctx, id, stages);
  if (ops.length === 0) {
    if (m === 'GET') return entity(ctx, binJson(ctx, r, scope), { select: call.query.get('$select') });
    if (m === 'DELETE') {
      ctx.db.prepare(`DELETE FROM sp_recycle_bin WHERE id = ?`).run(r.id);
      return emptyOk();
    }
    return null;
  }
  if (m !== 'POST' || ops.length > 1) return null;
  switch (ops[0].name) {
    case 'restore':
      restore(ctx, r, ensureFolder);
      return emptyOk();
    case 'deleteobject':
      ctx.db.prepare(`DELETE FROM sp_recycle_bin WHERE id = ?`).run(r.id);
      return emptyOk();
    case 'movetosecondstage':
      if (r.item_state !== 1) throw badValue(`The recycle bin item '${r.id}' is already in the second stage.`);
      ctx.db.prepare(`UPDATE sp_recycle_bin SET item_state = 2 WHERE id = ?`).run(r.id);
      return emptyOk();
    default:
      return null;
  }
}
