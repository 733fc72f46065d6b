/** Unique permissions of a list (e.g. the Datalekregister: privacy officers and the reporter only, art. 33(5)). */
import '@pnp/sp/security/list';
import type { IList } from '@pnp/sp/lists';
import type { StepRecorder } from '../report';
import type { ListSpec } from '../types';
import { currentAssignments, ensureAssignment, type RoleResolver } from './roles';

/** Breaks inheritance once (without copying, keeping sub-scopes) and ensures each grant. */
export async function ensureListPermissions(
  list: IList,
  spec: ListSpec,
  groupIds: Map<string, number>,
  roles: RoleResolver,
  rec: StepRecorder,
): Promise<void> {
  if (!spec.uniquePermissions) return;
  const info: { HasUniqueRoleAssignments: boolean } = await list.select('HasUniqueRoleAssignments')();
  if (!info.HasUniqueRoleAssignments) {
    // Not copying (nobody keeps access by accident), and NOT clearing sub-scopes: folders and items that already have
    // their own permissions (e.g. an older site's restricted folder, art. 10.1) must keep them, not inherit the list's.
    await list.breakRoleInheritance(false, false);
    rec.record('permissions', `${spec.title}: unieke machtigingen`, 'created');
  } else {
    rec.record('permissions', `${spec.title}: unieke machtigingen`, 'unchanged');
  }
  const assigned = await currentAssignments(list);
  for (const grant of spec.uniquePermissions) {
    const principal = groupIds.get(grant.group);
    if (principal === undefined)
      throw new Error(`Groep '${grant.group}' voor '${spec.title}' bestaat niet in de configuratie (groups).`);
    const added = await ensureAssignment(list, assigned, principal, await roles.id(grant.role));
    rec.record('permissions', `${spec.title}: ${grant.group} ${grant.role}`, added ? 'created' : 'unchanged');
  }
}
