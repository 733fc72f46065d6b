/** Role definitions by type (locale independent) and role assignments, ensured without duplicates. */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/security';
import type { SecurableQueryable } from '@pnp/sp/security/types';
import type { RoleKind } from '../types';

/** SharePoint RoleTypeKind per role (Reader 2, Contributor 3, Administrator 5, Editor 6). */
const ROLE_TYPE = { reader: 2, contributor: 3, administrator: 5, editor: 6 } as const;

/** Resolves role definition ids once per run. */
export class RoleResolver {
  private readonly cache = new Map<RoleKind, number>();
  public constructor(private readonly sp: SPFI) {}

  /** The role definition id for a role kind. */
  public async id(role: RoleKind): Promise<number> {
    const known = this.cache.get(role);
    if (known !== undefined) return known;
    const def = await this.sp.web.roleDefinitions.getByType(ROLE_TYPE[role]).select('Id')();
    this.cache.set(role, def.Id);
    return def.Id;
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
