/**
 * Recipient sets (art. 8, 9.5): with more than two parties a document goes only to the parties its uploader chooses,
 * within the recipients of its purpose (the processing activity of the register, seed 003 bijlage 1). Staff cannot
 * change permissions in SharePoint, so every set a sender may choose must be a folder provisioning made beforehand with
 * exactly those readers. These functions derive the sets from the configuration, so provisioning, the upload, the
 * integrity check and the permission matrix agree on them. Pure.
 *
 * A sender's sets are "every other party" (its `Gedeeld-<party>` folder, as in a two-party agreement) plus, per
 * processing activity, the choices within that activity's recipients other than the sender: every non-empty subset
 * while there are at most {@link ALL_SUBSETS_UP_TO} of them, else each single recipient and the whole set. A
 * two-party agreement therefore derives no set besides "every other party".
 */
import type { AgreementConfig } from './schema';

/**
 * Up to this many recipients of one activity (besides the sender) every non-empty subset is a choice (at most 7
 * sets); above it only each single recipient and the activity's whole set, so the folders grow linearly, not
 * exponentially, with the parties.
 */
export const ALL_SUBSETS_UP_TO = 3;

/** Party keys in the configuration's order, without duplicates and without keys that are no party. */
export function orderedRecipients(config: AgreementConfig, keys: readonly string[]): string[] {
  return config.parties.map((p) => p.key).filter((k) => keys.includes(k));
}

/** Every party except the sender, in the configuration's order: the readers of `Gedeeld-<sender>`. */
export function allOthers(config: AgreementConfig, sender: string | null): string[] {
  return config.parties.map((p) => p.key).filter((k) => k !== sender);
}

/** True when both hold the same party keys (order and duplicates aside). */
export function sameRecipients(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((k) => y.has(k));
}

/**
 * True when the recipients are every party but the sender, or none are named (a document stored before recipients
 * were recorded was shared with every other party).
 */
export function isAllOthers(config: AgreementConfig, sender: string, recipients: readonly string[] | undefined): boolean {
  return !recipients || recipients.length === 0 || sameRecipients(recipients, allOthers(config, sender));
}

/** The recipients a document actually has: the named ones, or every other party when none are named. */
export function effectiveRecipients(
  config: AgreementConfig,
  sender: string,
  recipients: readonly string[] | undefined,
): string[] {
  return isAllOthers(config, sender, recipients) ? allOthers(config, sender) : orderedRecipients(config, recipients ?? []);
}

/** Every non-empty subset of `keys`, in a stable order (by size, then by position). */
function subsets(keys: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let mask = 1; mask < 1 << keys.length; mask++) out.push(keys.filter((_, i) => (mask & (1 << i)) !== 0));
  return out.sort((a, b) => a.length - b.length || position(keys, a) - position(keys, b));
}

/** Where a subset sorts among subsets of the same size: by the positions of its members. */
function position(keys: readonly string[], set: readonly string[]): number {
  return set.reduce((sum, k) => sum * (keys.length + 1) + keys.indexOf(k) + 1, 0);
}

/** The choices within one activity's recipients: all subsets up to the cap, else the singles and the whole set. */
function choicesWithin(keys: readonly string[]): string[][] {
  if (keys.length === 0) return [];
  if (keys.length <= ALL_SUBSETS_UP_TO) return subsets(keys);
  return [...keys.map((k) => [k]), [...keys]];
}

/**
 * The recipients a purpose allows for this sender: the activity's recipients other than the sender, in the
 * configuration's order; every other party when no purpose applies (no personal data); none for an unknown activity.
 */
export function purposeRecipients(config: AgreementConfig, sender: string | null, activityKey?: string): string[] {
  const others = allOthers(config, sender);
  if (activityKey === undefined || activityKey === '') return others;
  const activity = config.processingActivities.find((a) => a.key === activityKey);
  if (!activity) return [];
  return others.filter((k) => activity.recipients.includes(k));
}

/** A stable key of a recipient set (its keys in the configuration's order, joined). */
export function recipientsKey(config: AgreementConfig, keys: readonly string[]): string {
  return orderedRecipients(config, keys).join('+');
}

/**
 * The recipient sets of a sender that need a folder of their own: the choices some processing activity allows, except
 * "every other party" (that is `Gedeeld-<sender>`). Empty in a two-party agreement.
 */
export function recipientSets(config: AgreementConfig, sender: string): string[][] {
  const all = allOthers(config, sender);
  const seen = new Map<string, string[]>();
  for (const a of config.processingActivities) {
    for (const set of choicesWithin(purposeRecipients(config, sender, a.key))) {
      if (sameRecipients(set, all)) continue;
      seen.set(recipientsKey(config, set), orderedRecipients(config, set));
    }
  }
  return [...seen.values()].sort((a, b) => a.length - b.length || position(all, a) - position(all, b));
}

/**
 * The recipient sets the uploader may choose from: within the purpose's recipients (the cap of
 * {@link ALL_SUBSETS_UP_TO} applies), or, without a purpose (no personal data), every other party or any set that has
 * a folder. Empty when the purpose has no recipient besides the sender.
 */
export function recipientChoices(config: AgreementConfig, sender: string | null, activityKey?: string): string[][] {
  if (sender === null) return [];
  if (activityKey === undefined || activityKey === '') {
    const all = allOthers(config, sender);
    return [...(all.length > 0 ? [all] : []), ...recipientSets(config, sender)];
  }
  return choicesWithin(purposeRecipients(config, sender, activityKey));
}

/** True when the recipients are one of the sender's choices for this purpose (so a folder with exactly them exists). */
export function isRecipientChoice(
  config: AgreementConfig,
  sender: string | null,
  recipients: readonly string[],
  activityKey?: string,
): boolean {
  return recipientChoices(config, sender, activityKey).some((set) => sameRecipients(set, recipients));
}

/** True when a folder of this sender holds exactly these readers: every other party, or one of its derived sets. */
export function hasRecipientFolder(config: AgreementConfig, sender: string, recipients: readonly string[]): boolean {
  return (
    isAllOthers(config, sender, recipients) || recipientSets(config, sender).some((set) => sameRecipients(set, recipients))
  );
}

/**
 * The recipients to preselect: the purpose's only choice (e.g. the one other party of a two-party agreement, or a
 * purpose with a single recipient); none when the uploader must choose.
 */
export function preselectedRecipients(config: AgreementConfig, sender: string | null, activityKey?: string): string[] {
  const choices = recipientChoices(config, sender, activityKey);
  return choices.length === 1 ? choices[0] : [];
}

/** The short names of parties, joined for a sentence: 'NZa', 'CIBG en NZa' ('CIBG and NZa' in English). */
export function recipientNames(config: AgreementConfig, keys: readonly string[], lang: 'nl' | 'en' = 'nl'): string {
  const names = orderedRecipients(config, keys).map((k) => config.parties.find((p) => p.key === k)?.shortName ?? k);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${lang === 'en' ? 'and' : 'en'} ${names[names.length - 1]}`;
}
