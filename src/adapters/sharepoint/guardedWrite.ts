/**
 * No blind overwrites. Every update and delete of a list item carries the etag its caller read, as
 * `If-Match`; SharePoint refuses a stale one with 412. PnPjs would send `If-Match: *` when no etag is given, so a
 * missing etag is refused here before any request: it is a programming error.
 *
 * A write whose answer never arrived, or that a person repeats after one, is decided by reading the item again: what
 * the write wanted is already there → done (the earlier attempt landed, or someone stored the very same); the item is
 * unchanged since the caller read it → send once more (SharePoint checks the etag again); anything else → the
 * product's ConcurrencyError naming the item. Nobody's write is ever lost.
 */
import { concurrencyError, httpStatus, sharePointMessage } from './errors';

/** A write sent without an etag: the code asked for a blind overwrite. */
export class MissingEtagError extends Error {
  public constructor(method: string, what: string) {
    super(
      `Programmeerfout: ${method} voor ${what} aangeroepen zonder etag. Geef de etag mee die bij het lezen van ` +
        'het item hoorde; zonder etag (If-Match: *) zou de schrijfactie blind overschrijven wat een ander intussen ' +
        'opsloeg.',
    );
    this.name = 'MissingEtagError';
  }
}

/** The etag, or {@link MissingEtagError} when there is none (empty, or SharePoint's wildcard `*`). */
export function requireEtag(etag: string | undefined | null, method: string, what: string): string {
  if (typeof etag !== 'string' || etag.trim() === '' || etag.trim() === '*') throw new MissingEtagError(method, what);
  return etag;
}

/**
 * True when a write failed without an answer: the connection dropped (fetch rejects with a TypeError: "fetch failed"
 * in Node, "Failed to fetch", "NetworkError …" or "Load failed" in browsers) or a gateway timed out (504). The write
 * may or may not have landed. Judged by name and message, not `instanceof`: the error may come from another realm.
 */
export function answerLost(e: unknown): boolean {
  const status = httpStatus(e);
  if (status === 504) return true;
  if (status !== undefined && Number.isFinite(status)) return false;
  if (typeof e !== 'object' || e === null) return false;
  const { name, message } = e as { name?: unknown; message?: unknown };
  if (name === 'AbortError') return false;
  return (
    name === 'TypeError' ||
    /fetch failed|failed to fetch|networkerror|load failed|socket hang up|ECONNRESET|EPIPE/i.test(String(message ?? ''))
  );
}

/** What a re-read found: the item's etag now and whether it already holds what the write wanted. */
export interface ItemNow {
  etag: string;
  /** For an update: every written field has the wanted value. Ignored for a delete. */
  holdsWrite: boolean;
}

/** One guarded write of one item. */
export interface GuardedWrite {
  /** The adapter method, named in the programming error (e.g. `PnpMeetingStore.update`). */
  method: string;
  /** The item as a person knows it, in Dutch (e.g. `Overleg 12`), named in the ConcurrencyError. */
  what: string;
  /** The etag the caller read. */
  etag: string | undefined;
  /** Sends the write with `If-Match: etag`. */
  send(etag: string): Promise<unknown>;
  /** Reads the item again; may throw a 404 (the item is gone). */
  read(): Promise<ItemNow>;
}

/** Attempts after the first when the answer was lost and the item was unchanged. */
const RESENDS = 2;

/** Reads the item again; null when it no longer exists. */
async function readNow(w: GuardedWrite): Promise<ItemNow | null> {
  try {
    return await w.read();
  } catch (e) {
    if (httpStatus(e) === 404) return null;
    throw e;
  }
}

/**
 * Updates one item with `If-Match: <etag>`. A 412, or a lost answer, is decided by reading the item again (see the
 * module comment). Throws {@link MissingEtagError} at once without an etag.
 */
export async function guardedUpdate(w: GuardedWrite): Promise<void> {
  const etag = requireEtag(w.etag, w.method, w.what);
  for (let attempt = 0; ; attempt++) {
    try {
      await w.send(etag);
      return;
    } catch (e) {
      const stale = httpStatus(e) === 412;
      if (!stale && !answerLost(e)) throw e;
      const now = await readNow(w);
      if (now === null)
        throw concurrencyError(w.what, undefined, true);
      if (now.holdsWrite) return;
      if (stale) throw concurrencyError(w.what, await sharePointMessage(e));
      if (now.etag !== etag) throw concurrencyError(w.what);
      if (attempt >= RESENDS) throw e;
    }
  }
}

/**
 * Deletes one item with `If-Match: <etag>`. Already gone (404, or gone when read again after a lost answer) is done;
 * a 412 or a change by someone else is a ConcurrencyError and the item stays. Throws {@link MissingEtagError} at once
 * without an etag.
 */
export async function guardedDelete(w: GuardedWrite): Promise<void> {
  const etag = requireEtag(w.etag, w.method, w.what);
  for (let attempt = 0; ; attempt++) {
    try {
      await w.send(etag);
      return;
    } catch (e) {
      if (httpStatus(e) === 404) return;
      const stale = httpStatus(e) === 412;
      if (!stale && !answerLost(e)) throw e;
      const now = await readNow(w);
      if (now === null) return;
      if (stale) throw concurrencyError(w.what, await sharePointMessage(e));
      if (now.etag !== etag) throw concurrencyError(w.what);
      if (attempt >= RESENDS) throw e;
    }
  }
}

/** ISO date-times as SharePoint returns them (it drops milliseconds: `…T11:00:00Z` for `…T11:00:00.000Z`). */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Empty as SharePoint stores it: null, undefined or an empty text. */
function empty(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

/** JSON text of an object or array (a JSON note column), parsed; undefined for anything else. */
function jsonOf(v: string): unknown {
  const t = v.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return undefined;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return undefined;
  }
}

/** Two column values as SharePoint stores them: empty is empty, times by instant, JSON notes by content. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (empty(a) || empty(b)) return empty(a) && empty(b);
  if (typeof a === 'string' && typeof b === 'string') {
    if (a === b) return true;
    if (ISO_TIME.test(a) && ISO_TIME.test(b)) return Date.parse(a) === Date.parse(b);
    const ja = jsonOf(a);
    const jb = jsonOf(b);
    return ja !== undefined && jb !== undefined && sameValue(ja, jb);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
    return [...keys].every((k) => sameValue(ra[k], rb[k]));
  }
  return a === b;
}

/** True when every field of the write body `wanted` has that value in `current` (the item's fields as a write body). */
export function holdsFields(wanted: Record<string, unknown>, current: Record<string, unknown>): boolean {
  return Object.keys(wanted).every((k) => sameValue(wanted[k], current[k]));
}
