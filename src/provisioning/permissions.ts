/**
 * Who may read a document, from its classification and toetsstatus (art. 9.2, 10.1). Pure: the DocumentStore applies
 * the plan; nothing here talks to SharePoint.
 */
import type { AgreementConfig } from '../domain/agreement/schema';
import type { Grant } from './types';
import type { ToetsstatusValue } from './names';

/** What a document's permissions must be: inherited from the library, or unique with these grants. */
export type AccessPlan =
  | { inherit: true; reason: string }
  | { inherit: false; grants: Grant[]; uploaderRole: 'contributor' | null; reason: string };

/** The facts the rules look at. */
export interface AccessFacts {
  classification?: string;
  toetsstatus: ToetsstatusValue;
  /** Party key of the uploader (owner party of the document). */
  party?: string;
}

/** Statuses in which the other party must not see the document yet (art. 9.2: review before sharing). */
const PARTY_ONLY: ReadonlySet<ToetsstatusValue> = new Set(['Te classificeren', 'In review', 'Onvolledig', 'Afgewezen']);

/** Computes the access plan for one document. */
export function accessForDocument(config: AgreementConfig, facts: AccessFacts): AccessPlan {
  const owners: Grant[] = config.groups
    .filter((g) => g.kind === 'owners')
    .map((g) => ({ group: g.key, role: 'administrator' }));
  if (PARTY_ONLY.has(facts.toetsstatus)) {
    // art. 9.2: until the sharing party's privacy officer approves, only that party (and its privacy officer) reads it.
    const party = config.parties.find((p) => p.key === facts.party);
    const grants: Grant[] = [...owners];
    if (party) {
      for (const g of config.groups) {
        if (g.party === party.key && g.kind !== 'owners') grants.push({ group: g.key, role: 'contributor' });
      }
      if (!grants.some((g) => g.group === party.privacyOfficer.group)) {
        grants.push({ group: party.privacyOfficer.group, role: 'contributor' });
      }
    }
    return { inherit: false, grants, uploaderRole: 'contributor', reason: `art. 9.2: ${facts.toetsstatus}` };
  }
  const level = config.classification.levels.find((l) => l.key === facts.classification);
  if (level?.restricted) {
    // art. 10.1: only the groups on the autorisatielijst for confidential material read a restricted file.
    const grants: Grant[] = [...owners];
    for (const g of config.groups) {
      if (g.kind === 'vertrouwelijk')
        grants.push({ group: g.key, role: g.party === facts.party ? 'contributor' : 'reader' });
    }
    for (const p of config.parties) {
      if (!grants.some((g) => g.group === p.privacyOfficer.group))
        grants.push({ group: p.privacyOfficer.group, role: 'reader' });
    }
    return { inherit: false, grants, uploaderRole: 'contributor', reason: `art. 10.1: ${level.label}` };
  }
  return { inherit: true, reason: 'art. 9.5: gedeeld in de samenwerkingsruimte' };
}
