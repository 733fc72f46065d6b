/** Read-only lookups on a validated agreement configuration, shared by the UI, provisioning and other modules. */
import { addDaysIso } from '../common/dates';
import type { AgreementConfig, GroupConfig, Party, PersonalDataCategory, ProcessingActivity } from './schema';

/** The party with this key. */
export function partyByKey(config: AgreementConfig, key: string): Party | undefined {
  return config.parties.find((p) => p.key === key);
}

/** The short name of a party for messages and labels (e.g. 'IGJ'); the key itself when no party has it. */
export function partyLabel(config: AgreementConfig, key: string): string {
  return partyByKey(config, key)?.shortName ?? key;
}

/** Every party except this one (the other side of a sharing or a breach notice). */
export function otherParties(config: AgreementConfig, key: string): Party[] {
  return config.parties.filter((p) => p.key !== key);
}

/** The party of a signed-in user, by e-mail domain (sub-domains too); undefined for outsiders. */
export function partyForEmail(config: AgreementConfig, email: string): Party | undefined {
  const at = email.lastIndexOf('@');
  if (at < 0) return undefined;
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase();
  return config.parties.find((p) => p.emailDomains.some((d) => domain === d || domain.endsWith(`.${d}`)));
}

/**
 * The key of the party whose `emailDomains` contain the address's domain exactly, or null (an outsider). Used where
 * the party decides rights (who a signed-in user is, who owns a file): a sub-domain or a shared parent domain (e.g. a
 * ministry's) must not make someone a party. {@link partyForEmail} is the lenient form for pre-filling forms.
 */
export function partyKeyForExactDomain(
  email: string | undefined,
  parties: ReadonlyArray<Pick<Party, 'key' | 'emailDomains'>>,
): string | null {
  const at = email?.lastIndexOf('@') ?? -1;
  if (!email || at < 0) return null;
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase();
  return parties.find((p) => p.emailDomains.some((d) => d.toLowerCase() === domain))?.key ?? null;
}

/**
 * A function title in comparable form: case, spacing and parenthesised abbreviations ignored, so the agreement's
 * "Hoofdinspecteur Farmaceutische Producten (FP) en Medische Technologie (MT)" matches the directory's title
 * without them.
 */
export function normalizeFunctionTitle(title: string): string {
  return title
    .replace(/\s*\([A-Z]{1,6}\)/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** True when two function titles name the same function (see {@link normalizeFunctionTitle}). */
export function sameFunctionTitle(a: string, b: string): boolean {
  return normalizeFunctionTitle(a) === normalizeFunctionTitle(b);
}

/** The groups a function title of a party is placed in by the autorisatielijst (art. 1e, 10.1); empty = no access. */
export function groupsForFunctionTitle(
  config: AgreementConfig,
  partyKey: string,
  functionTitle: string,
): GroupConfig[] {
  const line = config.autorisatielijst.find(
    (a) => a.party === partyKey && sameFunctionTitle(a.functionTitle, functionTitle),
  );
  if (!line) return [];
  return line.groups
    .map((g) => config.groups.find((x) => x.key === g))
    .filter((g): g is GroupConfig => g !== undefined);
}

/** True when the function title of that party is on the autorisatielijst (art. 1e, 10.1). */
export function isAuthorised(config: AgreementConfig, partyKey: string, functionTitle: string): boolean {
  return groupsForFunctionTitle(config, partyKey, functionTitle).length > 0;
}

/** The SharePoint group of a party's privacy officers, who review that party's intentions to share (art. 9.2). */
export function privacyOfficerGroup(config: AgreementConfig, partyKey: string): GroupConfig | undefined {
  const party = partyByKey(config, partyKey);
  return party ? config.groups.find((g) => g.key === party.privacyOfficer.group) : undefined;
}

/** The processing activity with this key. */
export function activityByKey(config: AgreementConfig, key: string): ProcessingActivity | undefined {
  return config.processingActivities.find((a) => a.key === key);
}

/** The category of personal data with this key. */
export function categoryByKey(config: AgreementConfig, key: string): PersonalDataCategory | undefined {
  return config.categories.find((c) => c.key === key);
}

/** The activities a party may share for: those listing the other party as recipient. */
export function activitiesForSharing(
  config: AgreementConfig,
  uploaderParty: string,
  recipient: string,
): ProcessingActivity[] {
  return config.processingActivities.filter((a) => a.recipients.includes(recipient) && recipient !== uploaderParty);
}

/**
 * The date the agreement is in force (YYYY-MM-DD): art. 14.1 the day after publication in the Staatscourant,
 * the signing date, or the explicit date; undefined while the publication is not yet recorded.
 */
export function effectiveDate(config: AgreementConfig): string | undefined {
  const a = config.agreement;
  if (a.effectiveRule === 'onSigning') return a.effectiveFrom ?? a.signedOn;
  if (a.effectiveRule === 'explicit') return a.effectiveFrom;
  const published = a.staatscourant?.publishedOn;
  return a.effectiveFrom ?? (published === undefined ? undefined : addDaysIso(published, 1));
}
