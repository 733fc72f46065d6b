/**
 * Field catalogue of the datalek form: labels (nl/en), the source of each field and its text limits.
 * The mail, the card and the UI all take their labels from here, so the other party sees every bijlage 2b field.
 */
import type { Bilingual, Citation } from '../common/types';
import type { DatalekReport } from './types';

/** One field of the form. */
export interface DatalekFieldInfo {
  key: keyof DatalekReport;
  label: Bilingual;
  /** Where the field comes from: bijlage 2b (seed 003) or the AP notification (AVG art. 33(3)). */
  article: Citation;
  /** Part of the bijlage 2b form. */
  form2b: boolean;
  /** Maximum characters for text fields. */
  maxLength?: number;
}

const F2B: Citation = 'bijlage 2b';
const AP: Citation = 'AVG art. 33(3)';
/** Short one-line texts (names, function titles). */
export const SHORT_TEXT_MAX = 200;
/** Long free texts (descriptions); long enough for a real account, short enough for one mail and one register item. */
export const LONG_TEXT_MAX = 4000;

/** Every field of bijlage 2b in form order, then the AP extras. */
export const DATALEK_FIELDS: readonly DatalekFieldInfo[] = [
  {
    key: 'reportingOrganisation',
    label: { nl: 'Meldende partij – naam organisatie', en: 'Reporting party – organisation name' },
    article: F2B,
    form2b: true,
    maxLength: SHORT_TEXT_MAX,
  },
  {
    key: 'contactName',
    label: { nl: 'Naam contactpersoon', en: 'Contact name' },
    article: F2B,
    form2b: true,
    maxLength: SHORT_TEXT_MAX,
  },
  {
    key: 'contactFunction',
    label: { nl: 'Functie contactpersoon', en: 'Contact function' },
    article: F2B,
    form2b: true,
    maxLength: SHORT_TEXT_MAX,
  },
  {
    key: 'contactPhone',
    label: { nl: 'Telefoon contactpersoon', en: 'Contact phone' },
    article: F2B,
    form2b: true,
    maxLength: 30,
  },
  {
    key: 'contactEmail',
    label: { nl: 'E-mail contactpersoon', en: 'Contact e-mail' },
    article: F2B,
    form2b: true,
    maxLength: 254,
  },
  { key: 'reportedAt', label: { nl: 'Datum melding', en: 'Date of report' }, article: F2B, form2b: true },
  {
    key: 'breachDate',
    label: { nl: '(Vermoedelijke) datum datalek', en: '(Presumed) date of the breach' },
    article: F2B,
    form2b: true,
  },
  {
    key: 'description',
    label: { nl: 'Omschrijving datalek', en: 'Description of the breach' },
    article: F2B,
    form2b: true,
    maxLength: LONG_TEXT_MAX,
  },
  {
    key: 'affectedPersonalData',
    label: { nl: 'Omschrijving (mogelijk) getroffen persoonsgegevens', en: '(Possibly) affected personal data' },
    article: F2B,
    form2b: true,
    maxLength: LONG_TEXT_MAX,
  },
  {
    key: 'affectedDataSubjects',
    label: { nl: 'Omschrijving (mogelijk) getroffen betrokkenen', en: '(Possibly) affected data subjects' },
    article: F2B,
    form2b: true,
    maxLength: LONG_TEXT_MAX,
  },
  {
    key: 'scaleDescription',
    label: { nl: 'Omschrijving (mogelijke) omvang', en: '(Possible) scale' },
    article: F2B,
    form2b: true,
    maxLength: LONG_TEXT_MAX,
  },
  {
    key: 'consequences',
    label: { nl: 'Geconstateerde/vermoedelijke gevolgen van het datalek', en: 'Established or presumed consequences' },
    article: F2B,
    form2b: true,
    maxLength: LONG_TEXT_MAX,
  },
  {
    key: 'measures',
    label: {
      nl: 'Maatregelen om schade te beperken en het datalek op te lossen',
      en: 'Measures taken or planned to limit the damage and end the breach',
    },
    article: F2B,
    form2b: true,
    maxLength: LONG_TEXT_MAX,
  },
  { key: 'discoveredAt', label: { nl: 'Ontdekt op', en: 'Discovered at' }, article: 'AVG art. 33(1)', form2b: false },
  {
    key: 'ongoing',
    label: { nl: 'Duurt het datalek nog voort?', en: 'Is the breach ongoing?' },
    article: AP,
    form2b: false,
  },
  {
    key: 'measuresBefore',
    label: {
      nl: 'Maatregelen vóór het datalek (bijv. versleuteling)',
      en: 'Measures in place before the breach (e.g. encryption)',
    },
    article: AP,
    form2b: false,
    maxLength: LONG_TEXT_MAX,
  },
  {
    key: 'dataSubjectsInformed',
    label: { nl: 'Betrokkenen geïnformeerd?', en: 'Data subjects informed?' },
    article: 'AVG art. 34',
    form2b: false,
  },
  {
    key: 'crossBorder',
    label: { nl: 'Betrokkenen in andere EU-landen?', en: 'Data subjects in other EU countries?' },
    article: AP,
    form2b: false,
  },
  {
    key: 'crossBorderDetails',
    label: { nl: 'Toelichting grensoverschrijdend', en: 'Cross-border details' },
    article: AP,
    form2b: false,
    maxLength: LONG_TEXT_MAX,
  },
  {
    key: 'controllerParty',
    label: { nl: 'Verwerkingsverantwoordelijke', en: 'Controller' },
    article: 'art. 8.2 (seed 003)',
    form2b: false,
  },
];

/** Labels of the scale numbers, which are part of "(mogelijke) omvang" in bijlage 2b. */
export const SCALE_LABELS: { dataSubjects: Bilingual; files: Bilingual } = {
  dataSubjects: { nl: 'Aantal getroffen betrokkenen', en: 'Number of affected data subjects' },
  files: { nl: 'Aantal dossiers', en: 'Number of files' },
};

/** Display labels of the status values. */
export const STATUS_LABELS: Record<DatalekReport['status'], Bilingual> = {
  'gemeld aan wederpartij': { nl: 'Gemeld aan wederpartij', en: 'Reported to the other party' },
  beoordeeld: { nl: 'Beoordeeld', en: 'Assessed' },
  'gemeld aan AP': { nl: 'Gemeld aan AP', en: 'Notified to the AP' },
  'betrokkenen geïnformeerd': { nl: 'Betrokkenen geïnformeerd', en: 'Data subjects informed' },
  afgesloten: { nl: 'Afgesloten', en: 'Closed' },
};

/** Display labels of the answer values. */
export const ANSWER_LABELS: Record<string, Bilingual> = {
  ja: { nl: 'Ja', en: 'Yes' },
  nee: { nl: 'Nee', en: 'No' },
  onbekend: { nl: 'Onbekend', en: 'Unknown' },
  'wordt-geinformeerd': { nl: 'Worden nog geïnformeerd', en: 'Will be informed' },
};

/** The field info of one key. */
export function fieldInfo(key: keyof DatalekReport): DatalekFieldInfo | undefined {
  return DATALEK_FIELDS.find((f) => f.key === key);
}
