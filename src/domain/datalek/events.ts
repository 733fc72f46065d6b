/**
 * The course of a breach report after it was stored, derived from the Datalekverloop: append-only records of the mail
 * to the other party, the card to the privacy officers and the procedure steps of annex 2. The reporter cannot change
 * a report or a record, so what was sent and when is read from records nobody rewrites, each with SharePoint's own
 * Author and Created (AVG art. 33(5)). Pure.
 */

/** One record of the Datalekverloop, as the domain needs it. */
export interface DatalekEvent {
  step: 'mail' | 'card' | 'phoned' | 'callConfirmed';
  outcome: 'sending' | 'sent' | 'failed' | 'uncertain' | 'done';
  /** ISO time the client recorded. */
  at: string;
  details: Record<string, unknown>;
  /** SharePoint's Created, when known (ordering ties are broken by it). */
  created?: string;
  /** The record's own id (append order). */
  id?: number;
}

/** The delivery steps an event log describes. */
const DELIVERY = ['mail', 'card'] as const;

/**
 * The stored form with `delivery` and `procedure` as the event log has them. For each delivery step the latest record
 * counts; the procedure's times come from the first 'sent' mail and the first recorded phone call and confirmation.
 * A report stored before the log existed keeps what its form said, unless a record says otherwise.
 */
export function applyEvents(form: Record<string, unknown>, events: readonly DatalekEvent[]): Record<string, unknown> {
  if (events.length === 0) return form;
  const ordered = [...events].sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
  const delivery: Record<string, unknown> = { ...((form.delivery as Record<string, unknown> | undefined) ?? {}) };
  const procedure: Record<string, unknown> = { ...((form.procedure as Record<string, unknown> | undefined) ?? {}) };
  const attempts: Record<string, number> = {};
  for (const e of ordered) {
    if ((DELIVERY as readonly string[]).includes(e.step)) {
      if (e.outcome === 'failed' || e.outcome === 'uncertain') attempts[e.step] = (attempts[e.step] ?? 0) + 1;
      const base = { state: e.outcome, at: e.at };
      if (e.outcome === 'sent') {
        delivery[e.step] = { ...base, ...(typeof e.details.ref === 'string' ? { ref: e.details.ref } : {}), ...extras(e) };
        if (e.step === 'mail' && !procedure.formMailedAt) procedure.formMailedAt = e.at;
      } else if (e.outcome === 'failed' || e.outcome === 'uncertain') {
        delivery[e.step] = {
          ...base,
          message: typeof e.details.message === 'string' ? e.details.message : '',
          attempts: attempts[e.step],
        };
      } else if (e.outcome === 'sending') {
        delivery[e.step] = base;
      }
    } else if (e.step === 'phoned' && !procedure.phonedAt) {
      procedure.phonedAt = e.at;
      if (typeof e.details.contact === 'string') procedure.phonedContact = e.details.contact;
    } else if (e.step === 'callConfirmed' && !procedure.callConfirmedAt) {
      procedure.callConfirmedAt = e.at;
    }
  }
  return { ...form, delivery, procedure };
}

/** What a 'sent' card record says beyond its id: which kind of card, where (a card without personal data, art. 9.6). */
function extras(e: DatalekEvent): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (e.details.kind === 'full' || e.details.kind === 'notice') out.kind = e.details.kind;
  if (typeof e.details.channel === 'string') out.channel = e.details.channel;
  if (typeof e.details.reason === 'string') out.reason = e.details.reason;
  return out;
}
