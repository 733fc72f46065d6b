/**
 * The label a datalek form shows for a field named in a validation error: the report's fields (annex 2b), the scale,
 * and the privacy officer's decisions (AVG art. 33, 34), so an error reads "Melden aan de AP?: verplicht: ja of nee"
 * and never "apDecision.notify: …". Nested fields keep their section.
 */
import { SCALE_LABELS, fieldInfo, type DatalekReport } from '../../domain/datalek';
import type { Strings } from '../../loc';

/** The decision fields (`apDecision.*`, `dataSubjectsDecision.*`) with the labels ReportDetail's fields carry. */
function decisionLabel(field: string, t: Strings): string | undefined {
  const [group, part] = field.split('.');
  const section =
    group === 'apDecision' ? t.datalekRegisterApTitle : group === 'dataSubjectsDecision' ? t.datalekRegisterSubjectsTitle : undefined;
  if (!section) return undefined;
  const labels: Record<string, string | undefined> =
    group === 'apDecision'
      ? {
          notify: t.datalekRegisterApNotify,
          notifiedAt: t.datalekRegisterNotifiedAt,
          apReference: t.datalekRegisterApReference,
        }
      : { inform: t.datalekRegisterSubjectsInform, informedAt: t.datalekRegisterInformedAt };
  const own = part ? labels[part] : undefined;
  if (own) return own;
  // the same label in both sections ("Reden van het besluit", "Besloten door"): the section says which
  const shared = part === 'reason' ? t.datalekRegisterReason : part?.startsWith('decided') ? t.datalekRegisterDecidedBy : undefined;
  return shared ? `${section}: ${shared}` : section;
}

/** The label of a field named in a validation error, in the person's language; the key itself only when unknown. */
export function datalekFieldLabel(field: string, t: Strings): string {
  const lang = t.lang === 'en' ? 'en' : 'nl';
  const info = fieldInfo(field as keyof DatalekReport);
  if (info) return info.label[lang];
  if (field === 'scaleDataSubjects') return SCALE_LABELS.dataSubjects[lang];
  if (field === 'scaleFiles') return SCALE_LABELS.files[lang];
  if (field === 'reportingParty') return lang === 'en' ? 'Reporting party' : 'Meldende partij';
  if (field === 'status') return t.datalekRegisterStatus;
  if (field.startsWith('documents')) return t.datalekRegisterDocuments;
  return decisionLabel(field, t) ?? field;
}

/** An error as {@link datalekErrorText} and the form read it. */
interface ShownError {
  field: string;
  code?: string;
  nl: string;
  en: string;
  article: string;
}

/** The dates and moments a person types (the report form, the register's decisions); the others the product writes. */
const TYPED_DATES = new Set(['breachDate', 'discoveredAt', 'apDecision.notifiedAt', 'dataSubjectsDecision.informedAt']);

/**
 * The problem as a form states it (the report form, the register's decisions). A date or moment the form could not
 * read says how to type it (the boxes take text, day first), not the stored format the register checks (a stored item
 * keeps that message).
 */
export function datalekErrorMessage(e: ShownError, t: Strings): string {
  if (e.code === 'invalid_date' && TYPED_DATES.has(e.field)) return t.dateInvalid;
  if (e.code === 'invalid_datetime' && TYPED_DATES.has(e.field)) return t.dateTimeInvalid;
  return t.lang === 'en' ? e.en : e.nl;
}

/** One validation error as a register item shows it: the field's label, the problem, the article. */
export function datalekErrorText(e: ShownError, t: Strings): string {
  const text = t.lang === 'en' ? e.en : e.nl;
  return e.field ? `${datalekFieldLabel(e.field, t)}: ${text} (${e.article})` : `${text} (${e.article})`;
}

/** One validation error as the form's error summary shows it: as {@link datalekErrorText}, dates as typed. */
export function datalekFormErrorText(e: ShownError, t: Strings): string {
  const text = datalekErrorMessage(e, t);
  return e.field ? `${datalekFieldLabel(e.field, t)}: ${text} (${e.article})` : `${text} (${e.article})`;
}
