/** ONE declarative site schema, built from the agreement configuration; the provisioner makes a site match it. */
import type { AgreementConfig, GroupConfig } from '../domain/agreement/schema';
import { exchangeFields, exchangeLibrary } from './exchangeLibrary';
import { PERMISSION_LEVELS } from './levels';
import { COMMAND_SET_ID, CONFIG_FILE, EXCHANGE_CONTENT_TYPE_ID, SITE_MEMBERS, SITE_VISITORS } from './names';
import { add, ownerGrants } from './permissions';
import { registerLists } from './registerLists';
import type { Grant, GroupSpec, ListSpec, RoleKind, SiteSchema } from './types';

/** Version of the schema shape, reported by the provisioner. */
export const SITE_SCHEMA_VERSION = '2.0.0';

/**
 * Web-level role per group kind. Staff only read the web: every write they may do is granted on the list or folder
 * that the agreement governs, and every such list or folder stops inheriting from the web, where a Team site's
 * Members group holds Edit. 'vertrouwelijk' gets none because it only serves folder-level grants (art. 10.1).
 */
const WEB_ROLE: Record<GroupConfig['kind'], RoleKind | undefined> = {
  owners: 'administrator',
  members: 'reader',
  accounthouders: 'reader',
  privacy: 'reader',
  vertrouwelijk: undefined,
};

/** Description of a group, naming why it exists. */
function describe(group: GroupConfig, config: AgreementConfig): string {
  const party = config.parties.find((p) => p.key === group.party);
  const who = party ? ` ${party.shortName}` : '';
  switch (group.kind) {
    case 'privacy':
      return `Privacy officers${who}: toetsen voorgenomen delen (art. 9.2) en ontvangen datalekken (art. 9.6)`;
    case 'accounthouders':
      return `Accounthouders${who} (art. 5)`;
    case 'vertrouwelijk':
      return `Autorisatielijst${who} voor vertrouwelijke stukken (art. 10.1)`;
    case 'owners':
      return 'Beheerders van de samenwerkingsruimte';
    default:
      return `Medewerkers${who} op de autorisatielijst (art. 1e)`;
  }
}

/** Builds the site schema for one agreement configuration. */
export function buildSiteSchema(config: AgreementConfig): SiteSchema {
  const groups: GroupSpec[] = config.groups.map((g) => ({
    key: g.key,
    title: g.name,
    description: describe(g, config),
    webRole: WEB_ROLE[g.kind],
  }));
  // Indexes and unique constraints belong to a list, not to a site column.
  const siteColumns = exchangeFields(config).map(({ indexed: _i, unique: _u, ...f }) => ({
    ...f,
    group: 'Samenwerkingsruimte',
  }));
  return {
    version: SITE_SCHEMA_VERSION,
    groups,
    siteColumns,
    contentTypes: [
      {
        id: EXCHANGE_CONTENT_TYPE_ID,
        name: 'Uitwisselingsdocument',
        description: `Document gedeeld onder ${config.agreement.shortTitle} (art. 8–10)`,
        group: 'Samenwerkingsruimte',
        fields: siteColumns.map((f) => f.name),
      },
    ],
    // Overleggen first: the agreements register looks it up (art. 13.2 link to bestuurlijk overleg).
    lists: [exchangeLibrary(config), ...registerLists(config), configLibrary(config)],
    customActions: [
      {
        listKey: 'exchange',
        title: 'Toets',
        name: 'Samenwerkingsruimte.Toets',
        location: 'ClientSideExtension.ListViewCommandSet.CommandBar',
        clientSideComponentId: COMMAND_SET_ID,
        clientSideComponentProperties: '{}',
      },
    ],
    permissionLevels: PERMISSION_LEVELS,
    configFile: { ...CONFIG_FILE, grants: configGrants(config) },
    teamDocuments: {
      grants: [...ownerGrants(config), { group: SITE_MEMBERS, role: 'reader' }, { group: SITE_VISITORS, role: 'reader' }],
      reason:
        'Kanaalbestanden (Teams) delen om de toets heen met beide partijen; delen gaat via "Delen met toets" (art. 8, 9.2)',
    },
  };
}

/**
 * The configuration's own library (art. 13.3): unique permissions from its creation, owners write and delete,
 * everyone who uses the space reads; every change of the file is a kept version with who and when.
 */
function configLibrary(config: AgreementConfig): ListSpec {
  return {
    key: 'config',
    title: CONFIG_FILE.library,
    description: 'De regels van de samenwerkingsruimte (agreement.json); alleen eigenaren wijzigen ze (art. 13.3)',
    template: 101,
    versioning: true,
    fields: [],
    indexBuiltIn: [],
    views: [],
    uniquePermissions: configGrants(config),
  };
}

/**
 * The configuration's folder: only owners write (the agreement's rules, groups and breach addresses, art. 9.6, 13.3);
 * everyone who uses the space reads it, the Team's members and visitors included.
 */
function configGrants(config: AgreementConfig): Grant[] {
  const grants = ownerGrants(config);
  for (const g of config.groups) add(grants, { group: g.key, role: 'reader' });
  add(grants, { group: SITE_MEMBERS, role: 'reader' });
  add(grants, { group: SITE_VISITORS, role: 'reader' });
  return grants;
}
