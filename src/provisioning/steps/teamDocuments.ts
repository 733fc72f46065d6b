/**
 * The site's default document library. In a Team site it is where Teams puts every file posted in a channel or dropped
 * in a channel's Files tab (one folder per standard channel), and it inherits the web, where the Team's Members group
 * holds Edit. Left so, a file dragged into a channel would be readable by every Team member of every party at once,
 * around the classification, the scan and the doelbinding check (art. 8, 9.2). It gets unique permissions holding
 * exactly the schema's grants: owners administer, the Team's members and visitors read. Sharing goes through the
 * space's "Delen met toets"; Teams' own upload into a channel is refused by SharePoint (403).
 *
 * Found as SharePoint's default document library (`web/defaultDocumentLibrary`), never by title: the title is
 * localised ("Documenten") and the URL is not always `Shared Documents`.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/security/list';
import type { StepRecorder } from '../report';
import type { SiteSchema } from '../types';
import { statusOf } from './lists';
import { ensureUniqueGrants, resolveGrants, type RoleResolver } from './roles';

/** Makes the default document library read-only for the Team (exactly the schema's grants). */
export async function ensureTeamDocuments(
  sp: SPFI,
  spec: SiteSchema['teamDocuments'],
  groupIds: ReadonlyMap<string, number>,
  roles: RoleResolver,
  rec: StepRecorder,
): Promise<void> {
  const library = sp.web.defaultDocumentLibrary;
  let info: { Title: string; HasUniqueRoleAssignments: boolean };
  try {
    info = await library.select('Title', 'HasUniqueRoleAssignments')();
  } catch (e) {
    // A site without a default document library (not a team site) has no channel files to keep.
    if (statusOf(e) !== 404) throw e;
    rec.record('teamDocuments', 'standaardbibliotheek', 'unchanged', 'geen standaardbibliotheek');
    return;
  }
  const target = `${info.Title} (standaardbibliotheek)`;
  const grants = await resolveGrants(spec.grants, groupIds, roles, target);
  await ensureUniqueGrants(library, info.HasUniqueRoleAssignments, grants, target, rec);
}
