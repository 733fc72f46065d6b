/**
 * The Microsoft 365 group and Team the demo site is connected to, as customers deploy it: the site is a group-connected
 * team site, every demo identity is a member of the Team (the outsider too: being in the Team is not being on the
 * autorisatielijst), the site collection admin `beheerder` is its owner. Channels from the agreement configuration:
 * `space.reminderChannelId` is the General channel (standard), `space.channelId` the private "Privacy officers"
 * channel whose members are the people in the parties' privacy-officer groups.
 */
import type { AgreementConfig } from '../../src/domain/agreement/schema';
import { groupsForFunctionTitle, privacyOfficerGroup } from '../../src/domain/agreement/queries';

/** A demo identity as users.json lists it. */
export interface TeamSeedUser {
  key: string;
  email: string;
  jobTitle: string;
  party: string | null;
}

/** Key of the site collection admin, the Team's owner. */
const OWNER_KEY = 'beheerder';
/** The group and its site share the name they were created with. */
const GROUP_NAME = 'Samenwerkingsruimte';

/** The team definition the emulator's `POST /_emulator/team` takes, built from the configuration. */
export function teamDefinition(config: AgreementConfig, users: readonly TeamSeedUser[]): Record<string, unknown> {
  const { teamId, channelId, reminderChannelId } = config.space;
  if (!teamId) throw new Error('Seed: configuratie space.teamId ontbreekt; zonder groep geen Team.');
  // The privacy officers: whoever the autorisatielijst puts in a party's privacy-officer group, derived like the
  // SharePoint group memberships (seedMemberships).
  const privacyGroups = new Set(
    config.parties.map((p) => privacyOfficerGroup(config, p.key)?.key).filter((k): k is string => !!k),
  );
  const privacyOfficers = users
    .filter((u) => u.party && groupsForFunctionTitle(config, u.party, u.jobTitle).some((g) => privacyGroups.has(g.key)))
    .map((u) => u.key);
  const general = reminderChannelId ?? `19:general-${teamId.toLowerCase()}@thread.tacv2`;
  const channels: Record<string, unknown>[] = [
    // Graph calls it "General" in every language; its folder is the fixture "General" (some Dutch sites: "Algemeen").
    { id: general, displayName: 'General', membershipType: 'standard', folderName: 'General' },
  ];
  if (channelId && channelId !== general) {
    channels.push({
      id: channelId,
      displayName: 'Privacy officers',
      description: 'Meldingen van (mogelijke) datalekken en toetsverzoeken (bijlage 2)',
      membershipType: 'private',
      members: privacyOfficers,
      // The site owner created the channel and owns it (a private channel's creator is its owner), so the owner's
      // dashboard can check it (breach cards go only where only privacy officers and owners read).
      owners: [OWNER_KEY],
    });
  }
  return {
    id: teamId,
    displayName: GROUP_NAME,
    description: `Samenwerkingsruimte ${config.agreement.shortTitle}`,
    owners: [OWNER_KEY],
    members: users.map((u) => u.key).filter((k) => k !== OWNER_KEY),
    channels,
  };
}

/** Defines (idempotently) the Team on the emulator at `emulatorOrigin`; a refusal stops the seed naming the reason. */
export async function seedTeam(
  emulatorOrigin: string,
  config: AgreementConfig,
  users: readonly TeamSeedUser[],
): Promise<void> {
  const res = await fetch(`${emulatorOrigin.replace(/\/+$/, '')}/_emulator/team`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(teamDefinition(config, users)),
  });
  if (!res.ok) throw new Error(`Seed: het Team is niet aangemaakt (${res.status}): ${await res.text()}`);
}
