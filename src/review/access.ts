/** Who may review and export: privacy officers per party (art. 9.2) and accounthouders (art. 5). Pure. */
import type { AgreementConfig } from '../domain/agreement/schema';
import type { SiteUser } from '../ports/site';

/** The people facts the rules look at. */
export type Person = Pick<SiteUser, 'groupKeys' | 'isSiteAdmin'>;

/** Party keys whose privacy officer this person is (art. 9.2: the sharing party's privacy officer reviews). */
export function reviewerParties(config: AgreementConfig, user: Person): string[] {
  return config.parties.filter((p) => user.groupKeys.includes(p.privacyOfficer.group)).map((p) => p.key);
}

/** True when this person is an accounthouder (art. 5), by the configured 'accounthouders' group. */
export function isAccounthouder(config: AgreementConfig, user: Person): boolean {
  return config.groups.some((g) => g.kind === 'accounthouders' && user.groupKeys.includes(g.key));
}

/**
 * Who sees the "Verantwoording" export (AVG art. 5(2)): privacy officers, accounthouders and site owners. What the
 * file holds is what the Toetslog lets them read: privacy officers all records, others only their own.
 */
export function mayExport(config: AgreementConfig, user: Person): boolean {
  return user.isSiteAdmin || reviewerParties(config, user).length > 0 || isAccounthouder(config, user);
}

/** True when the Toetslog shows this person every record (privacy officers edit the list; staff read their own). */
export function seesAllRecords(config: AgreementConfig, user: Person): boolean {
  return user.isSiteAdmin || reviewerParties(config, user).length > 0;
}
