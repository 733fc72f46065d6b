import type { Database } from 'better-sqlite3';
import { claimsLogin, stableGuid, type DemoUser, SITE_ADMIN_KEY } from '../identity';
import { spDate } from './context';

/** Title of the emulated web. */
export const WEB_TITLE = 'Samenwerkingsruimte';

/** The three groups a new SharePoint team site has, with SharePoint's usual ids and roles on the web. */
const DEFAULT_GROUPS = [
  {
    id: 3,
    title: `${WEB_TITLE} Owners`,
    roledef: 1073741829,
    description: 'Use this group to grant people full control permissions to the SharePoint site.',
  },
  {
    id: 4,
    title: `${WEB_TITLE} Visitors`,
    roledef: 1073741826,
    description: 'Use this group to grant people read permissions to the SharePoint site.',
  },
  {
    id: 5,
    title: `${WEB_TITLE} Members`,
    roledef: 1073741830,
    description: 'Use this group to grant people contribute permissions to the SharePoint site.',
  },
];

/** Id of the Owners group (owner of the default groups). */
export const OWNERS_GROUP_ID = 3;

/**
 * Creates the site a fresh SharePoint team site starts with (web identity, default groups with their role assignments,
 * the site collection admin), and registers every demo identity in the user information list. Idempotent: a persisted
 * database keeps its ids; identities added to users.json later get new ids.
 */
export function ensureSite(db: Database, users: DemoUser[], now: Date): void {
  db.transaction(() => {
    const meta = db.prepare(`SELECT value FROM sp_meta WHERE key = 'web_id'`).get();
    if (!meta) {
      const ins = db.prepare(`INSERT INTO sp_meta (key, value) VALUES (?, ?)`);
      ins.run('web_id', stableGuid('web:samenwerkingsruimte'));
      ins.run('site_id', stableGuid('site:samenwerkingsruimte'));
      ins.run('web_title', WEB_TITLE);
      ins.run('web_description', '');
      ins.run('web_created', spDate(now));
      ins.run('web_unique_perms', '1');
      for (const g of DEFAULT_GROUPS) {
        db.prepare(
          `INSERT INTO sp_principals (id, kind, login_name, title, description, owner_id) VALUES (?, 'group', ?, ?, ?, ?)`,
        ).run(g.id, g.title, g.title, g.description, OWNERS_GROUP_ID);
        db.prepare(
          `INSERT INTO sp_role_assignments (scope_type, list_pk, item_id, principal_id, roledef_id) VALUES ('web', 0, 0, ?, ?)`,
        ).run(g.id, g.roledef);
      }
    }
    const find = db.prepare(`SELECT id FROM sp_principals WHERE user_key = ?`);
    const insert = db.prepare(
      `INSERT INTO sp_principals (kind, login_name, title, email, user_key, is_site_admin) VALUES ('user', ?, ?, ?, ?, ?)`,
    );
    for (const u of users) {
      if (find.get(u.key)) continue;
      const login = claimsLogin(u.email);
      const clash = db.prepare(`SELECT id FROM sp_principals WHERE login_name = ?`).get(login) as
        | { id: number }
        | undefined;
      if (clash) {
        db.prepare(`UPDATE sp_principals SET user_key = ? WHERE id = ?`).run(u.key, clash.id);
        continue;
      }
      const r = insert.run(login, u.displayName, u.email, u.key, u.key === SITE_ADMIN_KEY ? 1 : 0);
      if (u.key === SITE_ADMIN_KEY) {
        db.prepare(`INSERT OR IGNORE INTO sp_group_members (group_id, user_id) VALUES (?, ?)`).run(
          OWNERS_GROUP_ID,
          r.lastInsertRowid,
        );
      }
    }
  })();
}

/** Reads a web property from sp_meta. */
export function webMeta(db: Database, key: string): string {
  const row = db.prepare(`SELECT value FROM sp_meta WHERE key = ?`).get(key) as { value: string } | undefined;
  return row?.value ?? '';
}
