/** Who receives a datalek report: the other party's breach address (art. 9.6) and its 1st and 2nd contact (bijlage 2, 2a). */
import type { AgreementConfig, Contact, Party } from '../agreement/schema';
import type { DatalekReport } from './types';

/** One mail recipient with why it receives the report. */
export interface DatalekRecipient {
  email: string;
  name: string;
  party: string;
  role: 'breachAddress' | 'contact1' | 'contact2';
}

/** The parties that must be informed: the controller when it is not the reporter, else every other party (art. 9.6). */
export function partiesToInform(
  report: Pick<DatalekReport, 'reportingParty' | 'controllerParty'>,
  config: AgreementConfig,
): Party[] {
  // seed 003 art. 8.2: the party that is not controller informs the controller; art. 9.6 (seed 000): inform "de ander".
  if (report.controllerParty && report.controllerParty !== report.reportingParty) {
    const controller = config.parties.find((p) => p.key === report.controllerParty);
    return controller ? [controller] : [];
  }
  return config.parties.filter((p) => p.key !== report.reportingParty);
}

/** The 1st and 2nd contact of a party, in order (bijlage 2a). */
export function breachContacts(party: Party): Contact[] {
  return [...party.contacts].filter((c) => c.order === 1 || c.order === 2).sort((a, b) => a.order - b.order);
}

/** Recipients of the report mail, de-duplicated by address (case-insensitive), breach address first. */
export function recipientsFor(
  report: Pick<DatalekReport, 'reportingParty' | 'controllerParty'>,
  config: AgreementConfig,
): DatalekRecipient[] {
  const seen = new Set<string>();
  const out: DatalekRecipient[] = [];
  const push = (r: DatalekRecipient): void => {
    const key = r.email.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    out.push(r);
  };
  for (const party of partiesToInform(report, config)) {
    push({
      email: party.breachAddress,
      name: `${party.shortName} datalekadres`,
      party: party.key,
      role: 'breachAddress',
    });
    for (const c of breachContacts(party))
      push({ email: c.email, name: c.name, party: party.key, role: c.order === 1 ? 'contact1' : 'contact2' });
  }
  return out;
}
