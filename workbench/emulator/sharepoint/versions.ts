import type { Database } from 'better-sqlite3';
import { SpError } from './errors';
import { type SpContext, parseProps } from './context';
import { PermissionKind } from './roles';
import { allowed, itemScope, listScope, trimmingSql } from './security';
import { switchesOf } from './switches';
import { type FileRow, type ItemRow, type ListRow, isLibrary, itemById, listByPk } from './store';

/*
 * Major/minor versions, content approval and Draft Item Security, as SharePoint Online keeps them: a new file in a
 * library with EnableMinorVersions is draft 0.1, every write adds a minor version, `publish` makes the next major
 * version (or, with content approval, submits it: Pending until approved). A version is public when it is a major
 * version and, with content approval, Approved; everything else ("drafts are minor versions or items that have not
 * been approved") is seen only by whom DraftVersionVisibility allows. Everyone else sees the last public version (its
 * fields and bytes) or, when there never was one, nothing at all.
 *
 * The public version is kept in sp_published from the moment a non-public version is written over it (copy on write),
 * so rows that are plainly public carry no second copy and queries over them stay on the indexed fast path.
 *
 * The version history (sp_versions) has one row per version with the fields and, for files, the bytes (NULL while they
 * are the file's current bytes; frozen into the row before the bytes are overwritten).
 *
 * A file checked out to someone is seen by everyone else as it was checked in (sp_checkouts keeps that state); edits
 * under a check-out are in progress and make no version until check-in.
 */

/** A version state: `major.minor`; minor above 0 is a draft. */
export interface VersionState {
  major: number;
  minor: number;
}

/** A version state with its approval status (0 Approved, 1 Denied, 2 Pending, 3 Draft, 4 Scheduled). */
export interface WriteState extends VersionState {
  modStatus: number;
  /** The item is checked out to the writer: the write is in progress and makes no version. */
  inProgress?: boolean;
}

/** SP ModerationStatusType values. */
export const ModerationStatus = { Approved: 0, Denied: 1, Pending: 2, Draft: 3, Scheduled: 4 } as const;

/** The published version kept while a non-public version is worked on over it. */
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

/** True when the list requires content approval (EnableModeration). */
export function moderationOn(list: ListRow): boolean {
  return parseProps(list.props).EnableModeration === true;
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
/** Parses a version label (`1.2`) into its state, or null. */
export function parseLabel(label: string): VersionState | null {
  const m = /^(\d+)\.(\d+)$/.exec(label.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : null;
}

/** A version readers see: a major version that, with content approval, is Approved. */
export function isPublic(row: { minor: number; mod_status?: number }): boolean {
  return row.minor === 0 && (row.mod_status ?? 0) === 0;
}

/** True when the caller's submissions are approved at once (switch moderationAutoApprove; off by default). */
export function autoApproves(ctx: SpContext, list: ListRow): boolean {
  const kind = switchesOf(ctx).moderationAutoApprove;
  return !!kind && allowed(ctx, listScope(ctx.db, list.pk), PermissionKind[kind]);
}

/**
 * Version and status a new item starts at: draft 0.1 for a file in a library with minor versions (Draft with content
 * approval), else 1.0 (Pending with content approval). Folders are always 1.0, approved.
 */
export function initialState(ctx: SpContext, list: ListRow, folder: boolean): WriteState {
  if (folder) return { major: 1, minor: 0, modStatus: 0 };
  const mod = moderationOn(list);
  if (minorVersionsOn(list)) return { major: 0, minor: 1, modStatus: mod ? ModerationStatus.Draft : 0 };
  return { major: 1, minor: 0, modStatus: mod && !autoApproves(ctx, list) ? ModerationStatus.Pending : 0 };
}

/** The published version kept for an item, if a non-public version is being worked on over it. */
export function publishedOf(db: Database, listPk: number, itemId: number): PublishedRow | undefined {
  return db.prepare(`SELECT * FROM sp_published WHERE list_pk = ? AND item_id = ?`).get(listPk, itemId) as
    | PublishedRow
    | undefined;
}

/** Copies an item's current (public) state and its file's bytes aside before a non-public version is written over them. */
export function keepPublished(db: Database, listPk: number, itemId: number): void {
  db.prepare(
    `INSERT OR REPLACE INTO sp_published (list_pk, item_id, major, version, modified, editor_id, content_type_id, data,
       file_content, file_version, file_modified, file_editor_id)
     SELECT i.list_pk, i.id, i.major, i.version, i.modified, i.editor_id, i.content_type_id, i.data,
       f.content, f.version, f.modified, f.editor_id
     FROM sp_items i LEFT JOIN sp_files f ON f.list_pk = i.list_pk AND f.item_id = i.id
     WHERE i.list_pk = ? AND i.id = ?`,
  ).run(listPk, itemId);
}

/** Keeps a given public state (a checked-in copy, a version from the history) as what readers see. */
export function keepPublishedState(
  db: Database,
  row: ItemRow,
  file: { content: Buffer | null; version: number | null; modified: string | null; editor_id: number | null } | null,
): void {
  db.prepare(
    `INSERT OR REPLACE INTO sp_published (list_pk, item_id, major, version, modified, editor_id, content_type_id, data,
       file_content, file_version, file_modified, file_editor_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.list_pk,
    row.id,
    row.major,
    row.version,
    row.modified,
    row.editor_id,
    row.content_type_id,
    row.data,
    file?.content ?? null,
    file?.version ?? null,
    file?.modified ?? null,
    file?.editor_id ?? null,
  );
}

/** Forgets the kept public version (the current version is public now). */
export function dropPublished(db: Database, listPk: number, itemId: number): void {
  db.prepare(`DELETE FROM sp_published WHERE list_pk = ? AND item_id = ?`).run(listPk, itemId);
}

/**
 * Version and status an item gets from a write of fields or content (called before the write):
 * - checked out to the writer: unchanged (the write is in progress until check-in);
 * - with minor versions a draft gets minor + 1 and a public N.0 becomes draft N.1 (Draft with content approval);
 * - without, every write is the next major version, Pending with content approval (the last approved version is kept
 *   aside for readers) unless switch moderationAutoApprove approves the writer's submissions.
 */
export function versionForWrite(ctx: SpContext, list: ListRow, current: ItemRow): WriteState {
  const db = ctx.db;
  if (current.checkout_user_id !== null && current.checkout_user_id !== undefined)
    return { major: current.major, minor: current.minor, modStatus: current.mod_status ?? 0, inProgress: true };
  ensureHistory(db, current);
  const mod = moderationOn(list) && current.fs_type !== 1;
  if (current.fs_type !== 1 && minorVersionsOn(list)) {
    if (isPublic(current)) {
      if (current.major > 0) keepPublished(db, list.pk, current.id);
      return { major: current.major, minor: 1, modStatus: mod ? ModerationStatus.Draft : 0 };
    }
    return { major: current.major, minor: current.minor + 1, modStatus: mod ? ModerationStatus.Draft : 0 };
  }
  if (mod && !autoApproves(ctx, list)) {
    if (isPublic(current)) keepPublished(db, list.pk, current.id);
    return { major: current.major + 1, minor: 0, modStatus: ModerationStatus.Pending };
  }
  dropPublished(db, list.pk, current.id);
  return { major: current.major + 1, minor: 0, modStatus: 0 };
}

/**
 * Version and status for a write that overwrites the current version (UpdateOverwriteVersion: `validateUpdateListItem`
 * with `bNewDocumentUpdate: true`, https://robertschouten.com/2018/04/30/update-file-metadata-with-rest-api-using-validateupdatelistitem-method/):
 * - without minor versions the current version keeps its number and is rewritten (ms440309(v=office.14): "updates the
 *   current list item without creating another version of the item");
 * - in a library with minor versions a draft keeps its number, and a published N.0 becomes draft N.1 (ms440309(v=office.15):
 *   "updates the current list item by creating a new minor version when major/minor versions are enabled");
 * - content approval applies as to any edit (an approved version becomes Pending, readers keep the approved one): an
 *   overwrite does not let an edit reach readers unapproved. UNCONFIRMED (no source on approval status).
 */
export function versionForOverwrite(ctx: SpContext, list: ListRow, current: ItemRow): WriteState {
  if (current.checkout_user_id !== null && current.checkout_user_id !== undefined)
    return versionForWrite(ctx, list, current);
  ensureHistory(ctx.db, current);
  const mod = moderationOn(list) && current.fs_type !== 1;
  if (current.fs_type !== 1 && minorVersionsOn(list)) {
    if (isPublic(current)) return versionForWrite(ctx, list, current);
    return { major: current.major, minor: current.minor, modStatus: mod ? ModerationStatus.Draft : 0 };
  }
  if (mod && !autoApproves(ctx, list)) {
    if (isPublic(current)) keepPublished(ctx.db, list.pk, current.id);
    return { major: current.major, minor: 0, modStatus: ModerationStatus.Pending };
  }
  dropPublished(ctx.db, list.pk, current.id);
  return { major: current.major, minor: 0, modStatus: 0 };
}

/** Sets an item's version state (where a write bypasses versionForWrite: a copy keeping its source's state). */
export function setVersion(db: Database, listPk: number, itemId: number, v: VersionState & { modStatus?: number }): void {
  db.prepare(`UPDATE sp_items SET major = ?, minor = ?, mod_status = ? WHERE list_pk = ? AND id = ?`).run(
    v.major,
    v.minor,
    v.modStatus ?? 0,
    listPk,
    itemId,
  );
}

/** Copies the kept published version of one item onto another (a copied file keeps its source's state). */
export function copyPublished(db: Database, listPk: number, fromId: number, toId: number, toListPk = listPk): void {
  db.prepare(
    `INSERT OR REPLACE INTO sp_published (list_pk, item_id, major, version, modified, editor_id, content_type_id, data,
       file_content, file_version, file_modified, file_editor_id)
     SELECT ?, ?, major, version, modified, editor_id, content_type_id, data, file_content, file_version,
       file_modified, file_editor_id FROM sp_published WHERE list_pk = ? AND item_id = ?`,
  ).run(toListPk, toId, listPk, fromId);
}

/**
 * True when the caller sees the non-public versions of an item (drafts, pending, denied): the list lets every reader
 * see them (DraftVersionVisibility 0), or the caller may edit the item (1) or is its author or an approver (2). The site
 * collection admin sees everything; Full Control includes edit and approve rights.
 */
export function seesDrafts(ctx: SpContext, list: ListRow, item: ItemRow): boolean {
  if (ctx.isAdmin) return true;
  const vis = draftVisibility(list);
  if (vis === 0) return true;
  const scope = itemScope(ctx.db, list.pk, item.id);
  if (vis === 1) return allowed(ctx, scope, PermissionKind.EditListItems);
  return item.author_id === ctx.user.id || allowed(ctx, scope, PermissionKind.ApproveItems);
}

/** True when the caller sees the current version of an item: it is public, or the caller sees drafts. */
export function seesCurrent(ctx: SpContext, list: ListRow, item: ItemRow): boolean {
  return isPublic(item) || seesDrafts(ctx, list, item);
}

/** A check-out: who has the file, and the state it was checked out from (null: it was never checked in). */
export interface CheckoutRow {
  list_pk: number;
  item_id: number;
  user_id: number;
  checked_out: string;
  item_row: string | null;
  file_content: Buffer | null;
  file_version: number | null;
  file_modified: string | null;
  file_editor_id: number | null;
}

/** The check-out of an item, if any. */
export function checkoutOf(db: Database, listPk: number, itemId: number): CheckoutRow | undefined {
  return db.prepare(`SELECT * FROM sp_checkouts WHERE list_pk = ? AND item_id = ?`).get(listPk, itemId) as
    | CheckoutRow
    | undefined;
}

/** The item as it was checked in (what everyone but the person who checked it out sees), or undefined if never checked in. */
export function checkedInRow(db: Database, item: ItemRow): ItemRow | undefined {
  const co = checkoutOf(db, item.list_pk, item.id);
  if (!co?.item_row) return undefined;
  return { ...(JSON.parse(co.item_row) as ItemRow), checkout_user_id: item.checkout_user_id, snapshot: 2 };
}

/**
 * The version of an item the caller sees: the current row; for a file checked out to someone else, the state it was
 * checked in as (marked `snapshot: 2`; nothing if it never was); and for a non-public version the caller may not see,
 * the last public version (marked `snapshot: 1`) or undefined when there is none (it does not exist for them).
 */
export function itemView(ctx: SpContext, list: ListRow, item: ItemRow): ItemRow | undefined {
  let base = item;
  if (item.checkout_user_id !== null && item.checkout_user_id !== undefined && item.checkout_user_id !== ctx.user.id) {
    const checkedIn = checkedInRow(ctx.db, item);
    if (!checkedIn) return undefined;
    base = checkedIn;
  }
  if (seesCurrent(ctx, list, base)) return base;
  const p = publishedOf(ctx.db, list.pk, item.id);
  if (!p) return undefined;
  return {
    ...base,
    version: p.version,
    modified: p.modified,
    editor_id: p.editor_id,
    content_type_id: p.content_type_id,
    data: p.data,
    major: p.major,
    minor: 0,
    mod_status: 0,
    mod_comment: null,
    snapshot: 1,
  };
}

/** A file as its item's version: the current file, the checked-in bytes (snapshot 2) or the published ones (snapshot 1). */
export function fileAsItem(db: Database, f: FileRow, item: ItemRow): FileRow {
  if (!item.snapshot) return { ...f, major: item.major, minor: item.minor };
  if (item.snapshot === 2) {
    const co = checkoutOf(db, item.list_pk, item.id);
    return {
      ...f,
      content: co?.file_content ?? f.content,
      version: co?.file_version ?? f.version,
      modified: co?.file_modified ?? f.modified,
      editor_id: co?.file_editor_id ?? f.editor_id,
      major: item.major,
      minor: item.minor,
      snapshot: 2,
    };
  }
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
  /** SQL over alias `i`: true when the caller sees the current version of a non-public row. */
  seeSql: string;
  seeParams: unknown[];
  /** True when some non-public row of the list may have a public version readers see instead (the query must union them). */
  snapshots: boolean;
}

/** SQL over alias `i`: the current version is public (a major version, approved). */
export const PUBLIC_SQL = '(i.minor = 0 AND i.mod_status = 0)';

/**
 * The Draft Item Security part of an items query for the caller, or null when nothing needs hiding: the list lets
 * readers see drafts, the caller is the site admin, or the list has no non-public version at all (the common case,
 * answered from a partial index so large lists keep their fast path).
 */
export function draftTrimming(ctx: SpContext, list: ListRow): DraftTrim | null {
  const vis = draftVisibility(list);
  if (vis === 0 || ctx.isAdmin) return null;
  const drafts = ctx.db
    .prepare(`SELECT max(major) FROM sp_items WHERE list_pk = ? AND (minor > 0 OR mod_status <> 0)`)
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
  'mod_status',
  'mod_comment',
  'checkout_user_id',
  'attachments',
];

/** Rows shaped like sp_items holding the published version of every non-public row that has one (one `?`: the list). */
export const SNAPSHOT_SOURCE = `SELECT x.list_pk, x.id, x.guid, p.version, x.created, p.modified, x.author_id,
  p.editor_id, x.fs_type, x.file_ref, p.content_type_id, x.unique_perms, p.data, p.major, 0 AS minor,
  0 AS mod_status, NULL AS mod_comment, x.checkout_user_id, x.attachments
  FROM sp_items x JOIN sp_published p ON p.list_pk = x.list_pk AND p.item_id = x.id
  WHERE x.list_pk = ? AND (x.minor > 0 OR x.mod_status <> 0) AND x.major > 0`;

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
export function publishItem(db: Database, list: ListRow, current: ItemRow, comment = ''): void {
  if (!minorVersionsOn(list) || current.minor === 0) throw cannotPublish();
  ensureHistory(db, current);
  db.prepare(
    `UPDATE sp_items SET major = major + 1, minor = 0, mod_status = 0, version = version + 1 WHERE list_pk = ? AND id = ?`,
  ).run(list.pk, current.id);
  db.prepare(`UPDATE sp_files SET version = version + 1 WHERE list_pk = ? AND item_id = ?`).run(list.pk, current.id);
  dropPublished(db, list.pk, current.id);
  recordVersion(db, list.pk, current.id, comment);
}

/** One row of the version history. */
export interface VersionRow {
  list_pk: number;
  item_id: number;
  version_id: number;
  created: string;
  editor_id: number;
  content_type_id: string;
  data: string;
  mod_status: number;
  mod_comment: string | null;
  checkin_comment: string;
  file_content: Buffer | null;
  file_size: number | null;
}

/** Writes (or rewrites) the history row of the item's current version from its current state. */
export function recordVersion(db: Database, listPk: number, itemId: number, checkinComment = ''): void {
  db.prepare(
    `INSERT OR REPLACE INTO sp_versions (list_pk, item_id, version_id, created, editor_id, content_type_id, data,
       mod_status, mod_comment, checkin_comment, file_content, file_size)
     SELECT i.list_pk, i.id, i.major * 512 + i.minor, i.modified, i.editor_id, i.content_type_id, i.data,
       i.mod_status, i.mod_comment, ?, NULL,
       (SELECT length(f.content) FROM sp_files f WHERE f.list_pk = i.list_pk AND f.item_id = i.id)
     FROM sp_items i WHERE i.list_pk = ? AND i.id = ?`,
  ).run(checkinComment, listPk, itemId);
}

/** An item written around the REST API (bulkInsertItems) has no history yet: its current state becomes the first entry. */
export function ensureHistory(db: Database, item: ItemRow): void {
  if (item.snapshot) return;
  const has = db.prepare(`SELECT 1 FROM sp_versions WHERE list_pk = ? AND item_id = ? LIMIT 1`).get(item.list_pk, item.id);
  if (!has) recordVersion(db, item.list_pk, item.id);
}

/** Before a file's bytes are overwritten: history rows that pointed at the current bytes get their own copy. */
export function freezeBytes(db: Database, listPk: number, itemId: number): void {
  db.prepare(
    `UPDATE sp_versions SET file_content = (SELECT f.content FROM sp_files f WHERE f.list_pk = ? AND f.item_id = ?)
     WHERE list_pk = ? AND item_id = ? AND file_content IS NULL
       AND EXISTS (SELECT 1 FROM sp_files f WHERE f.list_pk = ? AND f.item_id = ?)`,
  ).run(listPk, itemId, listPk, itemId, listPk, itemId);
}

/** The history of an item, oldest first. */
export function versionRows(db: Database, listPk: number, itemId: number): VersionRow[] {
  return db
    .prepare(`SELECT * FROM sp_versions WHERE list_pk = ? AND item_id = ? ORDER BY version_id`)
    .all(listPk, itemId) as VersionRow[];
}

/** The bytes of a history row (its own copy, or the file's current bytes). */
export function versionBytes(db: Database, v: VersionRow): Buffer {
  if (v.file_content) return v.file_content;
  return (
    (db.prepare(`SELECT content FROM sp_files WHERE list_pk = ? AND item_id = ?`).pluck().get(v.list_pk, v.item_id) as
      | Buffer
      | undefined) ?? Buffer.alloc(0)
  );
}
