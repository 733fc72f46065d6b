import type { AgreementConfig } from '../../src/domain/agreement/schema';

/**
 * The demo identities that belong with an agreement: the people of its parties, and those of no party (the outsider).
 * users.json also lists people of parties that only another shipped agreement has (NZa); a site seeded with IGJ–CIBG
 * neither makes them Team members nor offers them in the identity switcher.
 */
export function usersOfAgreement<T extends { party?: string | null }>(users: readonly T[], config: Pick<AgreementConfig, 'parties'>): T[] {
  return users.filter((u) => !u.party || config.parties.some((p) => p.key === u.party));
}
