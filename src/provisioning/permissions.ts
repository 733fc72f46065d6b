/**
 * Who holds what in the exchange library's permission folders (./folders says which folders there are and where a
 * document belongs): the grants provisioning sets once, with the space's own permission levels (exactly these grants:
 * what the agreement forbids, SharePoint refuses, not only the screen). Staff cannot change permissions
 * (ManagePermissions is Full Control only), so the upload puts a file in the folder whose permissions fit; it is never
 * readable by more people, not even for a moment. In a party's review folder its staff may only add: the privacy
 * officer decides (art. 9.2). Pure: no SharePoint here.
 *
 * The library root is read-only for staff, and a party adds files only to its own folders. The library keeps minor
 * versions with draft item security "only users who can edit items", so a new file is a draft (0.1) that only its own
 * party can read until the product publishes it after the doelbinding check. A file uploaded around the dialog (native
 * upload, drag and drop, sync) therefore stays readable only by the uploader's party until it is classified.
 * A recipient folder (more than two parties, art. 8, 9.5) is read only by the groups of its chosen recipients.
 */
import type { AgreementConfig, GroupConfig } from '../domain/agreement/schema';
import { exchangeFolderList, type ExchangeFolder } from './folders';
import { SITE_OWNERS } from './names';
import type { Grant } from './types';

/** A folder of the exchange library with unique permissions: where it is ({@link ExchangeFolder}) and who holds what. */
export interface FolderSpec extends ExchangeFolder {
  grants: Grant[];
  /** Why it exists, citing the article. */
  reason: string;
}

/** Group kinds that work in the library as staff (the autorisatielijst's restricted groups are handled apart). */
const STAFF_KINDS: ReadonlySet<GroupConfig['kind']> = new Set(['members', 'privacy', 'accounthouders']);

/** Owners administer every governed container: the site's Owners group and the configuration's owner groups. */
export function ownerGrants(config: AgreementConfig): Grant[] {
  return [
    { group: SITE_OWNERS, role: 'administrator' },
    ...config.groups.filter((g) => g.kind === 'owners').map((g): Grant => ({ group: g.key, role: 'administrator' })),
  ];
}

/** Adds a grant unless the group already has one in the list (the first, strongest grant wins). */
export function add(grants: Grant[], grant: Grant): void {
  if (!grants.some((g) => g.group === grant.group)) grants.push(grant);
}

/** The configured groups of staff kinds (members, privacy officers, accounthouders). */
export function staffGroups(config: AgreementConfig): GroupConfig[] {
  return config.groups.filter((g) => STAFF_KINDS.has(g.kind));
}

/**
 * The library root: owners administer, staff groups only read. Nobody but an owner adds a file at the root, so no
 * upload can land where both parties can edit, and so read its draft.
 */
export function exchangeRootGrants(config: AgreementConfig): Grant[] {
  const grants = ownerGrants(config);
  for (const g of staffGroups(config)) add(grants, { group: g.key, role: 'reader' });
  return grants;
}

/** The short names of parties, for a folder's reason. */
function names(config: AgreementConfig, keys: readonly string[]): string {
  return keys.map((k) => config.parties.find((p) => p.key === k)?.shortName ?? k).join(', ');
}

/**
 * The shared folder of one party: its own staff and privacy officers share (Contribute without pruning versions, and
 * so see drafts), every other staff group reads the published versions. A recipient folder (its chosen recipients): only the staff
 * groups of those parties read, and a group of no party (e.g. one accounthouders group for all) reads nothing there,
 * since it would let every party read.
 */
function sharedFolder(config: AgreementConfig, folder: ExchangeFolder, party: AgreementConfig['parties'][number]): FolderSpec {
  const to = folder.chosenRecipients;
  const grants = ownerGrants(config);
  add(grants, { group: party.privacyOfficer.group, role: 'share' });
  for (const g of staffGroups(config)) if (g.party === party.key) add(grants, { group: g.key, role: 'share' });
  if (to) {
    for (const p of config.parties) if (to.includes(p.key)) add(grants, { group: p.privacyOfficer.group, role: 'reader' });
    for (const g of staffGroups(config))
      if (g.party !== undefined && to.includes(g.party)) add(grants, { group: g.key, role: 'reader' });
  } else {
    for (const g of staffGroups(config)) add(grants, { group: g.key, role: 'reader' });
  }
  return {
    ...folder,
    grants,
    reason: to
      ? `art. 8, 9.5: ${party.shortName} deelt hier alleen met ${names(config, to)}; concepten alleen voor ${party.shortName}`
      : `art. 9.5: ${party.shortName} deelt hier; concepten alleen voor ${party.shortName} tot de toets ze publiceert`,
  };
}

/**
 * The review folder of one party (art. 9.2): its privacy officers decide (share: edit, move out, publish); the party's
 * other groups may only add, so an uploader can hand in a file but never approve, move, copy, publish or delete it,
 * nor even read it while it waits (draft item security: only those who can edit read drafts). No other party has any
 * grant here.
 */
function reviewFolder(config: AgreementConfig, folder: ExchangeFolder, party: AgreementConfig['parties'][number]): FolderSpec {
  const grants = ownerGrants(config);
  add(grants, { group: party.privacyOfficer.group, role: 'share' });
  for (const g of config.groups) {
    if (g.party === party.key && g.kind !== 'owners') add(grants, { group: g.key, role: 'append' });
  }
  return {
    ...folder,
    grants,
    reason: `art. 9.2: alleen de privacy officer van ${party.shortName} beoordeelt en deelt`,
  };
}

/**
 * The restricted folder of one party: its own autorisatielijst group and privacy officers share; the other parties'
 * autorisatielijst groups and privacy officers read (art. 10.1). A party-less autorisatielijst group only reads, so
 * it never sees another party's drafts. A recipient folder (its chosen recipients): only those parties' autorisatielijst groups and
 * privacy officers read; a party-less group reads nothing there.
 */
function restrictedFolder(
  config: AgreementConfig,
  folder: ExchangeFolder,
  party: AgreementConfig['parties'][number],
): FolderSpec {
  const to = folder.chosenRecipients;
  const grants = ownerGrants(config);
  add(grants, { group: party.privacyOfficer.group, role: 'share' });
  for (const g of config.groups) {
    if (g.kind === 'vertrouwelijk' && g.party === party.key) add(grants, { group: g.key, role: 'share' });
  }
  const reads = (key: string | undefined): boolean => !to || (key !== undefined && to.includes(key));
  for (const g of config.groups) if (g.kind === 'vertrouwelijk' && reads(g.party)) add(grants, { group: g.key, role: 'reader' });
  for (const p of config.parties) if (reads(p.key)) add(grants, { group: p.privacyOfficer.group, role: 'reader' });
  return {
    ...folder,
    grants,
    reason: to
      ? `art. 8, 10.1: alleen de autorisatielijst van ${party.shortName} en ${names(config, to)}; ${party.shortName} plaatst hier`
      : `art. 10.1: alleen de autorisatielijst; ${party.shortName} plaatst hier`,
  };
}

/**
 * The exchange library's permission folders ({@link exchangeFolderList}: per party shared, review and restricted,
 * then its recipient folders) with their grants.
 */
export function exchangeFolders(config: AgreementConfig): FolderSpec[] {
  return exchangeFolderList(config).map((folder) => {
    const party = config.parties.find((p) => p.key === folder.party);
    if (!party) throw new Error(`Map ${folder.name}: partij '${folder.party}' ontbreekt in de configuratie`);
    if (folder.kind === 'review') return reviewFolder(config, folder, party);
    return folder.kind === 'restricted' ? restrictedFolder(config, folder, party) : sharedFolder(config, folder, party);
  });
}

/** The schema's folder with this name (the first folder below the library root), or undefined. */
export function exchangeFolder(config: AgreementConfig, name: string): FolderSpec | undefined {
  return exchangeFolders(config).find((f) => f.name === name);
}
