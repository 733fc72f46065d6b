/** Register ports: Toetslog (audit), Overeenkomstenregister, Datalekregister, Overleggen, Herinneringen. */
import type { RecordVersion, RegisterRecord, RegisterStatus } from '../domain/register/types';
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
  /**
   * The parties the file goes to, as the uploader chose them (art. 8, 9.5); absent on records from before recipients
   * were chosen (every other party). The integrity check compares them with the readers of the file's folder.
   */
  recipients?: string[];
  decision: 'toegestaan' | 'review' | 'geweigerd' | 'goedgekeurd' | 'afgewezen';
  ruleVersion: string;
  answers: Record<string, unknown>;
  findings: Array<{ kind: string; count: number }>;
  reasons: Array<{ article: string; text: string }>;
  /** Privacy officer's note on approve/reject (art. 9.2). */
  reviewNote?: string;
  /** On a privacy officer's review record: the ToetsId of the uploader's record it decides on (art. 9.2). */
  reviewOf?: string;
  /** SHA-256 (hex) of the bytes the decision was about, so a later copy or re-upload of the same file is recognised. */
  contentHash?: string;
  /**
   * Who created the record and when, as SharePoint wrote it (Author, Created): read-only, never taken from the product.
   * A record can be checked against these; the `user` and `at` above are what the product wrote.
   */
  author?: PersonRef;
  created?: string;
  /**
   * On a review record (goedgekeurd, afgewezen): what proves a privacy officer of the file's party made it.
   * `container`: it sits in that party's own review list, where SharePoint lets only that party's privacy officers add
   * (the permission proves it). `author`: it sits in the Toetslog (from before the review lists), where anyone who adds
   * records can also write Author and Created through SharePoint's form-value calls, so nothing proves it.
   */
  proof?: 'container' | 'author';
}

/**
 * The Toetslog: append-only. SharePoint refuses every change and deletion by staff and privacy officers alike (only
 * site owners hold Delete); a review outcome is a new record by the privacy officer, never an edit (AVG art. 5(2)).
 */
export interface AuditLog {
  /**
   * Appends a record once: a retried append finds its own record by ToetsId and writes nothing. A ToetsId already
   * taken by a record somebody else created is refused where the writer can see it (never taken over as if it were this
   * one); the integrity check lists every duplicate.
   */
  append(record: AuditRecord): Promise<void>;
  /**
   * Appends a privacy officer's review record (art. 9.2) to the review list of the record's party, where only that
   * party's privacy officers may add; a retry finds its own record first and writes nothing twice.
   */
  appendReview(record: AuditRecord): Promise<void>;
  /** Records, newest first, security-trimmed (staff see their own, privacy officers all). */
  list(pageToken?: string, pageSize?: number): Promise<Page<AuditRecord>>;
  /** One record by its ToetsId, or null. */
  get(toetsId: string): Promise<AuditRecord | null>;
  /** Records by ToetsId, as far as the reader may read them (one request per 100 ids). */
  getMany(toetsIds: readonly string[]): Promise<AuditRecord[]>;
  /**
   * The review records that decide on any of these ToetsIds (art. 9.2), as far as the reader may read them: from the
   * parties' review lists (`proof: 'container'`) and, from before those lists, from the Toetslog (`proof: 'author'`).
   */
  reviewsOf(toetsIds: readonly string[]): Promise<AuditRecord[]>;
  /** Records about files of these names, as far as the reader may read them. */
  byFileNames(fileNames: readonly string[]): Promise<AuditRecord[]>;
}

/**
 * The etag an update must carry: an entity read from SharePoint always has one. Without it the write would be blind
 * (PnPjs sends `If-Match: *`), so it is a programming error, named here before any request.
 */
export function requireEtag(entity: { etag?: string }, what: string): string {
  if (!entity.etag || entity.etag === '*')
    throw new Error(`Programmeerfout: ${what} heeft geen etag; lees het opnieuw voordat u het wijzigt (geen blinde overschrijving).`);
  return entity.etag;
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
  update(id: number, patch: Partial<AgreementEntry>, etag: string): Promise<AgreementEntry>;
  /** The item's kept versions as SharePoint wrote them (who saved each, when), newest first. */
  versions(id: number): Promise<RecordVersion[]>;
}

/** Status of a breach report in the Datalekregister. */
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
  /** Its course from the Datalekverloop, as far as the reader may read it (already applied to `form`). */
  events?: BreachEvent[];
}

/** A step after a report was stored (annex 2): the mail, the card, the phone call and its written confirmation. */
export type BreachLogStep = 'mail' | 'card' | 'phoned' | 'callConfirmed';

/** One record of the Datalekverloop: appended, never changed (AVG art. 33(5)). */
export interface BreachEvent {
  reportId: number;
  /**
   * The reporting party of the report: its course lives in that party's own list, where only that party's people add
   * (required to append; set on every event read, from the list it was read from).
   */
  party?: string;
  step: BreachLogStep;
  /** Delivery outcome, or 'done' for a procedure step. */
  outcome: 'sending' | 'sent' | 'failed' | 'uncertain' | 'done';
  /** Step details: message ids, the error, attempts, the contact phoned, the channel and kind of card. */
  details: Record<string, unknown>;
  /** ISO time the client recorded. */
  at: string;
  /** Who created the record and when, as SharePoint wrote it. */
  author?: PersonRef;
  created?: string;
  id?: number;
}

/**
 * The Datalekregister: the reporter adds a report and cannot change or delete it; privacy officers read every report,
 * record the controller's decisions and correct facts (each change a version with who and when); only site owners
 * delete. What happened afterwards is appended to the Datalekverloop.
 */
export interface BreachRegister {
  /** Stores the report first (before any mail or card). */
  create(entry: BreachEntry): Promise<BreachEntry>;
  get(id: number): Promise<BreachEntry>;
  list(pageToken?: string): Promise<Page<BreachEntry>>;
  /** Privacy officers only (SharePoint refuses the reporter): decisions, status, corrected facts, with the etag. */
  update(id: number, patch: Partial<BreachEntry>, etag: string): Promise<BreachEntry>;
  /** Appends a step to the Datalekverloop. */
  appendEvent(event: BreachEvent): Promise<BreachEvent>;
  /** The steps of one report the reader may read, oldest first. */
  events(reportId: number): Promise<BreachEvent[]>;
  /**
   * The report's kept versions as SharePoint wrote them, newest first: who saved each (Editor) and when. The form's
   * own names (a decision's decidedBy) are typed by whoever writes the item; these are not.
   */
  versions(id: number): Promise<BreachVersion[]>;
}

/** One kept version of a Datalekregister item (SharePoint's version history, AVG art. 33(5)). */
export interface BreachVersion {
  /** SharePoint's label, e.g. '2.0'. */
  label: string;
  /** When this version was saved, as SharePoint recorded it. */
  modified: string;
  /** Who saved it, as SharePoint recorded it; absent when SharePoint names nobody. */
  editor?: PersonRef;
  status: BreachStatus;
  /** The form as this version held it; absent when its JSON could not be read. */
  form?: Record<string, unknown>;
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
  /**
   * Adds a meeting. With `createId` (the caller's key for one attempt, kept across its repeats) a meeting of the series
   * already holding that key is returned instead, so a repeat after a lost answer or an error adds nothing.
   */
  create(entry: MeetingEntry, createId?: string): Promise<MeetingEntry>;
  update(id: number, patch: Partial<MeetingEntry>, etag: string): Promise<MeetingEntry>;
}

/** The Herinneringen list: "post once" for reminder cards. */
export interface ReminderLog {
  /** Claims a reminder key; true when this caller claimed it (and should post), false when it was already posted. */
  claim(key: string, details: Record<string, unknown>): Promise<boolean>;
  /** Gives a claim back after the post failed, so a later page load posts it; no-op when the key is not claimed. */
  release(key: string): Promise<void>;
}
