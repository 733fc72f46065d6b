/**
 * The datalek form as the person types it (all text, so a half-filled form and a reload keep exactly what was typed),
 * its pre-fill from Graph /me, the party and the selected documents (bijlage 2b, art. 9.6), and the conversion to the
 * input `validateDatalek` checks. Pure.
 */
import type { AgreementConfig } from '../../domain/agreement/schema';
import { randomId } from '../../domain/common/randomId';
import {
  prefillDatalek,
  type DatalekDocumentRef,
  type DatalekPrefill,
  type PrefillDocument,
} from '../../domain/datalek';
import type { ExchangeDocument, UserProfile } from '../../ports';
import { localToInstant, parseDateText, parseDateTimeText } from '../common/dateText';

/** Text fields of the form, in the order of bijlage 2b and then the AP extras (AVG art. 33(3)). */
export const TEXT_FIELDS = [
  'reportingOrganisation',
  'contactName',
  'contactFunction',
  'contactPhone',
  'contactEmail',
  'description',
  'affectedPersonalData',
  'affectedDataSubjects',
  'scaleDescription',
  'consequences',
  'measures',
  'measuresBefore',
  'crossBorderDetails',
] as const;

/** A text field key. */
export type TextField = (typeof TEXT_FIELDS)[number];

/** Fields whose pre-fill follows the selected documents (until the person edits them). */
const DOCUMENT_DERIVED = ['affectedPersonalData', 'affectedDataSubjects', 'controllerParty', 'scaleFiles'] as const;

/** The form's values. */
export interface DatalekFormValues extends Record<TextField, string> {
  reportingParty: string;
  controllerParty: string;
  /** The date as typed, day first ("2-1-2026"; see dateText.ts); a draft of an earlier version holds YYYY-MM-DD. */
  breachDate: string;
  breachDatePresumed: boolean;
  /** The date and time as typed, day first ("2-1-2026 14:30", the browser's time zone); or 'YYYY-MM-DDTHH:mm'. */
  discoveredAt: string;
  scaleDataSubjects: string;
  scaleFiles: string;
  ongoing: string;
  dataSubjectsInformed: string;
  crossBorder: string;
  documents: DatalekDocumentRef[];
  /** One key per draft: a repeated submit finds the report it already stored (see DatalekOutbox.submit). */
  clientKey: string;
}

/** A random key for a new draft. */
export function newClientKey(): string {
  return randomId();
}

/** A document of the library as the pre-fill reads it (its processing activity and categories, bijlage 1). */
export function toPrefillDocument(doc: ExchangeDocument, origin: string): PrefillDocument {
  return {
    id: String(doc.id),
    name: doc.name,
    url: `${origin}${doc.serverRelativeUrl}`,
    activityKey: doc.activity ?? '',
    categories: doc.categories,
  };
}

/** Runs the domain pre-fill for the signed-in user and the chosen documents. */
export function prefill(
  me: UserProfile,
  config: AgreementConfig,
  documents: PrefillDocument[],
  now: Date,
): DatalekPrefill {
  return prefillDatalek({
    me: {
      displayName: me.displayName,
      jobTitle: me.jobTitle,
      mail: me.email,
      businessPhones: me.businessPhone ? [me.businessPhone] : [],
      mobilePhone: me.mobilePhone,
    },
    ...(me.party ? { myParty: me.party } : {}),
    config,
    documents,
    now,
  });
}

/** The form values of a pre-filled draft. */
export function valuesFromPrefill(p: DatalekPrefill): DatalekFormValues {
  const d = p.draft;
  const text = Object.fromEntries(TEXT_FIELDS.map((k) => [k, String(d[k] ?? '')])) as Record<TextField, string>;
  return {
    ...text,
    reportingParty: d.reportingParty,
    controllerParty: d.controllerParty,
    breachDate: d.breachDate,
    breachDatePresumed: d.breachDatePresumed,
    discoveredAt: '',
    scaleDataSubjects: d.scaleDataSubjects === null ? '' : String(d.scaleDataSubjects),
    scaleFiles: d.scaleFiles === null ? '' : String(d.scaleFiles),
    ongoing: d.ongoing,
    dataSubjectsInformed: d.dataSubjectsInformed,
    crossBorder: d.crossBorder,
    documents: d.documents,
    clientKey: newClientKey(),
  };
}

/**
 * New values after the document selection changed: fields derived from documents follow the new pre-fill, unless
 * the person already changed them (then their text wins).
 */
export function withDocuments(
  current: DatalekFormValues,
  before: DatalekFormValues,
  after: DatalekFormValues,
): DatalekFormValues {
  const next: DatalekFormValues = { ...current, documents: after.documents };
  for (const k of DOCUMENT_DERIVED) if (current[k] === before[k] || current[k] === '') next[k] = after[k];
  return next;
}

/** A typed date and time (the browser's time zone) as an ISO instant; unparseable text is passed on so validation names it. */
function localToIso(value: string): string {
  if (!value.trim()) return '';
  const local = parseDateTimeText(value);
  return (local && localToInstant(local)) ?? value;
}

/** A typed date as YYYY-MM-DD; unparseable text is passed on so validation names it. */
function dateToIso(value: string): string {
  if (!value.trim()) return '';
  return parseDateText(value) ?? value;
}

/** A number field: empty stays null (unknown); anything else goes to validation as typed. */
function numberOrText(value: string): number | string | null {
  const v = value.trim();
  if (!v) return null;
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}

/** The input `validateDatalek` checks; `reportedAt` is the moment of submitting (Datum melding, bijlage 2b). */
export function toReportInput(v: DatalekFormValues, reportedAt: Date): Record<string, unknown> {
  const text = Object.fromEntries(TEXT_FIELDS.map((k) => [k, v[k]]));
  return {
    ...text,
    reportingParty: v.reportingParty,
    controllerParty: v.controllerParty,
    reportedAt: reportedAt.toISOString(),
    breachDate: dateToIso(v.breachDate),
    breachDatePresumed: v.breachDatePresumed,
    discoveredAt: localToIso(v.discoveredAt),
    scaleDataSubjects: numberOrText(v.scaleDataSubjects),
    scaleFiles: numberOrText(v.scaleFiles),
    ongoing: v.ongoing,
    dataSubjectsInformed: v.dataSubjectsInformed,
    crossBorder: v.crossBorder,
    documents: v.documents,
    procedure: {},
    status: 'gemeld aan wederpartij',
  };
}

/** Where the local draft lives: per site and per person, so two people on one computer never see each other's. */
export function draftKey(siteUrl: string, email: string): string {
  return `samenwerkingsruimte:datalek-concept:${siteUrl}:${email.toLowerCase()}`;
}

/** A stored draft with when it was last changed. */
export interface StoredDraft {
  savedAt: string;
  values: DatalekFormValues;
}

/** Reads the draft; a damaged or foreign entry is ignored (never thrown at the person). */
export function loadDraft(storage: Storage | undefined, key: string): StoredDraft | undefined {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as StoredDraft;
    if (typeof parsed?.savedAt !== 'string' || typeof parsed.values !== 'object' || parsed.values === null)
      return undefined;
    if (!Array.isArray(parsed.values.documents)) return undefined;
    return parsed;
  } catch {
    return undefined;
  }
}

/** Saves the draft (best effort: private browsing may refuse storage; the form keeps working). */
export function saveDraft(storage: Storage | undefined, key: string, values: DatalekFormValues, now: Date): void {
  try {
    storage?.setItem(key, JSON.stringify({ savedAt: now.toISOString(), values }));
  } catch {
    // storage full or disabled: nothing to lose but the convenience
  }
}

/** Removes the draft (after submitting, or when the person throws it away). */
export function discardDraft(storage: Storage | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // as above
  }
}

/** The browser's localStorage when there is one. */
export function browserStorage(): Storage | undefined {
  try {
    return typeof window !== 'undefined' ? window.localStorage : undefined;
  } catch {
    return undefined;
  }
}
