/** ONE declarative site schema, built from the agreement configuration; the provisioner makes a site match it. */
import type { AgreementConfig, GroupConfig } from '../domain/agreement/schema';
import { exchangeFields, exchangeLibrary } from './exchangeLibrary';
import { COMMAND_SET_ID, CONFIG_FILE, EXCHANGE_CONTENT_TYPE_ID } from './names';
import { registerLists } from './registerLists';
import type { GroupSpec, RoleKind, SiteSchema } from './types';

/** Version of the schema shape, reported by the provisioner. */
export const SITE_SCHEMA_VERSION = '1.0.0';

/** Web-level role per group kind; 'vertrouwelijk' gets none because it only serves item-level grants (art. 10.1). */
const WEB_ROLE: Record<GroupConfig['kind'], RoleKind | undefined> = {
  owners: 'administrator',
  members: 'contributor',
  accounthouders: 'contributor',
  privacy: 'contributor',
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
    lists: [exchangeLibrary(config), ...registerLists(config)],
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
    configFile: { ...CONFIG_FILE },
  };
}
