/** Site groups from the configuration (art. 1e autorisatielijst) and their web-level roles. */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/site-groups/web';
import type { StepRecorder } from '../report';
import type { GroupSpec } from '../types';
import { currentAssignments, ensureAssignment, type RoleResolver } from './roles';

/** Ensures every group exists with its description and web role; returns group key -> principal id. */
export async function ensureGroups(
  sp: SPFI,
  groups: readonly GroupSpec[],
  roles: RoleResolver,
  rec: StepRecorder,
): Promise<Map<string, number>> {
  const existing: Array<{ Id: number; Title: string; Description: string | null }> = await sp.web.siteGroups.select(
    'Id',
    'Title',
    'Description',
  )();
  const ids = new Map<string, number>();
  for (const spec of groups) {
    const found = existing.find((g) => g.Title.toLowerCase() === spec.title.toLowerCase());
    if (!found) {
      const created = await sp.web.siteGroups.add({ Title: spec.title, Description: spec.description });
      ids.set(spec.key, created.Id);
      rec.record('group', spec.title, 'created');
    } else if ((found.Description ?? '') !== spec.description) {
      await sp.web.siteGroups.getById(found.Id).update({ Description: spec.description });
      ids.set(spec.key, found.Id);
      rec.record('group', spec.title, 'updated', 'description');
    } else {
      ids.set(spec.key, found.Id);
      rec.record('group', spec.title, 'unchanged');
    }
  }
  const assigned = await currentAssignments(sp.web);
  for (const spec of groups) {
    if (!spec.webRole) continue;
    const principal = ids.get(spec.key) as number;
    const added = await ensureAssignment(sp.web, assigned, principal, await roles.id(spec.webRole));
    rec.record('webRole', `${spec.title}: ${spec.webRole}`, added ? 'created' : 'unchanged');
  }
  return ids;
}
