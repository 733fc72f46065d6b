/** The agreements register (overeenkomstenregister) in domain terms: records, statuses, errors (art. 5, 11–14). */
import type { Bilingual } from '../common/types';

/** Status of a register record, in the order an agreement normally passes through them. */
export const REGISTER_STATUSES = [
  'concept',
  'in overleg',
  'ondertekend',
  'gepubliceerd',
  'in werking',
  'te evalueren',
  'vervangen',
  'beëindigd',
] as const;

/** One status of {@link REGISTER_STATUSES}. */
export type RegisterStatus = (typeof REGISTER_STATUSES)[number];

/** Kinds of record: the agreement itself (and its sibling kinds), werkafspraak (art. 11), DVA (art. 12), verwerkersovereenkomst. */
export const REGISTER_KINDS = [
  'samenwerkingsovereenkomst',
  'convenant',
  'samenwerkingsprotocol',
  'onderzoekssamenwerking',
  'werkafspraak',
  'dva',
  'verwerkersovereenkomst',
] as const;

/** One kind of {@link REGISTER_KINDS}. */
export type RegisterKind = (typeof REGISTER_KINDS)[number];

/** Kinds that are "the agreement itself": published in the Staatscourant (art. 14) and changed only per art. 13.2–13.3. */
export const AGREEMENT_ITSELF: readonly RegisterKind[] = [
  'samenwerkingsovereenkomst',
  'convenant',
  'samenwerkingsprotocol',
  'onderzoekssamenwerking',
];

/** A person as the site knows them (the same shape as the ports' PersonRef). */
export interface RegisterPerson {
  id: number;
  displayName: string;
  email?: string;
}

/** One step of a record's status history. */
export interface StatusStep {
  status: RegisterStatus;
  /** ISO date (YYYY-MM-DD) or timestamp. */
  at: string;
  by?: string;
  /** SharePoint user id of whoever took the step: the version trace compares it with the version's Editor. */
  byId?: number;
  note?: string;
}

/**
 * One kept version of a register item as SharePoint wrote it (its version history): who saved it (Editor) and when,
 * with the status and the status history the item held then (`history` absent when it could not be read).
 */
export interface RecordVersion {
  /** SharePoint's label, e.g. '3.0'. */
  label: string;
  modified: string;
  editor?: RegisterPerson;
  status: string;
  history?: StatusStep[];
}

/** A record of the register; the AgreementRegister port's entry is this type (ports depend on the domain). */
export interface RegisterRecord {
  id?: number;
  kind: RegisterKind;
  title: string;
  /** Party keys from the configuration. */
  parties: string[];
  /** Per party key: accounthouder function title (art. 5) and, when known, the person. */
  accounthouders: Record<string, { functionTitle: string; person?: RegisterPerson }>;
  status: RegisterStatus;
  signedOn?: string;
  signedAt?: string;
  /** Staatscourant reference, e.g. 'Stcrt. 2025, 18342'. */
  staatscourant?: string;
  publishedOn?: string;
  effectiveFrom?: string;
  evaluationDue?: string;
  expiresOn?: string;
  version?: string;
  /** Register id of the record this one replaces. */
  supersedesId?: number;
  /** Overleggen item id of the bestuurlijk overleg that agreed this change (art. 13.2). */
  meetingId?: number;
  /** Server-relative URLs of linked documents. */
  documents: string[];
  history: StatusStep[];
  /** Extra data, e.g. `year` of a DVA (art. 12). */
  details: Record<string, unknown>;
  etag?: string;
}

/** A field of a record that a rule can name. */
export type RegisterField = keyof RegisterRecord | 'details.year';

/** Why the register refuses something: the field, the article it comes from, and the reason in both languages. */
export interface RegisterError {
  field: RegisterField;
  /** e.g. 'art. 13.3'; absent for plain input errors. */
  article?: string;
  message: Bilingual;
}

/** What the register knows about a meeting linked to a change (from the Overleggen list). */
export interface LinkedMeeting {
  id: number;
  /** Meeting series kind from the configuration ('bestuurlijk' for art. 13.2). */
  kind: string;
  /** ISO date or date-time. */
  date: string;
  status: 'gepland' | 'gehouden' | 'geannuleerd';
}
