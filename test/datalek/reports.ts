/** A breach report (annex 2b) as the datalek form submits it, for tests that file one through the outbox. */
import type { AgreementConfig } from '../../src/domain/agreement/schema';

/** Who reports, and the party that is the controller (the other party, whose breach address is mailed). */
export interface Reporter {
  party: string;
  other: string;
  name: string;
  email: string;
  functionTitle?: string;
}

/** A complete, valid report by `who`; `marker` goes into the description so a test can find the report again. */
export function breachInput(config: AgreementConfig, who: Reporter, marker: string): Record<string, unknown> {
  const now = new Date();
  return {
    reportingParty: who.party,
    reportingOrganisation: config.parties.find((p) => p.key === who.party)?.name ?? who.party,
    contactName: who.name,
    contactFunction: who.functionTitle ?? 'Inspecteur',
    contactPhone: '+31 30 000 0100',
    contactEmail: who.email,
    reportedAt: now.toISOString(),
    breachDate: now.toISOString().slice(0, 10),
    breachDatePresumed: false,
    discoveredAt: new Date(now.getTime() - 3_600_000).toISOString(),
    description: `Brief naar het verkeerde adres (${marker}).`,
    affectedPersonalData: 'Naam, adres',
    affectedDataSubjects: 'Eén zorgverlener',
    scaleDataSubjects: 1,
    scaleFiles: 1,
    consequences: 'Onbekend',
    measures: 'Ontvanger gevraagd te vernietigen',
    measuresBefore: 'Geen',
    dataSubjectsInformed: 'nee',
    crossBorder: 'nee',
    ongoing: 'nee',
    controllerParty: who.other,
    documents: [],
    status: 'gemeld aan wederpartij',
  };
}

/** Sanne de Vries, IGJ staff, reporting a breach whose controller is CIBG. */
export const SANNE: Reporter = { party: 'igj', other: 'cibg', name: 'Sanne de Vries', email: 'sanne.devries@igj.example' };
