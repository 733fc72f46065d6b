/**
 * Whether a channel may carry the full breach card: the card holds the description, the personal data and data
 * subjects affected, the consequences and the measures (annex 2b), so only a private channel whose members are all
 * privacy officers of the configuration (or owners of the space) may get it. Anything else, or a channel that could
 * not be checked, gets a card without personal data that links to the report. Pure.
 */

/** What was read about the channel (Graph), or why it could not be read. */
export type ChannelFacts =
  | {
      ok: true;
      membershipType: 'standard' | 'private' | 'shared' | 'unknownFutureValue';
      members: ReadonlyArray<{ displayName: string; email?: string; roles: readonly string[] }>;
    }
  | { ok: false; reason: string };

/** The people allowed in the privacy officers' channel, by e-mail address (lower case). */
export interface ChannelAudience {
  privacyOfficers: readonly string[];
  owners: readonly string[];
}

/** The verdict: full card, or a notice without personal data and why. */
export type ChannelVerdict = { full: true } | { full: false; reason: string; readable: boolean };

/** Decides what the channel may carry. */
export function privacyChannelVerdict(facts: ChannelFacts, audience: ChannelAudience, lang: 'nl' | 'en' = 'nl'): ChannelVerdict {
  const en = lang === 'en';
  if (!facts.ok) {
    return {
      full: false,
      readable: false,
      reason: en ? `the channel could not be checked (${facts.reason})` : `het kanaal kon niet worden gecontroleerd (${facts.reason})`,
    };
  }
  if (facts.membershipType !== 'private') {
    return {
      full: false,
      readable: true,
      reason: en
        ? `the channel is not private (${facts.membershipType}): every member of the Team reads it`
        : `het kanaal is niet privé (${facts.membershipType}): elk lid van het Team leest het`,
    };
  }
  const po = new Set(audience.privacyOfficers.map((e) => e.toLowerCase()));
  const owners = new Set(audience.owners.map((e) => e.toLowerCase()));
  const strangers = facts.members.filter((m) => {
    const email = (m.email ?? '').toLowerCase();
    return !po.has(email) && !owners.has(email);
  });
  if (strangers.length > 0) {
    const names = strangers.map((m) => m.displayName || m.email || '?').join(', ');
    return {
      full: false,
      readable: true,
      reason: en
        ? `members who are not privacy officers or owners: ${names}`
        : `leden die geen privacy officer of eigenaar zijn: ${names}`,
    };
  }
  if (!facts.members.some((m) => po.has((m.email ?? '').toLowerCase()))) {
    return {
      full: false,
      readable: true,
      reason: en ? 'no privacy officer is a member of the channel' : 'geen privacy officer is lid van het kanaal',
    };
  }
  return { full: true };
}
