/**
 * A changed agreement configuration is flagged to the accounthouders of every party until one of that party's
 * accounthouders acknowledged it (art. 13.3: changes are agreed in writing). Only site owners can change the file;
 * SharePoint records who and when (the file's versions), and the acknowledgement list takes entries from accounthouders
 * only. An acknowledgement counts for a party only when SharePoint says an accounthouder of that party made it.
 */
import { changedPaths, summarisePaths } from '../domain/agreement/fingerprint';
import { partyKeyForExactDomain, partyLabel } from '../domain/agreement/queries';
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

/** Acknowledgements made by an accounthouder of their own party (SharePoint's Author decides, not the entry). */
async function validAcknowledgements(deps: ConfigChangeDeps): Promise<ConfigAcknowledgement[]> {
  const keys = deps.config.groups.filter((g) => g.kind === 'accounthouders').map((g) => g.key);
  const members = (await Promise.all(keys.map((k) => deps.site.groupMembers(k)))).flat();
  const emails = new Set(members.map((m) => m.email.toLowerCase()));
  const acks = await deps.configTrail.acknowledgements(200);
  return acks.filter((a) => {
    const email = a.author?.email?.toLowerCase();
    return !!email && emails.has(email) && partyKeyForExactDomain(email, deps.config.parties) === a.party;
  });
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
