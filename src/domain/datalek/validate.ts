/**
 * Validation of a datalek report (seed 003 art. 8, bijlage 2b; AVG art. 33, 34): every problem is reported with the
 * field name and the article, in Dutch and English. Markup in text is allowed and kept as text (a warning says so).
 */
import type { AgreementConfig } from '../agreement/schema';
import { parseIsoDate } from '../common/dates';
import { DATALEK_FIELDS, LONG_TEXT_MAX, SHORT_TEXT_MAX } from './fields';
import { containsMarkup } from './markup';
import {
  DATALEK_STATUSES,
  type DatalekDocumentRef,
  type DatalekFieldError,
  type DatalekProcedure,
  type DatalekReport,
} from './types';
import { amsterdamDate, parseIsoDateTime } from './zone';

/** Scale numbers above this are not credible for a Dutch public-sector register (the Netherlands has ~18 million people). */
export const MAX_SCALE = 20_000_000;
/** A report time may lie this far ahead of `now` (clock skew between browser and server). */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Outcome of {@link validateDatalek}: the typed report when valid; errors block, warnings inform. */
export type DatalekValidation =
  | { ok: true; value: DatalekReport; warnings: DatalekFieldError[] }
  | { ok: false; errors: DatalekFieldError[]; warnings: DatalekFieldError[] };

type Input = Record<string, unknown>;

const F2B = 'bijlage 2b';
const ART33 = 'AVG art. 33(1)';
const ART33_3 = 'AVG art. 33(3)';
const PHONE = /^\+?[0-9][0-9 ()-]{6,19}$/;
const EMAIL = /^[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]+$/;

/** Absent, null or only whitespace. */
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Collects errors for one report; small helpers keep each rule on one line. */
class Checker {
  readonly errors: DatalekFieldError[] = [];
  readonly warnings: DatalekFieldError[] = [];
  constructor(private readonly input: Input) {}

  add(field: string, code: string, article: string, nl: string, en: string): void {
    this.errors.push({ field, code, article, nl, en });
  }

  /** Required text with a length limit; markup is kept and warned about. */
  text(field: keyof DatalekReport, required: boolean, max: number, article: string): string {
    const value = this.input[field];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      if (required) this.add(field, 'required', article, 'verplicht veld', 'required field');
      return '';
    }
    if (typeof value !== 'string') {
      this.add(field, 'not_text', article, 'moet tekst zijn', 'must be text');
      return '';
    }
    if (value.length > max)
      this.add(
        field,
        'too_long',
        article,
        `te lang: ${value.length} tekens, maximaal ${max}`,
        `too long: ${value.length} characters, at most ${max}`,
      );
    if (containsMarkup(value))
      this.warnings.push({
        field,
        code: 'markup_kept_as_text',
        article,
        nl: 'bevat HTML- of scriptcode; die wordt als gewone tekst bewaard en getoond, nooit uitgevoerd',
        en: 'contains HTML or script code; it is kept and shown as plain text, never executed',
      });
    return value.trim();
  }

  /** A choice out of a fixed list. */
  choice<T extends string>(field: keyof DatalekReport, allowed: readonly T[], article: string): T | undefined {
    const value = this.input[field];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      this.add(
        field,
        'required',
        article,
        `verplicht: kies ${allowed.join(', ')}`,
        `required: choose ${allowed.join(', ')}`,
      );
      return undefined;
    }
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.add(
        field,
        'invalid_choice',
        article,
        `ongeldige keuze; kies ${allowed.join(', ')}`,
        `invalid choice; choose ${allowed.join(', ')}`,
      );
      return undefined;
    }
    return value as T;
  }

  /** An ISO date-time with offset. */
  dateTime(field: string, value: unknown, article: string, required: boolean): Date | undefined {
    if (isBlank(value)) {
      if (required) this.add(field, 'required', article, 'verplicht: datum en tijd', 'required: date and time');
      return undefined;
    }
    const parsed = typeof value === 'string' ? parseIsoDateTime(value) : undefined;
    if (!parsed)
      this.add(
        field,
        'invalid_datetime',
        article,
        'geen geldige datum en tijd (ISO 8601 met tijdzone)',
        'not a valid date and time (ISO 8601 with offset)',
      );
    return parsed;
  }

  /** A scale number: empty (unknown) or a whole number from 0 to MAX_SCALE. */
  scale(field: 'scaleDataSubjects' | 'scaleFiles'): number | null {
    const value = this.input[field];
    if (value === undefined || value === null || value === '') return null;
    const n = typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isFinite(n)) {
      this.add(field, 'not_a_number', F2B, 'moet een aantal zijn', 'must be a number');
      return null;
    }
    if (n < 0) this.add(field, 'negative', F2B, 'een aantal kan niet negatief zijn', 'a count cannot be negative');
    else if (!Number.isInteger(n))
      this.add(field, 'not_integer', F2B, 'moet een geheel aantal zijn', 'must be a whole number');
    else if (n > MAX_SCALE)
      this.add(
        field,
        'too_large',
        F2B,
        `${n} is niet geloofwaardig (meer dan ${MAX_SCALE.toLocaleString('nl-NL')}); controleer het aantal`,
        `${n} is not credible (more than ${MAX_SCALE.toLocaleString('en-GB')}); check the number`,
      );
    return n;
  }
}

/** Validates a datalek report (form input or stored item) against bijlage 2b and AVG art. 33/34 at `now`. */
export function validateDatalek(input: unknown, now: Date, config?: AgreementConfig): DatalekValidation {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return {
      ok: false,
      errors: [
        { field: '', code: 'not_an_object', article: F2B, nl: 'geen melding ontvangen', en: 'no report received' },
      ],
      warnings: [],
    };
  const c = new Checker(input as Input);
  const i = input as Input;
  const maxOf = (key: keyof DatalekReport): number =>
    DATALEK_FIELDS.find((f) => f.key === key)?.maxLength ?? SHORT_TEXT_MAX;

  const reportingParty = c.text('reportingParty', true, SHORT_TEXT_MAX, F2B);
  const reportingOrganisation = c.text('reportingOrganisation', true, maxOf('reportingOrganisation'), F2B);
  const contactName = c.text('contactName', true, maxOf('contactName'), F2B);
  const contactFunction = c.text('contactFunction', true, maxOf('contactFunction'), F2B);
  const contactPhone = c.text('contactPhone', true, maxOf('contactPhone'), F2B);
  if (contactPhone && !PHONE.test(contactPhone))
    c.add(
      'contactPhone',
      'invalid_phone',
      F2B,
      'geen geldig telefoonnummer (cijfers, spaties, +, -, haakjes)',
      'not a valid phone number (digits, spaces, +, -, brackets)',
    );
  const contactEmail = c.text('contactEmail', true, maxOf('contactEmail'), F2B);
  if (contactEmail && !EMAIL.test(contactEmail))
    c.add('contactEmail', 'invalid_email', F2B, 'geen geldig e-mailadres', 'not a valid e-mail address');

  const description = c.text('description', true, LONG_TEXT_MAX, F2B);
  const affectedPersonalData = c.text('affectedPersonalData', true, LONG_TEXT_MAX, F2B);
  const affectedDataSubjects = c.text('affectedDataSubjects', true, LONG_TEXT_MAX, F2B);
  const scaleDescription = c.text('scaleDescription', false, LONG_TEXT_MAX, F2B);
  const scaleDataSubjects = c.scale('scaleDataSubjects');
  const scaleFiles = c.scale('scaleFiles');
  if (
    !scaleDescription &&
    scaleDataSubjects === null &&
    scaleFiles === null &&
    !c.errors.some((e) => e.field.startsWith('scale'))
  )
    c.add(
      'scaleDescription',
      'required',
      F2B,
      'geef de (mogelijke) omvang: een aantal betrokkenen, een aantal dossiers of een omschrijving',
      'give the (possible) scale: a number of data subjects, of files, or a description',
    );
  const consequences = c.text('consequences', true, LONG_TEXT_MAX, F2B);
  const measures = c.text('measures', true, LONG_TEXT_MAX, F2B);

  const ongoing = c.choice('ongoing', ['ja', 'nee', 'onbekend'] as const, ART33_3);
  const measuresBefore = c.text('measuresBefore', true, LONG_TEXT_MAX, ART33_3);
  const dataSubjectsInformed = c.choice(
    'dataSubjectsInformed',
    ['ja', 'nee', 'wordt-geinformeerd', 'onbekend'] as const,
    'AVG art. 34',
  );
  const crossBorder = c.choice('crossBorder', ['ja', 'nee', 'onbekend'] as const, ART33_3);
  const crossBorderDetails = c.text('crossBorderDetails', crossBorder === 'ja', LONG_TEXT_MAX, ART33_3);
  const controllerParty = c.text('controllerParty', true, SHORT_TEXT_MAX, 'art. 8.2 (seed 003)');

  const dates = checkDates(c, i, now);
  const breachDatePresumed = i.breachDatePresumed === undefined ? false : i.breachDatePresumed;
  if (typeof breachDatePresumed !== 'boolean')
    c.add('breachDatePresumed', 'not_boolean', F2B, 'moet ja of nee zijn', 'must be yes or no');

  const documents = checkDocuments(c, i.documents);
  const procedure = checkProcedure(c, i.procedure);
  const status = i.status === undefined ? 'gemeld aan wederpartij' : i.status;
  if (typeof status !== 'string' || !(DATALEK_STATUSES as readonly string[]).includes(status))
    c.add(
      'status',
      'invalid_choice',
      'art. 8 (seed 003)',
      `ongeldige status; kies ${DATALEK_STATUSES.join(', ')}`,
      `invalid status; choose ${DATALEK_STATUSES.join(', ')}`,
    );
  const apDecision = checkDecision(c, i.apDecision, 'apDecision', 'notify', 'AVG art. 33(5)');
  const dataSubjectsDecision = checkDecision(
    c,
    i.dataSubjectsDecision,
    'dataSubjectsDecision',
    'inform',
    'AVG art. 34',
  );
  checkStatusConsistency(c, status as DatalekReport['status'], apDecision, dataSubjectsDecision, procedure);
  if (config) checkAgainstConfig(c, config, reportingParty, controllerParty, documents);

  if (c.errors.length > 0) return { ok: false, errors: c.errors, warnings: c.warnings };
  const value: DatalekReport = {
    ...(typeof i.id === 'string' && i.id ? { id: i.id } : {}),
    reportingParty,
    reportingOrganisation,
    contactName,
    contactFunction,
    contactPhone,
    contactEmail,
    reportedAt: dates.reportedAt,
    breachDate: dates.breachDate,
    breachDatePresumed: breachDatePresumed as boolean,
    description,
    affectedPersonalData,
    affectedDataSubjects,
    scaleDataSubjects,
    scaleFiles,
    scaleDescription,
    consequences,
    measures,
    discoveredAt: dates.discoveredAt,
    ongoing,
    measuresBefore,
    dataSubjectsInformed,
    crossBorder,
    crossBorderDetails,
    controllerParty,
    documents,
    procedure,
    status: status as DatalekReport['status'],
    ...(apDecision ? { apDecision } : {}),
    ...(dataSubjectsDecision ? { dataSubjectsDecision } : {}),
  } as DatalekReport;
  return { ok: true, value, warnings: c.warnings };
}

/** Date rules: report not in the future; breach not after the report; discovery between breach and report. */
function checkDates(c: Checker, i: Input, now: Date): { reportedAt: string; breachDate: string; discoveredAt: string } {
  const reported = c.dateTime('reportedAt', i.reportedAt, F2B, true);
  if (reported && reported.getTime() > now.getTime() + CLOCK_SKEW_MS)
    c.add(
      'reportedAt',
      'in_future',
      F2B,
      'de datum van de melding ligt in de toekomst',
      'the date of the report lies in the future',
    );
  const rawBreach = i.breachDate;
  let breachDate = '';
  if (isBlank(rawBreach))
    c.add(
      'breachDate',
      'required',
      F2B,
      'verplicht: de (vermoedelijke) datum van het datalek',
      'required: the (presumed) date of the breach',
    );
  else if (typeof rawBreach !== 'string' || !parseIsoDate(rawBreach))
    c.add('breachDate', 'invalid_date', F2B, 'geen geldige datum (JJJJ-MM-DD)', 'not a valid date (YYYY-MM-DD)');
  else breachDate = rawBreach;
  const reportDay = reported ? amsterdamDate(reported) : undefined;
  if (breachDate && reportDay && breachDate > reportDay)
    c.add(
      'breachDate',
      'after_report',
      F2B,
      `de datum van het datalek (${breachDate}) ligt na de datum van de melding (${reportDay})`,
      `the breach date (${breachDate}) is after the date of the report (${reportDay})`,
    );
  else if (breachDate && breachDate > amsterdamDate(now))
    c.add(
      'breachDate',
      'in_future',
      F2B,
      'de datum van het datalek ligt in de toekomst',
      'the breach date lies in the future',
    );
  const discovered = c.dateTime('discoveredAt', i.discoveredAt, ART33, true);
  if (discovered && breachDate && amsterdamDate(discovered) < breachDate)
    c.add(
      'discoveredAt',
      'before_breach',
      ART33,
      `het datalek kan niet ontdekt zijn vóór de datum van het datalek (${breachDate})`,
      `the breach cannot have been discovered before its date (${breachDate})`,
    );
  if (discovered && reported && discovered.getTime() > reported.getTime())
    c.add(
      'discoveredAt',
      'after_report',
      ART33,
      'het moment van ontdekken ligt na de melding',
      'the discovery lies after the report',
    );
  return {
    reportedAt: reported ? reported.toISOString() : '',
    breachDate,
    discoveredAt: discovered ? discovered.toISOString() : '',
  };
}

/** Documents: each needs an id, a name and the activity it was shared for. */
function checkDocuments(c: Checker, value: unknown): DatalekDocumentRef[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    c.add('documents', 'not_a_list', 'bijlage 2b', 'moet een lijst van documenten zijn', 'must be a list of documents');
    return [];
  }
  return value.flatMap((d, n) => {
    const doc = (typeof d === 'object' && d !== null ? d : {}) as Input;
    const str = (k: string): string => (typeof doc[k] === 'string' ? (doc[k] as string) : '');
    for (const k of ['id', 'name', 'activityKey'])
      if (!str(k))
        c.add(`documents[${n}].${k}`, 'required', 'bijlage 1 (seed 003)', 'verplicht veld', 'required field');
    const categories = Array.isArray(doc.categories)
      ? doc.categories.filter((x): x is string => typeof x === 'string')
      : [];
    return [{ id: str('id'), name: str('name'), url: str('url'), activityKey: str('activityKey'), categories }];
  });
}

/** Procedure steps (bijlage 2): optional timestamps; a confirmation needs a phone call first. */
function checkProcedure(c: Checker, value: unknown): DatalekProcedure {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object') {
    c.add('procedure', 'not_an_object', 'bijlage 2', 'ongeldige proceduregegevens', 'invalid procedure data');
    return {};
  }
  const p = value as Input;
  const out: DatalekProcedure = {};
  for (const k of ['formMailedAt', 'phonedAt', 'callConfirmedAt'] as const) {
    const d = c.dateTime(`procedure.${k}`, p[k], 'bijlage 2', false);
    if (d) out[k] = d.toISOString();
  }
  if (typeof p.phonedContact === 'string' && p.phonedContact.trim()) out.phonedContact = p.phonedContact.trim();
  if (out.callConfirmedAt && !out.phonedAt)
    c.add(
      'procedure.callConfirmedAt',
      'call_missing',
      'bijlage 2 (Communicatie)',
      'een telefoongesprek bevestigen kan pas nadat er gebeld is',
      'a phone call can only be confirmed after it took place',
    );
  return out;
}

/** A decision (art. 33 / art. 34) needs the yes/no, a reason, who and when. */
function checkDecision<K extends 'notify' | 'inform'>(
  c: Checker,
  value: unknown,
  field: string,
  flag: K,
  article: string,
): (Record<K, boolean> & { reason: string; decidedAt: string; decidedBy: string; [k: string]: unknown }) | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object') {
    c.add(field, 'not_an_object', article, 'ongeldig besluit', 'invalid decision');
    return undefined;
  }
  const d = value as Input;
  if (typeof d[flag] !== 'boolean')
    c.add(`${field}.${flag}`, 'required', article, 'verplicht: ja of nee', 'required: yes or no');
  const reason = typeof d.reason === 'string' ? d.reason.trim() : '';
  if (!reason)
    c.add(
      `${field}.reason`,
      'required',
      article,
      'leg de reden van het besluit vast, ook als er niet gemeld wordt',
      'record the reason for the decision, also when not notifying',
    );
  else if (reason.length > LONG_TEXT_MAX)
    c.add(
      `${field}.reason`,
      'too_long',
      article,
      `te lang, maximaal ${LONG_TEXT_MAX} tekens`,
      `too long, at most ${LONG_TEXT_MAX} characters`,
    );
  const decidedBy = typeof d.decidedBy === 'string' ? d.decidedBy.trim() : '';
  if (!decidedBy) c.add(`${field}.decidedBy`, 'required', article, 'verplicht: wie besloot', 'required: who decided');
  const decidedAt = c.dateTime(`${field}.decidedAt`, d.decidedAt, article, true);
  const out: Input = {
    [flag]: d[flag] === true,
    reason,
    decidedBy,
    decidedAt: decidedAt ? decidedAt.toISOString() : '',
  };
  for (const k of ['notifiedAt', 'informedAt'] as const) {
    const at = c.dateTime(`${field}.${k}`, d[k], article, false);
    if (at) out[k] = at.toISOString();
  }
  if (typeof d.apReference === 'string' && d.apReference.trim()) out.apReference = d.apReference.trim();
  return out as Record<K, boolean> & { reason: string; decidedAt: string; decidedBy: string };
}

/** A status may only be set once what it claims has happened. */
function checkStatusConsistency(
  c: Checker,
  status: DatalekReport['status'],
  ap: { notify: boolean } | undefined,
  subjects: { inform: boolean } | undefined,
  procedure: DatalekProcedure,
): void {
  if (!DATALEK_STATUSES.includes(status)) return;
  // Past the first step the other party must have had the form (bijlage 2, step 1); the first status is set on storing.
  if (status !== 'gemeld aan wederpartij' && !procedure.formMailedAt)
    c.add(
      'status',
      'form_not_mailed',
      'bijlage 2, stap 1',
      'het meldingsformulier is nog niet gemaild aan de wederpartij',
      'the form has not been mailed to the other party yet',
    );
  if (status === 'gemeld aan AP' && !ap?.notify)
    c.add(
      'status',
      'ap_decision_missing',
      'AVG art. 33',
      'leg eerst het besluit vast om het datalek bij de AP te melden',
      'first record the decision to notify the AP',
    );
  if (status === 'betrokkenen geïnformeerd' && !subjects?.inform)
    c.add(
      'status',
      'subjects_decision_missing',
      'AVG art. 34',
      'leg eerst het besluit vast om de betrokkenen te informeren',
      'first record the decision to inform the data subjects',
    );
  if (status === 'afgesloten' && (!ap || !subjects))
    c.add(
      'status',
      'decisions_missing',
      'AVG art. 33(5)',
      'afsluiten kan pas als beide besluiten (AP en betrokkenen) met redenen zijn vastgelegd',
      'closing needs both decisions (AP and data subjects) recorded with reasons',
    );
}

/** Parties and activities must exist in the agreement configuration. */
function checkAgainstConfig(
  c: Checker,
  config: AgreementConfig,
  reportingParty: string,
  controllerParty: string,
  documents: DatalekDocumentRef[],
): void {
  const parties = new Set(config.parties.map((p) => p.key));
  if (reportingParty && !parties.has(reportingParty))
    c.add(
      'reportingParty',
      'unknown_party',
      'bijlage 2a',
      `'${reportingParty}' is geen partij bij de overeenkomst`,
      `'${reportingParty}' is not a party to the agreement`,
    );
  if (controllerParty && !parties.has(controllerParty))
    c.add(
      'controllerParty',
      'unknown_party',
      'art. 8.2 (seed 003)',
      `'${controllerParty}' is geen partij bij de overeenkomst`,
      `'${controllerParty}' is not a party to the agreement`,
    );
  const activities = new Set(config.processingActivities.map((a) => a.key));
  documents.forEach((d, n) => {
    if (d.activityKey && !activities.has(d.activityKey))
      c.add(
        `documents[${n}].activityKey`,
        'unknown_activity',
        'bijlage 1 (seed 003)',
        `verwerking '${d.activityKey}' staat niet in het register`,
        `processing activity '${d.activityKey}' is not in the register`,
      );
  });
}
