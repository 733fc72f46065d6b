import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { ROLE_DEFINITIONS, seedRoleDefinitions } from './sharepoint/roles';

/**
 * Schema migrations of the SharePoint part of the emulator, applied in order and recorded in `PRAGMA user_version`, so a
 * database file written by an older emulator is upgraded in place and nothing stored is lost.
 */
const MIGRATIONS: string[] = [
  `
  CREATE TABLE sp_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE sp_principals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('user', 'group')),
    login_name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    title TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    user_key TEXT UNIQUE,
    is_site_admin INTEGER NOT NULL DEFAULT 0,
    description TEXT,
    owner_id INTEGER,
    only_members_view INTEGER NOT NULL DEFAULT 0,
    members_edit_membership INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE sp_group_members (
    group_id INTEGER NOT NULL REFERENCES sp_principals (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES sp_principals (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
  );
  CREATE INDEX sp_group_members_by_user ON sp_group_members (user_id);
  CREATE TABLE sp_lists (
    pk INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL UNIQUE COLLATE NOCASE,
    url_name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    base_template INTEGER NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    unique_perms INTEGER NOT NULL DEFAULT 0,
    next_item_id INTEGER NOT NULL DEFAULT 1,
    props TEXT NOT NULL DEFAULT '{}'
  );
  CREATE TABLE sp_fields (
    pk INTEGER PRIMARY KEY AUTOINCREMENT,
    list_pk INTEGER REFERENCES sp_lists (pk) ON DELETE CASCADE,
    id TEXT NOT NULL,
    internal_name TEXT NOT NULL,
    title TEXT NOT NULL,
    type_kind INTEGER NOT NULL,
    type_name TEXT NOT NULL,
    indexed INTEGER NOT NULL DEFAULT 0,
    props TEXT NOT NULL DEFAULT '{}'
  );
  CREATE UNIQUE INDEX sp_fields_by_name ON sp_fields (ifnull(list_pk, 0), internal_name COLLATE NOCASE);
  CREATE TABLE sp_items (
    list_pk INTEGER NOT NULL REFERENCES sp_lists (pk) ON DELETE CASCADE,
    id INTEGER NOT NULL,
    guid TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    author_id INTEGER NOT NULL,
    editor_id INTEGER NOT NULL,
    fs_type INTEGER NOT NULL DEFAULT 0,
    file_ref TEXT,
    content_type_id TEXT NOT NULL DEFAULT '0x01',
    unique_perms INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (list_pk, id)
  );
  CREATE INDEX sp_items_by_file_ref ON sp_items (file_ref);
  CREATE TABLE sp_role_assignments (
    scope_type TEXT NOT NULL CHECK (scope_type IN ('web', 'list', 'item')),
    list_pk INTEGER NOT NULL DEFAULT 0,
    item_id INTEGER NOT NULL DEFAULT 0,
    principal_id INTEGER NOT NULL,
    roledef_id INTEGER NOT NULL,
    PRIMARY KEY (scope_type, list_pk, item_id, principal_id, roledef_id)
  );
  CREATE INDEX sp_role_assignments_by_principal ON sp_role_assignments (principal_id);
  CREATE TABLE sp_files (
    unique_id TEXT PRIMARY KEY,
    list_pk INTEGER NOT NULL REFERENCES sp_lists (pk) ON DELETE CASCADE,
    item_id INTEGER NOT NULL,
    server_relative_url TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL,
    content BLOB NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    author_id INTEGER NOT NULL,
    editor_id INTEGER NOT NULL
  );
  CREATE TABLE sp_folders (
    server_relative_url TEXT PRIMARY KEY COLLATE NOCASE,
    unique_id TEXT NOT NULL UNIQUE,
    list_pk INTEGER REFERENCES sp_lists (pk) ON DELETE CASCADE,
    item_id INTEGER,
    name TEXT NOT NULL,
    created TEXT NOT NULL
  );
  CREATE TABLE sp_uploads (
    upload_id TEXT PRIMARY KEY,
    file_url TEXT NOT NULL,
    data BLOB NOT NULL
  );
  CREATE TABLE sp_views (
    list_pk INTEGER NOT NULL REFERENCES sp_lists (pk) ON DELETE CASCADE,
    id TEXT NOT NULL PRIMARY KEY,
    title TEXT NOT NULL,
    is_default INTEGER NOT NULL DEFAULT 0,
    props TEXT NOT NULL DEFAULT '{}'
  );
  CREATE TABLE sp_content_types (
    list_pk INTEGER REFERENCES sp_lists (pk) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    props TEXT NOT NULL DEFAULT '{}'
  );
  CREATE UNIQUE INDEX sp_content_types_by_id ON sp_content_types (ifnull(list_pk, 0), id);
  CREATE TABLE sp_custom_actions (
    id TEXT PRIMARY KEY,
    scope TEXT NOT NULL,
    props TEXT NOT NULL DEFAULT '{}'
  );
  `,
  // Major/minor versions and Draft Item Security: every row written by an older emulator is a published major version
  // (its old counter is its major), so nothing readable before the upgrade disappears after it.
  `
  ALTER TABLE sp_items ADD COLUMN major INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE sp_items ADD COLUMN minor INTEGER NOT NULL DEFAULT 0;
  UPDATE sp_items SET major = version;
  CREATE INDEX sp_items_drafts ON sp_items (list_pk, major) WHERE minor > 0;
  CREATE TABLE sp_published (
    list_pk INTEGER NOT NULL REFERENCES sp_lists (pk) ON DELETE CASCADE,
    item_id INTEGER NOT NULL,
    major INTEGER NOT NULL,
    version INTEGER NOT NULL,
    modified TEXT NOT NULL,
    editor_id INTEGER NOT NULL,
    content_type_id TEXT NOT NULL,
    data TEXT NOT NULL,
    file_content BLOB,
    file_version INTEGER,
    file_modified TEXT,
    file_editor_id INTEGER,
    PRIMARY KEY (list_pk, item_id)
  );
  CREATE TRIGGER sp_items_drop_published AFTER DELETE ON sp_items BEGIN
    DELETE FROM sp_published WHERE list_pk = old.list_pk AND item_id = old.id;
  END;
  INSERT OR IGNORE INTO sp_fields (list_pk, id, internal_name, title, type_kind, type_name, indexed, props)
    SELECT pk, '7841bf41-43d0-4434-9f50-a673baef7631', '_UIVersion', 'UI Version', 1, 'Integer', 0,
      '{"ReadOnlyField":true,"FromBaseType":true,"Sealed":true,"Hidden":true}' FROM sp_lists;
  INSERT OR IGNORE INTO sp_fields (list_pk, id, internal_name, title, type_kind, type_name, indexed, props)
    SELECT pk, '43bdd51b-3c5b-4e78-90a8-fb2087f71e70', '_Level', 'Level', 1, 'Integer', 0,
      '{"ReadOnlyField":true,"FromBaseType":true,"Sealed":true,"Hidden":true}' FROM sp_lists;
  `,
  // Custom role definitions, content approval, check-out, version history, attachments and the recycle bin. Existing
  // items keep their current state (and a kept published version) as their version history; their bytes stay where they
  // are (a version row with file_content NULL means "the file's current bytes").
  `
  CREATE TABLE sp_role_definitions (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    description TEXT NOT NULL DEFAULT '',
    role_type_kind INTEGER NOT NULL DEFAULT 0,
    sort_order INTEGER NOT NULL DEFAULT 0,
    low INTEGER NOT NULL,
    high INTEGER NOT NULL,
    hidden INTEGER NOT NULL DEFAULT 0
  );
  ${ROLE_DEFINITIONS.map(
    (r) =>
      `INSERT INTO sp_role_definitions (id, name, description, role_type_kind, sort_order, low, high, hidden) VALUES (${r.id}, '${r.name}', '${r.description.replace(/'/g, "''")}', ${r.roleTypeKind}, ${r.order}, ${r.low}, ${r.high}, ${r.hidden ? 1 : 0});`,
  ).join('\n  ')}
  ALTER TABLE sp_items ADD COLUMN mod_status INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE sp_items ADD COLUMN mod_comment TEXT;
  ALTER TABLE sp_items ADD COLUMN checkout_user_id INTEGER;
  ALTER TABLE sp_items ADD COLUMN attachments INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX sp_items_unpublished ON sp_items (list_pk, major) WHERE minor > 0 OR mod_status <> 0;
  CREATE TABLE sp_versions (
    list_pk INTEGER NOT NULL REFERENCES sp_lists (pk) ON DELETE CASCADE,
    item_id INTEGER NOT NULL,
    version_id INTEGER NOT NULL,
    created TEXT NOT NULL,
    editor_id INTEGER NOT NULL,
    content_type_id TEXT NOT NULL,
    data TEXT NOT NULL,
    mod_status INTEGER NOT NULL DEFAULT 0,
    mod_comment TEXT,
    checkin_comment TEXT NOT NULL DEFAULT '',
    file_content BLOB,
    file_size INTEGER,
    PRIMARY KEY (list_pk, item_id, version_id)
  );
  INSERT INTO sp_versions (list_pk, item_id, version_id, created, editor_id, content_type_id, data, file_size)
    SELECT i.list_pk, i.id, i.major * 512 + i.minor, i.modified, i.editor_id, i.content_type_id, i.data,
      (SELECT length(f.content) FROM sp_files f WHERE f.list_pk = i.list_pk AND f.item_id = i.id)
    FROM sp_items i;
  INSERT OR IGNORE INTO sp_versions (list_pk, item_id, version_id, created, editor_id, content_type_id, data,
      file_content, file_size)
    SELECT p.list_pk, p.item_id, p.major * 512, p.modified, p.editor_id, p.content_type_id, p.data, p.file_content,
      length(p.file_content)
    FROM sp_published p;
  CREATE TABLE sp_checkouts (
    list_pk INTEGER NOT NULL REFERENCES sp_lists (pk) ON DELETE CASCADE,
    item_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    checked_out TEXT NOT NULL,
    item_row TEXT,
    file_content BLOB,
    file_version INTEGER,
    file_modified TEXT,
    file_editor_id INTEGER,
    PRIMARY KEY (list_pk, item_id)
  );
  CREATE TABLE sp_attachments (
    list_pk INTEGER NOT NULL REFERENCES sp_lists (pk) ON DELETE CASCADE,
    item_id INTEGER NOT NULL,
    name TEXT NOT NULL COLLATE NOCASE,
    content BLOB NOT NULL,
    created TEXT NOT NULL,
    author_id INTEGER NOT NULL,
    PRIMARY KEY (list_pk, item_id, name)
  );
  CREATE TABLE sp_recycle_bin (
    id TEXT PRIMARY KEY,
    item_type INTEGER NOT NULL,
    item_state INTEGER NOT NULL DEFAULT 1,
    list_pk INTEGER,
    item_id INTEGER,
    leaf_name TEXT NOT NULL,
    dir_name TEXT NOT NULL,
    title TEXT NOT NULL,
    author_id INTEGER,
    deleted_by INTEGER NOT NULL,
    deleted_date TEXT NOT NULL,
    size INTEGER NOT NULL DEFAULT 0,
    payload TEXT NOT NULL
  );
  CREATE TRIGGER sp_items_drop_history AFTER DELETE ON sp_items BEGIN
    DELETE FROM sp_versions WHERE list_pk = old.list_pk AND item_id = old.id;
    DELETE FROM sp_attachments WHERE list_pk = old.list_pk AND item_id = old.id;
    DELETE FROM sp_checkouts WHERE list_pk = old.list_pk AND item_id = old.id;
  END;
  INSERT OR IGNORE INTO sp_fields (list_pk, id, internal_name, title, type_kind, type_name, indexed, props)
    SELECT pk, 'fdc3b2ed-5bf2-4835-a4bc-b885f3396a61', '_ModerationStatus', 'Approval Status', 23, 'ModStat', 0,
      '{"FromBaseType":true,"Hidden":true,"ReadOnlyField":true}' FROM sp_lists;
  INSERT OR IGNORE INTO sp_fields (list_pk, id, internal_name, title, type_kind, type_name, indexed, props)
    SELECT pk, '34ad21eb-75bd-4544-8c73-0e08330291fe', '_ModerationComments', 'Approver Comments', 3, 'Note', 0,
      '{"FromBaseType":true,"Hidden":true,"ReadOnlyField":true}' FROM sp_lists;
  INSERT OR IGNORE INTO sp_fields (list_pk, id, internal_name, title, type_kind, type_name, indexed, props)
    SELECT pk, '3881510a-4e4a-4ee8-b102-8ee8e2d0dd4b', 'CheckoutUser', 'Checked Out To', 20, 'User', 0,
      '{"FromBaseType":true,"ReadOnlyField":true}' FROM sp_lists WHERE base_template IN (101, 109, 119, 700, 851);
  `,
];

/** Opens (or creates) the emulator database: WAL journal, foreign keys on, migrations applied. */
export function openDatabase(file = ':memory:'): Database {
  const db = new BetterSqlite3(file);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  return db;
}

/** Applies the migrations the database has not seen yet, each in its own transaction. */
export function migrate(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

/**
 * Empties every table (SharePoint and Graph alike) but keeps the schema, so handlers that created their tables once per
 * connection keep working; the server re-creates the built-in site afterwards.
 */
export function clearDatabase(db: Database): void {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .pluck()
    .all() as string[];
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const t of tables) db.exec(`DELETE FROM "${t.replace(/"/g, '""')}"`);
      if (tables.includes('sqlite_sequence')) db.exec('DELETE FROM sqlite_sequence');
    })();
    const hasSeq = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'`).get();
    if (hasSeq) db.exec('DELETE FROM sqlite_sequence');
    // The standard permission levels are part of every web, not data: an emptied site has them again.
    if (tables.includes('sp_role_definitions')) seedRoleDefinitions(db);
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
