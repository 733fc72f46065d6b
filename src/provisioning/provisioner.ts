/**
 * Idempotent provisioning of a Samenwerkingsruimte site from ONE schema, through PnPjs only: the same code a site owner
 * runs against a tenant and the workbench seed runs against the emulator. A second run reports every step unchanged.
 */
import type { SPFI } from '@pnp/sp';
import type { AgreementConfig } from '../domain/agreement/schema';
import { stampedText } from '../domain/agreement/stamp';
import { StepRecorder, type OnProvisionStep, type ProvisionReport } from './report';
import { ensureConfigFile } from './steps/configFile';
import { ensureCustomAction } from './steps/customActions';
import { ensureContentTypes, ensureListContentTypes } from './steps/contentTypes';
import { ensureFields } from './steps/fields';
import { ensureFolders } from './steps/folders';
import { ensureGroups } from './steps/groups';
import { ensureListPermissions } from './steps/listPermissions';
import { ensureList } from './steps/lists';
import { RoleResolver, ensurePermissionLevels } from './steps/roles';
import { ensureTeamDocuments } from './steps/teamDocuments';
import { ensureViews } from './steps/views';
import type { SiteSchema } from './types';

/** Makes the site match the schema: groups, lists, columns, indexes, views, permissions, command set, config file. */
export async function provisionSite(
  sp: SPFI,
  schema: SiteSchema,
  config: AgreementConfig,
  onStep?: OnProvisionStep,
): Promise<ProvisionReport> {
  const rec = new StepRecorder(onStep);
  const roles = new RoleResolver(sp);
  await ensurePermissionLevels(sp, schema.permissionLevels, roles, rec);
  const groupIds = await ensureGroups(sp, schema.groups, roles, rec);
  await ensureFields(sp, { fields: sp.web.fields, title: 'Sitekolommen' }, schema.siteColumns, [], rec);
  await ensureContentTypes(sp, schema.contentTypes, rec);
  for (const spec of schema.lists) {
    const list = await ensureList(sp, spec, rec);
    await ensureListContentTypes(list, spec, rec);
    await ensureFields(sp, { fields: list.fields, title: spec.title }, spec.fields, spec.indexBuiltIn, rec);
    await ensureViews(list, spec, rec);
    await ensureListPermissions(list, spec, groupIds, roles, rec);
    await ensureFolders(sp, list, spec, groupIds, roles, rec);
  }
  for (const action of schema.customActions) {
    const spec = schema.lists.find((l) => l.key === action.listKey);
    if (!spec) throw new Error(`Custom action '${action.title}' verwijst naar onbekende lijst '${action.listKey}'.`);
    await ensureCustomAction(sp.web.lists.getByTitle(spec.title), action, spec.title, rec);
  }
  // The Team's own Documents library: channel files would be shared around the check (art. 8, 9.2).
  await ensureTeamDocuments(sp, schema.teamDocuments, groupIds, roles, rec);
  // Last: the configuration goes in only when the site it describes is complete; its folder only owners write.
  // stored with the stamp that says the validator passed it, in stable formatting so re-runs compare equal
  await ensureConfigFile(sp, schema.configFile, await stampedText(config), groupIds, roles, rec);
  return {
    schemaVersion: schema.version,
    steps: rec.steps,
    changed: rec.steps.filter((s) => s.outcome !== 'unchanged').length,
  };
}
