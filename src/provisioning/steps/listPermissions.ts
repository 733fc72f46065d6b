/** Unique permissions of a list: exactly the schema's grants (e.g. the Toetslog: append-only for staff, AVG art. 5(2)). */
import '@pnp/sp/security/list';
import type { IList } from '@pnp/sp/lists';
import type { StepRecorder } from '../report';
import type { ListSpec } from '../types';
import { ensureUniqueGrants, resolveGrants, type RoleResolver } from './roles';

/** Breaks inheritance once and makes the list hold exactly the spec's grants. */
export async function ensureListPermissions(
  list: IList,
  spec: ListSpec,
  groupIds: ReadonlyMap<string, number>,
  roles: RoleResolver,
  rec: StepRecorder,
): Promise<void> {
  const info: { HasUniqueRoleAssignments: boolean } = await list.select('HasUniqueRoleAssignments')();
  const grants = await resolveGrants(spec.uniquePermissions, groupIds, roles, spec.title);
  await ensureUniqueGrants(list, info.HasUniqueRoleAssignments, grants, spec.title, rec);
}
