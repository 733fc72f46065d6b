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
  | {
      state: 'sending';
      at: string;
      /** The attempt's tracking key ({@link deliveryKey}) and, for a card, where it went and which card. */
      key?: string;
      team?: string;
      channel?: string;
      kind?: 'full' | 'notice';
      reason?: string;
    }
  | {
      state: 'sent';
      at: string;
      ref?: string;
      kind?: 'full' | 'notice';
      channel?: string;
      reason?: string;
      /** Set when no answer came back but the mail or card was found afterwards (Sent Items, the channel). */
      foundBy?: 'lookup';
    }
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

/**
 * The tracking key of one notification: the same for every attempt of a report's mail or card, so a retry looks for
 * (and, when it must send again, sends) the same one. Derived from the site, the report id and the step; the site URL
 * goes in as a short hash (FNV-1a), so the key is short enough for a mail property and a card element id.
 */
export function deliveryKey(siteUrl: string, reportId: number, step: DeliveryStep): string {
  const site = siteUrl.trim().toLowerCase().replace(/\/+$/, '');
  let h = 0x811c9dc5;
  for (let i = 0; i < site.length; i++) {
    h ^= site.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `samenwerkingsruimte-datalek-${h.toString(16).padStart(8, '0')}-${reportId}-${step}`;
}

/** The key of the full card a privacy officer posts later (when the first card went out without personal data). */
export function fullCardKey(siteUrl: string, reportId: number): string {
  return `${deliveryKey(siteUrl, reportId, 'card')}-volledig`;
}

/**
 * True when a step may have arrived and nobody knows yet (`uncertain`, or a `sending` left behind). A retry first looks
 * it up (the sender's Sent Items, the channel); only where Graph cannot tell does a person confirm before it is sent
 * again.
 */
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

/** Answers after which a write may still have been carried out: the server or a gateway failed after taking it. */
const AMBIGUOUS_STATUSES = [500, 502, 504];

/**
 * Whether a failed send may have landed, so it must be looked up before it is sent again: no answer at all
 * ({@link mayHaveArrived}), or a 500, 502 or 504 (a 429 or 503 is Graph refusing before doing anything).
 */
export function mayHaveLanded(error: unknown): boolean {
  if (mayHaveArrived(error)) return true;
  const e = (error ?? {}) as { status?: unknown; statusCode?: unknown; notSent?: unknown };
  if (e.notSent === true) return false;
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 0;
  return AMBIGUOUS_STATUSES.includes(status);
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
