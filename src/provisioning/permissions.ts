/**
 * Who may read a document, from its classification and toetsstatus (art. 9.2, 10.1), expressed as folders of the
 * exchange library whose permissions provisioning sets once. Staff hold Contribute, which in SharePoint cannot change
 * permissions (ManagePermissions is Full Control only), so the upload puts a file in the folder whose permissions fit;
 * it is never readable by more people, not even for a moment. Pure: no SharePoint here.
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

/** Statuses in which the other party must not see the document yet (art. 9.2: review before sharing). */
const PARTY_ONLY: ReadonlySet<ToetsstatusValue> = new Set(['In review', 'Onvolledig', 'Afgewezen']);

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

/** Owners administer every folder. */
function ownerGrants(config: AgreementConfig): Grant[] {
  return config.groups.filter((g) => g.kind === 'owners').map((g) => ({ group: g.key, role: 'administrator' }));
}

/** Adds a grant unless the group already has one in the list (the first, strongest grant wins). */
function add(grants: Grant[], grant: Grant): void {
  if (!grants.some((g) => g.group === grant.group)) grants.push(grant);
}

/**
 * The library root: owners administer, staff groups only read. Nobody but an owner adds a file at the root, so no
 * upload can land where both parties can edit, and so read its draft.
 */
export function exchangeRootGrants(config: AgreementConfig): Grant[] {
  const grants = ownerGrants(config);
  for (const g of config.groups) if (STAFF_KINDS.has(g.kind)) add(grants, { group: g.key, role: 'reader' });
  return grants;
}

/** The shared folder of one party: its own staff edit (and so see drafts), every other staff group reads. */
function sharedFolder(config: AgreementConfig, party: AgreementConfig['parties'][number]): FolderSpec {
  const grants = ownerGrants(config);
  for (const g of config.groups) {
    if (STAFF_KINDS.has(g.kind) && g.party === party.key) add(grants, { group: g.key, role: 'contributor' });
  }
  add(grants, { group: party.privacyOfficer.group, role: 'contributor' });
  for (const g of config.groups) if (STAFF_KINDS.has(g.kind)) add(grants, { group: g.key, role: 'reader' });
  return {
    name: sharedFolderName(party.key),
    party: party.key,
    grants,
    reason: `art. 9.5: ${party.shortName} deelt hier; concepten alleen voor ${party.shortName} tot de toets ze publiceert`,
  };
}

/** The review folder of one party: only that party and its privacy officers (art. 9.2). */
function reviewFolder(config: AgreementConfig, party: AgreementConfig['parties'][number]): FolderSpec {
  const grants = ownerGrants(config);
  for (const g of config.groups) {
    if (g.party === party.key && g.kind !== 'owners') add(grants, { group: g.key, role: 'contributor' });
  }
  add(grants, { group: party.privacyOfficer.group, role: 'contributor' });
  return {
    name: reviewFolderName(party.key),
    party: party.key,
    grants,
    reason: `art. 9.2: wacht op de privacy officer van ${party.shortName}`,
  };
}

/**
 * The restricted folder of one party: its own autorisatielijst group and privacy officers edit; the other parties'
 * autorisatielijst groups and privacy officers read (art. 10.1). A party-less autorisatielijst group only reads, so
 * it never sees another party's drafts.
 */
function restrictedFolder(config: AgreementConfig, party: AgreementConfig['parties'][number]): FolderSpec {
  const grants = ownerGrants(config);
  for (const g of config.groups) {
    if (g.kind === 'vertrouwelijk' && g.party === party.key) add(grants, { group: g.key, role: 'contributor' });
  }
  add(grants, { group: party.privacyOfficer.group, role: 'contributor' });
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
  if (PARTY_ONLY.has(facts.toetsstatus)) return reviewFolderName(party.key);
  const level = config.classification.levels.find((l) => l.key === facts.classification);
  if (level?.restricted) return restrictedFolderName(party.key);
  return sharedFolderName(party.key);
}
