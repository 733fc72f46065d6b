/** Site groups from the configuration (art. 1e autorisatielijst) and their web-level roles. */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/site-groups/web';
import type { StepRecorder } from '../report';
import { SITE_MEMBERS, SITE_OWNERS, SITE_VISITORS } from '../names';
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
  // Web roles of our groups, reconciled: an older design's Contribute on the web goes (staff write only where a
  // governed list or folder grants it); other principals on the web (the Team's own groups) are left alone.
  const assigned = await currentAssignments(sp.web);
  for (const spec of groups) {
    const principal = ids.get(spec.key) as number;
    const want = spec.webRole ? await roles.id(spec.webRole) : undefined;
    if (want !== undefined) {
      const added = await ensureAssignment(sp.web, assigned, principal, want);
      rec.record('webRole', `${spec.title}: ${spec.webRole}`, added ? 'created' : 'unchanged');
    }
    for (const held of assigned.get(principal) ?? []) {
      if (held === want) continue;
      await sp.web.roleAssignments.remove(principal, held);
      rec.record('webRole', `${spec.title}: rol ${held}`, 'removed');
    }
  }
  // The site's own groups (in a Team site: the Team's owners and members), for grants on governed containers.
  const [owners, members, visitors] = await Promise.all([
    sp.web.associatedOwnerGroup.select('Id')<{ Id: number }>(),
    sp.web.associatedMemberGroup.select('Id')<{ Id: number }>(),
    sp.web.associatedVisitorGroup.select('Id')<{ Id: number }>(),
  ]);
  ids.set(SITE_OWNERS, owners.Id);
  ids.set(SITE_MEMBERS, members.Id);
  ids.set(SITE_VISITORS, visitors.Id);
  return ids;
}
