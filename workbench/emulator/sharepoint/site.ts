import type { Database } from 'better-sqlite3';
import { membersClaim, ownersClaim, SP_MEMBERS_GROUP_ID } from '../graph/teamModel';
import { claimsLogin, stableGuid, type DemoUser, SITE_ADMIN_KEY } from '../identity';
import { type SpContext, SITE_PATH, spDate } from './context';
import { notFound } from './errors';
import { addFolder, folderByUrl } from './files';
import { createList, rootFolderUrl, visibleList } from './lists';
import type { Segment } from './path';
import { type ListRow, isLibrary, listById, listByPk, listByUrlName, webMeta } from './store';

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

/** What connecting the site to a Microsoft 365 group writes on the SharePoint side. */
export interface GroupConnection {
  groupId: string;
  /** The group's display name; the claim principals are titled after it when first created. */
  displayName: string;
  /** SMTP address of the group (Email of the members claim principal); may be empty. */
  mail: string;
  /** Leaf URL of the default document library (`Shared Documents`). */
  documentsUrl: string;
  /** Title of the default document library (`Documenten` on a Dutch site). */
  documentsTitle: string;
  /** Folder names of the standard channels (one folder each in the default library). */
  channelFolders: string[];
  /** List the `_o` claim in the Owners group (switch `ownersClaimListedInOwnersGroup`); else it stays hidden. */
  ownersClaimListed: boolean;
}

/** sp_meta key of the default document library's list id. */
const DEFAULT_LIBRARY_KEY = 'default_document_library';

/** The built-in site collection admin as the author of what the connection creates (the system, in a tenant). */
function systemContext(db: Database, now: Date): SpContext {
  const admin = db.prepare(`SELECT * FROM sp_principals WHERE user_key = ?`).get(SITE_ADMIN_KEY) as
    | { id: number; login_name: string; email: string; title: string }
    | undefined;
  if (!admin) throw new Error('The site has no site collection administrator to create the group connection with.');
  return {
    db,
    now: () => now,
    user: {
      id: admin.id,
      loginName: admin.login_name,
      email: admin.email,
      displayName: admin.title,
      jobTitle: '',
      party: null,
      aadId: stableGuid(`aad:${admin.email.toLowerCase()}`),
    },
    isAdmin: true,
    principals: [admin.id],
    origin: '',
    webUrl: SITE_PATH,
    verbose: false,
    threshold: 5000,
    requestUrl: '',
  };
}

/** Ensures a claim principal (SP.User with PrincipalType 4) and returns its id; an existing one keeps its title. */
function ensureClaimPrincipal(db: Database, login: string, title: string, email: string, siteAdmin: boolean): number {
  const found = db.prepare(`SELECT id FROM sp_principals WHERE login_name = ?`).get(login) as { id: number } | undefined;
  if (found) {
    db.prepare(`UPDATE sp_principals SET is_site_admin = ? WHERE id = ?`).run(siteAdmin ? 1 : 0, found.id);
    return found.id;
  }
  const r = db
    .prepare(
      `INSERT INTO sp_principals (kind, login_name, title, email, user_key, is_site_admin) VALUES ('user', ?, ?, ?, NULL, ?)`,
    )
    .run(login, title, email, siteAdmin ? 1 : 0);
  return Number(r.lastInsertRowid);
}

/**
 * Connects the site to a Microsoft 365 group the way SharePoint does (team-site.md §1, §2): the members claim is a
 * visible member of the Members group (id 5, Edit); the `_o` claim is a site collection administrator and a hidden
 * member of the Owners group; the default document library (URL `Shared Documents`, localised title) exists and
 * inherits from the web, with one folder per standard channel. Idempotent: claims keep their first title, existing
 * folders are never renamed, and nothing a caller changed (broken inheritance, grants) is restored.
 */
export function connectSiteToGroup(db: Database, c: GroupConnection, now: Date): { library: ListRow; folders: string[] } {
  const membersId = ensureClaimPrincipal(db, membersClaim(c.groupId), `${c.displayName} Members`, c.mail, false);
  const ownersId = ensureClaimPrincipal(db, ownersClaim(c.groupId), `${c.displayName} Owners`, '', true);
  const hasGroup = (id: number): boolean =>
    !!db.prepare(`SELECT 1 FROM sp_principals WHERE id = ? AND kind = 'group'`).get(id);
  if (hasGroup(SP_MEMBERS_GROUP_ID))
    db.prepare(`INSERT OR IGNORE INTO sp_group_members (group_id, user_id) VALUES (?, ?)`).run(SP_MEMBERS_GROUP_ID, membersId);
  if (c.ownersClaimListed && hasGroup(OWNERS_GROUP_ID))
    db.prepare(`INSERT OR IGNORE INTO sp_group_members (group_id, user_id) VALUES (?, ?)`).run(OWNERS_GROUP_ID, ownersId);
  else db.prepare(`DELETE FROM sp_group_members WHERE group_id = ? AND user_id = ?`).run(OWNERS_GROUP_ID, ownersId);

  const ctx = systemContext(db, now);
  let library = listByUrlName(db, c.documentsUrl);
  if (!library) library = createList(ctx, { Title: c.documentsTitle, BaseTemplate: 101 }, c.documentsUrl);
  else if (!isLibrary(library))
    throw new Error(`'${c.documentsUrl}' is a list, not a document library; it cannot be the default library.`);
  db.prepare(`INSERT OR REPLACE INTO sp_meta (key, value) VALUES (?, ?)`).run(DEFAULT_LIBRARY_KEY, library.id);
  const root = folderByUrl(ctx, rootFolderUrl(library));
  if (!root) throw new Error(`The default library '${c.documentsUrl}' has no root folder.`);
  const folders = c.channelFolders.map((name) => addFolder(ctx, root, name).server_relative_url);
  return { library: listByPk(db, library.pk), folders };
}

/** The site's default document library (set when the site is connected to a group), or undefined on a bare site. */
export function defaultDocumentLibrary(db: Database): ListRow | undefined {
  const id = webMeta(db, DEFAULT_LIBRARY_KEY);
  return id ? listById(db, id) : undefined;
}

/**
 * `web/defaultDocumentLibrary` (PnPjs `sp.web.defaultDocumentLibrary`): the group site's Documents library, security
 * trimmed like any list. A site that was never connected to a group has none in the emulator (a real team site always
 * has one): 404, as for a list that does not exist.
 */
export function defaultLibraryNode(ctx: SpContext, seg: Segment): { k: 'list'; list: ListRow } | null {
  if (seg.name !== 'defaultdocumentlibrary' || seg.call) return null;
  const list = defaultDocumentLibrary(ctx.db);
  if (!list)
    throw notFound(
      '-2147024894, System.IO.FileNotFoundException',
      `The web at '${ctx.webUrl}' has no default document library (the emulated site is not connected to a Microsoft 365 group).`,
    );
  return { k: 'list', list: visibleList(ctx, list, list.title) };
}
