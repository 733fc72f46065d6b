/** Dates the register derives: effective date (art. 14.1), evaluation due (art. 13.2), DVA expiry (art. 12). */
import type { AgreementConfig } from '../agreement/schema';
import { addDaysIso, addMonthsUtc, parseIsoDate, toIsoDate } from '../common/dates';
import { AGREEMENT_ITSELF, type RegisterRecord } from './types';

/** art. 14.1: the agreement takes effect on the day after its publication in the Staatscourant. */
export function effectiveFromPublication(publishedOn: string): string {
  return addDaysIso(publishedOn, 1);
}

/** art. 13.2: evaluation `evaluationAfterMonths` (one year for IGJ–CIBG) after the effective date. */
export function evaluationDueFrom(effectiveFrom: string, config: AgreementConfig): string {
  const d = parseIsoDate(effectiveFrom);
  if (!d) throw new RangeError(`not an ISO date: ${effectiveFrom}`);
  return toIsoDate(addMonthsUtc(d, config.agreement.evaluationAfterMonths));
}

/** art. 12: DVAs are agreed per year, so a DVA for year Y runs out at the end of Y (31 December). */
export function dvaExpiry(year: number): string {
  return `${year}-12-31`;
}

/** The DVA year: `details.year`, or else the year its expiry falls in (a DVA runs one calendar year, art. 12). */
export function dvaYear(record: Pick<RegisterRecord, 'details' | 'expiresOn'>): number | undefined {
  const y = record.details.year;
  if (typeof y === 'number' && Number.isInteger(y)) return y;
  const m = record.expiresOn ? /^(\d{4})-\d{2}-\d{2}$/.exec(record.expiresOn) : null;
  return m ? Number(m[1]) : undefined;
}

/** True for kinds that are the agreement itself (published, art. 14; changed per art. 13.2–13.3). */
export function isAgreementItself(kind: RegisterRecord['kind']): boolean {
  return AGREEMENT_ITSELF.includes(kind);
}

/**
 * Fills the dates the articles fix and the user does not choose: effective date the day after publication (art. 14.1),
 * or the signing date for records that are not published; evaluation due one evaluation period later (art. 13.2);
 * a DVA's expiry at the end of its year (art. 12). Dates the user entered are kept; validation says when they conflict.
 */
export function withDerivedDates(record: RegisterRecord, config: AgreementConfig): RegisterRecord {
  const next = { ...record };
  if (!next.effectiveFrom) {
    if (isAgreementItself(next.kind) && next.publishedOn && parseIsoDate(next.publishedOn)) {
      next.effectiveFrom = effectiveFromPublication(next.publishedOn);
    } else if (!isAgreementItself(next.kind) && next.signedOn && parseIsoDate(next.signedOn)) {
      next.effectiveFrom = next.signedOn;
    }
  }
  if (!next.evaluationDue && isAgreementItself(next.kind) && next.effectiveFrom && parseIsoDate(next.effectiveFrom)) {
    next.evaluationDue = evaluationDueFrom(next.effectiveFrom, config);
  }
  const year = dvaYear(next);
  if (next.kind === 'dva' && !next.expiresOn && year !== undefined) next.expiresOn = dvaExpiry(year);
  return next;
}

/** Days before the evaluation date from which a record shows in "Evaluatie nodig" (matches the register view). */
export const EVALUATION_LEAD_DAYS = 60;
/** Days before expiry from which a DVA shows in "DVA verloopt" (matches the register view). */
export const DVA_EXPIRY_LEAD_DAYS = 90;

/**
 * True for a record already 'te evalueren', or in force within {@link EVALUATION_LEAD_DAYS} of (or past) its evaluation
 * date (art. 13.2). The "Evaluatie nodig" view (provisioned CAML and the adapter's query) selects the same records.
 */
export function needsEvaluation(record: RegisterRecord, today: string): boolean {
  // art. 13.2: once an accounthouder has put a record in 'te evalueren' it needs evaluation whatever its due date says
  // (a werkafspraak may have none), until the evaluation moves it on.
  if (record.status === 'te evalueren') return true;
  if (record.status !== 'in werking') return false;
  return !!record.evaluationDue && record.evaluationDue <= addDaysIso(today, EVALUATION_LEAD_DAYS);
}

/** True when a DVA that still counts is within {@link DVA_EXPIRY_LEAD_DAYS} of (or past) its expiry (art. 12). */
export function dvaExpiring(record: RegisterRecord, today: string): boolean {
  if (record.kind !== 'dva' || record.status === 'vervangen' || record.status === 'beëindigd') return false;
  return !!record.expiresOn && record.expiresOn <= addDaysIso(today, DVA_EXPIRY_LEAD_DAYS);
}
