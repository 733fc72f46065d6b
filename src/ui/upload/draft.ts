/**
 * The dialog's answers as typed (every question starts unanswered: no default lets a person skip the classification
 * or the personal-data question), turned into the orchestrator's form once complete. Pure.
 */
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

/** The orchestrator's form of a draft. */
export function formOf(config: AgreementConfig, d: Draft): ShareForm {
  const year = Number.parseInt(d.year, 10);
  return {
    documentType: d.documentType,
    classification: d.classification,
    confidential: d.confidential,
    ...(asksYear(config, d) && Number.isInteger(year) ? { year } : {}),
    answers: answersOf(d),
  };
}

/** The questions still unanswered, as the string keys of their labels (the same questions the check needs). */
export function missingFields(config: AgreementConfig, d: Draft): StringKey[] {
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
  return missing;
}
