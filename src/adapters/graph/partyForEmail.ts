import type { PartyDomains } from '../../ports/directory';

/**
 * The party whose `emailDomains` contain the address's domain, or null (an outsider). Exact domain match only: a
 * shared parent domain (e.g. a ministry's) must not make someone a party.
 */
export function partyForEmail(email: string, parties: PartyDomains): string | null {
  const at = email.lastIndexOf('@');
  if (at < 0) return null;
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase();
  const party = parties.find((p) => p.emailDomains.some((d) => d.toLowerCase() === domain));
  return party ? party.key : null;
}
