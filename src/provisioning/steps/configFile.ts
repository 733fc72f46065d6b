/** Uploads the agreement configuration to SiteAssets/Samenwerkingsruimte/agreement.json (read at runtime by the ConfigStore). */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/folders';
import '@pnp/sp/files';
import type { StepRecorder } from '../report';
import type { SiteSchema } from '../types';
import { statusOf } from './lists';

/** Ensures the folder and the file; rewrites the file only when its content differs. */
export async function ensureConfigFile(
  sp: SPFI,
  file: SiteSchema['configFile'],
  content: string,
  rec: StepRecorder,
): Promise<void> {
  const web: { ServerRelativeUrl: string } = await sp.web.select('ServerRelativeUrl')();
  const root = web.ServerRelativeUrl.replace(/\/$/, '');
  const libraryUrl = `${root}/${file.library}`;
  const folderUrl = `${libraryUrl}/${file.folder}`;
  const target = `${file.library}/${file.folder}/${file.name}`;
  try {
    await sp.web.getFolderByServerRelativePath(libraryUrl).select('Exists')();
  } catch (e) {
    if (statusOf(e) !== 404) throw e;
    // A fresh site has no Site Assets library until something asks for it.
    await sp.web.lists.ensureSiteAssetsLibrary();
  }
  let existing: string | null = null;
  try {
    existing = await sp.web.getFileByServerRelativePath(`${folderUrl}/${file.name}`).getText();
  } catch (e) {
    if (statusOf(e) !== 404) throw e;
  }
  if (existing === content) {
    rec.record('configFile', target, 'unchanged');
    return;
  }
  if (existing === null) await sp.web.getFolderByServerRelativePath(libraryUrl).folders.addUsingPath(folderUrl, true);
  await sp.web.getFolderByServerRelativePath(folderUrl).files.addUsingPath(file.name, content, { Overwrite: true });
  rec.record('configFile', target, existing === null ? 'created' : 'updated');
}
