/**
 * Failures as a person reads them: one sentence in their language that says what happened and what to do, and the
 * technical detail (SharePoint's or Graph's own message, an HTTP status) kept apart, for a "details" toggle and for
 * whoever supports them. No screen shows a raw HTTP or OData error; every flow that reports a failure as text and every
 * screen that shows one goes through {@link describeFailure}. Pure.
 */
import type { Bilingual } from './types';

/**
 * The broad kind of a failure, from the HTTP status SharePoint or Graph answered (`status` on PnPjs errors and the
 * product's Graph errors, `statusCode` on the Graph client's), a domain `code`, or the absence of any answer.
 */
export type FailureKind =
  | 'unauthenticated'
  | 'denied'
  | 'notFound'
  | 'conflict'
  | 'throttled'
  | 'offline'
  | 'tooLarge'
  | 'rejected'
  | 'server'
  | 'other';

/** A failure for a person: `text` to show, `detail` (technical) behind a toggle, and whether trying again can help. */
export interface DescribedFailure {
  kind: FailureKind;
  text: Bilingual;
  detail?: string;
  /** False when the same action will fail the same way (a refusal by name, by permission, of the request itself). */
  retryable: boolean;
}

/**
 * An error written for a person by the product itself (a refusal by name or permission, a rule of the agreement): its
 * `readable` is shown as it is, its `message` may add the technical part.
 */
export interface ReadableError {
  readonly readable: Bilingual;
  /** SharePoint's or Graph's own words behind the refusal, for the details toggle. */
  readonly detail?: string;
  /** False when trying the same again cannot help (default: true). */
  readonly retryable?: boolean;
}

/** An error the product writes for a person: a sentence in both languages, and the technical part apart. */
export class ReadableFailure extends Error implements ReadableError {
  public readonly readable: Bilingual;
  public readonly detail?: string;
  public readonly retryable?: boolean;
  public constructor(readable: Bilingual, detail?: string, retryable?: boolean) {
    super(detail ? `${readable.nl} (${detail})` : readable.nl);
    this.name = 'ReadableFailure';
    this.readable = readable;
    if (detail) this.detail = detail;
    if (retryable !== undefined) this.retryable = retryable;
  }
}

/** True for a {@link Bilingual}. */
function isBilingual(value: unknown): value is Bilingual {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Bilingual).nl === 'string' &&
    typeof (value as Bilingual).en === 'string'
  );
}

/** The sentence a product error carries: its `readable`, or its own `nl`/`en` (OverlegInputError). */
export function readableOf(error: unknown): Bilingual | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const readable = (error as { readable?: unknown }).readable;
  if (isBilingual(readable)) return readable;
  return isBilingual(error) ? { nl: error.nl, en: error.en } : undefined;
}

/** The HTTP status of an error, when it carries one (0 = no answer). */
export function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { status?: unknown; statusCode?: unknown };
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : undefined;
  return status !== undefined && Number.isFinite(status) ? status : undefined;
}

/** True for the browser's own error when a request got no answer at all (offline, DNS, a reset connection). */
function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TypeError' && /fetch|network|load failed/i.test(error.message)) return true;
  return /ECONNRESET|ECONNREFUSED|ETIMEDOUT|network error|socket hang up/i.test(error.message);
}

/** Classifies an error; a wrapped error (`cause`) is classified by its cause when it says nothing itself. */
export function failureKind(error: unknown): FailureKind {
  if (typeof error !== 'object' || error === null) return 'other';
  const status = statusOf(error);
  const rawCode = (error as { code?: unknown }).code;
  const code = typeof rawCode === 'string' ? rawCode.toLowerCase() : '';
  if (status === 401 || code === 'unauthenticated') return 'unauthenticated';
  if (status === 403 || code === 'accessdenied' || code === 'denied' || code === 'forbidden') return 'denied';
  if (status === 404 || code === 'notfound') return 'notFound';
  if (status === 409 || status === 412 || (error as { name?: unknown }).name === 'ConcurrencyError') return 'conflict';
  if (status === 429 || status === 503) return 'throttled';
  if (status === 413) return 'tooLarge';
  if (status === 0 || isNetworkError(error)) return 'offline';
  if (status !== undefined && status >= 500) return 'server';
  if (status !== undefined && status >= 400) return 'rejected';
  const cause = (error as { cause?: unknown }).cause;
  if (cause !== undefined && cause !== error) return failureKind(cause);
  return 'other';
}

/** What a person reads for each kind of failure that carries no sentence of its own: what happened, what to do. */
const SENTENCES: Record<FailureKind, Bilingual> = {
  unauthenticated: {
    nl: 'U bent niet (meer) aangemeld. Meld u opnieuw aan en probeer het daarna nog eens.',
    en: 'You are not signed in (any more). Sign in again, then try once more.',
  },
  denied: {
    nl: 'U heeft hiervoor geen rechten in de samenwerkingsruimte. Vraag de beheerder om toegang als u dit wel moet kunnen.',
    en: 'You do not have the rights for this in the collaboration space. Ask the administrator for access if you need it.',
  },
  notFound: {
    nl: 'Wat u zocht bestaat niet (meer) of is voor u niet zichtbaar. Laad de pagina opnieuw; blijft het, vraag de beheerder.',
    en: 'What you looked for no longer exists or is not visible to you. Reload the page; if it persists, ask the administrator.',
  },
  conflict: {
    nl: 'Iemand anders heeft dit intussen gewijzigd. Laad opnieuw en probeer het nog eens.',
    en: 'Someone else changed this in the meantime. Reload and try again.',
  },
  throttled: {
    nl: 'SharePoint of Microsoft 365 is even te druk. Wacht een minuut en probeer het opnieuw.',
    en: 'SharePoint or Microsoft 365 is busy. Wait a minute and try again.',
  },
  offline: {
    nl: 'Er kwam geen antwoord van SharePoint of Microsoft 365. Controleer uw netwerkverbinding en probeer het opnieuw.',
    en: 'SharePoint or Microsoft 365 did not answer. Check your network connection and try again.',
  },
  tooLarge: {
    nl: 'Dit is te groot om te versturen. Maak het kleiner (minder of kortere tekst, een kleiner bestand) en probeer het opnieuw.',
    en: 'This is too large to send. Make it smaller (less or shorter text, a smaller file) and try again.',
  },
  rejected: {
    nl: 'SharePoint of Microsoft 365 weigerde het verzoek; opnieuw proberen helpt niet. Geef de details door aan de beheerder.',
    en: 'SharePoint or Microsoft 365 refused the request; trying again will not help. Pass the details on to the administrator.',
  },
  server: {
    nl: 'SharePoint of Microsoft 365 had een storing. Probeer het over een paar minuten opnieuw; blijft het, geef de details door aan de beheerder.',
    en: 'SharePoint or Microsoft 365 had a fault. Try again in a few minutes; if it persists, pass the details on to the administrator.',
  },
  other: {
    nl: 'Er ging iets onverwachts mis. Probeer het opnieuw; blijft het, geef de details door aan de beheerder.',
    en: 'Something unexpected went wrong. Try again; if it persists, pass the details on to the administrator.',
  },
};

/** Kinds where trying the same again cannot help. */
const FINAL: ReadonlySet<FailureKind> = new Set<FailureKind>(['denied', 'rejected', 'tooLarge', 'unauthenticated']);

/** The technical text of an error (its message, or the value itself), for the details toggle; undefined when empty. */
export function technicalDetail(error: unknown): string | undefined {
  if (error === undefined || error === null) return undefined;
  let text: string;
  if (error instanceof Error) text = error.message;
  else if (typeof error === 'string') text = error;
  else {
    try {
      text = JSON.stringify(error);
    } catch {
      text = String(error);
    }
  }
  const status = statusOf(error);
  if (status !== undefined && status > 0 && !text.includes(String(status))) text = `[${status}] ${text}`;
  return text.trim() ? text.trim() : undefined;
}

/**
 * The failure as a person reads it: the product's own sentence when the error carries one, otherwise the sentence for
 * its kind; the technical message as `detail` (never as the text).
 */
export function describeFailure(error: unknown): DescribedFailure {
  const kind = failureKind(error);
  const readable = readableOf(error);
  if (readable) {
    const own = error as Partial<ReadableError>;
    const detail = typeof own.detail === 'string' && own.detail.trim() ? own.detail.trim() : undefined;
    return {
      kind,
      text: readable,
      ...(detail ? { detail } : {}),
      retryable: typeof own.retryable === 'boolean' ? own.retryable : !FINAL.has(kind),
    };
  }
  const detail = technicalDetail(error);
  return { kind, text: SENTENCES[kind], ...(detail ? { detail } : {}), retryable: !FINAL.has(kind) };
}

/** A readable sentence with its technical part: what the flows put in their results for a person to read. */
export interface Problem extends Bilingual {
  /** The technical part (SharePoint's or Graph's own words), shown behind a "details" toggle. */
  detail?: string;
}

/** `lead` (what did not happen, in the flow's words) followed by the failure's sentence, with its detail apart. */
export function problemOf(lead: Bilingual | undefined, error: unknown): Problem {
  const f = describeFailure(error);
  const join = (a: string | undefined, b: string): string => (a ? `${a} ${b}` : b);
  return {
    nl: join(lead?.nl, f.text.nl),
    en: join(lead?.en, f.text.en),
    ...(f.detail ? { detail: f.detail } : {}),
  };
}
