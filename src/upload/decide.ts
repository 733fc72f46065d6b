/**
 * The decision on one file of an upload: the doelbinding check (art. 8, 9) on the shared answers and this file's own
 * scan findings, plus two facts only the upload knows: whether the uploader may store a restricted level at all
 * (art. 10.1) and whether the file could be read whole. A file, page or part that was not read never counts as "no
 * findings": it goes where the configuration says (`rules.unreadFile`), by default to the sharing party's
 * privacy officer (art. 9.2); it is never allowed on the answers alone. Pure.
 */
import {
  allOthers,
  hasRecipientFolder,
  orderedRecipients,
  recipientChoices,
  recipientNames,
} from '../domain/agreement/recipients';
import type { AgreementConfig } from '../domain/agreement/schema';
import { isRestricted } from '../domain/classification';
import {
  checkDoelbinding,
  sortReasons,
  strictest,
  type Decision,
  type DoelbindingAnswers,
  type FindingCount,
  type Reason,
} from '../domain/doelbinding';
import { describeUnread, summariseFindings, type ScanResult } from '../domain/scan';

/** What the uploader chose in the dialog, the same for every file of one upload. */
export interface ShareForm {
  /** Document type key (configuration `documentTypes`). */
  documentType: string;
  /** Classification level key; '' until chosen (mandatory, no default: art. 9.3, 10.1). */
  classification: string;
  /** Confidential information: disclosure only after hearing the source party (art. 10.2). */
  confidential: boolean;
  /** Year the document is about (DVA per year, art. 12). */
  year?: number;
  /**
   * The parties it goes to, chosen by the uploader within the recipients of the purpose (art. 8, 9.5); absent: every
   * other party (as in a two-party agreement). Each is checked on its own; only they will read the file.
   */
  recipients?: string[];
  answers: DoelbindingAnswers;
}

/** Who uploads: their party and the configured groups they are in (autorisatielijst, art. 1e). */
export interface Uploader {
  party: string | null;
  groupKeys: ReadonlyArray<string>;
}

/** Finding counts of a scan (kinds and counts only; values never exist). */
export function findingCounts(scan: ScanResult | undefined): FindingCount[] {
  return scan ? summariseFindings(scan) : [];
}

/**
 * The parties a document is shared with: the uploader's choice (`chosen`, in the configuration's order, unknown keys
 * kept so the check names them), or every party of the agreement except the uploader's when none was made.
 */
export function recipientsOf(
  config: AgreementConfig,
  uploaderParty: string | null,
  chosen?: readonly string[],
): string[] {
  if (chosen === undefined) return allOthers(config, uploaderParty);
  return [...orderedRecipients(config, chosen), ...chosen.filter((k) => !config.parties.some((p) => p.key === k))];
}

/**
 * The reasons about the chosen recipients (art. 8, 9.5) beside the doelbinding check's own (which judges each recipient
 * against the purpose and the blocked categories): the own party is no recipient; the set must be one SharePoint has
 * a folder for, since only such a folder lets exactly these parties read; and, for the record, who will read the file.
 */
export function recipientReasons(
  config: AgreementConfig,
  uploaderParty: string | null,
  recipients: readonly string[],
  activityKey?: string,
): Reason[] {
  if (uploaderParty === null || !config.parties.some((p) => p.key === uploaderParty)) return [];
  const reasons: Reason[] = [];
  const known = recipients.filter((k) => config.parties.some((p) => p.key === k));
  if (recipients.includes(uploaderParty))
    reasons.push({
      code: 'recipient_own_party',
      outcome: 'refused',
      source: 'art. 8',
      nl: 'uw eigen partij is geen ontvanger; kies met welke andere partijen u deelt',
      en: 'your own party is not a recipient; choose which other parties you share with',
    });
  const others = known.filter((k) => k !== uploaderParty);
  if (others.length === 0 || others.length !== known.length) return reasons;
  if (!hasRecipientFolder(config, uploaderParty, others)) {
    const choices = recipientChoices(config, uploaderParty, activityKey).map((set) => recipientNames(config, set));
    reasons.push({
      code: 'recipient_set_unavailable',
      outcome: 'refused',
      source: 'art. 8, 9.5',
      nl: `de samenwerkingsruimte heeft geen map die alleen ${recipientNames(config, others)} laat lezen: geen doel uit het verwerkingsregister stuurt naar precies deze partijen`,
      en: `the space has no folder that only ${recipientNames(config, others, 'en')} read: no purpose of the processing register goes to exactly these parties`,
      advice: {
        nl: `Kies ${choices.length > 0 ? `een van: ${choices.join('; ')}` : 'een doel met deze ontvangers'}, of vraag de beheerder het verwerkingsregister aan te vullen.`,
        en: `Choose ${choices.length > 0 ? `one of: ${choices.join('; ')}` : 'a purpose with these recipients'}, or ask the administrator to extend the processing register.`,
      },
    });
    return reasons;
  }
  // With two parties there is nothing to choose: the decision names recipients only where the uploader chose them.
  if (config.parties.length <= 2) return reasons;
  reasons.push({
    code: 'recipients',
    outcome: 'allowed',
    source: 'art. 8, 9.5',
    nl: `ontvangers: ${recipientNames(config, others)}; alleen ${others.length === 1 ? 'deze partij leest' : 'deze partijen lezen'} het stuk, want SharePoint geeft alleen hen leesrechten op de map`,
    en: `recipients: ${recipientNames(config, others, 'en')}; only ${others.length === 1 ? 'this party reads' : 'these parties read'} the document, since SharePoint grants only them read access to its folder`,
  });
  return reasons;
}

/**
 * True when the uploader is in the 'vertrouwelijk' group of their own party, or owns the space (art. 10.1). A
 * party-less or other party's group does not count: a party's restricted folder is edited only by its own group.
 */
export function mayStoreRestricted(config: AgreementConfig, uploader: Uploader): boolean {
  return config.groups.some(
    (g) =>
      uploader.groupKeys.includes(g.key) &&
      (g.kind === 'owners' || (g.kind === 'vertrouwelijk' && g.party !== undefined && g.party === uploader.party)),
  );
}

/**
 * The refusal for a restricted level (art. 10.1), naming the group the uploader would need: their own party's
 * 'vertrouwelijk' group, since only that group edits the party's restricted folder.
 */
function notOnOwnAutorisatielijst(config: AgreementConfig, uploader: Uploader): Reason {
  const base = { code: 'not_on_autorisatielijst', outcome: 'refused' as const, source: 'art. 10.1' };
  const own = config.groups.find(
    (g) => g.kind === 'vertrouwelijk' && g.party !== undefined && g.party === uploader.party,
  );
  if (own)
    return {
      ...base,
      nl:
        `u staat niet in '${own.name}', de autorisatielijstgroep van uw partij voor dit rubriceringsniveau, ` +
        'en kunt het stuk daarom niet opslaan',
      en:
        `you are not in '${own.name}', your party's autorisatielijst group for this classification level, ` +
        'and so cannot store the document',
      advice: {
        nl: 'Laat een collega op de autorisatielijst van uw partij het stuk delen, of vraag de accounthouder.',
        en: "Have a colleague on your party's autorisatielijst share it, or ask the accounthouder.",
      },
    };
  if (uploader.party === null)
    return {
      ...base,
      nl: 'u hoort bij geen partij van de overeenkomst en staat dus niet op de autorisatielijst voor dit niveau',
      en: 'you belong to no party of the agreement and so are not on the autorisatielijst for this level',
      advice: {
        nl: 'Laat een medewerker van een partij op de autorisatielijst het stuk delen.',
        en: 'Have a member of staff of a party, on its autorisatielijst, share it.',
      },
    };
  return {
    ...base,
    nl:
      'uw partij heeft geen eigen autorisatielijstgroep voor dit rubriceringsniveau, en alleen die groep mag zulke ' +
      'stukken namens de partij opslaan',
    en:
      'your party has no autorisatielijst group of its own for this classification level, and only that group may ' +
      'store such documents for the party',
    advice: {
      nl: 'Kies een lager niveau als dat past, of vraag de beheerder een vertrouwelijk-groep voor uw partij.',
      en: 'Choose a lower level if that fits, or ask the administrator for a vertrouwelijk group of your party.',
    },
  };
}

/**
 * The reason for a file not read, or read in part, with the configured outcome (`rules.unreadFile`,
 * default review by the sharing party's privacy officer, art. 9.2); undefined when the whole file was read.
 */
export function unreadReason(config: AgreementConfig, scan: ScanResult | undefined): Reason | undefined {
  const outcome = config.rules.unreadFile ?? 'review';
  const partial = scan !== undefined && !scan.unsupported;
  if (partial && (scan?.unread?.length ?? 0) === 0) return undefined;
  const what = {
    nl: scan ? describeUnread(scan, 'nl').join('; ') : 'het bestand is niet gescand',
    en: scan ? describeUnread(scan, 'en').join('; ') : 'the file was not scanned',
  };
  const then =
    outcome === 'review'
      ? {
          nl: 'wat niet gelezen is, telt niet als "geen persoonsgegevens": de privacy officer van uw partij beoordeelt het stuk',
          en: 'what was not read does not count as "no personal data": your party\'s privacy officer assesses the document',
        }
      : {
          nl: 'wat niet gelezen is, telt niet als "geen persoonsgegevens": volgens de overeenkomst wordt het stuk niet gedeeld',
          en: 'what was not read does not count as "no personal data": under the agreement the document is not shared',
        };
  return {
    code: partial ? 'scan_partial' : 'scan_unsupported',
    outcome,
    source: 'art. 9.2; seed 004',
    nl: `${partial ? 'niet volledig gelezen' : 'niet gescand'}: ${what.nl}; ${then.nl}`,
    en: `${partial ? 'not read in full' : 'not scanned'}: ${what.en}; ${then.en}`,
    advice: {
      nl: 'Deel een leesbare versie (tekst-PDF, .docx, .odt of .xlsx, zonder wachtwoord), of laat de privacy officer het stuk beoordelen.',
      en: 'Share a readable version (a text PDF, .docx, .odt or .xlsx, without a password), or have the privacy officer assess it.',
    },
  };
}

/** Decides on one file; the outcome is the strictest of all reasons, each naming its article. */
export function decideFile(
  config: AgreementConfig,
  form: ShareForm,
  scan: ScanResult | undefined,
  uploader: Uploader,
): Decision {
  const recipients = recipientsOf(config, uploader.party, form.recipients);
  const decision = checkDoelbinding(
    {
      answers: form.answers,
      documentType: form.documentType,
      classification: form.classification,
      findings: findingCounts(scan),
      recipients,
      uploaderParty: uploader.party ?? '',
    },
    config,
  );
  const activityKey = form.answers.containsPersonalData ? form.answers.activityKey : undefined;
  const reasons = sortReasons([...decision.reasons, ...recipientReasons(config, uploader.party, recipients, activityKey)]);
  if (form.classification !== '' && isRestricted(config, form.classification) && !mayStoreRestricted(config, uploader))
    reasons.unshift(notOnOwnAutorisatielijst(config, uploader));
  const unread = unreadReason(config, scan);
  if (unread) reasons.push(unread);
  const outcome = strictest(reasons);
  const result: Decision = { outcome, reasons, ruleVersion: decision.ruleVersion };
  // art. 9.2: the sharing party's own privacy officer tests the intention.
  if (outcome === 'review') result.reviewParty = uploader.party ?? undefined;
  return result;
}
