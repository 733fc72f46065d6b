import type { Database } from 'better-sqlite3';
import { SpError } from './errors';
import { type SpContext, parseProps } from './context';
import { PermissionKind } from './roles';
import { allowed, itemScope, listScope, trimmingSql } from './security';
import { type ItemRow, type ListRow, isLibrary, itemById, listByPk } from './store';
import type { FileRow } from './files';

/*
 * Major/minor versions and Draft Item Security, as SharePoint Online keeps them for a document library with
 * EnableMinorVersions: a new file is draft 0.1, every write adds a minor version, `publish` makes the next major
 * version, and DraftVersionVisibility decides who sees a draft; everyone else sees the last published major version
 * (its fields and bytes) or, when there never was one, nothing at all.
 *
 * The published version is kept in sp_published from the moment a draft starts on top of it (copy on write), so rows
 * that are plainly published carry no second copy and queries over them stay on the indexed fast path.
 */

/** A version state: `major.minor`; minor above 0 is a draft. */
export interface VersionState {
  major: number;
  minor: number;
}

/** The published version kept while a draft is being worked on. */
export interface PublishedRow {
  list_pk: number;
  item_id: number;
  major: number;
  version: number;
  modified: string;
  editor_id: number;
  content_type_id: string;
  data: string;
  file_content: Buffer | null;
  file_version: number | null;
  file_modified: string | null;
  file_editor_id: number | null;
}

/** True when the list keeps minor versions (a versioned document library with EnableMinorVersions). */
export function minorVersionsOn(list: ListRow): boolean {
  const p = parseProps(list.props);
  return isLibrary(list) && p.EnableMinorVersions === true && p.EnableVersioning !== false;
}

/** DraftVersionVisibility of a list: 0 Reader (any reader), 1 Author (editors), 2 Approver (author, approvers). */
export function draftVisibility(list: ListRow): 0 | 1 | 2 {
  const v = parseProps(list.props).DraftVersionVisibility;
  return v === 1 || v === 2 ? v : 0;
}

/** `_UIVersionString` / `UIVersionLabel`, e.g. `0.1`, `1.0`, `1.2`. */
export const versionLabel = (v: VersionState): string => `${v.major}.${v.minor}`;
/** `_UIVersion` / `UIVersion`: SharePoint's major * 512 + minor. */
export const uiVersion = (v: VersionState): number => v.major * 512 + v.minor;
/** `_Level` / `Level`: 1 published, 2 draft. */
export const versionLevel = (v: VersionState): number => (v.minor > 0 ? 2 : 1);

/** Version a new item starts at: draft 0.1 for a file in a library with minor versions (never a folder), else 1.0. */
export function initialVersion(list: ListRow, folder: boolean): VersionState {
  return !folder && minorVersionsOn(list) ? { major: 0, minor: 1 } : { major: 1, minor: 0 };
}

/** The published version kept for an item, if a draft is being worked on over it. */
export function publishedOf(db: Database, listPk: number, itemId: number): PublishedRow | undefined {
  return db.prepare(`SELECT * FROM sp_published WHERE list_pk = ? AND item_id = ?`).get(listPk, itemId) as
    | PublishedRow
    | undefined;
}

/** Copies an item's current (published) state and its file's bytes aside before a draft is written over them. */
function keepPublished(db: Database, listPk: number, itemId: number): void {
  db.prepare(
    `INSERT OR REPLACE INTO sp_published (list_pk, item_id, major, version, modified, editor_id, content_type_id, data,
       file_content, file_version, file_modified, file_editor_id)
     SELECT i.list_pk, i.id, i.major, i.version, i.modified, i.editor_id, i.content_type_id, i.data,
       f.content, f.version, f.modified, f.editor_id
     FROM sp_items i LEFT JOIN sp_files f ON f.list_pk = i.list_pk AND f.item_id = i.id
     WHERE i.list_pk = ? AND i.id = ?`,
  ).run(listPk, itemId);
}

/**
 * Version an item gets from a write of fields or content (called before the write): with minor versions a draft gets
 * minor + 1 and a published version N.0 becomes draft N.1 (the published one is kept aside for readers); without, every
 * write is the next major version.
 */
export function versionForWrite(db: Database, list: ListRow, current: ItemRow): VersionState {
  if (current.fs_type !== 1 && minorVersionsOn(list)) {
    if (current.minor === 0) {
      if (current.major > 0) keepPublished(db, list.pk, current.id);
      return { major: current.major, minor: 1 };
    }
    return { major: current.major, minor: current.minor + 1 };
  }
  db.prepare(`DELETE FROM sp_published WHERE list_pk = ? AND item_id = ?`).run(list.pk, current.id);
  return { major: current.major + 1, minor: 0 };
}

/** Sets an item's version state (where a write bypasses versionForWrite: a copy keeping its source's state). */
export function setVersion(db: Database, listPk: number, itemId: number, v: VersionState): void {
  db.prepare(`UPDATE sp_items SET major = ?, minor = ? WHERE list_pk = ? AND id = ?`).run(
    v.major,
    v.minor,
    listPk,
    itemId,
  );
}

/** Copies the kept published version of one item onto another (a copied file keeps its source's state). */
export function copyPublished(db: Database, listPk: number, fromId: number, toId: number): void {
  db.prepare(
    `INSERT OR REPLACE INTO sp_published (list_pk, item_id, major, version, modified, editor_id, content_type_id, data,
       file_content, file_version, file_modified, file_editor_id)
     SELECT list_pk, ?, major, version, modified, editor_id, content_type_id, data, file_content, file_version,
       file_modified, file_editor_id FROM sp_published WHERE list_pk = ? AND item_id = ?`,
  ).run(toId, listPk, fromId);
}

/**
 * True when the caller sees the current version of an item: it is published, the list lets every reader see drafts
 * (DraftVersionVisibility 0), or the caller may edit the item (1) or is its author or an approver (2). The site
 * collection admin sees everything; Full Control includes edit and approve rights.
 */
export function seesCurrent(ctx: SpContext, list: ListRow, item: ItemRow): boolean {
  if (item.minor === 0 || ctx.isAdmin) return true;
  const vis = draftVisibility(list);
  if (vis === 0) return true;
  const scope = itemScope(ctx.db, list.pk, item.id);
  if (vis === 1) return allowed(ctx, scope, PermissionKind.EditListItems);
  return item.author_id === ctx.user.id || allowed(ctx, scope, PermissionKind.ApproveItems);
}

/**
 * The version of an item the caller sees: the current row, the last published version (marked `snapshot: 1`), or
 * undefined when the item is a never-published draft the caller may not see (it does not exist for them).
 */
export function itemView(ctx: SpContext, list: ListRow, item: ItemRow): ItemRow | undefined {
  if (seesCurrent(ctx, list, item)) return item;
  if (item.major === 0) return undefined;
  const p = publishedOf(ctx.db, list.pk, item.id);
  if (!p) return undefined;
  return {
    ...item,
    version: p.version,
    modified: p.modified,
    editor_id: p.editor_id,
    content_type_id: p.content_type_id,
    data: p.data,
    major: p.major,
    minor: 0,
    snapshot: 1,
  };
}

/** A file as its item's version: the current file with its version state, or the published bytes for a snapshot. */
export function fileAsItem(db: Database, f: FileRow, item: ItemRow): FileRow {
  if (!item.snapshot) return { ...f, major: item.major, minor: item.minor };
  const p = publishedOf(db, item.list_pk, item.id);
  return {
    ...f,
    content: p?.file_content ?? f.content,
    version: p?.file_version ?? f.version,
    modified: p?.file_modified ?? f.modified,
    editor_id: p?.file_editor_id ?? f.editor_id,
    major: item.major,
    minor: 0,
    snapshot: 1,
  };
}

/** The version of a file the caller sees (see itemView); undefined when it does not exist for them. */
export function fileView(ctx: SpContext, f: FileRow): FileRow | undefined {
  const item = itemById(ctx.db, f.list_pk, f.item_id);
  if (!item) return f;
  const v = itemView(ctx, listByPk(ctx.db, f.list_pk), item);
  return v ? fileAsItem(ctx.db, f, v) : undefined;
}

/** Draft Item Security for an items query: which rows show their current version, and whether snapshots can show. */
export interface DraftTrim {
  /** SQL over alias `i`: true when the caller sees the current version of a draft row. */
  seeSql: string;
  seeParams: unknown[];
  /** True when some draft of the list has a published version readers see instead (the query must union them). */
  snapshots: boolean;
}

/**
 * The Draft Item Security part of an items query for the caller, or null when nothing needs hiding: the list lets
 * readers see drafts, the caller is the site admin, or the list has no draft at all (the common case, answered from a
 * partial index so large lists keep their fast path).
 */
export function draftTrimming(ctx: SpContext, list: ListRow): DraftTrim | null {
  const vis = draftVisibility(list);
  if (vis === 0 || ctx.isAdmin) return null;
  const drafts = ctx.db
    .prepare(`SELECT max(major) FROM sp_items WHERE list_pk = ? AND minor > 0`)
    .pluck()
    .get(list.pk) as number | null;
  if (drafts === null) return null;
  const kind = vis === 1 ? PermissionKind.EditListItems : PermissionKind.ApproveItems;
  const t = trimmingSql(ctx, list.pk, allowed(ctx, listScope(ctx.db, list.pk), kind), kind);
  if (vis === 1) return { seeSql: t.sql, seeParams: t.params, snapshots: drafts > 0 };
  return { seeSql: `(i.author_id = ? OR ${t.sql})`, seeParams: [ctx.user.id, ...t.params], snapshots: drafts > 0 };
}

/** Columns of sp_items in order, for queries that union current rows with published snapshots. */
export const ITEM_COLUMNS = [
  'list_pk',
  'id',
  'guid',
  'version',
  'created',
  'modified',
  'author_id',
  'editor_id',
  'fs_type',
  'file_ref',
  'content_type_id',
  'unique_perms',
  'data',
  'major',
  'minor',
];

/** Rows shaped like sp_items holding the published version of every draft that has one (one `?`: the list). */
export const SNAPSHOT_SOURCE = `SELECT x.list_pk, x.id, x.guid, p.version, x.created, p.modified, x.author_id,
  p.editor_id, x.fs_type, x.file_ref, p.content_type_id, x.unique_perms, p.data, p.major, 0 AS minor
  FROM sp_items x JOIN sp_published p ON p.list_pk = x.list_pk AND p.item_id = x.id
  WHERE x.list_pk = ? AND x.minor > 0 AND x.major > 0`;

/** SharePoint's refusal to publish where there is nothing to publish (no minor versions, or already a major). */
export const cannotPublish = (): SpError =>
  new SpError(
    400,
    '-2146232832, Microsoft.SharePoint.SPException',
    'You can only publish, unpublish documents in a minor version enabled list. ' +
      'You cannot perform this action on a checked out document. ' +
      'You can only Unpublish a major version or approved document. Or Cancel publish for a pending document.',
  );

/**
 * Publishes the current draft of an item as the next major version: N.m becomes (N+1).0 and readers see it. Fields,
 * bytes, Modified and Editor stay as the draft had them (publishing is a state change, not an edit); the etag changes.
 */
export function publishItem(db: Database, list: ListRow, current: ItemRow): void {
  if (!minorVersionsOn(list) || current.minor === 0) throw cannotPublish();
  db.prepare(
    `UPDATE sp_items SET major = major + 1, minor = 0, version = version + 1 WHERE list_pk = ? AND id = ?`,
  ).run(list.pk, current.id);
  db.prepare(`UPDATE sp_files SET version = version + 1 WHERE list_pk = ? AND item_id = ?`).run(list.pk, current.id);
  db.prepare(`DELETE FROM sp_published WHERE list_pk = ? AND item_id = ?`).run(list.pk, current.id);
}
