/**
 * The datalek (personal-data breach) report: every field of the notification form (seed 003, bijlage 2b), what the
 * AP notification asks beyond it (AVG art. 33(3)), and the register facts (controller, procedure, decisions).
 */
import type { Citation } from '../common/types';

/**
 * Register status of a report (the same values as `BreachStatus` of the register port). A report starts as
 * 'gemeld aan wederpartij': it is stored first and the mail follows; whether the mail went out is `procedure.formMailedAt`.
 */
export type DatalekStatus =
  | 'gemeld aan wederpartij'
  | 'beoordeeld'
  | 'gemeld aan AP'
  | 'betrokkenen geïnformeerd'
  | 'afgesloten';

/** Every status in procedure order. */
export const DATALEK_STATUSES: readonly DatalekStatus[] = [
  'gemeld aan wederpartij',
  'beoordeeld',
  'gemeld aan AP',
  'betrokkenen geïnformeerd',
  'afgesloten',
];

/** Answer to a yes/no question the reporter may not know yet. */
export type JaNeeOnbekend = 'ja' | 'nee' | 'onbekend';

/** Whether the data subjects (betrokkenen) are informed (AVG art. 34). */
export type BetrokkenenGeinformeerd = 'ja' | 'nee' | 'wordt-geinformeerd' | 'onbekend';

/** A document the breach concerns, with the processing activity it was shared under (seed 003 bijlage 1). */
export interface DatalekDocumentRef {
  /** Stable id of the item in the exchange library. */
  id: string;
  /** File name as shown in the library. */
  name: string;
  /** Link to the item. */
  url: string;
  /** Key of the processing activity (purpose) the document was shared for. */
  activityKey: string;
  /** Category keys recorded on the document (subset of the activity's categories). */
  categories: string[];
}

/** Procedure steps of bijlage 2 that the reporter completes (timestamps as ISO date-times). */
export interface DatalekProcedure {
  /** Step 1: form 2b mailed to the breach address and the 1st and 2nd contact. */
  formMailedAt?: string;
  /** Step 2: phoned the 1st or 2nd contact. */
  phonedAt?: string;
  /** Which contact was reached by phone. */
  phonedContact?: string;
  /** "Communicatie": the phone call confirmed in writing. */
  callConfirmedAt?: string;
}

/** The controller's decision on notifying the AP (AVG art. 33); recorded with reasons even when not notifying (art. 33(5)). */
export interface ApDecision {
  notify: boolean;
  reason: string;
  decidedAt: string;
  decidedBy: string;
  /** When the notification to the AP was made. */
  notifiedAt?: string;
  /** The AP's reference number of the notification. */
  apReference?: string;
}

/** The controller's decision on informing the data subjects (AVG art. 34), with reasons. */
export interface DataSubjectsDecision {
  inform: boolean;
  reason: string;
  decidedAt: string;
  decidedBy: string;
  /** When the data subjects were informed. */
  informedAt?: string;
}

/** A complete, validated datalek report as stored in the breach register. */
export interface DatalekReport {
  /** Register id, set by the store. */
  id?: string;
  // --- bijlage 2b: Meldende partij
  /** Key of the reporting party (partij). */
  reportingParty: string;
  /** Naam organisatie. */
  reportingOrganisation: string;
  /** Naam contactpersoon. */
  contactName: string;
  /** Functie contactpersoon. */
  contactFunction: string;
  /** Telefoon contactpersoon. */
  contactPhone: string;
  /** E-mail contactpersoon. */
  contactEmail: string;
  // --- bijlage 2b: the notification
  /** Datum melding (ISO date-time). */
  reportedAt: string;
  /** (Vermoedelijke) datum datalek (YYYY-MM-DD). */
  breachDate: string;
  /** Whether the breach date is presumed rather than established. */
  breachDatePresumed: boolean;
  /** Omschrijving datalek. */
  description: string;
  /** Omschrijving (mogelijk) getroffen persoonsgegevens. */
  affectedPersonalData: string;
  /** Omschrijving (mogelijk) getroffen betrokkenen. */
  affectedDataSubjects: string;
  /** (Mogelijke) omvang: number of data subjects; null when unknown. */
  scaleDataSubjects: number | null;
  /** (Mogelijke) omvang: number of files (dossiers); null when unknown. */
  scaleFiles: number | null;
  /** (Mogelijke) omvang in words. */
  scaleDescription: string;
  /** Geconstateerde/vermoedelijke gevolgen. */
  consequences: string;
  /** Maatregelen getroffen of te treffen om schade te beperken en het datalek op te lossen. */
  measures: string;
  // --- beyond 2b: what the AP notification asks (AVG art. 33(3))
  /** When the breach was discovered (ISO date-time); the 72-hour clock runs from here (AVG art. 33(1)). */
  discoveredAt: string;
  /** Is the breach still going on? */
  ongoing: JaNeeOnbekend;
  /** Measures in place before the breach, e.g. encryption. */
  measuresBefore: string;
  /** Are the data subjects informed or will they be? */
  dataSubjectsInformed: BetrokkenenGeinformeerd;
  /** Does the breach involve people in other EU member states? */
  crossBorder: JaNeeOnbekend;
  /** Which countries / how, when crossBorder is 'ja'. */
  crossBorderDetails: string;
  // --- register
  /** Key of the controller (verwerkingsverantwoordelijke) of the affected data; it decides on art. 33/34. */
  controllerParty: string;
  /** The documents the breach concerns. */
  documents: DatalekDocumentRef[];
  /** Procedure steps done (bijlage 2). */
  procedure: DatalekProcedure;
  /** Register status. */
  status: DatalekStatus;
  /** AVG art. 33 decision of the controller. */
  apDecision?: ApDecision;
  /** AVG art. 34 decision of the controller. */
  dataSubjectsDecision?: DataSubjectsDecision;
}

/** A field-level problem with a datalek report, with the article it comes from and nl/en text. */
export interface DatalekFieldError {
  /** Field name of {@link DatalekReport}, dotted for nested fields (e.g. `apDecision.reason`). */
  field: string;
  /** Stable code, e.g. `required`, `after_report`, `too_large`. */
  code: string;
  /** Article or annex the rule comes from. */
  article: Citation;
  nl: string;
  en: string;
}
