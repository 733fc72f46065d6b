import type { Database } from 'better-sqlite3';

const initialised = new WeakSet<Database>();

/**
 * Creates the Graph tables once per connection (idempotent: `IF NOT EXISTS`, so a restarted emulator keeps what was
 * stored). Rows keep the Graph resource as JSON, so what is read back is exactly what Graph would have answered.
 */
export function ensureGraphSchema(db: Database): void {
  if (initialised.has(db)) return;
  db.exec(`
    CREATE TABLE IF NOT EXISTS graph_mail (
      id TEXT PRIMARY KEY,
      mailbox TEXT NOT NULL,
      folder TEXT NOT NULL CHECK (folder IN ('inbox', 'sentitems')),
      received_at TEXT NOT NULL,
      message_json TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS graph_mail_by_mailbox ON graph_mail (mailbox, received_at);
    CREATE TABLE IF NOT EXISTS graph_channel_messages (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      team_id TEXT NOT NULL,
      channel_id TEXT NOT NULL,
      created_at TEXT NOT NULL,
      message_json TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS graph_channel_messages_by_channel ON graph_channel_messages (team_id, channel_id, seq);
    CREATE TABLE IF NOT EXISTS graph_events (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      owner_kind TEXT NOT NULL CHECK (owner_kind IN ('user', 'group')),
      owner TEXT NOT NULL,
      created_at TEXT NOT NULL,
      event_json TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS graph_events_by_owner ON graph_events (owner_kind, owner, seq);
    CREATE TABLE IF NOT EXISTS graph_event_attendees (
      event_id TEXT NOT NULL REFERENCES graph_events (id),
      address TEXT NOT NULL,
      PRIMARY KEY (event_id, address)
    );
  `);
  initialised.add(db);
}

/** Lower-cases an SMTP address: mailboxes and calendars are keyed case-insensitively, as Exchange resolves them. */
export function mailboxKey(address: string): string {
  return address.trim().toLowerCase();
}

/** A Graph-style opaque id (Exchange ids are long base64url strings). */
export function opaqueId(prefix: string, uuid: string): string {
  return prefix + Buffer.from(uuid.replace(/-/g, ''), 'hex').toString('base64url');
}
