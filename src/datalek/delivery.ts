/**
 * Delivery record of a datalek report: whether the mail to the other party (bijlage 2, stap 1) and the card in the
 * privacy officers' channel (bijlage 2) went out. Kept on the register item (`form.delivery`), so a failure is visible
 * to everyone who can read the report and a retry knows what was already sent.
 */

/** The two things sent after storing a report. */
export type DeliveryStep = 'mail' | 'card';

/** Every step in the order annex 2 gives: first the other party's mail, then the privacy officers' card. */
export const DELIVERY_STEPS: readonly DeliveryStep[] = ['mail', 'card'];

/**
 * Outcome of one step.
 * - `sending`: recorded just before sending; found on a later attempt it means the attempt never reported back.
 * - `sent`: the service accepted it; never sent again.
 * - `failed`: the service answered with an error (or nothing was sent at all); safe to retry.
 * - `uncertain`: no answer arrived, so it may have been delivered; a person checks before sending again.
 */
export type DeliveryOutcome =
  | { state: 'sending'; at: string }
  | { state: 'sent'; at: string; ref?: string; kind?: 'full' | 'notice'; channel?: string; reason?: string }
  | { state: 'failed' | 'uncertain'; at: string; message: string; attempts: number };

/** Outcome per step; a step without an entry was never attempted. */
export type DatalekDelivery = Partial<Record<DeliveryStep, DeliveryOutcome>>;

const STATES = ['sending', 'sent', 'failed', 'uncertain'];

/** Reads the delivery record from a stored form; anything malformed is dropped (treated as never attempted). */
export function readDelivery(form: Record<string, unknown>): DatalekDelivery {
  const raw = form.delivery;
  if (typeof raw !== 'object' || raw === null) return {};
  const out: DatalekDelivery = {};
  for (const step of DELIVERY_STEPS) {
    const o = (raw as Record<string, unknown>)[step] as Record<string, unknown> | undefined;
    if (!o || typeof o !== 'object' || typeof o.state !== 'string' || !STATES.includes(o.state)) continue;
    const at = typeof o.at === 'string' ? o.at : '';
    if (o.state === 'sending') out[step] = { state: 'sending', at };
    else if (o.state === 'sent')
      out[step] = {
        state: 'sent',
        at,
        ...(typeof o.ref === 'string' ? { ref: o.ref } : {}),
        ...(o.kind === 'full' || o.kind === 'notice' ? { kind: o.kind } : {}),
        ...(typeof o.channel === 'string' ? { channel: o.channel } : {}),
        ...(typeof o.reason === 'string' ? { reason: o.reason } : {}),
      };
    else
      out[step] = {
        state: o.state as 'failed' | 'uncertain',
        at,
        message: typeof o.message === 'string' ? o.message : '',
        attempts: typeof o.attempts === 'number' ? o.attempts : 1,
      };
  }
  return out;
}

/** True when a step needs a person's confirmation before it is sent again (it may have arrived). */
export function needsConfirmation(outcome: DeliveryOutcome | undefined): boolean {
  return outcome?.state === 'uncertain' || outcome?.state === 'sending';
}

/** True when every step was sent. */
export function deliveryComplete(delivery: DatalekDelivery): boolean {
  return DELIVERY_STEPS.every((s) => delivery[s]?.state === 'sent');
}

/**
 * Whether a failed send may have arrived anyway. An HTTP answer (status > 0) or an error raised before sending (too
 * large, no channel configured) means it did not; a send without any answer (network drop, timeout) may have.
 */
export function mayHaveArrived(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return true;
  const e = error as { status?: unknown; statusCode?: unknown; notSent?: unknown; name?: unknown };
  if (e.notSent === true) return false;
  if (e.name === 'ChannelMessageTooLargeError' || e.name === 'CardTooLargeError') return false;
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 0;
  return status <= 0;
}

/** An error raised before anything was sent (nothing can have arrived). */
export class NotSentError extends Error {
  /** Marks the error as raised before sending. */
  public readonly notSent = true;
  public constructor(message: string) {
    super(message);
    this.name = 'NotSentError';
  }
}
