/**
 * Permission levels: the built-in ones by type (locale independent), the space's own ones ensured by name with exactly
 * their permissions; and role assignments, reconciled to exactly what the schema lists.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/security';
import type { RoleTypeKind } from '@pnp/sp/security/types';
import type { SecurableQueryable } from '@pnp/sp/security/types';
import { ROLE_TYPE, basePermissions, isCustomRole, levelOf, type PermissionLevelSpec, type RoleKind } from '../levels';
import type { StepRecorder } from '../report';
import type { Grant } from '../types';

/** A role definition as read from the site. */
interface RoleDefRow {
  Id: number;
  Name: string;
  Description: string;
  BasePermissions: { High: string | number; Low: string | number };
}

/** Resolves role definition ids once per run. */
export class RoleResolver {
  private readonly cache = new Map<RoleKind, number>();
  public constructor(private readonly sp: SPFI) {}

  /** The role definition id for a role kind (a custom level must have been ensured first). */
  public async id(role: RoleKind): Promise<number> {
    const known = this.cache.get(role);
    if (known !== undefined) return known;
    const def = isCustomRole(role)
      ? await this.sp.web.roleDefinitions.getByName(levelOf(role).name).select('Id')()
      : await this.sp.web.roleDefinitions.getByType(ROLE_TYPE[role] as RoleTypeKind).select('Id')();
    this.cache.set(role, def.Id);
    return def.Id;
  }

  /** Remembers the id of a level just ensured. */
  public remember(role: RoleKind, id: number): void {
    this.cache.set(role, id);
  }
}

/**
 * Ensures the space's own permission levels exist with exactly their permissions: created when missing, corrected
 * when someone widened or narrowed one (a level is a rule of the agreement, art. 9.2 and AVG art. 5(2), 33(5)).
 */
export async function ensurePermissionLevels(
  sp: SPFI,
  levels: readonly PermissionLevelSpec[],
  roles: RoleResolver,
  rec: StepRecorder,
): Promise<void> {
  const existing: RoleDefRow[] = await sp.web.roleDefinitions.select('Id', 'Name', 'Description', 'BasePermissions')();
  for (const level of levels) {
    const want = basePermissions(level.kinds);
    const found = existing.find((r) => r.Name.toLowerCase() === level.name.toLowerCase());
    if (!found) {
      const created = await sp.web.roleDefinitions.add(level.name, level.description, level.order, {
        High: want.High,
        Low: want.Low,
      });
      roles.remember(level.key, Number(created.data.Id));
      rec.record('permissionLevel', level.name, 'created');
      continue;
    }
    roles.remember(level.key, found.Id);
    const same =
      Number(found.BasePermissions.High) === want.High &&
      Number(found.BasePermissions.Low) === want.Low &&
      found.Description === level.description;
    if (same) {
      rec.record('permissionLevel', level.name, 'unchanged');
      continue;
    }
    await sp.web.roleDefinitions.getById(found.Id).update({
      Description: level.description,
      BasePermissions: { High: want.High, Low: want.Low },
    });
    rec.record('permissionLevel', level.name, 'updated', 'rechten hersteld');
  }
}

/** Current assignments of a securable as principal id -> role definition ids. */
export async function currentAssignments(securable: SecurableQueryable): Promise<Map<number, number[]>> {
  const rows: Array<{ PrincipalId: number; RoleDefinitionBindings: Array<{ Id: number }> }> =
    await securable.roleAssignments
      .select('PrincipalId', 'RoleDefinitionBindings/Id')
      .expand('RoleDefinitionBindings')();
  return new Map(rows.map((r) => [r.PrincipalId, r.RoleDefinitionBindings.map((b) => b.Id)]));
}

/** Adds a role assignment unless the principal already holds that role; true when it added one. */
export async function ensureAssignment(
  securable: SecurableQueryable,
  existing: Map<number, number[]>,
  principalId: number,
  roleDefId: number,
): Promise<boolean> {
  if (existing.get(principalId)?.includes(roleDefId)) return false;
  await securable.roleAssignments.add(principalId, roleDefId);
  existing.set(principalId, [...(existing.get(principalId) ?? []), roleDefId]);
  return true;
}

/** A grant resolved to ids: who, which level, and how the report names it. */
export interface ResolvedGrant {
  principalId: number;
  roleDefId: number;
  label: string;
}

/**
 * Makes a securable with unique permissions hold exactly `grants`: adds what is missing, removes every other binding
 * (an older design's Contribute on a review folder, a hand-made grant, the Team's Members group). The principals of
 * `keep` keep what they hold (the site's owners), so a run by a site owner never locks the owners out.
 */
export async function reconcileAssignments(
  securable: SecurableQueryable,
  grants: readonly ResolvedGrant[],
  target: string,
  rec: StepRecorder,
  keep: ReadonlySet<number> = new Set(),
): Promise<void> {
  const existing = await currentAssignments(securable);
  for (const grant of grants) {
    const added = await ensureAssignment(securable, existing, grant.principalId, grant.roleDefId);
    rec.record('permissions', `${target}: ${grant.label}`, added ? 'created' : 'unchanged');
  }
  for (const [principalId, roleDefIds] of existing) {
    if (keep.has(principalId)) continue;
    for (const roleDefId of roleDefIds) {
      if (grants.some((g) => g.principalId === principalId && g.roleDefId === roleDefId)) continue;
      await securable.roleAssignments.remove(principalId, roleDefId);
      rec.record('permissions', `${target}: principal ${principalId} rol ${roleDefId}`, 'removed');
    }
  }
}

/** Resolves grants (group keys, pseudo groups and role kinds) to principal and role definition ids. */
export async function resolveGrants(
  grants: readonly Grant[],
  groupIds: ReadonlyMap<string, number>,
  roles: RoleResolver,
  where: string,
): Promise<ResolvedGrant[]> {
  const out: ResolvedGrant[] = [];
  for (const grant of grants) {
    const principalId = groupIds.get(grant.group);
    if (principalId === undefined)
      throw new Error(`Groep '${grant.group}' voor '${where}' bestaat niet in de configuratie (groups).`);
    out.push({ principalId, roleDefId: await roles.id(grant.role), label: `${grant.group} ${grant.role}` });
  }
  return out;
}

/**
 * Gives a securable unique permissions holding exactly `grants`: breaks inheritance once (without copying, so nobody
 * keeps access by accident, and without clearing sub-scopes, so folders that already have their own permissions keep
 * them), then reconciles the assignments.
 */
export async function ensureUniqueGrants(
  securable: SecurableQueryable,
  hasUnique: boolean,
  grants: readonly ResolvedGrant[],
  target: string,
  rec: StepRecorder,
): Promise<void> {
  if (!hasUnique) {
    await securable.breakRoleInheritance(false, false);
    rec.record('permissions', `${target}: unieke machtigingen`, 'created');
  } else {
    rec.record('permissions', `${target}: unieke machtigingen`, 'unchanged');
  }
  await reconcileAssignments(securable, grants, target, rec);
}
