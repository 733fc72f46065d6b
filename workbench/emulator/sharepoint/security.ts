import type { Database } from 'better-sqlite3';
import { claimPrincipalsOf } from '../graph/teamModel';
import { accessDenied } from './errors';
import type { SpContext } from './context';
import { FULL_MASK, hasKind, kindName, kindSql } from './roles';

/** The securable a permission check is made against (web, list or list item). */
export interface Scope {
  type: 'web' | 'list' | 'item';
  listPk: number;
  itemId: number;
  /**
   * The object the check is about when the scope is the one it inherits from (an item that takes its permissions
   * from its list or web); only used to name the object in a refusal.
   */
  of?: { listPk: number; itemId: number };
}

/** The web scope. */
export const WEB_SCOPE: Scope = { type: 'web', listPk: 0, itemId: 0 };

/**
 * Ids the user acts as: the user itself, the Microsoft 365 group claims it satisfies (members claim for a group
 * member, `_o` claim for a group owner, as SharePoint resolves them from the sign-in token), every SharePoint group
 * the user or one of those claims is a member of, and the Owners group the `_o` claim is a hidden member of.
 */
export function principalsOf(db: Database, userId: number): number[] {
  const { claims, hiddenGroups } = claimPrincipalsOf(db, userId);
  const own = [userId, ...claims];
  const groups = db
    .prepare(`SELECT DISTINCT group_id FROM sp_group_members WHERE user_id IN (${own.map(() => '?').join(',')})`)
    .pluck()
    .all(...own) as number[];
  return [...new Set([...own, ...groups, ...hiddenGroups])];
}

/** Scope whose role assignments apply to a list (the list itself when it broke inheritance, else the web). */
export function listScope(db: Database, listPk: number): Scope {
  const row = db.prepare(`SELECT unique_perms FROM sp_lists WHERE pk = ?`).get(listPk) as
    | { unique_perms: number }
    | undefined;
  return row?.unique_perms ? { type: 'list', listPk, itemId: 0 } : { ...WEB_SCOPE, of: { listPk, itemId: 0 } };
}

/** Scope whose role assignments apply to an item: the item, else its nearest folder with unique permissions, else the list. */
export function itemScope(db: Database, listPk: number, itemId: number): Scope {
  const row = db
    .prepare(`SELECT unique_perms, file_ref FROM sp_items WHERE list_pk = ? AND id = ?`)
    .get(listPk, itemId) as { unique_perms: number; file_ref: string | null } | undefined;
  if (row?.unique_perms) return { type: 'item', listPk, itemId };
  const from = row?.file_ref ? parentScope(db, listPk, row.file_ref) : listScope(db, listPk);
  return { ...from, of: { listPk, itemId } };
}

/** Scope an item at `fileRef` inherits from: its nearest ancestor folder with unique permissions, else the list. */
export function parentScope(db: Database, listPk: number, fileRef: string): Scope {
  const folder = uniqueFolders(db, listPk).find((f) =>
    fileRef.toLowerCase().startsWith(`${f.file_ref.toLowerCase()}/`),
  );
  return folder ? { type: 'item', listPk, itemId: folder.id } : listScope(db, listPk);
}

/** Folders of a list that broke inheritance, deepest first (few per list, so kept in JS). */
export function uniqueFolders(db: Database, listPk: number): { id: number; file_ref: string }[] {
  return db
    .prepare(
      `SELECT id, file_ref FROM sp_items WHERE list_pk = ? AND fs_type = 1 AND unique_perms = 1 AND file_ref IS NOT NULL ORDER BY length(file_ref) DESC`,
    )
    .all(listPk) as { id: number; file_ref: string }[];
}

/** Effective permission mask of the caller at a scope (union of its own and its groups' role assignments). */
export function maskAt(ctx: SpContext, scope: Scope): bigint {
  if (ctx.isAdmin) return FULL_MASK;
  return maskFor(ctx.db, ctx.principals, scope);
}

/**
 * Effective permission mask of a set of principals at a scope: the union of the masks of the role definitions bound to
 * them there, read from the stored definitions (custom levels included) in the same query as the assignments.
 */
export function maskFor(db: Database, principals: number[], scope: Scope): bigint {
  if (principals.length === 0) return 0n;
  const rows = db
    .prepare(
      `SELECT DISTINCT d.low, d.high FROM sp_role_assignments ra JOIN sp_role_definitions d ON d.id = ra.roledef_id
       WHERE ra.scope_type = ? AND ra.list_pk = ? AND ra.item_id = ?
       AND ra.principal_id IN (${principals.map(() => '?').join(',')})`,
    )
    .all(scope.type, scope.listPk, scope.itemId, ...principals) as { low: number; high: number }[];
  let mask = 0n;
  for (const r of rows) mask |= (BigInt(r.high >>> 0) << 32n) | BigInt(r.low >>> 0);
  return mask;
}

/** A human description of a scope for refusals: `web`, `list 'Toetslog'`, `list 'Toetslog' item 12`. */
export function describeScope(db: Database, scope: Scope): string {
  const one = (listPk: number, itemId: number): string => {
    if (listPk === 0) return 'web';
    const title = db.prepare(`SELECT title FROM sp_lists WHERE pk = ?`).pluck().get(listPk) as string | undefined;
    const list = `list '${title ?? listPk}'`;
    return itemId ? `${list} item ${itemId}` : list;
  };
  const own = one(scope.listPk, scope.itemId);
  if (!scope.of || (scope.of.listPk === scope.listPk && scope.of.itemId === scope.itemId)) return own;
  return `${one(scope.of.listPk, scope.of.itemId)} (permissions of ${own})`;
}

/**
 * Throws SharePoint's 403 "Access denied." unless the caller holds the permission at the scope; the refusal names the
 * permission and the object (see errors.ts accessDenied).
 */
export function demand(ctx: SpContext, scope: Scope, kind: number): void {
  if (!hasKind(maskAt(ctx, scope), kind)) throw denied(ctx, scope, kind);
}

/** The 403 for a permission kind missing at a scope (for checks that are made elsewhere than demand). */
export function denied(ctx: SpContext, scope: Scope, kind: number, why?: string): Error {
  return accessDenied(kindName(kind), `${describeScope(ctx.db, scope)}${why ? `; ${why}` : ''}`);
}

/** True when the caller holds the permission at the scope. */
export function allowed(ctx: SpContext, scope: Scope, kind: number): boolean {
  return hasKind(maskAt(ctx, scope), kind);
}

/** SQL subquery of the ids of the stored role definitions that grant a permission kind. */
export function rolesGrantingSql(kind: number): string {
  return `(SELECT d.id FROM sp_role_definitions d WHERE ${kindSql('d', kind)})`;
}

/** Ids of the stored role definitions that grant a permission kind. */
export function rolesGranting(db: Database, kind: number): number[] {
  return db.prepare(`SELECT d.id FROM sp_role_definitions d WHERE ${kindSql('d', kind)}`).pluck().all() as number[];
}

/**
 * True when the caller has any role assignment anywhere in the site (SharePoint's "limited access" lets a user who was
 * only granted one item or list reach the web); a user with none gets 403 on the web.
 */
export function canReachWeb(ctx: SpContext): boolean {
  if (ctx.isAdmin) return true;
  const ps = ctx.principals;
  const row = ctx.db
    .prepare(`SELECT 1 FROM sp_role_assignments WHERE principal_id IN (${ps.map(() => '?').join(',')}) LIMIT 1`)
    .get(...ps);
  return !!row;
}

/**
 * SQL condition (over alias `i` of sp_items) that keeps only items the caller may view (security trimming), with its
 * parameters. Items inheriting from the list follow `listReadable`; items with unique permissions need an assignment
 * granting the kind on the item itself (through a stored role definition, custom levels included).
 */
export function trimmingSql(
  ctx: SpContext,
  listPk: number,
  listReadable: boolean,
  viewKind: number,
): { sql: string; params: unknown[] } {
  if (ctx.isAdmin) return { sql: '1', params: [] };
  const ps = ctx.principals;
  const params: unknown[] = [...ps];
  // Items that inherit take the nearest folder with unique permissions, else the list (SharePoint's inheritance chain).
  const folders = uniqueFolders(ctx.db, listPk);
  let inherited = listReadable ? '1' : '0';
  if (folders.length) {
    const readable = new Set(
      folders.filter((f) => hasKind(maskAt(ctx, { type: 'item', listPk, itemId: f.id }), viewKind)).map((f) => f.id),
    );
    const cases = folders.map((f) => {
      params.push(`${f.file_ref.toLowerCase()}/`);
      return `WHEN substr(lower(i.file_ref), 1, ${f.file_ref.length + 1}) = ? THEN ${readable.has(f.id) ? 1 : 0}`;
    });
    inherited = `(CASE ${cases.join(' ')} ELSE ${listReadable ? 1 : 0} END)`;
  }
  const sql = `((i.unique_perms = 1 AND EXISTS (SELECT 1 FROM sp_role_assignments ra
    WHERE ra.scope_type = 'item' AND ra.list_pk = i.list_pk AND ra.item_id = i.id
    AND ra.principal_id IN (${ps.map(() => '?').join(',')}) AND ra.roledef_id IN ${rolesGrantingSql(viewKind)})) OR (i.unique_perms = 0 AND ${inherited} = 1))`;
  return { sql, params };
}

/** True when any item of the list with unique permissions grants the caller a view (SharePoint's limited access to the list). */
export function hasItemAccessIn(ctx: SpContext, listPk: number, viewKind: number): boolean {
  if (ctx.isAdmin) return true;
  const ps = ctx.principals;
  return !!ctx.db
    .prepare(
      `SELECT 1 FROM sp_role_assignments WHERE scope_type = 'item' AND list_pk = ? AND principal_id IN (${ps.map(() => '?').join(',')})
       AND roledef_id IN ${rolesGrantingSql(viewKind)} LIMIT 1`,
    )
    .get(listPk, ...ps);
}

/** Copies the role assignments of the scope a securable inherited from onto the securable (breakRoleInheritance(true)). */
export function copyAssignments(db: Database, from: Scope, to: Scope): void {
  db.prepare(
    `INSERT OR IGNORE INTO sp_role_assignments (scope_type, list_pk, item_id, principal_id, roledef_id)
     SELECT ?, ?, ?, principal_id, roledef_id FROM sp_role_assignments WHERE scope_type = ? AND list_pk = ? AND item_id = ?`,
  ).run(to.type, to.listPk, to.itemId, from.type, from.listPk, from.itemId);
}

/** Removes every role assignment of a scope. */
export function clearAssignments(db: Database, scope: Scope): void {
  db.prepare(`DELETE FROM sp_role_assignments WHERE scope_type = ? AND list_pk = ? AND item_id = ?`).run(
    scope.type,
    scope.listPk,
    scope.itemId,
  );
}

