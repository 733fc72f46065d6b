/**
 * Where a document of the exchange library lives (art. 9.2, 9.5, 10.1): the permission folders by name, party, kind
 * and readers, and the folder a document with given facts belongs in. Pure, and small: the dashboard's first render
 * names a file's party from its folder (src/review/owner.ts), so this module holds no grants; who holds what in each
 * folder is ./permissions (provisioning, the permission matrix).
 *
 * Every folder a person can write to belongs to ONE party: `Gedeeld-<party>` (every other party reads),
 * `Review-<party>` (art. 9.2) and, where a restricted level exists, `Vertrouwelijk-<party>` (art. 10.1). With more
 * than two parties each party also gets a folder per recipient set its processing activities allow
 * (`Gedeeld-<party> voor <recipient> [en <recipient> …]`, and the same for `Vertrouwelijk-`), derived by
 * `recipientSets` (src/domain/agreement/recipients.ts): only those recipients read it. A two-party agreement derives
 * none.
 */
import { allOthers, isAllOthers, orderedRecipients, recipientSets, sameRecipients } from '../domain/agreement/recipients';
import type { AgreementConfig } from '../domain/agreement/schema';
import type { ToetsstatusValue } from './names';

/** A permission folder of the exchange library, as documents are placed in it. */
export interface ExchangeFolder {
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
  /** Set for a recipient folder only: the proper subset of the other parties that reads it (art. 8, 9.5). */
  chosenRecipients?: string[];
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

/**
 * The exchange library's permission folders: per party shared, review and restricted, then its recipient folders
 * (shared, and restricted where a restricted level exists) for each recipient set its processing activities allow.
 */
export function exchangeFolderList(config: AgreementConfig): ExchangeFolder[] {
  const restricted = config.classification.levels.some((l) => l.restricted);
  return config.parties.flatMap((party): ExchangeFolder[] => {
    const others = allOthers(config, party.key);
    const sets = recipientSets(config, party.key);
    const chosen = (kind: 'shared' | 'restricted', to: string[]): ExchangeFolder => ({
      name: kind === 'shared' ? sharedFolderName(party.key, to) : restrictedFolderName(party.key, to),
      party: party.key,
      kind,
      recipients: to,
      chosenRecipients: to,
    });
    return [
      { name: sharedFolderName(party.key), party: party.key, kind: 'shared', recipients: others },
      { name: reviewFolderName(party.key), party: party.key, kind: 'review', recipients: [] },
      ...(restricted ? [{ name: restrictedFolderName(party.key), party: party.key, kind: 'restricted' as const, recipients: others }] : []),
      ...sets.map((to) => chosen('shared', to)),
      ...(restricted ? sets.map((to) => chosen('restricted', to)) : []),
    ];
  });
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

