import type { Database } from 'better-sqlite3';
import { newUuid as randomUUID } from '../util';
import { parseProps } from './context';

/** A list row. */
export interface ListRow {
  pk: number;
  id: string;
  title: string;
  url_name: string;
  base_template: number;
  description: string;
  created: string;
  modified: string;
  unique_perms: number;
  next_item_id: number;
  props: string;
}

/** A field row (site column when list_pk is null). */
export interface FieldRow {
  pk: number;
  list_pk: number | null;
  id: string;
  internal_name: string;
  title: string;
  type_kind: number;
  type_name: string;
  indexed: number;
  props: string;
}

/** An item row. */
export interface ItemRow {
  list_pk: number;
  id: number;
  guid: string;
  version: number;
  created: string;
  modified: string;
  author_id: number;
  editor_id: number;
  fs_type: number;
  file_ref: string | null;
  content_type_id: string;
  unique_perms: number;
  data: string;
  /** Major version (0 until a draft is first published). */
  major: number;
  /** Minor version: above 0 the current version is a draft. */
  minor: number;
  /** Content approval status of the current version (0 Approved, 1 Denied, 2 Pending, 3 Draft, 4 Scheduled). */
  mod_status: number;
  /** Approver's comment (`_ModerationComments`). */
  mod_comment: string | null;
  /** The user a file is checked out to, or null. */
  checkout_user_id: number | null;
  /** 1 when the item has attachments. */
  attachments: number;
  /**
   * Set when the row is not the current version but what the caller sees instead: 1 the last public version (Draft Item
   * Security), 2 the checked-in state of a file checked out to someone else.
   */
  snapshot?: number;
}

/** True for document libraries (base template 101 and its relatives). */
export function isLibrary(list: ListRow): boolean {
  return [101, 109, 119, 700, 851].includes(list.base_template);
}

/** A new GUID in SharePoint's lower-case form. */
export const newGuid = (): string => randomUUID();

/** List by title (case-insensitive), or undefined. */
export function listByTitle(db: Database, title: string): ListRow | undefined {
  return db.prepare(`SELECT * FROM sp_lists WHERE title = ?`).get(title) as ListRow | undefined;
}

/** List by id (GUID, with or without braces), or undefined. */
export function listById(db: Database, id: string): ListRow | undefined {
  return db.prepare(`SELECT * FROM sp_lists WHERE id = ? COLLATE NOCASE`).get(id.replace(/[{}]/g, '')) as
    | ListRow
    | undefined;
}

/** List by primary key. */
export function listByPk(db: Database, pk: number): ListRow {
  return db.prepare(`SELECT * FROM sp_lists WHERE pk = ?`).get(pk) as ListRow;
}

/** List whose root folder is the given url name (e.g. `Shared Documents` or `Lists/Taken`). */
export function listByUrlName(db: Database, urlName: string): ListRow | undefined {
  return db.prepare(`SELECT * FROM sp_lists WHERE url_name = ?`).get(urlName) as ListRow | undefined;
}

/** Every field of a list, in creation order. */
export function listFields(db: Database, listPk: number): FieldRow[] {
  return db.prepare(`SELECT * FROM sp_fields WHERE list_pk = ? ORDER BY pk`).all(listPk) as FieldRow[];
}

/** Site columns of the web. */
export function webFields(db: Database): FieldRow[] {
  return db.prepare(`SELECT * FROM sp_fields WHERE list_pk IS NULL ORDER BY pk`).all() as FieldRow[];
}

/** One item, or undefined. */
export function itemById(db: Database, listPk: number, id: number): ItemRow | undefined {
  return db.prepare(`SELECT * FROM sp_items WHERE list_pk = ? AND id = ?`).get(listPk, id) as ItemRow | undefined;
}

/** Number of items in a list (regardless of permissions, as SharePoint's threshold counts them). */
export function itemCount(db: Database, listPk: number): number {
  return (db.prepare(`SELECT count(*) FROM sp_items WHERE list_pk = ?`).pluck().get(listPk) as number) ?? 0;
}

/** Props JSON of a list. */
export function listProps(list: ListRow): Record<string, unknown> {
  return parseProps(list.props);
}

/** Props JSON of a field. */
export function fieldProps(f: FieldRow): Record<string, unknown> {
  return parseProps(f.props);
}

/** A file row. */
export interface FileRow {
  unique_id: string;
  list_pk: number;
  item_id: number;
  server_relative_url: string;
  name: string;
  content: Buffer;
  version: number;
  created: string;
  modified: string;
  author_id: number;
  editor_id: number;
  /** Version state of the file (its item's), set when the row is a view for a caller. */
  major?: number;
  minor?: number;
  /** 1 when the row shows the published version instead of the current draft. */
  snapshot?: number;
}

/** A folder row (a list's root folder has no item). */
export interface FolderRow {
  server_relative_url: string;
  unique_id: string;
  list_pk: number | null;
  item_id: number | null;
  name: string;
  created: string;
}

/** Reads a web property from sp_meta. */
export function webMeta(db: Database, key: string): string {
  const row = db.prepare(`SELECT value FROM sp_meta WHERE key = ?`).get(key) as { value: string } | undefined;
  return row?.value ?? '';
}
