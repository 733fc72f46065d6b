/** Permission folders of a library (review per party, restricted): created once, unique permissions set by the owner. */
import '@pnp/sp/folders';
import '@pnp/sp/security/item';
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import type { IList } from '@pnp/sp/lists';
import type { StepRecorder } from '../report';
import type { ListSpec } from '../types';
import { statusOf } from './lists';
import { ensureUniqueGrants, resolveGrants, type RoleResolver } from './roles';

/** Ensures each folder exists, stops inheriting (without copying) and holds exactly the spec's grants. */
export async function ensureFolders(
  sp: SPFI,
  list: IList,
  spec: ListSpec,
  groupIds: ReadonlyMap<string, number>,
  roles: RoleResolver,
  rec: StepRecorder,
): Promise<void> {
  if (!spec.folders) return;
  const root: { ServerRelativeUrl: string } = await list.rootFolder.select('ServerRelativeUrl')();
  for (const folder of spec.folders) {
    const target = `${spec.title}/${folder.name}`;
    const url = `${root.ServerRelativeUrl}/${folder.name}`;
    const handle = sp.web.getFolderByServerRelativePath(url);
    try {
      await handle.select('Name')();
      rec.record('folder', target, 'unchanged');
    } catch (e) {
      if (statusOf(e) !== 404) throw e;
      await list.rootFolder.folders.addUsingPath(url);
      rec.record('folder', target, 'created', folder.reason);
    }
    const item = await handle.getItem<{ HasUniqueRoleAssignments: boolean }>('Id', 'HasUniqueRoleAssignments');
    const grants = await resolveGrants(folder.grants, groupIds, roles, target);
    // Not copying: nobody keeps access by accident (art. 9.2, 10.1); exactly the folder's grants afterwards.
    await ensureUniqueGrants(item, item.HasUniqueRoleAssignments, grants, target, rec);
  }
}
