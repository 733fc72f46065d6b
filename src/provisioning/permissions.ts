/**
 * Who may read a document, from its classification and toetsstatus (art. 9.2, 10.1), expressed as folders of the
 * exchange library whose permissions provisioning sets once. Staff hold Contribute, which in SharePoint cannot change
 * permissions (ManagePermissions is Full Control only), so the upload puts a file in the folder whose permissions fit;
 * it is never readable by more people, not even for a moment. Pure: no SharePoint here.
 */
import type { AgreementConfig } from '../domain/agreement/schema';
import type { ToetsstatusValue } from './names';
import type { Grant } from './types';

/** A folder of the exchange library with unique permissions. */
export interface FolderSpec {
  /** Folder name (also the last URL segment). */
  name: string;
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

/** Folder for documents of one party awaiting review. */
export function reviewFolderName(partyKey: string): string {
  return `Review-${partyKey}`;
}

/** Folder for restricted (e.g. Departementaal Vertrouwelijk) documents. */
export const RESTRICTED_FOLDER = 'Vertrouwelijk';

/** The exchange library's permission folders. */
export function exchangeFolders(config: AgreementConfig): FolderSpec[] {
  const owners: Grant[] = config.groups
    .filter((g) => g.kind === 'owners')
    .map((g) => ({ group: g.key, role: 'administrator' }));
  const folders: FolderSpec[] = config.parties.map((party) => {
    const grants: Grant[] = [...owners];
    for (const g of config.groups) {
      if (g.party === party.key && g.kind !== 'owners') grants.push({ group: g.key, role: 'contributor' });
    }
    if (!grants.some((g) => g.group === party.privacyOfficer.group)) {
      grants.push({ group: party.privacyOfficer.group, role: 'contributor' });
    }
    return {
      name: reviewFolderName(party.key),
      grants,
      reason: `art. 9.2: wacht op de privacy officer van ${party.shortName}`,
    };
  });
  const restricted: Grant[] = [...owners];
  for (const g of config.groups) if (g.kind === 'vertrouwelijk') restricted.push({ group: g.key, role: 'contributor' });
  for (const p of config.parties) {
    if (!restricted.some((g) => g.group === p.privacyOfficer.group)) {
      restricted.push({ group: p.privacyOfficer.group, role: 'reader' });
    }
  }
  folders.push({ name: RESTRICTED_FOLDER, grants: restricted, reason: 'art. 10.1: alleen de autorisatielijst' });
  return folders;
}

/**
 * The folder a document belongs in; null = the library root (readable by every group on the autorisatielijst).
 * Pending review wins over restricted: until approved, only the sharing party and its privacy officer read it.
 */
export function folderForDocument(config: AgreementConfig, facts: AccessFacts): string | null {
  if (PARTY_ONLY.has(facts.toetsstatus) && facts.party && config.parties.some((p) => p.key === facts.party)) {
    return reviewFolderName(facts.party);
  }
  const level = config.classification.levels.find((l) => l.key === facts.classification);
  if (level?.restricted) return RESTRICTED_FOLDER;
  return null;
}
