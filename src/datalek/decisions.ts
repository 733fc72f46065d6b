/**
 * The privacy officers' register actions: the controller's decisions on notifying the AP (AVG art. 33) and informing
 * the data subjects (AVG art. 34), each with reasons, and the report's status. Every breach stays documented, also when
 * it is not notified (AVG art. 33(5)).
 */
import type { AgreementConfig } from '../domain/agreement/schema';
import {
  fromRegisterRow,
  type ApDecision,
  type DataSubjectsDecision,
  type DatalekFieldError,
  type DatalekReport,
  type DatalekStatus,
} from '../domain/datalek';
import type { BreachEntry, BreachRegister } from '../ports';

/** What a privacy officer changes on a report. */
export interface DecisionChange {
  status: DatalekStatus;
  /** AVG art. 33: notify the AP or not, with the reason (kept also when not notifying, art. 33(5)). */
  apDecision?: ApDecision;
  /** AVG art. 34: inform the data subjects or not, with the reason. */
  dataSubjectsDecision?: DataSubjectsDecision;
}

/** Outcome of {@link recordDecisions}: field errors (nothing written) or the updated entry and report. */
export type DecisionResult =
  | { ok: false; errors: DatalekFieldError[] }
  | { ok: true; entry: BreachEntry; report: DatalekReport };

/**
 * Validates the changed report as a whole (a status needs the decision it claims, closing needs both decisions) and
 * writes it with the etag the officer saw, so a concurrent change is refused instead of overwritten.
 */
export async function recordDecisions(
  deps: { config: AgreementConfig; breaches: BreachRegister; now?: () => Date },
  entry: BreachEntry & { id: number },
  change: DecisionChange,
): Promise<DecisionResult> {
  const now = deps.now ? deps.now() : new Date();
  const form: Record<string, unknown> = { ...entry.form, status: change.status };
  if (change.apDecision) form.apDecision = change.apDecision;
  if (change.dataSubjectsDecision) form.dataSubjectsDecision = change.dataSubjectsDecision;
  const v = fromRegisterRow({ id: entry.id, status: change.status, form }, now, deps.config);
  if (!v.ok) return { ok: false, errors: v.errors };
  if (!entry.etag) throw new Error(`Datalekmelding ${entry.id}: geen versie (etag) gelezen; laad opnieuw.`);
  // The course (delivery, procedure) is derived from the Datalekverloop on every read; what the form held before the
  // log existed stays in it (a report from before the upgrade keeps its delivery), later records override it.
  const updated = await deps.breaches.update(entry.id, { status: change.status, form }, entry.etag);
  return { ok: true, entry: updated, report: v.value };
}
