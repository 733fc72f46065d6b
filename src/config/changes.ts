/**
 * A changed agreement configuration is flagged to the accounthouders of every party until one of that party's
 * accounthouders acknowledged it (art. 13.3: changes are agreed in writing). Only site owners can change the file;
 * SharePoint records who and when (the file's versions), and the acknowledgement list takes entries from accounthouders
 * only. An acknowledgement counts for a party only when SharePoint says an accounthouder of that party made it.
 */
import { changedPaths, summarisePaths } from '../domain/agreement/fingerprint';
import { partyLabel } from '../domain/agreement/queries';
import type { AgreementConfig } from '../domain/agreement/schema';
import type { ConfigAcknowledgement, ConfigTrail, ConfigVersion } from '../ports/config';
import type { SiteDirectory, SiteUser } from '../ports/site';
import { isAccounthouder } from '../review/access';

/** What an accounthouder is shown about the configuration. */
export interface ConfigChangeNotice {
  version: ConfigVersion;
  /** The accounthouder's party, for which the version waits for acknowledgement. */
  party: string;
  /** Changed fields since the party's last acknowledged version (folded for display); empty for a first version. */
  changed: string[];
  /** The version the party acknowledged last, if any. */
  previous?: ConfigAcknowledgement;
  /** Parties that acknowledged this version already. */
  acknowledgedBy: string[];
}

/** The ports the check reads. */
export interface ConfigChangeDeps {
  config: AgreementConfig;
  configTrail: ConfigTrail;
  site: Pick<SiteDirectory, 'groupMembers'>;
}

/**
 * Acknowledgements made by an accounthouder, each in its own party's list. The party is the list's (only that party's
 * groups add there); the person is SharePoint's Author, compared by user id with the accounthouders group: a user may
 * change the e-mail and name of their own site user entry, never their id.
 */
async function validAcknowledgements(deps: ConfigChangeDeps): Promise<ConfigAcknowledgement[]> {
  const idsOf = async (keys: string[]): Promise<Set<number>> =>
    new Set((await Promise.all(keys.map((k) => deps.site.groupMembers(k)))).flat().map((m) => m.id));
  const groups = deps.config.groups;
  const [accounthouders, acks, ...perParty] = await Promise.all([
    idsOf(groups.filter((g) => g.kind === 'accounthouders').map((g) => g.key)),
    deps.configTrail.acknowledgements(200),
    ...deps.config.parties.map((p) => idsOf(groups.filter((g) => g.party === p.key && g.kind === 'members').map((g) => g.key))),
  ]);
  const ofParty = new Map(deps.config.parties.map((p, i) => [p.key, perParty[i]]));
  // An accounthouder of that very party: another party's accounthouder named as Author in this list does not count.
  return acks.filter((a) => a.author !== undefined && accounthouders.has(a.author.id) && !!ofParty.get(a.party)?.has(a.author.id));
}

/**
 * The notice for an accounthouder, or null when their party acknowledged the current version (or they are not an
 * accounthouder of a party).
 */
export async function configChangeFor(deps: ConfigChangeDeps, user: SiteUser): Promise<ConfigChangeNotice | null> {
  if (!user.party || !isAccounthouder(deps.config, user)) return null;
  const [version, acks] = await Promise.all([deps.configTrail.current(), validAcknowledgements(deps)]);
  const acknowledgedBy = [...new Set(acks.filter((a) => a.key === version.key).map((a) => a.party))];
  if (acknowledgedBy.includes(user.party)) return null;
  const previous = acks.find((a) => a.party === user.party);
  return {
    version,
    party: user.party,
    changed: previous ? summarisePaths(changedPaths(previous.fingerprint, version.fingerprint)) : [],
    ...(previous ? { previous } : {}),
    acknowledgedBy,
  };
}

/** Acknowledges the notice's version for the accounthouder's party. */
export async function acknowledgeConfig(deps: Pick<ConfigChangeDeps, 'configTrail'>, notice: ConfigChangeNotice): Promise<void> {
  await deps.configTrail.acknowledge(notice.version, notice.party);
}

/** A one-line Dutch description of who changed the configuration and when, for the banner. */
export function describeChange(config: AgreementConfig, notice: ConfigChangeNotice): string {
  const who = notice.version.modifiedBy?.displayName ?? 'onbekend';
  const others = notice.acknowledgedBy.map((p) => partyLabel(config, p)).join(', ');
  return `Versie ${notice.version.label}, gewijzigd door ${who} op ${notice.version.modified}${others ? `; al bevestigd door ${others}` : ''}.`;
}
