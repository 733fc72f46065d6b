/**
 * Who may read a document, from its classification and toetsstatus (art. 9.2, 10.1), expressed as folders of the
 * exchange library whose permissions provisioning sets once, and the grants of those folders (issue 16: exactly these
 * grants, with the space's own permission levels). Staff cannot change permissions (ManagePermissions is Full Control
 * only), so the upload puts a file in the folder whose permissions fit; it is never readable by more people, not even
 * for a moment. In a party's review folder its staff may only add: the privacy officer decides (art. 9.2). Pure: no
 * SharePoint here.
 *
 * Every folder a person can write to belongs to ONE party: the library root is read-only for staff, and a party adds
 * files only to its own folders (`Gedeeld-<party>`, `Review-<party>`, `Vertrouwelijk-<party>`). The library keeps
 * minor versions with draft item security "only users who can edit items", so a new file is a draft (0.1) that only
 * its own party can read until the product publishes it after the doelbinding check. A file uploaded around the dialog
 * (native upload, drag and drop, sync) therefore stays readable only by the uploader's party until it is classified
 * (issue 4).
 */
import type { AgreementConfig, GroupConfig } from '../domain/agreement/schema';
import type { ToetsstatusValue } from './names';
import type { Grant } from './types';

/** A folder of the exchange library with unique permissions. */
export interface FolderSpec {
  /** Folder name (also the last URL segment). */
  name: string;
  /** Key of the party that owns the folder: the only one that adds files to it. */
  party: string;
  grants: Grant[];
  /** Why it exists, citing the article. */
  reason: string;
}

/** The facts the rules look at. */
export interface AccessFacts {
  classification?: string;
  toetsstatus: ToetsstatusValue;
  /** Party key of the sharing party. */
  party?: string;
}

/** Statuses in which the other party must not see the document (art. 9.2): it belongs in the review folder. */
export const PARTY_ONLY_STATUSES: ReadonlySet<ToetsstatusValue> = new Set(['In review', 'Onvolledig', 'Afgewezen']);

/** The only status under which the product publishes a file (a major version the other party reads). */
const SHAREABLE: ReadonlySet<ToetsstatusValue> = new Set(['Toegestaan']);

/** Group kinds that work in the library as staff (the autorisatielijst's restricted groups are handled apart). */
const STAFF_KINDS: ReadonlySet<GroupConfig['kind']> = new Set(['members', 'privacy', 'accounthouders']);

/** Folder where a party shares documents that passed the check (its drafts stay with the party until published). */
export function sharedFolderName(partyKey: string): string {
  return `Gedeeld-${partyKey}`;
}

/** Folder for documents of one party awaiting review, rejected or incomplete (art. 9.2). */
export function reviewFolderName(partyKey: string): string {
  return `Review-${partyKey}`;
}

/** Folder for one party's restricted (e.g. Departementaal Vertrouwelijk) documents (art. 10.1). */
export function restrictedFolderName(partyKey: string): string {
  return `Vertrouwelijk-${partyKey}`;
}

/** True when a document with this status is published to the other party (a major version). */
export function isShareable(toetsstatus: ToetsstatusValue): boolean {
  return SHAREABLE.has(toetsstatus);
}

/** The site's own Owners group (a pseudo group key): site owners administer every governed container. */
export const SITE_OWNERS = '$owners';
/** The site's own Members group: in a Team site every Team member is in it, holding Edit on the web. */
export const SITE_MEMBERS = '$members';
/** The site's own Visitors group. */
export const SITE_VISITORS = '$visitors';

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

/**
 * The shared folder of one party: its own staff and privacy officers share (Contribute without pruning versions, and
 * so see drafts), every other staff group reads the published versions.
 */
function sharedFolder(config: AgreementConfig, party: AgreementConfig['parties'][number]): FolderSpec {
  const grants = ownerGrants(config);
  add(grants, { group: party.privacyOfficer.group, role: 'share' });
  for (const g of staffGroups(config)) if (g.party === party.key) add(grants, { group: g.key, role: 'share' });
  for (const g of staffGroups(config)) add(grants, { group: g.key, role: 'reader' });
  return {
    name: sharedFolderName(party.key),
    party: party.key,
    grants,
    reason: `art. 9.5: ${party.shortName} deelt hier; concepten alleen voor ${party.shortName} tot de toets ze publiceert`,
  };
}

/**
 * The review folder of one party (art. 9.2): its privacy officers decide (share: edit, move out, publish); the party's
 * other groups may only add, so an uploader can hand in a file but never approve, move, copy, publish or delete it,
 * nor even read it while it waits (draft item security: only those who can edit read drafts). No other party has any
 * grant here.
 */
function reviewFolder(config: AgreementConfig, party: AgreementConfig['parties'][number]): FolderSpec {
  const grants = ownerGrants(config);
  add(grants, { group: party.privacyOfficer.group, role: 'share' });
  for (const g of config.groups) {
    if (g.party === party.key && g.kind !== 'owners') add(grants, { group: g.key, role: 'append' });
  }
  return {
    name: reviewFolderName(party.key),
    party: party.key,
    grants,
    reason: `art. 9.2: alleen de privacy officer van ${party.shortName} beoordeelt en deelt`,
  };
}

/**
 * The restricted folder of one party: its own autorisatielijst group and privacy officers share; the other parties'
 * autorisatielijst groups and privacy officers read (art. 10.1). A party-less autorisatielijst group only reads, so
 * it never sees another party's drafts.
 */
function restrictedFolder(config: AgreementConfig, party: AgreementConfig['parties'][number]): FolderSpec {
  const grants = ownerGrants(config);
  add(grants, { group: party.privacyOfficer.group, role: 'share' });
  for (const g of config.groups) {
    if (g.kind === 'vertrouwelijk' && g.party === party.key) add(grants, { group: g.key, role: 'share' });
  }
  for (const g of config.groups) if (g.kind === 'vertrouwelijk') add(grants, { group: g.key, role: 'reader' });
  for (const p of config.parties) add(grants, { group: p.privacyOfficer.group, role: 'reader' });
  return {
    name: restrictedFolderName(party.key),
    party: party.key,
    grants,
    reason: `art. 10.1: alleen de autorisatielijst; ${party.shortName} plaatst hier`,
  };
}

/** The exchange library's permission folders: per party shared, review and restricted. */
export function exchangeFolders(config: AgreementConfig): FolderSpec[] {
  const restricted = config.classification.levels.some((l) => l.restricted);
  return config.parties.flatMap((party) => [
    sharedFolder(config, party),
    reviewFolder(config, party),
    ...(restricted ? [restrictedFolder(config, party)] : []),
  ]);
}

/**
 * The folder a document belongs in. Pending review wins over restricted: until approved, only the sharing party and
 * its privacy officer read it. Throws when the party is not one of the agreement's: no folder fits.
 */
export function folderForDocument(config: AgreementConfig, facts: AccessFacts): string {
  const party = config.parties.find((p) => p.key === facts.party);
  if (!party) {
    throw new Error(
      `Partij: '${facts.party ?? ''}' is geen partij van ${config.agreement.shortTitle}; een stuk hoort bij de partij die het deelt (art. 9.5).`,
    );
  }
  if (PARTY_ONLY_STATUSES.has(facts.toetsstatus)) return reviewFolderName(party.key);
  return stagingFolderForDocument(config, facts);
}

/**
 * The folder where the sharing party's staff write a document before it goes where it belongs: its shared folder, or
 * its restricted folder for a restricted level (art. 10.1, so a restricted draft is never read outside the
 * autorisatielijst). A document for review is written here as a draft only its own party reads, with its metadata,
 * and then moved into the review folder, where staff may add but not edit (art. 9.2).
 */
export function stagingFolderForDocument(config: AgreementConfig, facts: AccessFacts): string {
  const party = config.parties.find((p) => p.key === facts.party);
  if (!party) return folderForDocument(config, facts);
  const level = config.classification.levels.find((l) => l.key === facts.classification);
  if (level?.restricted) return restrictedFolderName(party.key);
  return sharedFolderName(party.key);
}

