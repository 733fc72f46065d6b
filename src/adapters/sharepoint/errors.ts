/** Translates PnPjs/SharePoint errors into the ports' errors, so the UI never sees HTTP details. */
import { ConcurrencyError } from '../../ports/documents';

/** HTTP status of a PnPjs error, if any. */
export function httpStatus(e: unknown): number | undefined {
  return typeof e === 'object' && e !== null && 'status' in e ? Number((e as { status: unknown }).status) : undefined;
}

/** SharePoint's error message from a PnPjs HttpRequestError (odata.error.message.value), else the error's message. */
export async function sharePointMessage(e: unknown): Promise<string> {
  const response = typeof e === 'object' && e !== null ? (e as { response?: Response }).response : undefined;
  if (response && !response.bodyUsed) {
    try {
      const json = (await response.clone().json()) as {
        'odata.error'?: { message?: { value?: string } };
        error?: { message?: { value?: string } };
      };
      const msg = json['odata.error']?.message?.value ?? json.error?.message?.value;
      if (msg) return msg;
    } catch {
      // not JSON: fall through to the error's own message
    }
  }
  return e instanceof Error ? e.message : String(e);
}

/**
 * The product's refusal of a stale write: `what` (e.g. "Overleg 12") changed, or was `deleted`, since the caller read
 * it. `detail` is SharePoint's own message, when there is one (kept apart from the sentence, for the details toggle).
 */
export function concurrencyError(what: string, detail?: string, deleted = false): ConcurrencyError {
  return new ConcurrencyError(
    deleted
      ? {
          nl: `${what} is intussen verwijderd; laad opnieuw en probeer het nog eens.`,
          en: `${what} was deleted in the meantime; reload and try again.`,
        }
      : {
          nl: `${what} is intussen door iemand anders gewijzigd; laad opnieuw en probeer het nog eens.`,
          en: `${what} was changed by someone else in the meantime; reload and try again.`,
        },
    detail,
  );
}

/** Rethrows a 412 as {@link ConcurrencyError}; anything else unchanged. */
export async function rethrowConcurrency(e: unknown, what: string): Promise<never> {
  if (httpStatus(e) === 412) throw concurrencyError(what, await sharePointMessage(e));
  throw e;
}
