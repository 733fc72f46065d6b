/**
 * The permission matrix, generated from the agreement configuration: every kind of identity × every action × every
 * container, with the outcome the agreement's rules expect ({@link expectation}). The same rows are written to
 * docs/permissions.md and run against SharePoint (the emulator) by the matrix test, as each identity, over REST. Pure.
 */
import { groupsForFunctionTitle } from '../domain/agreement/queries';
import { recipientSets } from '../domain/agreement/recipients';
import type { AgreementConfig } from '../domain/agreement/schema';
import { actionsFor, containerLabel, expectation, type Action, type Container, type Expectation, type Roles } from './policy';

/** One kind of identity, with the configuration groups it is in. */
export interface Identity {
  /** Stable key, e.g. `staff-igj`, `privacy-cibg`, `outsider`, `owner`. */
  key: string;
  /** How the table names it. */
  label: string;
  /** Party of its e-mail domain, or null. */
  party: string | null;
  /** Configuration group keys (the site Owners group for `owner`). */
  groups: string[];
  /** Site owner: member of the site's Owners group. */
  siteOwner: boolean;
  roles: Roles;
}

/** One probe: an identity does an action on a container, and the rule says whether SharePoint lets it. */
export interface MatrixRow {
  identity: Identity;
  container: Container;
  action: Action;
  expected: Expectation;
}

/** The roles a set of groups gives. */
export function rolesOf(config: AgreementConfig, groups: readonly string[], siteOwner: boolean): Roles {
  const of = (kind: string): Array<{ key: string; party?: string }> =>
    config.groups.filter((g) => g.kind === kind && groups.includes(g.key));
  const members = of('members');
  return {
    party: members[0]?.party ?? null,
    privacyOf: config.parties.filter((p) => groups.includes(p.privacyOfficer.group)).map((p) => p.key),
    accounthouder: of('accounthouders').length > 0,
    restrictedOf: of('vertrouwelijk')
      .map((g) => g.party)
      .filter((x): x is string => !!x),
    owner: siteOwner || of('owners').length > 0,
  };
}

/** The identity kinds of a configuration: per party its staff, privacy officers, accounthouders, autorisatielijst
 * group and a member of the bestuurlijk overleg; plus the outsider (a Team member in no group) and a site owner. */
export function identities(config: AgreementConfig): Identity[] {
  const out: Identity[] = [];
  const make = (key: string, label: string, party: string | null, groups: string[], siteOwner = false): void => {
    out.push({ key, label, party, groups, siteOwner, roles: rolesOf(config, groups, siteOwner) });
  };
  const accounthouders = config.groups.find((g) => g.kind === 'accounthouders');
  for (const p of config.parties) {
    const members = config.groups.filter((g) => g.kind === 'members' && g.party === p.key).map((g) => g.key);
    make(`staff-${p.key}`, `medewerker ${p.shortName}`, p.key, members);
    make(`privacy-${p.key}`, `privacy officer ${p.shortName}`, p.key, [...members, p.privacyOfficer.group]);
    if (accounthouders) make(`accounthouder-${p.key}`, `accounthouder ${p.shortName}`, p.key, [...members, accounthouders.key]);
    const restricted = config.groups.find((g) => g.kind === 'vertrouwelijk' && g.party === p.key);
    if (restricted) make(`restricted-${p.key}`, `autorisatielijst vertrouwelijk ${p.shortName}`, p.key, [...members, restricted.key]);
    const attendee = config.meetings
      .filter((m) => m.kind === 'bestuurlijk')
      .flatMap((m) => m.requiredAttendees ?? [])
      .find((a) => a.party === p.key);
    if (attendee) {
      const groups = groupsForFunctionTitle(config, p.key, attendee.functionTitle).map((g) => g.key);
      make(`bestuurlijk-${p.key}`, `bestuurlijk overleg ${p.shortName} (${attendee.functionTitle})`, p.key, groups.length ? groups : members);
    }
  }
  make('outsider', 'lid van het Team, in geen groep', null, []);
  make('owner', 'site-eigenaar', null, [], true);
  return out;
}

/** The containers of a configuration. */
export function containers(config: AgreementConfig): Container[] {
  const restricted = config.classification.levels.some((l) => l.restricted);
  return [
    { kind: 'root' },
    ...config.parties.flatMap((p): Container[] => [
      { kind: 'shared', party: p.key },
      { kind: 'review', party: p.key },
      ...(restricted ? [{ kind: 'restricted', party: p.key } as Container] : []),
      // art. 8, 9.5: the folders of the recipient sets its processing activities allow (none with two parties).
      ...recipientSets(config, p.key).flatMap((to): Container[] => [
        { kind: 'shared', party: p.key, recipients: to },
        ...(restricted ? [{ kind: 'restricted', party: p.key, recipients: to } as Container] : []),
      ]),
    ]),
    { kind: 'toetslog', own: true },
    { kind: 'toetslog', own: false },
    { kind: 'breaches', own: true },
    { kind: 'breaches', own: false },
    ...config.parties.flatMap((p): Container[] => [
      { kind: 'breachLog', own: true, party: p.key },
      { kind: 'breachLog', own: false, party: p.key },
    ]),
    { kind: 'agreements' },
    { kind: 'meetings' },
    { kind: 'reminders', own: true },
    { kind: 'reminders', own: false },
    ...config.parties.flatMap((p): Container[] => [
      { kind: 'reviews', party: p.key },
      { kind: 'acknowledgements', party: p.key },
    ]),
    { kind: 'config' },
    { kind: 'configLibrary' },
    { kind: 'channelFiles' },
    { kind: 'groups', group: 'privacy' },
    { kind: 'groups', group: 'members' },
  ];
}

/** Every row of the matrix. */
export function buildMatrix(config: AgreementConfig): MatrixRow[] {
  const rows: MatrixRow[] = [];
  for (const container of containers(config)) {
    for (const action of actionsFor(container)) {
      for (const identity of identities(config)) {
        rows.push({ identity, container, action, expected: expectation(config, identity.roles, action, container) });
      }
    }
  }
  return rows;
}

/** Dutch names of the actions, for the table. */
export const ACTION_LABELS: Record<Action, string> = {
  read: 'lezen',
  add: 'toevoegen',
  merge: 'velden wijzigen (MERGE)',
  validateUpdate: 'validateUpdateListItem',
  publish: 'publiceren',
  unpublish: 'publicatie intrekken',
  approve: 'goedkeuren',
  move: 'verplaatsen',
  copy: 'kopiëren',
  delete: 'verwijderen',
  recycle: 'naar de prullenbak',
  versionDelete: 'versie verwijderen',
  versionRestore: 'versie terugzetten',
  breakInheritance: 'overname verbreken',
  addRoleAssignment: 'rol toekennen',
  putContent: 'inhoud vervangen ($value PUT)',
  addMember: 'lid toevoegen',
};

/** The matrix as Markdown: one table per container, an identity per column, an action per row (✓ allowed, · refused). */
export function matrixMarkdown(config: AgreementConfig, rows: readonly MatrixRow[] = buildMatrix(config)): string {
  const ids = identities(config);
  const lines: string[] = [];
  const byContainer = new Map<string, MatrixRow[]>();
  for (const r of rows) {
    const label = containerLabel(config, r.container);
    byContainer.set(label, [...(byContainer.get(label) ?? []), r]);
  }
  lines.push(`Identiteiten: ${ids.map((i) => `**${i.key}** = ${i.label}`).join('; ')}.`, '');
  for (const [label, list] of byContainer) {
    lines.push(`### ${label}`, '');
    lines.push(`| actie | ${ids.map((i) => i.key).join(' | ')} | regel |`);
    lines.push(`|---|${ids.map(() => ':-:').join('|')}|---|`);
    const actions = [...new Set(list.map((r) => r.action))];
    for (const action of actions) {
      const cells = ids.map((i) => (list.find((r) => r.action === action && r.identity.key === i.key)?.expected.allowed ? '✓' : '·'));
      const rules = [...new Set(list.filter((r) => r.action === action).map((r) => r.expected.rule))];
      lines.push(`| ${ACTION_LABELS[action]} | ${cells.join(' | ')} | ${rules.join('; ')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
