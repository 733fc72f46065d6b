/**
 * Checks the privacy officers' channel with Graph right before a breach card is posted (and for the site owner's
 * warning): its membership type and members against the privacy officer and owner groups of the configuration. What
 * could not be read counts as "not checked", never as passed.
 */
import { privacyChannelVerdict, type ChannelFacts, type ChannelVerdict } from '../domain/datalek/channel';
import type { AgreementConfig } from '../domain/agreement/schema';
import type { ChannelPoster, ChannelRef, SiteDirectory } from '../ports';
import { SITE_OWNERS } from '../provisioning/names';

/** The ports the check reads. */
export interface ChannelCheckDeps {
  config: AgreementConfig;
  channel: Pick<ChannelPoster, 'inspect'>;
  site: Pick<SiteDirectory, 'groupMembers'>;
}

/** Reads the channel and the groups, and decides; a refusal or error of either is a reason, never a pass. */
export async function checkPrivacyChannel(deps: ChannelCheckDeps, channel: ChannelRef): Promise<ChannelVerdict> {
  let facts: ChannelFacts;
  try {
    const inspection = await deps.channel.inspect(channel);
    facts = { ok: true, membershipType: inspection.membershipType, members: inspection.members };
  } catch (e) {
    facts = { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
  const groupEmails = async (keys: string[]): Promise<string[]> => {
    const lists = await Promise.all(keys.map((k) => deps.site.groupMembers(k)));
    return lists.flat().map((m) => m.email.toLowerCase());
  };
  try {
    const privacyOfficers = await groupEmails(deps.config.parties.map((p) => p.privacyOfficer.group));
    const owners = await groupEmails([SITE_OWNERS, ...deps.config.groups.filter((g) => g.kind === 'owners').map((g) => g.key)]);
    return privacyChannelVerdict(facts, { privacyOfficers, owners });
  } catch (e) {
    return privacyChannelVerdict(
      { ok: false, reason: `groepen niet te lezen: ${e instanceof Error ? e.message : String(e)}` },
      { privacyOfficers: [], owners: [] },
    );
  }
}
