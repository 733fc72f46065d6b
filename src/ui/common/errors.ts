/** How the UI treats a failed port call: the person is not signed in, not allowed, or something else broke. */
export type FailureKind = 'unauthenticated' | 'denied' | 'notFound' | 'other';

/**
 * Classifies an error thrown by a port. Adapters surface the HTTP status of SharePoint/Graph (`status` on PnPjs
 * errors, `statusCode` on Graph client errors) or a domain `code`; the UI only needs the broad kind.
 */
export function failureKind(error: unknown): FailureKind {
  if (typeof error !== 'object' || error === null) return 'other';
  const e = error as { status?: unknown; statusCode?: unknown; code?: unknown; cause?: unknown };
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : undefined;
  const code = typeof e.code === 'string' ? e.code.toLowerCase() : '';
  if (status === 401 || code === 'unauthenticated') return 'unauthenticated';
  if (status === 403 || code === 'accessdenied' || code === 'denied' || code === 'forbidden') return 'denied';
  if (status === 404 || code === 'notfound') return 'notFound';
  if (e.cause !== undefined && e.cause !== error) return failureKind(e.cause);
  return 'other';
}

/** A message safe to show as text (never HTML) for an unexpected error. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : JSON.stringify(error);
}
