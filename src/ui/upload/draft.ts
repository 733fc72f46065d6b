/**
 * The dialog's answers as typed (every question starts unanswered: no default lets a person skip the classification
 * or the personal-data question), turned into the orchestrator's form once complete. Pure.
 */
import { orderedRecipients, preselectedRecipients, recipientChoices } from '../../domain/agreement/recipients';
import type { AgreementConfig } from '../../domain/agreement/schema';
import { doelbindingQuestions, type DoelbindingAnswers } from '../../domain/doelbinding';
import type { StringKey } from '../../loc';
import type { ShareForm } from '../../upload';

/** A yes/no question: '' until answered. */
export type YesNo = '' | 'yes' | 'no';

/** The answers as the dialog holds them. */
export interface Draft {
  documentType: string;
  classification: string;
  confidential: boolean;
  year: string;
  personal: YesNo;
  activityKey: string;
  categories: string[];
  necessity: string;
  lessData: YesNo;
  consent: YesNo;
  consentReference: string;
  exceptional: string;
  /**
   * The parties ticked as recipients (art. 8, 9.5); null until the person changes the choice, so the preselection
   * (the purpose's only choice, see {@link recipientChoice}) applies. Reset when the purpose changes.
   */
  recipients: string[] | null;
}

/** A fresh draft: nothing chosen. */
export const EMPTY_DRAFT: Draft = {
  documentType: '',
  classification: '',
  confidential: false,
  year: '',
  personal: '',
  activityKey: '',
  categories: [],
  necessity: '',
  lessData: '',
  consent: '',
  consentReference: '',
  exceptional: '',
  recipients: null,
};

/** A yes/no as boolean, undefined when unanswered. */
function bool(v: YesNo): boolean | undefined {
  return v === '' ? undefined : v === 'yes';
}

/** The doelbinding answers of a draft. */
export function answersOf(d: Draft): DoelbindingAnswers {
  const personal = d.personal === 'yes';
  const answers: DoelbindingAnswers = {
    containsPersonalData: personal,
    categories: personal ? d.categories : [],
    necessity: personal ? d.necessity : '',
    lessDataPossible: personal ? bool(d.lessData) : undefined,
  };
  if (personal && d.activityKey) answers.activityKey = d.activityKey;
  if (personal && d.consent !== '') answers.consentRecorded = d.consent === 'yes';
  if (personal && d.consent === 'yes' && d.consentReference.trim())
    answers.consentReference = d.consentReference.trim();
  if (personal && d.consent === 'no' && d.exceptional.trim()) answers.exceptionalCircumstances = d.exceptional.trim();
  return answers;
}

/** True when the chosen document type is filed per year (DVA view, art. 12). */
export function asksYear(config: AgreementConfig, d: Draft): boolean {
  return config.documentTypes.some((t) => t.key === d.documentType && t.view === 'dva');
}

/** The recipient question of a draft: what may be chosen and what is chosen now. */
export interface RecipientChoice {
  /** False until the purpose is known (personal data: once a purpose is chosen). */
  asked: boolean;
  /** The sets the uploader may choose (each has a folder); empty when the purpose has no recipient but the sender. */
  choices: string[][];
  /** The parties offered as checkboxes: every party of some choice, in the configuration's order. */
  parties: string[];
  /** What is ticked: the person's choice, else the preselection. */
  chosen: string[];
  /** True when the ticked parties are one of the choices (a folder with exactly them as readers exists). */
  valid: boolean;
}

/** The recipient question for an uploader of `party` (art. 8, 9.5). */
export function recipientChoice(config: AgreementConfig, d: Draft, party: string | null): RecipientChoice {
  const personal = d.personal === 'yes';
  const asked = party !== null && (d.personal === 'no' || (personal && d.activityKey !== ''));
  const activity = personal ? d.activityKey : undefined;
  const choices = asked ? recipientChoices(config, party, activity) : [];
  const parties = orderedRecipients(config, choices.flat());
  const chosen = orderedRecipients(config, d.recipients ?? preselectedRecipients(config, party, activity));
  const valid = choices.some((c) => c.length === chosen.length && c.every((k) => chosen.includes(k)));
  return { asked, choices, parties, chosen, valid };
}

/**
 * The orchestrator's form of a draft. With the uploader's `party` the ticked recipients go along (each is checked
 * against the purpose); without it, or when the purpose offers none, every other party, as in a two-party agreement.
 */
export function formOf(config: AgreementConfig, d: Draft, party?: string | null): ShareForm {
  const year = Number.parseInt(d.year, 10);
  const recipients = party === undefined ? undefined : recipientChoice(config, d, party);
  return {
    documentType: d.documentType,
    classification: d.classification,
    confidential: d.confidential,
    ...(asksYear(config, d) && Number.isInteger(year) ? { year } : {}),
    ...(recipients?.asked && recipients.choices.length > 0 ? { recipients: recipients.chosen } : {}),
    answers: answersOf(d),
  };
}

/**
 * The questions still unanswered, as the string keys of their labels (the same questions the check needs); with the
 * uploader's `party`, also the recipients (at least one).
 */
export function missingFields(config: AgreementConfig, d: Draft, party?: string | null): StringKey[] {
  const missing: StringKey[] = [];
  if (!d.documentType) missing.push('uploadDocumentType');
  if (!d.classification) missing.push('uploadClassification');
  if (asksYear(config, d) && !/^\d{4}$/.test(d.year)) missing.push('uploadYear');
  const answers = answersOf(d);
  for (const q of doelbindingQuestions(config, { ...answers, containsPersonalData: d.personal === 'yes' })) {
    if (q.key === 'containsPersonalData' && d.personal === '') missing.push('uploadPersonalData');
    if (q.key === 'activityKey' && !d.activityKey) missing.push('uploadActivity');
    if (q.key === 'categories' && d.categories.length === 0) missing.push('uploadCategories');
    if (q.key === 'necessity' && !d.necessity.trim()) missing.push('uploadNecessity');
    if (q.key === 'lessDataPossible' && d.lessData === '') missing.push('uploadLessData');
    if (q.key === 'consentRecorded' && d.consent === '') missing.push('uploadConsent');
    if (q.key === 'consentReference' && !d.consentReference.trim()) missing.push('uploadConsentReference');
    if (q.key === 'exceptionalCircumstances' && !d.exceptional.trim()) missing.push('uploadExceptional');
  }
  if (party !== undefined) {
    const recipients = recipientChoice(config, d, party);
    if (recipients.asked && recipients.choices.length > 0 && recipients.chosen.length === 0)
      missing.push('uploadRecipients');
  }
  return missing;
}
