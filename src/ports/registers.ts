/** Register ports: Toetslog (audit), Overeenkomstenregister, Datalekregister, Overleggen, Herinneringen. */
import type { RegisterRecord, RegisterStatus } from '../domain/register/types';
import type { Page, PersonRef } from './documents';

/** One upload decision kept for accountability (AVG art. 5(2)); findings are kinds and counts only, never values. */
export interface AuditRecord {
  toetsId: string;
  /** ISO timestamp. */
  at: string;
  user: PersonRef;
  party: string | null;
  fileName: string;
  activity?: string;
  decision: 'toegestaan' | 'review' | 'geweigerd' | 'goedgekeurd' | 'afgewezen';
  ruleVersion: string;
  answers: Record<string, unknown>;
  findings: Array<{ kind: string; count: number }>;
  reasons: Array<{ article: string; text: string }>;
  /** Privacy officer's note on approve/reject (art. 9.2). */
  reviewNote?: string;
  /** On a 'review' record: the privacy officer's outcome, so the uploader (who reads only own records) sees it. */
  review?: ReviewOutcome;
}

/** The privacy officer's outcome of a review (art. 9.2), kept on the uploader's own Toetslog record. */
export interface ReviewOutcome {
  decision: 'goedgekeurd' | 'afgewezen';
  note: string;
  by: PersonRef;
  /** ISO timestamp. */
  at: string;
  /** ToetsId of the privacy officer's own Toetslog record of this decision. */
  toetsId: string;
}

/** The Toetslog. */
export interface AuditLog {
  /** Appends a record; the ToetsId is unique, so a retried append never duplicates. */
  append(record: AuditRecord): Promise<void>;
  /** Records, newest first, security-trimmed (staff see their own, privacy officers all). */
  list(pageToken?: string, pageSize?: number): Promise<Page<AuditRecord>>;
  /** One record by its ToetsId, or null. */
  get(toetsId: string): Promise<AuditRecord | null>;
  /**
   * Adds the privacy officer's outcome to the uploader's record (art. 9.2), keeping its decision, answers and findings
   * as they were (the list keeps versions). Needs edit rights on others' records (privacy officers).
   */
  recordReview(toetsId: string, review: ReviewOutcome): Promise<void>;
}

/** Status of a register entry (art. 13, 14): the domain's {@link RegisterStatus}, one source for every layer. */
export type AgreementStatus = RegisterStatus;

/** One entry of the Overeenkomstenregister: the domain's {@link RegisterRecord} (its person is a {@link PersonRef}). */
export type AgreementEntry = RegisterRecord;

/** A register write the agreement does not allow; the message names the article (e.g. art. 13.2). */
export class RegisterRuleError extends Error {
  /** Article the rule comes from, e.g. 'art. 13.2'. */
  public readonly article: string;
  public constructor(article: string, message: string) {
    super(`${message} (${article})`);
    this.name = 'RegisterRuleError';
    this.article = article;
  }
}

/** Register views (real SharePoint views too). */
export type AgreementView = 'alle' | 'mijn' | 'evaluatie-nodig' | 'dva-verloopt';

/** The Overeenkomstenregister. */
export interface AgreementRegister {
  list(view: AgreementView, pageToken?: string): Promise<Page<AgreementEntry>>;
  get(id: number): Promise<AgreementEntry>;
  create(entry: AgreementEntry): Promise<AgreementEntry>;
  /** Updates with optimistic concurrency (`etag`), refusing a stale write. */
  update(id: number, patch: Partial<AgreementEntry>, etag?: string): Promise<AgreementEntry>;
}

/** Status of a breach report (issue 6). */
export type BreachStatus =
  | 'gemeld aan wederpartij'
  | 'beoordeeld'
  | 'gemeld aan AP'
  | 'betrokkenen geïnformeerd'
  | 'afgesloten';

/** One entry of the Datalekregister (AVG art. 33(5)); `form` holds the annex 2b form and register data. */
export interface BreachEntry {
  id?: number;
  title: string;
  reportedAt: string;
  discoveredAt: string;
  reportingParty: string;
  controller: string;
  status: BreachStatus;
  reporter?: PersonRef;
  form: Record<string, unknown>;
  etag?: string;
}

/** The Datalekregister, readable only by privacy officers and the reporter. */
export interface BreachRegister {
  /** Stores the report first (before any mail or card), with item permissions for privacy officers and reporter. */
  create(entry: BreachEntry): Promise<BreachEntry>;
  get(id: number): Promise<BreachEntry>;
  list(pageToken?: string): Promise<Page<BreachEntry>>;
  update(id: number, patch: Partial<BreachEntry>, etag?: string): Promise<BreachEntry>;
}

/** A meeting held or planned (art. 6, 7, 12, 13). */
export interface MeetingEntry {
  id?: number;
  /** Meeting series key from the configuration. */
  series: string;
  title: string;
  /** ISO date-time. */
  date: string;
  status: 'gepland' | 'gehouden' | 'geannuleerd';
  minutesUrl?: string;
  eventId?: string;
  details: Record<string, unknown>;
  etag?: string;
}

/** The Overleggen list. */
export interface MeetingStore {
  /** Meetings, newest first, optionally of one series. */
  list(series?: string): Promise<MeetingEntry[]>;
  get(id: number): Promise<MeetingEntry>;
  create(entry: MeetingEntry): Promise<MeetingEntry>;
  update(id: number, patch: Partial<MeetingEntry>, etag?: string): Promise<MeetingEntry>;
}

/** The Herinneringen list: "post once" for reminder cards. */
export interface ReminderLog {
  /** Claims a reminder key; true when this caller claimed it (and should post), false when it was already posted. */
  claim(key: string, details: Record<string, unknown>): Promise<boolean>;
  /** Gives a claim back after the post failed, so a later page load posts it; no-op when the key is not claimed. */
  release(key: string): Promise<void>;
}
