import type { Database } from 'better-sqlite3';
import { currentTeam, isGroupClaim, isSiteAdminThroughClaim, switchesOf } from '../graph/teamModel';
import { accessDenied, badValue, notFound, SpError } from './errors';
import type { SpContext } from './context';
import { PermissionKind } from './roles';
import { WEB_SCOPE, allowed, demand } from './security';

/** A principal row (user or SharePoint group; ids share one sequence, as in SharePoint). */
export interface PrincipalRow {
  id: number;
  kind: 'user' | 'group';
  login_name: string;
  title: string;
  email: string;
  user_key: string | null;
  is_site_admin: number;
  description: string | null;
  owner_id: number | null;
  only_members_view: number;
  members_edit_membership: number;
}

/** Principal by id, or undefined. */
export function principalById(db: Database, id: number): PrincipalRow | undefined {
  return db.prepare(`SELECT * FROM sp_principals WHERE id = ?`).get(id) as PrincipalRow | undefined;
}

/**
 * SP.User JSON. A Microsoft 365 group claim (`c:0o.c|federateddirectoryclaimprovider|…`) is an SP.User with
 * PrincipalType 4 (security group), the claims login, the group's title and no UserId/UserPrincipalName.
 */
export function userJson(ctx: SpContext, u: PrincipalRow): Record<string, unknown> {
  const claim = isGroupClaim(u.login_name);
  return {
    'odata.type': 'SP.User',
    'odata.id': `${ctx.webUrl}/_api/Web/GetUserById(${u.id})`,
    'odata.editLink': `Web/GetUserById(${u.id})`,
    Id: u.id,
    IsHiddenInUI: false,
    LoginName: u.login_name,
    Title: u.title,
    PrincipalType: claim ? 4 : 1,
    Email: u.email,
    Expiration: '',
    IsEmailAuthenticationGuestUser: false,
    IsShareByEmailGuestUser: false,
    IsSiteAdmin: u.is_site_admin === 1 || (!claim && ownerEntryReadsAdmin(ctx, u)),
    UserId: claim ? null : { NameId: u.email, NameIdIssuer: 'urn:federation:microsoftonline' },
    UserPrincipalName: claim ? null : u.email,
  };
}

/** Switch `ownerUserEntryIsSiteAdmin`: a group owner's own entry reads IsSiteAdmin true (default: it does not). */
function ownerEntryReadsAdmin(ctx: SpContext, u: PrincipalRow): boolean {
  const team = currentTeam(ctx.db);
  return !!team && switchesOf(team).ownerUserEntryIsSiteAdmin && isSiteAdminThroughClaim(ctx.db, u.id);
}

/** SP.Group JSON. */
export function groupJson(ctx: SpContext, g: PrincipalRow): Record<string, unknown> {
  const owner = g.owner_id ? principalById(ctx.db, g.owner_id) : undefined;
  return {
    'odata.type': 'SP.Group',
    'odata.id': `${ctx.webUrl}/_api/Web/SiteGroups/GetById(${g.id})`,
    'odata.editLink': `Web/SiteGroups/GetById(${g.id})`,
    Id: g.id,
    IsHiddenInUI: false,
    LoginName: g.title,
    Title: g.title,
    PrincipalType: 8,
    AllowMembersEditMembership: g.members_edit_membership === 1,
    AllowRequestToJoinLeave: false,
    AutoAcceptRequestToJoinLeave: false,
    Description: g.description ?? '',
    OnlyAllowMembersViewMembership: g.only_members_view === 1,
    OwnerTitle: owner?.title ?? '',
    RequestToJoinLeaveEmailSetting: null,
  };
}

/** JSON of either kind of principal. */
export function principalJson(ctx: SpContext, p: PrincipalRow): Record<string, unknown> {
  return p.kind === 'group' ? groupJson(ctx, p) : userJson(ctx, p);
}

/** Strips the claims prefix: `i:0#.f|membership|a@b` → `a@b`. */
export function loginToEmail(login: string): string {
  const parts = login.split('|');
  return parts[parts.length - 1].toLowerCase();
}

/**
 * `ensureuser`: returns the site user for a login name or e-mail, as SharePoint does for people in the directory. The
 * directory is the set of demo identities; anybody else is SharePoint's "could not be found".
 */
export function ensureUser(ctx: SpContext, logonName: string): PrincipalRow {
  const email = loginToEmail(logonName);
  const row = ctx.db
    .prepare(`SELECT * FROM sp_principals WHERE kind = 'user' AND (lower(email) = ? OR login_name = ?)`)
    .get(email, logonName) as PrincipalRow | undefined;
  if (!row)
    throw new SpError(
      404,
      '-2146232832, Microsoft.SharePoint.SPException',
      `The specified user ${logonName} could not be found.`,
    );
  return row;
}

/** Group by id or title, or SharePoint's 404. */
export function requireGroup(ctx: SpContext, by: { id?: number; name?: string }): PrincipalRow {
  const row = (
    by.id !== undefined
      ? ctx.db.prepare(`SELECT * FROM sp_principals WHERE kind = 'group' AND id = ?`).get(by.id)
      : ctx.db.prepare(`SELECT * FROM sp_principals WHERE kind = 'group' AND title = ? COLLATE NOCASE`).get(by.name)
  ) as PrincipalRow | undefined;
  if (!row) throw notFound('-2146232832, Microsoft.SharePoint.SPException', 'Group cannot be found.');
  return row;
}

/** User by id / login / e-mail, or SharePoint's 404. */
export function requireUser(ctx: SpContext, by: { id?: number; login?: string; email?: string }): PrincipalRow {
  let row: PrincipalRow | undefined;
  if (by.id !== undefined)
    row = ctx.db.prepare(`SELECT * FROM sp_principals WHERE kind = 'user' AND id = ?`).get(by.id) as
      | PrincipalRow
      | undefined;
  else if (by.login !== undefined)
    row = ctx.db.prepare(`SELECT * FROM sp_principals WHERE kind = 'user' AND login_name = ?`).get(by.login) as
      | PrincipalRow
      | undefined;
  else if (by.email !== undefined)
    row = ctx.db
      .prepare(`SELECT * FROM sp_principals WHERE kind = 'user' AND lower(email) = lower(?)`)
      .get(by.email) as PrincipalRow | undefined;
  if (!row) throw notFound('-2146232832, Microsoft.SharePoint.SPException', 'User cannot be found.');
  return row;
}

/** Members of a group (users). */
export function groupMembers(db: Database, groupId: number): PrincipalRow[] {
  return db
    .prepare(
      `SELECT p.* FROM sp_principals p JOIN sp_group_members m ON m.user_id = p.id WHERE m.group_id = ? ORDER BY p.id`,
    )
    .all(groupId) as PrincipalRow[];
}

/** Who may change a group's membership: site owners (Manage Permissions), the owner (or members of the owning group). */
export function demandGroupEdit(ctx: SpContext, g: PrincipalRow): void {
  if (allowed(ctx, WEB_SCOPE, PermissionKind.ManagePermissions)) return;
  if (g.owner_id !== null && ctx.principals.includes(g.owner_id)) return;
  if (g.members_edit_membership === 1 && ctx.principals.includes(g.id)) return;
  demand(ctx, WEB_SCOPE, PermissionKind.ManagePermissions);
}

/** Who may list a group's members (everyone, unless the group restricts it to its members). */
export function demandGroupView(ctx: SpContext, g: PrincipalRow): void {
  if (g.only_members_view !== 1) return;
  if (ctx.principals.includes(g.id)) return;
  demandGroupEdit(ctx, g);
}

/** Creates a SharePoint group (needs Create Groups); its creator becomes its owner. */
export function createGroup(ctx: SpContext, body: Record<string, unknown>): PrincipalRow {
  demand(ctx, WEB_SCOPE, PermissionKind.CreateGroups);
  const title = body.Title;
  if (typeof title !== 'string' || !title.trim())
    throw badValue(`The property 'Title' of the group is required and must be a text.`);
  if (ctx.db.prepare(`SELECT 1 FROM sp_principals WHERE login_name = ?`).get(title)) {
    throw new SpError(400, '-2130575293, Microsoft.SharePoint.SPException', `The specified name is already in use.`);
  }
  for (const k of Object.keys(body)) {
    if (
      ![
        '__metadata',
        'Title',
        'Description',
        'OnlyAllowMembersViewMembership',
        'AllowMembersEditMembership',
        'AllowRequestToJoinLeave',
        'AutoAcceptRequestToJoinLeave',
      ].includes(k)
    ) {
      throw badValue(
        `The property '${k}' does not exist on type 'SP.Group'. Make sure to only use property names that are defined by the type.`,
      );
    }
  }
  const r = ctx.db
    .prepare(
      `INSERT INTO sp_principals (kind, login_name, title, description, owner_id, only_members_view, members_edit_membership) VALUES ('group', ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      title,
      title,
      typeof body.Description === 'string' ? body.Description : '',
      // SharePoint makes the user who creates a group its owner.
      ctx.user.id,
      body.OnlyAllowMembersViewMembership === true ? 1 : 0,
      body.AllowMembersEditMembership === true ? 1 : 0,
    );
  return principalById(ctx.db, Number(r.lastInsertRowid))!;
}

/** Updates a group's Title/Description/flags (MERGE). */
export function updateGroup(ctx: SpContext, g: PrincipalRow, body: Record<string, unknown>): void {
  demandGroupEdit(ctx, g);
  const next = { ...g };
  for (const [k, v] of Object.entries(body)) {
    if (k === '__metadata') continue;
    if (k === 'Title' && typeof v === 'string' && v.trim()) next.title = v;
    else if (k === 'Description' && typeof v === 'string') next.description = v;
    else if (k === 'OnlyAllowMembersViewMembership' && typeof v === 'boolean') next.only_members_view = v ? 1 : 0;
    else if (k === 'AllowMembersEditMembership' && typeof v === 'boolean') next.members_edit_membership = v ? 1 : 0;
    else throw badValue(`The property '${k}' cannot be set on type 'SP.Group' to ${JSON.stringify(v)}.`);
  }
  ctx.db
    .prepare(
      `UPDATE sp_principals SET title = ?, login_name = ?, description = ?, only_members_view = ?, members_edit_membership = ? WHERE id = ?`,
    )
    .run(next.title, next.title, next.description, next.only_members_view, next.members_edit_membership, g.id);
}

/** Adds a user (by login name) to a group. */
export function addGroupMember(ctx: SpContext, g: PrincipalRow, loginName: string): PrincipalRow {
  demandGroupEdit(ctx, g);
  const u = ensureUser(ctx, loginName);
  ctx.db.prepare(`INSERT OR IGNORE INTO sp_group_members (group_id, user_id) VALUES (?, ?)`).run(g.id, u.id);
  return u;
}

/** Removes a user from a group. */
export function removeGroupMember(ctx: SpContext, g: PrincipalRow, userId: number): void {
  demandGroupEdit(ctx, g);
  ctx.db.prepare(`DELETE FROM sp_group_members WHERE group_id = ? AND user_id = ?`).run(g.id, userId);
}

/** Deletes a group with its memberships and role assignments. */
export function deleteGroup(ctx: SpContext, g: PrincipalRow): void {
  demand(ctx, WEB_SCOPE, PermissionKind.ManagePermissions);
  ctx.db.prepare(`DELETE FROM sp_role_assignments WHERE principal_id = ?`).run(g.id);
  ctx.db.prepare(`DELETE FROM sp_principals WHERE id = ?`).run(g.id);
}

/**
 * MERGE of a site user (`siteusers/getbyid(n)`, `getuserbyid(n)`, `siteusers(@v)`; PnPjs `siteUser.update(props)`): a
 * user may change the Title and e-mail address of their own entry in the User Information List, and no one else's.
 * Source: SharePoint Online answered a user with only Read on the site who sent
 * `{"__metadata":{"type":"SP.Data.UserInfoItem"},"Title":…,"EMail":…}` to their own `siteusers/getbyid(n)` — "the user
 * changes the title and the email … he cannot update other people information"
 * (https://github.com/SharePoint/sp-dev-docs/issues/6334). The documented permission is Edit Personal User Information
 * (EditMyUserInfo, "change their own user information"), which Read does not have; the emulator follows the observation
 * and asks for nothing beyond reaching the site. That report got a 403 although the change was stored; the emulator
 * answers 204 (UNCONFIRMED which SharePoint answers today). Someone else's entry: 403 for whoever lacks Manage Web;
 * for site owners and admins it is not emulated (501), as is IsSiteAdmin for site collection administrators.
 */
export function updateUserInfo(
  ctx: SpContext,
  u: PrincipalRow,
  body: Record<string, unknown>,
  notImplementedError: () => Error,
): void {
  const own = u.kind === 'user' && u.id === ctx.user.id;
  if (!own) {
    if (ctx.isAdmin || allowed(ctx, WEB_SCOPE, PermissionKind.ManageWeb)) throw notImplementedError();
    throw accessDenied('ManageWeb', `site user ${u.id}; only the own entry (Title, Email) can be changed`);
  }
  let title = u.title;
  let email = u.email;
  for (const [k, v] of Object.entries(body)) {
    if (k === '__metadata' || k === 'odata.type') continue;
    if (k === 'Title') {
      if (typeof v !== 'string' || !v.trim()) throw badValue(`The property 'Title' of the user must be a non-empty text.`);
      title = v;
    } else if (k === 'Email' || k === 'EMail') {
      if (typeof v !== 'string') throw badValue(`The property '${k}' of the user must be a text.`);
      email = v;
    } else if (k === 'IsSiteAdmin') {
      if (!ctx.isAdmin)
        throw accessDenied('SiteCollectionAdministrator', `site user ${u.id}; IsSiteAdmin is set by site collection administrators`);
      throw notImplementedError();
    } else
      throw badValue(
        `The property '${k}' cannot be written on type 'SP.User' (the own entry takes Title and Email).`,
      );
  }
  ctx.db.prepare(`UPDATE sp_principals SET title = ?, email = ? WHERE id = ?`).run(title, email, u.id);
}
