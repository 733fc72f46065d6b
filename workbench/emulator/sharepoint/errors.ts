import type { EmulatorResponse } from '../types';

/** A SharePoint REST failure: HTTP status, SharePoint's `code` string and its message, answered in SharePoint's shape. */
export class SpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** SharePoint's error body: `odata.error` in (minimal) JSON light, `error` in verbose mode. */
export function spErrorResponse(
  status: number,
  code: string,
  message: string,
  verbose = false,
  headers: Record<string, string> = {},
): EmulatorResponse {
  const inner = { code, message: { lang: 'en-US', value: message } };
  return {
    status,
    headers: {
      'content-type': verbose
        ? 'application/json;odata=verbose;charset=utf-8'
        : 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8',
      ...headers,
    },
    body: verbose ? { error: inner } : { 'odata.error': inner },
  };
}

/**
 * 403 as SharePoint answers a write (or read) the caller has no permission for. The body keeps SharePoint's shape and
 * message ("Access denied."); the emulator appends the permission it checked and where (` [emulator: EditListItems at
 * list 'Toetslog' item 12]`) and names the permission in the header `X-Emulator-Permission`.
 */
export const accessDenied = (permission?: string, where?: string): SpError =>
  new SpError(
    403,
    '-2147024891, System.UnauthorizedAccessException',
    permission ? `Access denied. [emulator: ${permission}${where ? ` at ${where}` : ''}]` : 'Access denied.',
    permission ? { 'x-emulator-permission': permission } : {},
  );

/** 400 for malformed OData or a bad request, naming the problem. */
export const badQuery = (message: string): SpError =>
  new SpError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', message);

/** 400 for a bad value written to a field (names the field). */
export const badValue = (message: string): SpError =>
  new SpError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', message);

/** 404 for a path segment that names nothing. */
export const notFound = (code: string, message: string): SpError => new SpError(404, code, message);

/** 501 for a call the emulator does not implement (never a silent success). */
export const notImplemented = (method: string, path: string): SpError =>
  new SpError(501, '-1, Microsoft.SharePoint.Client.NotImplemented', `Emulator does not implement ${method} ${path}`);

/** 500 list view threshold, exactly as SharePoint Online fails the query. */
export const thresholdExceeded = (): SpError =>
  new SpError(
    500,
    '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
    'The attempted operation is prohibited because it exceeds the list view threshold.',
  );
