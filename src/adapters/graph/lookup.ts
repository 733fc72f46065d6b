import { LookupUnavailableError } from '../../ports/mail';
import { GraphRequestError } from './client';

/**
 * Turns a failed Graph read into {@link LookupUnavailableError}: Graph could not say whether a notification arrived.
 * A 401 or 403 that Graph gives for a missing permission names `permission`; `refusedFor` says when a 403 means that
 * (a Teams 403 can also mean "not a member of this channel").
 */
export function lookupUnavailable(
  e: unknown,
  permission: string,
  refusedFor: (error: GraphRequestError) => boolean = () => true,
): LookupUnavailableError {
  if (e instanceof LookupUnavailableError) return e;
  if (e instanceof GraphRequestError) {
    const denied = (e.status === 401 || e.status === 403) && refusedFor(e);
    return new LookupUnavailableError(e.message, e.status, denied ? permission : undefined);
  }
  return new LookupUnavailableError(e instanceof Error ? e.message : String(e), 0);
}

/** OData string literal body: a single quote is doubled. */
export function odataString(value: string): string {
  return value.replace(/'/g, "''");
}
