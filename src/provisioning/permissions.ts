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
 *
 * With more than two parties a document goes only to the parties its uploader chose (art. 8, 9.5). Besides
 * `Gedeeld-<party>` (every other party reads) each party gets a folder per recipient set its processing activities
 * allow (`Gedeeld-<party> voor <recipient> [en <recipient> …]`, and the same for `Vertrouwelijk-` where a restricted
 * level exists), derived from the configuration by `recipientSets` (src/domain/agreement/recipients.ts): only those
 * recipients read it. A two-party agreement derives none.
 */
import { allOthers, isAllOthers, orderedRecipients, recipientSets, sameRecipients } from '../domain/agreement/recipients';
import type { AgreementConfig, GroupConfig } from '../domain/agreement/schema';
import type { ToetsstatusValue } from './names';
import type { Grant } from './types';

/** A folder of the exchange library with unique permissions. */
export interface FolderSpec {
  /** Folder name (also the last URL segment). */
  name: string;
  /** Key of the party that owns the folder: the only one that adds files to it. */
  party: string;
  /** What it is for: the party's shared, review or restricted documents. */
  kind: 'shared' | 'review' | 'restricted';
  /**
   * The parties besides the owner whose groups read it, in the configuration's order: every other party for
   * `Gedeeld-<party>` and `Vertrouwelijk-<party>`, the chosen set for a recipient folder, none for a review folder.
   */
  recipients: string[];
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
  /** The parties it is shared with (art. 8, 9.5); absent or empty: every other party. */
  recipients?: readonly string[];
}

/** Statuses in which the other party must not see the document (art. 9.2): it belongs in the review folder. */
export const PARTY_ONLY_STATUSES: ReadonlySet<ToetsstatusValue> = new Set(['In review', 'Onvolledig', 'Afgewezen']);

/** The only status under which the product publishes a file (a major version the other party reads). */
const SHAREABLE: ReadonlySet<ToetsstatusValue> = new Set(['Toegestaan']);

/** Group kinds that work in the library as staff (the autorisatielijst's restricted groups are handled apart). */
const STAFF_KINDS: ReadonlySet<GroupConfig['kind']> = new Set(['members', 'privacy', 'accounthouders']);

/**
 * The part of a recipient folder's name after the party: ` voor nza`, ` voor cibg en nza`. Party keys hold no spaces,
 * so the name says which party shares and which read, also for keys with '-' (e.g. 'cjg-rijnmond').
 */
function recipientSuffix(recipients: readonly string[] | undefined): string {
  return recipients && recipients.length > 0 ? ` voor ${recipients.join(' en ')}` : '';
}

/**
 * Folder where a party shares documents that passed the check (its drafts stay with the party until published):
 * `Gedeeld-<party>` for every other party, `Gedeeld-<party> voor <recipients>` for a chosen set of them (pass the set
 * in the configuration's order, and only a proper subset: {@link folderRecipients}).
 */
export function sharedFolderName(partyKey: string, recipients?: readonly string[]): string {
  return `Gedeeld-${partyKey}${recipientSuffix(recipients)}`;
}

/** Folder for documents of one party awaiting review, rejected or incomplete (art. 9.2). */
export function reviewFolderName(partyKey: string): string {
  return `Review-${partyKey}`;
}

/** Folder for one party's restricted (e.g. Departementaal Vertrouwelijk) documents (art. 10.1), as {@link sharedFolderName}. */
export function restrictedFolderName(partyKey: string, recipients?: readonly string[]): string {
  return `Vertrouwelijk-${partyKey}${recipientSuffix(recipients)}`;
}

/**
 * The recipients that name a folder: undefined for every other party (the party's own `Gedeeld-` or `Vertrouwelijk-`
 * folder), else the set in the configuration's order. Throws when no folder holds exactly these readers (a set no
 * processing activity of the sender allows, art. 8, 9.5).
 */
export function folderRecipients(
  config: AgreementConfig,
  partyKey: string,
  recipients: readonly string[] | undefined,
): string[] | undefined {
  if (isAllOthers(config, partyKey, recipients)) return undefined;
  const set = orderedRecipients(config, recipients ?? []);
  if (set.length !== new Set(recipients).size || !recipientSets(config, partyKey).some((s) => sameRecipients(s, set))) {
    throw new Error(
      `Ontvangers: voor '${[...(recipients ?? [])].join(', ')}' heeft ${partyKey} geen map; alleen de ontvangers van een ` +
        'doel uit het verwerkingsregister hebben een eigen map (art. 8, 9.5).',
    );
  }
  return set;
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

/** The short names of parties, for a folder's reason. */
function names(config: AgreementConfig, keys: readonly string[]): string {
  return keys.map((k) => config.parties.find((p) => p.key === k)?.shortName ?? k).join(', ');
}

/**
 * The shared folder of one party: its own staff and privacy officers share (Contribute without pruning versions, and
 * so see drafts), every other staff group reads the published versions. A recipient folder (`to`): only the staff
 * groups of those parties read, and a group of no party (e.g. one accounthouders group for all) reads nothing there,
 * since it would let every party read.
 */
function sharedFolder(config: AgreementConfig, party: AgreementConfig['parties'][number], to?: string[]): FolderSpec {
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
    name: sharedFolderName(party.key, to),
    party: party.key,
    kind: 'shared',
    recipients: to ?? allOthers(config, party.key),
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
function reviewFolder(config: AgreementConfig, party: AgreementConfig['parties'][number]): FolderSpec {
  const grants = ownerGrants(config);
  add(grants, { group: party.privacyOfficer.group, role: 'share' });
  for (const g of config.groups) {
    if (g.party === party.key && g.kind !== 'owners') add(grants, { group: g.key, role: 'append' });
  }
  return {
    name: reviewFolderName(party.key),
    party: party.key,
    kind: 'review',
    recipients: [],
    grants,
    reason: `art. 9.2: alleen de privacy officer van ${party.shortName} beoordeelt en deelt`,
  };
}

/**
 * The restricted folder of one party: its own autorisatielijst group and privacy officers share; the other parties'
 * autorisatielijst groups and privacy officers read (art. 10.1). A party-less autorisatielijst group only reads, so
 * it never sees another party's drafts. A recipient folder (`to`): only those parties' autorisatielijst groups and
 * privacy officers read; a party-less group reads nothing there.
 */
function restrictedFolder(
  config: AgreementConfig,
  party: AgreementConfig['parties'][number],
  to?: string[],
): FolderSpec {
  const grants = ownerGrants(config);
  add(grants, { group: party.privacyOfficer.group, role: 'share' });
  for (const g of config.groups) {
    if (g.kind === 'vertrouwelijk' && g.party === party.key) add(grants, { group: g.key, role: 'share' });
  }
  const reads = (key: string | undefined): boolean => !to || (key !== undefined && to.includes(key));
  for (const g of config.groups) if (g.kind === 'vertrouwelijk' && reads(g.party)) add(grants, { group: g.key, role: 'reader' });
  for (const p of config.parties) if (reads(p.key)) add(grants, { group: p.privacyOfficer.group, role: 'reader' });
  return {
    name: restrictedFolderName(party.key, to),
    party: party.key,
    kind: 'restricted',
    recipients: to ?? allOthers(config, party.key),
    grants,
    reason: to
      ? `art. 8, 10.1: alleen de autorisatielijst van ${party.shortName} en ${names(config, to)}; ${party.shortName} plaatst hier`
      : `art. 10.1: alleen de autorisatielijst; ${party.shortName} plaatst hier`,
  };
}

/**
 * The exchange library's permission folders: per party shared, review and restricted, then its recipient folders
 * (shared, and restricted where a restricted level exists) for each recipient set its processing activities allow.
 */
export function exchangeFolders(config: AgreementConfig): FolderSpec[] {
  const restricted = config.classification.levels.some((l) => l.restricted);
  return config.parties.flatMap((party) => {
    const sets = recipientSets(config, party.key);
    return [
      sharedFolder(config, party),
      reviewFolder(config, party),
      ...(restricted ? [restrictedFolder(config, party)] : []),
      ...sets.map((to) => sharedFolder(config, party, to)),
      ...(restricted ? sets.map((to) => restrictedFolder(config, party, to)) : []),
    ];
  });
}

/** The schema's folder with this name (the first folder below the library root), or undefined. */
export function exchangeFolder(config: AgreementConfig, name: string): FolderSpec | undefined {
  return exchangeFolders(config).find((f) => f.name === name);
}

/**
 * The folder a document belongs in. Pending review wins over restricted: until approved, only the sharing party and
 * its privacy officer read it. Throws when the party is not one of the agreement's, or when no folder holds exactly
 * its recipients: no folder fits.
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
 * autorisatielijst), for its recipients (every other party, or the chosen set's folder). A document for review is
 * written here as a draft only its own party reads, with its metadata, and then moved into the review folder, where
 * staff may add but not edit (art. 9.2); once approved it goes back to this folder, so its stored recipients decide
 * who reads it.
 */
export function stagingFolderForDocument(config: AgreementConfig, facts: AccessFacts): string {
  const party = config.parties.find((p) => p.key === facts.party);
  if (!party) return folderForDocument(config, facts);
  const to = folderRecipients(config, party.key, facts.recipients);
  const level = config.classification.levels.find((l) => l.key === facts.classification);
  if (level?.restricted) return restrictedFolderName(party.key, to);
  return sharedFolderName(party.key, to);
}

