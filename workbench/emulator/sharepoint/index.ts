import type { Database } from 'better-sqlite3';
import { isSiteAdmin } from '../graph/teamModel';
import type { EmulatorRequest, EmulatorResponse, EmulatorUser } from '../types';
import { formatBatch, parseBatch } from './batch';
import { type SpContext, SITE_PATH } from './context';
import { digestProblem } from './digest';
import { SpError, badQuery, spErrorResponse } from './errors';
import { downloadByUrl } from './files';
import { parseApiPath } from './path';
import type { SpCall } from './nodes';
import { route } from './routes';
import { canReachWeb, principalsOf } from './security';
import type { SharePointSwitches } from './switches';

/** Options of the SharePoint handler. */
export interface SharePointOptions {
  /** List view threshold (SharePoint Online: 5,000). */
  threshold: number;
  now(): Date;
  /** Switches for UNCONFIRMED behaviour (defaults when absent). */
  switches?: SharePointSwitches;
}

/** True when the path belongs to the emulated SharePoint site. */
export function isSharePointPath(path: string): boolean {
  const p = path.toLowerCase();
  return p === SITE_PATH || p.startsWith(`${SITE_PATH}/`) || p.startsWith('/_api/');
}

function methodOf(req: { method: string; headers: Record<string, string> }): string {
  const m = req.method.toUpperCase();
  const override = req.headers['x-http-method'];
  return m === 'POST' && override ? override.toUpperCase() : m;
}

/** The Content-Type an entity body must carry: `application/json`, with or without OData parameters. */
const JSON_BODY = /^\s*application\/json\s*(;|$)/i;

function makeCall(
  method: string,
  apiPath: string,
  query: URLSearchParams,
  headers: Record<string, string>,
  body: Buffer,
  fullPath: string,
): SpCall {
  let parsed: Record<string, unknown> | undefined;
  return {
    method,
    segments: parseApiPath(apiPath, query),
    query,
    headers,
    body,
    path: fullPath,
    verboseBody: /odata=verbose/i.test(headers['content-type'] ?? ''),
    json() {
      if (parsed) return parsed;
      const text = body.toString('utf8').trim();
      if (!text) return (parsed = {});
      if (!JSON_BODY.test(headers['content-type'] ?? '')) {
        // SharePoint Online reads an entity body only as JSON (or Atom, which it no longer accepts from new code);
        // a JSON body sent as text/plain, text/xml, form data or without the header gets a 400 and nothing is
        // written (docs/emulator.md, "Request bodies").
        throw new SpError(
          400,
          '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
          `The HTTP header Content-Type is missing or its value is invalid ('${headers['content-type'] ?? ''}'); send application/json.`,
        );
      }
      try {
        const v = JSON.parse(text) as unknown;
        if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
        parsed = v as Record<string, unknown>;
      } catch {
        throw new SpError(
          400,
          '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
          'Invalid JSON. A token was not recognized in the JSON content.',
        );
      }
      return parsed;
    },
  };
}

/** Builds the per-request SharePoint context for a signed-in user. */
export function spContext(
  db: Database,
  user: EmulatorUser,
  origin: string,
  headers: Record<string, string>,
  requestUrl: string,
  opts: SharePointOptions,
): SpContext {
  const isAdmin = isSiteAdmin(db, user.id);
  return {
    db,
    now: opts.now,
    user,
    isAdmin,
    principals: principalsOf(db, user.id),
    origin,
    webUrl: `${origin}${SITE_PATH}`,
    verbose: /odata=verbose/i.test(headers.accept ?? ''),
    threshold: opts.threshold,
    requestUrl,
    switches: opts.switches,
  };
}

/** Runs one SharePoint request (already authenticated) and converts SharePoint errors to their JSON shape. */
function runOne(
  ctx: SpContext,
  method: string,
  path: string,
  rawQuery: string,
  headers: Record<string, string>,
  body: Buffer,
): EmulatorResponse {
  try {
    const lower = path.toLowerCase();
    const apiAt = lower.indexOf('/_api/');
    if (apiAt < 0 || (apiAt !== SITE_PATH.length && apiAt !== 0)) {
      if (method === 'GET' && apiAt < 0) {
        const file = downloadByUrl(ctx, decodeURIComponent(path));
        if (file) return file;
      }
      throw new SpError(
        501,
        '-1, Microsoft.SharePoint.Client.NotImplemented',
        `Emulator does not implement ${method} ${path}`,
      );
    }
    if (apiAt === 0)
      throw new SpError(
        404,
        '-2147024894, System.IO.FileNotFoundException',
        `The web at '${path}' does not exist in the emulator; use ${SITE_PATH}.`,
      );
    const query = new URLSearchParams(rawQuery);
    const call = makeCall(method, path.slice(apiAt + '/_api/'.length), query, headers, body, path);
    if (!canReachWeb(ctx))
      throw new SpError(
        403,
        '-2147024891, System.UnauthorizedAccessException',
        'Access denied. You do not have permission to perform this action or access this resource. [emulator: Open at web; no role assignment anywhere in the site]',
        { 'x-emulator-permission': 'Open' },
      );
    return route(ctx, call);
  } catch (e) {
    if (e instanceof SpError) return spErrorResponse(e.status, e.code, e.message, ctx.verbose, e.headers);
    throw e;
  }
}

/**
 * The SharePoint REST part of the emulator: authenticates, checks the form digest on writes, answers `$batch` (each part
 * in its own savepoint, so a failed part leaves nothing half-written) and routes everything else.
 */
export function handleSharePoint(db: Database, req: EmulatorRequest, opts: SharePointOptions): EmulatorResponse {
  const verbose = /odata=verbose/i.test(req.headers.accept ?? '');
  if (!req.user) {
    return spErrorResponse(
      401,
      '-2147024891, System.UnauthorizedAccessException',
      'Access denied. Sign in (EmuAuth cookie or X-Emulator-User header) to reach this site.',
      verbose,
      {
        'www-authenticate': 'Bearer realm="emulator"',
      },
    );
  }
  const method = methodOf(req);
  const requestUrl = `${req.origin}${req.path}${req.rawQuery ? `?${req.rawQuery}` : ''}`;
  const ctx = spContext(db, req.user, req.origin, req.headers, requestUrl, opts);
  const lower = req.path.toLowerCase();
  const isContextInfo = lower.endsWith('/_api/contextinfo');
  if (req.method.toUpperCase() !== 'GET' && !isContextInfo) {
    const problem = digestProblem(db, req.headers['x-requestdigest'], req.user.loginName, opts.now());
    if (problem) {
      return spErrorResponse(
        403,
        '-2130575251, Microsoft.SharePoint.SPException',
        `The security validation for this page is invalid and might be corrupted (form digest ${problem}). Please use your web browser's Back button to try your operation again.`,
        verbose,
      );
    }
  }
  if (lower === `${SITE_PATH}/_api/$batch`) {
    if (method !== 'POST')
      return spErrorResponse(
        501,
        '-1, Microsoft.SharePoint.Client.NotImplemented',
        `Emulator does not implement ${method} ${req.path}`,
        verbose,
      );
    return runBatch(db, ctx, req, opts);
  }
  return runOne(ctx, method, req.path, req.rawQuery, req.headers, req.body);
}

function runBatch(db: Database, outer: SpContext, req: EmulatorRequest, opts: SharePointOptions): EmulatorResponse {
  let parts;
  try {
    parts = parseBatch(req.body.toString('utf8'), req.headers['content-type']);
  } catch (e) {
    if (e instanceof SpError) return spErrorResponse(e.status, e.code, e.message, outer.verbose);
    throw e;
  }
  const responses: EmulatorResponse[] = [];
  for (const part of parts) {
    let url: URL;
    try {
      url = new URL(part.url, req.origin);
    } catch {
      const err = badQuery(`The $batch request URL '${part.url}' is not valid.`);
      responses.push(spErrorResponse(err.status, err.code, err.message));
      continue;
    }
    const headers = { ...part.headers };
    const method =
      part.method === 'POST' && headers['x-http-method'] ? headers['x-http-method'].toUpperCase() : part.method;
    const ctx = spContext(db, outer.user, req.origin, headers, url.toString(), opts);
    db.exec('SAVEPOINT batch_part');
    let r: EmulatorResponse;
    try {
      r = runOne(ctx, method, url.pathname, url.search.replace(/^\?/, ''), headers, Buffer.from(part.body, 'utf8'));
    } catch (e) {
      r = spErrorResponse(
        500,
        '-2146233088, System.InvalidOperationException',
        `The emulator failed on ${method} ${url.pathname}: ${(e as Error).message}`,
      );
    }
    if (r.status >= 400) db.exec('ROLLBACK TO batch_part');
    db.exec('RELEASE batch_part');
    responses.push(r);
  }
  const out = formatBatch(responses);
  return { status: 200, headers: { 'content-type': out.contentType }, body: out.body };
}
