import { readFileSync } from 'fs';
import type { AgreementConfig } from '../src/domain/agreement/schema';
import usersFile from './seed/users.json';
import { usersOfAgreement } from './seed/users';

/** The site the workbench seeds and shows (fixed path, see the team's identifiers). */
export const SITE_PATH = '/sites/samenwerkingsruimte';

/** One demo identity the identity switcher offers (from workbench/seed/users.json). */
export interface DemoIdentity {
  key: string;
  displayName: string;
  email: string;
  jobTitle: string;
  party: string | null;
  role: string;
}

/** A Teams channel the Kanaal pane shows. */
export interface PaneChannel {
  teamId: string;
  channelId: string;
  label: string;
}

/** What the workbench page needs to build the product's services and its panes; served as `/_workbench/session`. */
export interface WorkbenchSession {
  siteUrl: string;
  /** The privacy officers' channel (annex 2), passed to createServices as `teams`. */
  teams: { teamId: string; channelId: string } | null;
  identities: DemoIdentity[];
  channels: PaneChannel[];
  /** Mailboxes the Postvak pane offers: demo users, breach addresses (art. 9.6) and contacts (annex 2a). */
  mailboxes: { address: string; label: string }[];
  /** Calendars the Agenda pane offers: each demo user's, and the Team's group calendar. */
  calendars: { owner: string; label: string }[];
  /**
   * The page's form digest for the signed-in identity, as a SharePoint page carries one (SPFx hands it to PnPjs as
   * `legacyPageContext.formDigestValue`); null without an identity. Set by the page handler, not by {@link buildSession}.
   */
  formDigest?: { value: string; timeoutSeconds: number } | null;
}

/** The demo identities, validated enough that a broken users.json fails loudly at start rather than in the page. */
export function demoIdentities(): DemoIdentity[] {
  const list = (usersFile as { users: unknown[] }).users;
  return list.map((u, i) => {
    const x = u as Partial<DemoIdentity>;
    for (const field of ['key', 'displayName', 'email', 'jobTitle', 'role'] as const) {
      if (typeof x[field] !== 'string' || !x[field]) throw new Error(`workbench/seed/users.json users[${i}].${field} is missing`);
    }
    return { key: x.key!, displayName: x.displayName!, email: x.email!, jobTitle: x.jobTitle!, party: x.party ?? null, role: x.role! };
  });
}

/**
 * Reads an agreement configuration file as JSON; a missing file or broken JSON is refused naming the file. Validation of
 * the fields is the seed's and the product's job (both name every bad field).
 */
export function readAgreementFile(file: string): AgreementConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`agreement configuration ${file} cannot be read: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text) as AgreementConfig;
  } catch (e) {
    throw new Error(`agreement configuration ${file} is not valid JSON: ${(e as Error).message}`);
  }
}

/** The demo identities of the seeded agreement: its parties' people and the outsider (the page and the SPFx host). */
export function agreementIdentities(agreement: AgreementConfig): DemoIdentity[] {
  return usersOfAgreement(demoIdentities(), agreement);
}

/** Builds the page's session from the seeded agreement and the demo identities. */
export function buildSession(origin: string, agreement: AgreementConfig): WorkbenchSession {
  const identities = agreementIdentities(agreement);
  const { teamId, channelId, reminderChannelId } = agreement.space;
  const channels: PaneChannel[] = [];
  if (teamId && channelId) channels.push({ teamId, channelId, label: 'Privacy officers' });
  if (teamId && reminderChannelId && reminderChannelId !== channelId) {
    channels.push({ teamId, channelId: reminderChannelId, label: 'Algemeen' });
  }
  const mailboxes = new Map<string, string>();
  const addMailbox = (address: string, label: string): void => {
    const key = address.toLowerCase();
    if (!mailboxes.has(key)) mailboxes.set(key, label);
  };
  for (const p of agreement.parties) {
    addMailbox(p.breachAddress, `${p.shortName} datalekadres (art. 9.6)`);
    for (const c of p.contacts) addMailbox(c.email, `${c.name} (${p.shortName}, ${c.order}e contact)`);
  }
  for (const u of identities) addMailbox(u.email, `${u.displayName} (${u.role})`);
  const calendars = identities.map((u) => ({ owner: u.email.toLowerCase(), label: `${u.displayName} (${u.role})` }));
  if (teamId) calendars.push({ owner: teamId, label: 'Groepsagenda van het Team' });
  return {
    siteUrl: origin + SITE_PATH,
    teams: teamId && channelId ? { teamId, channelId } : null,
    identities,
    channels,
    mailboxes: [...mailboxes].map(([address, label]) => ({ address, label })),
    calendars,
  };
}
