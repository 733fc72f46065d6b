/** Checks of the parties: unique keys and domains, contacts (annex 2a), privacy officer group, access by title. */
import { configError, type ConfigError } from '../errors';
import type { AgreementConfig } from '../schema';
import { sameFunctionTitle } from '../queries';
import { checkRef, checkUnique } from './helpers';

/** Cross-checks every party against the groups and the autorisatielijst. */
export function checkParties(config: AgreementConfig, groups: ReadonlySet<string>): ConfigError[] {
  const errors: ConfigError[] = [];
  errors.push(
    ...checkUnique(
      config.parties,
      (p) => p.key,
      (i) => `parties[${i}].key`,
      ['partij', 'party'],
    ),
  );
  const domainOwner = new Map<string, string>();
  config.parties.forEach((party, i) => {
    const base = `parties[${i}]`;
    party.emailDomains.forEach((domain, d) => {
      const owner = domainOwner.get(domain);
      if (owner !== undefined && owner !== party.key)
        errors.push(
          configError(
            `${base}.emailDomains[${d}]`,
            'domain_shared',
            `domein '${domain}' hoort al bij partij '${owner}'; een gebruiker moet bij één partij horen`,
            `domain '${domain}' already belongs to party '${owner}'; a user must map to one party`,
          ),
        );
      domainOwner.set(domain, party.key);
    });
    errors.push(
      ...checkUnique(
        party.contacts,
        (c) => String(c.order),
        (c) => `${base}.contacts[${c}].order`,
        ['contactvolgorde', 'contact order'],
      ),
    );
    // Annex 2: a breach form goes to the 1st and 2nd contact; the 1st must exist.
    if (!party.contacts.some((c) => c.order === 1))
      errors.push(
        configError(
          `${base}.contacts`,
          'first_contact_missing',
          'de 1e contactpersoon ontbreekt',
          'the 1st contact is missing',
        ),
      );
    errors.push(
      ...checkRef(groups, party.privacyOfficer.group, `${base}.privacyOfficer.group`, 'unknown_group', [
        'groep',
        'group',
      ]),
    );
    const group = config.groups.find((g) => g.key === party.privacyOfficer.group);
    if (group && group.kind !== 'privacy')
      errors.push(
        configError(
          `${base}.privacyOfficer.group`,
          'wrong_group_kind',
          `groep '${group.key}' is geen privacy-officergroep (kind '${group.kind}')`,
          `group '${group.key}' is not a privacy officers' group (kind '${group.kind}')`,
        ),
      );
    // art. 10.1: only staff on the autorisatielijst reach the space, so the accounthouder and the privacy officer
    // must be on it.
    const titles = config.autorisatielijst.filter((a) => a.party === party.key).map((a) => a.functionTitle);
    for (const [field, title] of [
      ['accounthouder', party.accounthouder.functionTitle],
      ['privacyOfficer', party.privacyOfficer.functionTitle],
    ] as const)
      if (!titles.some((t) => sameFunctionTitle(t, title)))
        errors.push(
          configError(
            `${base}.${field}.functionTitle`,
            'not_authorised',
            `functietitel '${title}' staat niet op de autorisatielijst van '${party.key}'`,
            `function title '${title}' is not on the autorisatielijst of '${party.key}'`,
            'art. 1e, 10.1',
          ),
        );
  });
  return errors;
}
