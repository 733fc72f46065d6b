import { badQuery, badValue, notFound, SpError } from './errors';
import type { SpContext } from './context';
import { principalById, principalJson } from './principals';
import {
  FIXED_ROLE_TYPES,
  FULL_CONTROL_ID,
  type RoleDefinition,
  PermissionKind,
  basePermissionsJson,
  hasKind,
  kindName,
  maskOf,
  roleById,
  roleByName,
  roleByType,
} from './roles';
import { switchesOf } from './switches';
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
import { webMeta } from './store';

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
    Hidden: r.hidden,
    Id: r.id,
    Name: r.name,
    Order: r.order,
    RoleTypeKind: r.roleTypeKind,
  };
}

/** Role definition by id / name / type (the stored ones, custom levels included), or SharePoint's 404. */
export function findRoleDef(ctx: SpContext, by: { id?: number; name?: string; type?: number }): RoleDefinition {
  const r =
    by.id !== undefined
      ? roleById(ctx.db, by.id)
      : by.name !== undefined
        ? roleByName(ctx.db, by.name)
        : by.type !== undefined
          ? roleByType(ctx.db, by.type)
          : undefined;
  if (!r) throw notFound('-2146232832, Microsoft.SharePoint.SPException', 'Permission level cannot be found.');
  return r;
}

/** Characters SharePoint does not allow in a role definition name (ee540884). */
const BAD_ROLE_NAME = /[[\]/\\:|<>+=;,?*'@]/;

/** Permissions the UI makes others depend on (user-permissions-and-permission-levels); checked behind a switch. */
const DEPENDENCIES: [number, number[]][] = [
  [
    PermissionKind.ApproveItems,
    [PermissionKind.EditListItems, PermissionKind.ViewListItems, PermissionKind.ViewPages, PermissionKind.Open],
  ],
  [
    PermissionKind.ManagePermissions,
    [
      PermissionKind.ViewListItems,
      PermissionKind.OpenItems,
      PermissionKind.ViewVersions,
      PermissionKind.BrowseDirectories,
      PermissionKind.ViewPages,
      PermissionKind.EnumeratePermissions,
      PermissionKind.BrowseUserInfo,
      PermissionKind.Open,
    ],
  ],
];

function uint32(v: unknown, what: string): number {
  const n = typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 0xffffffff)
    throw badValue(`The value of '${what}' must be an unsigned 32-bit integer (sent as a string), e.g. "1011028719".`);
  return n;
}

/** Validates the writable properties of an SP.RoleDefinition body; unknown properties are SharePoint's 400. */
function roleDefProps(
  ctx: SpContext,
  body: Record<string, unknown>,
  selfId: number | null,
): Partial<Pick<RoleDefinition, 'name' | 'description' | 'order' | 'low' | 'high'>> {
  const out: Partial<Pick<RoleDefinition, 'name' | 'description' | 'order' | 'low' | 'high'>> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === '__metadata' || k === 'odata.type') continue;
    if (k === 'Name') {
      if (typeof v !== 'string' || !v.trim())
        throw badValue(`The property 'Name' of the role definition is required and cannot be empty.`);
      if (v.length > 255) throw badValue(`The role definition name (Name) cannot be longer than 255 characters.`);
      if (BAD_ROLE_NAME.test(v))
        throw new SpError(
          400,
          '-2147024809, System.ArgumentException',
          `The role definition name '${v}' (Name) contains characters that are not allowed: [ ] / \\ : | < > + = ; , ? * ' @`,
        );
      const other = roleByName(ctx.db, v);
      if (other && other.id !== selfId)
        throw new SpError(
          400,
          '-2130575293, Microsoft.SharePoint.SPException',
          `The role definition name '${v}' is already in use by another permission level.`,
        );
      out.name = v;
    } else if (k === 'Description') {
      if (typeof v !== 'string') throw badValue(`The property 'Description' of the role definition must be a text.`);
      out.description = v;
    } else if (k === 'Order') {
      if (typeof v !== 'number' || !Number.isInteger(v))
        throw badValue(`The property 'Order' of the role definition must be an integer.`);
      out.order = v;
    } else if (k === 'BasePermissions') {
      const bp = (v ?? {}) as Record<string, unknown>;
      if (typeof bp !== 'object' || bp.High === undefined || bp.Low === undefined)
        throw badValue(`The property 'BasePermissions' needs 'High' and 'Low'.`);
      out.high = uint32(bp.High, 'BasePermissions.High');
      out.low = uint32(bp.Low, 'BasePermissions.Low');
    } else
      throw badValue(
        `The property '${k}' does not exist on type 'SP.RoleDefinition'. Make sure to only use property names that are defined by the type.`,
      );
  }
  if (out.low !== undefined && switchesOf(ctx).roleDependencies) {
    const mask = maskOf({ low: out.low, high: out.high ?? 0 });
    for (const [kind, needs] of DEPENDENCIES) {
      if (!hasKind(mask, kind)) continue;
      const missing = needs.filter((n) => !hasKind(mask, n));
      if (missing.length)
        throw badValue(
          `${kindName(kind)} depends on ${missing.map(kindName).join(', ')} (switch roleDependencies is on).`,
        );
    }
  }
  return out;
}

/** `POST web/roledefinitions`: a new permission level (needs ManagePermissions on the web). */
export function createRoleDef(ctx: SpContext, body: Record<string, unknown>): RoleDefinition {
  demand(ctx, WEB_SCOPE, PermissionKind.ManagePermissions);
  const p = roleDefProps(ctx, body, null);
  if (p.name === undefined) throw badValue(`The property 'Name' of the role definition is required.`);
  if (p.low === undefined || p.high === undefined)
    throw badValue(`The property 'BasePermissions' of the role definition is required.`);
  const next = Math.max(
    1073741830,
    (ctx.db.prepare(`SELECT max(id) FROM sp_role_definitions`).pluck().get() as number | null) ?? 0,
  ) + 1;
  ctx.db
    .prepare(
      `INSERT INTO sp_role_definitions (id, name, description, role_type_kind, sort_order, low, high, hidden) VALUES (?, ?, ?, 0, ?, ?, ?, 0)`,
    )
    .run(next, p.name, p.description ?? '', p.order ?? 0, p.low, p.high);
  return roleById(ctx.db, next)!;
}

function demandChangeable(ctx: SpContext, r: RoleDefinition, what: string): void {
  demand(ctx, WEB_SCOPE, PermissionKind.ManagePermissions);
  if (FIXED_ROLE_TYPES.includes(r.roleTypeKind))
    throw new SpError(
      400,
      '-2146232832, Microsoft.SharePoint.SPException',
      `The permission level '${r.name}' cannot be ${what}: SharePoint does not allow changing Full Control (Administrator) or Limited Access (Guest).`,
    );
}

/** MERGE on `roledefinitions(id)` (needs ManagePermissions; Full Control and Limited Access cannot be edited). */
export function updateRoleDef(ctx: SpContext, id: number, body: Record<string, unknown>): void {
  const r = findRoleDef(ctx, { id });
  demandChangeable(ctx, r, 'edited');
  const p = roleDefProps(ctx, body, r.id);
  ctx.db
    .prepare(
      `UPDATE sp_role_definitions SET name = ?, description = ?, sort_order = ?, low = ?, high = ? WHERE id = ?`,
    )
    .run(p.name ?? r.name, p.description ?? r.description, p.order ?? r.order, p.low ?? r.low, p.high ?? r.high, r.id);
}

/**
 * DELETE on `roledefinitions(id)` (or `deleteObject`): needs ManagePermissions; Full Control and Limited Access cannot be
 * deleted. A level still bound in role assignments is deleted with its bindings, as SPRoleDefinitionCollection.Delete
 * documents ("deleting all role assignment bindings for the definition", ms415274).
 */
export function deleteRoleDef(ctx: SpContext, id: number): void {
  const r = findRoleDef(ctx, { id });
  demandChangeable(ctx, r, 'deleted');
  ctx.db.prepare(`DELETE FROM sp_role_assignments WHERE roledef_id = ?`).run(r.id);
  ctx.db.prepare(`DELETE FROM sp_role_definitions WHERE id = ?`).run(r.id);
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
  return ids.map((id) => roleById(ctx.db, id)).filter((r): r is RoleDefinition => !!r);
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
  findRoleDef(ctx, { id: roleDefId });
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
        `INSERT OR IGNORE INTO sp_role_assignments (scope_type, list_pk, item_id, principal_id, roledef_id) VALUES (?, ?, ?, ?, ?)`,
      )
      .run(s.own.type, s.own.listPk, s.own.itemId, ctx.user.id, FULL_CONTROL_ID);
  }
}

/** `resetroleinheritance`. */
export function resetInheritance(ctx: SpContext, s: Securable): void {
  if (s.own.type === 'web') throw badQuery('The root web cannot inherit permissions.');
  // UNCONFIRMED which permission SharePoint demands (switch resetInheritancePermission, default ManagePermissions).
  const need = switchesOf(ctx).resetInheritancePermission;
  if (need) demand(ctx, s.effective(ctx), PermissionKind[need]);
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
