import { badQuery, badValue, notFound, SpError } from './errors';
import type { SpContext } from './context';
import { principalById, principalJson } from './principals';
import { ROLE_DEFINITIONS, basePermissionsJson, roleById, type RoleDefinition, PermissionKind } from './roles';
import {
  type Scope,
  WEB_SCOPE,
  clearAssignments,
  copyAssignments,
  demand,
  itemScope,
  listScope,
  maskAt,
  maskFor,
  parentScope,
  principalsOf,
} from './security';
import { webMeta } from './site';

/** A securable object: the web, a list or an item, with the scope it currently takes permissions from. */
export interface Securable {
  /** The object's own scope (used once it has unique permissions). */
  own: Scope;
  /** The scope permissions come from now (own when unique, else inherited). */
  effective(ctx: SpContext): Scope;
  hasUnique(ctx: SpContext): boolean;
  /** Parent's effective scope (what it inherits from). */
  parent(ctx: SpContext): Scope | null;
  setUnique(ctx: SpContext, unique: boolean): void;
}

/** The web as a securable (it always has unique permissions in the emulator: it is the root web). */
export const webSecurable: Securable = {
  own: WEB_SCOPE,
  effective: () => WEB_SCOPE,
  hasUnique: (ctx) => webMeta(ctx.db, 'web_unique_perms') !== '0',
  parent: () => null,
  setUnique: () => undefined,
};

/** A list as a securable. */
export function listSecurable(listPk: number): Securable {
  return {
    own: { type: 'list', listPk, itemId: 0 },
    effective: (ctx) => listScope(ctx.db, listPk),
    hasUnique: (ctx) =>
      (ctx.db.prepare(`SELECT unique_perms FROM sp_lists WHERE pk = ?`).pluck().get(listPk) as number) === 1,
    parent: () => WEB_SCOPE,
    setUnique: (ctx, u) =>
      void ctx.db.prepare(`UPDATE sp_lists SET unique_perms = ? WHERE pk = ?`).run(u ? 1 : 0, listPk),
  };
}

/** An item (or the item behind a file or folder) as a securable. */
export function itemSecurable(listPk: number, itemId: number): Securable {
  return {
    own: { type: 'item', listPk, itemId },
    effective: (ctx) => itemScope(ctx.db, listPk, itemId),
    hasUnique: (ctx) =>
      (ctx.db
        .prepare(`SELECT unique_perms FROM sp_items WHERE list_pk = ? AND id = ?`)
        .pluck()
        .get(listPk, itemId) as number) === 1,
    parent: (ctx) => {
      const ref = ctx.db
        .prepare(`SELECT file_ref FROM sp_items WHERE list_pk = ? AND id = ?`)
        .pluck()
        .get(listPk, itemId) as string | null;
      return ref ? parentScope(ctx.db, listPk, ref) : listScope(ctx.db, listPk);
    },
    setUnique: (ctx, u) =>
      void ctx.db
        .prepare(`UPDATE sp_items SET unique_perms = ? WHERE list_pk = ? AND id = ?`)
        .run(u ? 1 : 0, listPk, itemId),
  };
}

/** SP.RoleDefinition JSON. */
export function roleDefJson(ctx: SpContext, r: RoleDefinition): Record<string, unknown> {
  return {
    'odata.type': 'SP.RoleDefinition',
    'odata.id': `${ctx.webUrl}/_api/Web/RoleDefinitions(${r.id})`,
    'odata.editLink': `Web/RoleDefinitions(${r.id})`,
    BasePermissions: { High: String(r.high), Low: String(r.low) },
    Description: r.description,
    Hidden: r.roleTypeKind === 1,
    Id: r.id,
    Name: r.name,
    Order: r.order,
    RoleTypeKind: r.roleTypeKind,
  };
}

/** Role definition by id / name / type, or SharePoint's 404. */
export function findRoleDef(by: { id?: number; name?: string; type?: number }): RoleDefinition {
  const r = ROLE_DEFINITIONS.find(
    (x) =>
      (by.id !== undefined && x.id === by.id) ||
      (by.name !== undefined && x.name.toLowerCase() === by.name.toLowerCase()) ||
      (by.type !== undefined && x.roleTypeKind === by.type),
  );
  if (!r) throw notFound('-2146232832, Microsoft.SharePoint.SPException', 'Permission level cannot be found.');
  return r;
}

/** SP.RoleAssignment JSON (Member and RoleDefinitionBindings inlined when expanded). */
export function roleAssignmentJson(
  ctx: SpContext,
  scope: Scope,
  principalId: number,
  expand: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    'odata.type': 'SP.RoleAssignment',
    'odata.id': `${ctx.webUrl}/_api/Web/RoleAssignments/GetByPrincipalId(${principalId})`,
    'odata.editLink': `Web/RoleAssignments/GetByPrincipalId(${principalId})`,
    PrincipalId: principalId,
  };
  if (expand.some((e) => e.toLowerCase() === 'member')) {
    const p = principalById(ctx.db, principalId);
    if (p) out.Member = principalJson(ctx, p);
  }
  if (expand.some((e) => e.toLowerCase() === 'roledefinitionbindings'))
    out.RoleDefinitionBindings = bindings(ctx, scope, principalId).map((r) => roleDefJson(ctx, r));
  return out;
}

/** Role definitions bound to a principal at a scope. */
export function bindings(ctx: SpContext, scope: Scope, principalId: number): RoleDefinition[] {
  const ids = ctx.db
    .prepare(
      `SELECT roledef_id FROM sp_role_assignments WHERE scope_type = ? AND list_pk = ? AND item_id = ? AND principal_id = ?`,
    )
    .pluck()
    .all(scope.type, scope.listPk, scope.itemId, principalId) as number[];
  return ids.map((id) => roleById(id)).filter((r): r is RoleDefinition => !!r);
}

/** Principals that hold a role assignment at a scope. */
export function assignedPrincipals(ctx: SpContext, scope: Scope): number[] {
  return ctx.db
    .prepare(
      `SELECT DISTINCT principal_id FROM sp_role_assignments WHERE scope_type = ? AND list_pk = ? AND item_id = ? ORDER BY principal_id`,
    )
    .pluck()
    .all(scope.type, scope.listPk, scope.itemId) as number[];
}

/** Changing role assignments needs Manage Permissions where they apply; an object that inherits has none of its own. */
function demandUnique(ctx: SpContext, s: Securable): void {
  demand(ctx, s.effective(ctx), PermissionKind.ManagePermissions);
  if (!s.hasUnique(ctx)) {
    throw new SpError(
      400,
      '-2146232832, Microsoft.SharePoint.SPException',
      'This operation is not allowed on an object that inherits permissions.',
    );
  }
}

/** `addroleassignment(principalid=…,roledefid=…)`. */
export function addRoleAssignment(ctx: SpContext, s: Securable, principalId: number, roleDefId: number): void {
  demandUnique(ctx, s);
  if (!principalById(ctx.db, principalId))
    throw badValue(`The principal with id ${principalId} (principalid) does not exist in this site.`);
  findRoleDef({ id: roleDefId });
  ctx.db
    .prepare(
      `INSERT OR IGNORE INTO sp_role_assignments (scope_type, list_pk, item_id, principal_id, roledef_id) VALUES (?, ?, ?, ?, ?)`,
    )
    .run(s.own.type, s.own.listPk, s.own.itemId, principalId, roleDefId);
}

/** `removeroleassignment(principalid=…,roledefid=…)`. */
export function removeRoleAssignment(
  ctx: SpContext,
  s: Securable,
  principalId: number,
  roleDefId: number | null,
): void {
  demandUnique(ctx, s);
  const sql = `DELETE FROM sp_role_assignments WHERE scope_type = ? AND list_pk = ? AND item_id = ? AND principal_id = ?${roleDefId === null ? '' : ' AND roledef_id = ?'}`;
  const args: unknown[] = [s.own.type, s.own.listPk, s.own.itemId, principalId];
  if (roleDefId !== null) args.push(roleDefId);
  ctx.db.prepare(sql).run(...args);
}

/** `breakroleinheritance(copyroleassignments=…,clearsubscopes=…)`. */
export function breakInheritance(ctx: SpContext, s: Securable, copy: boolean, clearSubscopes: boolean): void {
  demand(ctx, s.effective(ctx), PermissionKind.ManagePermissions);
  if (s.hasUnique(ctx)) return;
  const parent = s.parent(ctx);
  clearAssignments(ctx.db, s.own);
  if (copy && parent) copyAssignments(ctx.db, parent, s.own);
  s.setUnique(ctx, true);
  if (clearSubscopes && s.own.type === 'list') {
    // clearsubscopes: items under the list inherit again.
    ctx.db.prepare(`DELETE FROM sp_role_assignments WHERE scope_type = 'item' AND list_pk = ?`).run(s.own.listPk);
    ctx.db.prepare(`UPDATE sp_items SET unique_perms = 0 WHERE list_pk = ?`).run(s.own.listPk);
  }
  if (!copy && !ctx.isAdmin) {
    // SharePoint keeps the caller's access when it breaks inheritance without copying (the caller gets Full Control).
    ctx.db
      .prepare(
        `INSERT OR IGNORE INTO sp_role_assignments (scope_type, list_pk, item_id, principal_id, roledef_id) VALUES (?, ?, ?, ?, 1073741829)`,
      )
      .run(s.own.type, s.own.listPk, s.own.itemId, ctx.user.id);
  }
}

/** `resetroleinheritance`. */
export function resetInheritance(ctx: SpContext, s: Securable): void {
  if (s.own.type === 'web') throw badQuery('The root web cannot inherit permissions.');
  demand(ctx, s.effective(ctx), PermissionKind.ManagePermissions);
  clearAssignments(ctx.db, s.own);
  s.setUnique(ctx, false);
}

/** `getusereffectivepermissions(@user)`: the mask a given user has on the securable. */
export function userEffectivePermissions(ctx: SpContext, s: Securable, login: string): { High: string; Low: string } {
  demand(ctx, s.effective(ctx), PermissionKind.EnumeratePermissions);
  const email = login.split('|').pop()!.toLowerCase();
  const u = ctx.db
    .prepare(`SELECT id, is_site_admin FROM sp_principals WHERE kind = 'user' AND (login_name = ? OR lower(email) = ?)`)
    .get(login, email) as { id: number; is_site_admin: number } | undefined;
  if (!u) return basePermissionsJson(0n);
  if (u.is_site_admin) return { High: '2147483647', Low: '4294967295' };
  return basePermissionsJson(maskFor(ctx.db, principalsOf(ctx.db, u.id), s.effective(ctx)));
}

/** `effectivebasepermissions`: the caller's own mask. */
export function ownEffectivePermissions(ctx: SpContext, s: Securable): { High: string; Low: string } {
  return basePermissionsJson(maskAt(ctx, s.effective(ctx)));
}
