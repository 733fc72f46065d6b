/** Checks of classification levels, groups, the autorisatielijst (art. 1e, 10.1) and meetings (art. 6, 7, 12, 13). */
import { configError, type ConfigError } from '../errors';
import type { AgreementConfig, Authorisation, GroupConfig } from '../schema';
import { normalizeFunctionTitle } from '../queries';
import { checkRef, checkUnique } from './helpers';

const LEVEL: [string, string] = ['niveau', 'level'];

/** Level keys, labels and ranks unique; a forbidden level never doubles as an allowed one. */
export function checkClassification(config: AgreementConfig): ConfigError[] {
  const { levels, forbidden } = config.classification;
  const errors = [
    ...checkUnique(
      levels,
      (l) => l.key,
      (i) => `classification.levels[${i}].key`,
      LEVEL,
    ),
    ...checkUnique(
      levels,
      (l) => l.label.toLowerCase(),
      (i) => `classification.levels[${i}].label`,
      ['label', 'label'],
    ),
    ...checkUnique(
      levels,
      (l) => String(l.rank),
      (i) => `classification.levels[${i}].rank`,
      ['rang', 'rank'],
    ),
    ...checkUnique(
      forbidden,
      (l) => l.key,
      (i) => `classification.forbidden[${i}].key`,
      LEVEL,
    ),
  ];
  const allowed = new Set(levels.flatMap((l) => [l.key, l.label.toLowerCase()]));
  forbidden.forEach((f, i) => {
    if (allowed.has(f.key) || allowed.has(f.label.toLowerCase()))
      errors.push(
        configError(
          `classification.forbidden[${i}]`,
          'forbidden_level_allowed',
          `'${f.label}' staat zowel bij de toegestane als bij de verboden niveaus`,
          `'${f.label}' is both an allowed and a forbidden level`,
          f.source,
        ),
      );
  });
  return errors;
}

/** Groups unique and owned by existing parties; the autorisatielijst maps titles to existing groups of their party. */
export function checkAccess(config: AgreementConfig, parties: ReadonlySet<string>): ConfigError[] {
  const errors = [
    ...checkUnique(
      config.groups,
      (g) => g.key,
      (i) => `groups[${i}].key`,
      ['groep', 'group'],
    ),
    ...checkUnique(
      config.groups,
      (g) => g.name.toLowerCase(),
      (i) => `groups[${i}].name`,
      ['groepsnaam', 'group name'],
    ),
  ];
  config.groups.forEach((g, i) => {
    if (g.party !== undefined)
      errors.push(...checkRef(parties, g.party, `groups[${i}].party`, 'unknown_party', ['partij', 'party']));
  });
  const groups = new Map(config.groups.map((g) => [g.key, g]));
  errors.push(
    ...checkUnique(
      config.autorisatielijst,
      (a) => `${a.party}/${normalizeFunctionTitle(a.functionTitle)}`,
      (i) => `autorisatielijst[${i}].functionTitle`,
      ['functietitel', 'function title'],
    ),
  );
  config.autorisatielijst.forEach((a, i) => {
    const base = `autorisatielijst[${i}]`;
    errors.push(...checkRef(parties, a.party, `${base}.party`, 'unknown_party', ['partij', 'party']));
    if (a.groups.length === 0)
      errors.push(
        configError(
          `${base}.groups`,
          'no_groups',
          'een functietitel op de lijst moet in minstens één groep',
          'a listed title needs at least one group',
        ),
      );
    a.groups.forEach((key, j) => {
      const group = groups.get(key);
      if (!group) {
        errors.push(
          ...checkRef(new Set(groups.keys()), key, `${base}.groups[${j}]`, 'unknown_group', ['groep', 'group']),
        );
        return;
      }
      // A line of a party that does not exist is reported once (unknown_party), not again with advice for that party.
      if (group.party !== undefined && group.party !== a.party && parties.has(a.party))
        errors.push(otherPartyGroup(`${base}.groups[${j}]`, a, group));
    });
  });
  return errors;
}

/**
 * A title placed in another party's group. For a 'vertrouwelijk' group this matters most (art. 10.1): that party's
 * restricted folder is edited only by its own autorisatielijst group, so the title would edit, and see the drafts of,
 * restricted documents of a party it does not belong to.
 */
function otherPartyGroup(path: string, line: Authorisation, group: GroupConfig): ConfigError {
  const key = group.key;
  if (group.kind !== 'vertrouwelijk')
    return configError(
      path,
      'group_of_other_party',
      `groep '${key}' hoort bij partij '${group.party}', niet bij '${line.party}'`,
      `group '${key}' belongs to party '${group.party}', not '${line.party}'`,
    );
  return configError(
    path,
    'group_of_other_party',
    `autorisatielijstgroep '${key}' hoort bij partij '${group.party}', niet bij '${line.party}': de vertrouwelijke ` +
      `map van '${group.party}' wordt alleen door haar eigen groep bewerkt; zet deze functietitel in de ` +
      `vertrouwelijk-groep van '${line.party}'`,
    `autorisatielijst group '${key}' belongs to party '${group.party}', not '${line.party}': the restricted folder ` +
      `of '${group.party}' is edited only by its own group; put this title in the vertrouwelijk group of ` +
      `'${line.party}'`,
    'art. 10.1',
  );
}

/** Meeting keys unique, attendees of existing parties, topic keys unique. */
export function checkMeetings(config: AgreementConfig, parties: ReadonlySet<string>): ConfigError[] {
  const errors = checkUnique(
    config.meetings,
    (m) => m.key,
    (i) => `meetings[${i}].key`,
    ['overleg', 'meeting'],
  );
  config.meetings.forEach((m, i) => {
    const base = `meetings[${i}]`;
    errors.push(
      ...checkUnique(
        m.mandatoryTopics,
        (t) => t.key,
        (j) => `${base}.mandatoryTopics[${j}].key`,
        ['onderwerp', 'topic'],
      ),
    );
    m.requiredAttendees.forEach((a, j) =>
      errors.push(
        ...checkRef(parties, a.party, `${base}.requiredAttendees[${j}].party`, 'unknown_party', ['partij', 'party']),
      ),
    );
    errors.push(
      ...checkUnique(
        m.reminderLeadDays,
        (d) => String(d),
        (j) => `${base}.reminderLeadDays[${j}]`,
        ['herinnering', 'reminder'],
      ),
    );
  });
  return errors;
}

/**
 * art. 10.1: restricted levels are read through 'vertrouwelijk' groups filled from the autorisatielijst (without one,
 * only the privacy officers read them), one per party because a party's restricted folder is edited only by its own
 * group; each party needs its own members group to reach its documents.
 */
export function checkGroupCoverage(config: AgreementConfig): ConfigError[] {
  const errors: ConfigError[] = [];
  const listed = new Set(config.autorisatielijst.flatMap((a) => a.groups));
  const restricted = config.classification.levels.some((l) => l.restricted);
  const confidential = config.groups.filter((g) => g.kind === 'vertrouwelijk');
  if (restricted && confidential.length === 0)
    errors.push(
      configError(
        'groups',
        'no_confidential_group',
        "er is een beperkt niveau, maar geen groep met kind 'vertrouwelijk' om het te lezen",
        "a restricted level exists, but no group of kind 'vertrouwelijk' to read it",
        'art. 10.1',
      ),
    );
  config.groups.forEach((g, i) => {
    if (g.kind === 'vertrouwelijk' && g.party === undefined)
      errors.push(
        configError(
          `groups[${i}].party`,
          'confidential_group_without_party',
          `groep '${g.key}' (kind 'vertrouwelijk') hoort bij geen partij: de leden lezen vertrouwelijke stukken van ` +
            'elke partij, maar kunnen zelf geen vertrouwelijk stuk delen, want de vertrouwelijke map van een partij ' +
            'wordt alleen door de autorisatielijstgroep van die partij bewerkt; maak één vertrouwelijk-groep per ' +
            'partij en vul groups[].party in',
          `group '${g.key}' (kind 'vertrouwelijk') belongs to no party: its members can read restricted documents of ` +
            'every party but cannot share restricted documents, because the restricted folder of a party is edited ' +
            "only by that party's own autorisatielijst group; make one vertrouwelijk group per party and set " +
            'groups[].party',
          'art. 10.1',
        ),
      );
    if (g.kind === 'vertrouwelijk' && !listed.has(g.key))
      errors.push(
        configError(
          `groups[${i}]`,
          'confidential_group_empty',
          `geen functietitel op de autorisatielijst geeft toegang tot '${g.name}'`,
          `no function title on the autorisatielijst gives access to '${g.name}'`,
          'art. 1e, 10.1',
        ),
      );
  });
  config.parties.forEach((p, i) => {
    if (!config.groups.some((g) => g.party === p.key && g.kind === 'members'))
      errors.push(
        configError(
          `parties[${i}]`,
          'no_members_group',
          `partij '${p.key}' heeft geen groep met kind 'members' voor haar medewerkers`,
          `party '${p.key}' has no group of kind 'members' for its staff`,
          'art. 10.1',
        ),
      );
  });
  return errors;
}
