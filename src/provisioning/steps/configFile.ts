/** Uploads the agreement configuration to Configuratie/Samenwerkingsruimte/agreement.json (read at runtime by the ConfigStore). */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/folders';
import '@pnp/sp/files';
import type { StepRecorder } from '../report';
import type { SiteSchema } from '../types';
import { statusOf } from './lists';
import { ensureUniqueGrants, resolveGrants, type RoleResolver } from './roles';
import '@pnp/sp/security/item';

/**
 * Ensures the folder with exactly its grants (only owners write: whoever writes the file sets the rules, the
 * autorisatielijst and the breach addresses), then the file; rewrites the file only when its content differs. The
 * folder's permissions are set before the file is written, so no version of it was ever writable by staff.
 */
export async function ensureConfigFile(
  sp: SPFI,
  file: SiteSchema['configFile'],
  content: string,
  groupIds: ReadonlyMap<string, number>,
  roles: RoleResolver,
  rec: StepRecorder,
): Promise<void> {
  const web: { ServerRelativeUrl: string } = await sp.web.select('ServerRelativeUrl')();
  const root = web.ServerRelativeUrl.replace(/\/$/, '');
  const libraryUrl = `${root}/${file.library}`;
  const folderUrl = `${libraryUrl}/${file.folder}`;
  const target = `${file.library}/${file.folder}/${file.name}`;
  // The library itself is a list of the schema (unique permissions, versioning), created by the lists step first.
  let existing: string | null = null;
  try {
    existing = await sp.web.getFileByServerRelativePath(`${folderUrl}/${file.name}`).getText();
  } catch (e) {
    if (statusOf(e) !== 404) throw e;
  }
  if (existing === null) await sp.web.getFolderByServerRelativePath(libraryUrl).folders.addUsingPath(folderUrl, true);
  const folder = await sp.web
    .getFolderByServerRelativePath(folderUrl)
    .getItem<{ HasUniqueRoleAssignments: boolean }>('Id', 'HasUniqueRoleAssignments');
  const where = `${file.library}/${file.folder}`;
  const grants = await resolveGrants(file.grants, groupIds, roles, where);
  await ensureUniqueGrants(folder, folder.HasUniqueRoleAssignments, grants, where, rec);
  if (existing === content) {
    rec.record('configFile', target, 'unchanged');
    return;
  }
  await sp.web.getFolderByServerRelativePath(folderUrl).files.addUsingPath(file.name, content, { Overwrite: true });
  rec.record('configFile', target, existing === null ? 'created' : 'updated');
}
