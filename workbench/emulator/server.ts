import { createServer, type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { newUuid as randomUUID } from './util';
import type { Database } from 'better-sqlite3';
import { clearDatabase, openDatabase } from './db';
import { FaultController, type FaultSettings } from './faults';
import { defineTeam, graphHandler, TeamDefinitionError, teamView, type TeamDefinition } from './graph';
import { ensureGraphSchema } from './graph/store';
import { ensureTeamSchema } from './graph/teamModel';
import { directoryUsers, identityKey, loadDemoUsers, resolveUser, type DemoUser } from './identity';
import { handleSharePoint, isSharePointPath } from './sharepoint';
import { SITE_PATH } from './sharepoint/context';
import { spErrorResponse } from './sharepoint/errors';
import { ensureSite } from './sharepoint/site';
import { resolveSwitches, type SharePointSwitches } from './sharepoint/switches';
import type { EmulatorContext, EmulatorHandler, EmulatorRequest, EmulatorResponse } from './types';

export { bulkInsertItems } from './bulk';
export { FaultController } from './faults';
export type { FaultSettings } from './faults';
export { SITE_ADMIN_KEY } from './identity';
export { SITE_PATH } from './sharepoint/context';
export { DEFAULT_SWITCHES as DEFAULT_SHAREPOINT_SWITCHES } from './sharepoint/switches';
export type { SharePointSwitches } from './sharepoint/switches';
export { DEFAULT_TEAM_SWITCHES } from './graph';
export type { ChannelDefinition, TeamDefinition, TeamSwitches, TeamView } from './graph';

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** TCP port; 0 (default) picks an ephemeral one. */
  port?: number;
  /** Loopback only. */
  host?: '127.0.0.1';
  /** SQLite file; default ':memory:'. A file keeps everything across restarts. */
  dbFile?: string;
  /** Handlers tried before the emulator's own (and before authentication), e.g. the workbench page. */
  extraHandlers?: EmulatorHandler[];
  /** Clock (injectable in tests). */
  now?: () => Date;
  /** SharePoint list view threshold (default 5,000, as SharePoint Online). */
  listViewThreshold?: number;
  /** Demo identities file (default workbench/seed/users.json). */
  usersFile?: string;
  /**
   * SharePoint behaviour the sources leave UNCONFIRMED, as named switches (docs/emulator.md, "Switches"); anything not
   * given keeps its default, the documented or logical minimum.
   */
  sharePointSwitches?: Partial<SharePointSwitches>;
  /**
   * The Microsoft 365 group with its Team the site is connected to, defined at start (same JSON as
   * `POST /_emulator/team`; idempotent, so a persisted database is updated, not duplicated). Without it the site is a
   * bare team site as before: no claims, no Documents library, any team/channel id accepted for messages.
   */
  team?: TeamDefinition;
}

/** A running emulator. */
export interface RunningEmulator {
  /** Origin, e.g. `http://127.0.0.1:53211` (no trailing slash). */
  url: string;
  port: number;
  /** `url + '/sites/samenwerkingsruimte'`. */
  siteUrl: string;
  db: Database;
  faults: FaultController;
  /** Stops the server and closes the database. */
  close(): Promise<void>;
}

/**
 * Empties the database (SharePoint and Graph data) and re-creates the fresh site with its demo identities, connected
 * to `team` when one is given (a reset forgets the team otherwise, like everything else).
 */
export function resetDatabase(
  db: Database,
  now: Date = new Date(),
  users: DemoUser[] = loadDemoUsers(),
  team?: TeamDefinition,
): void {
  // Keep the digest secret so pages that are open keep a valid form digest across a reset.
  const secret = db.prepare(`SELECT value FROM sp_meta WHERE key = 'digest_secret'`).pluck().get() as
    | string
    | undefined;
  clearDatabase(db);
  ensureSite(db, users, now);
  if (secret) db.prepare(`INSERT OR REPLACE INTO sp_meta (key, value) VALUES ('digest_secret', ?)`).run(secret);
  if (team) defineTeam(db, team, users, now);
}

/** Serialises request handling: SQLite transactions on one connection must not interleave across awaits. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, r: EmulatorResponse): void {
  const headers: Record<string, string> = { ...(r.headers ?? {}) };
  let payload: Buffer | undefined;
  if (r.body !== undefined && r.body !== null && r.status !== 204 && r.status !== 304) {
    if (Buffer.isBuffer(r.body)) payload = r.body;
    else if (typeof r.body === 'string') payload = Buffer.from(r.body, 'utf8');
    else {
      payload = Buffer.from(JSON.stringify(r.body), 'utf8');
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
        headers['content-type'] = 'application/json;charset=utf-8';
    }
  }
  headers['content-length'] = String(payload?.length ?? 0);
  headers['sprequestguid'] = randomUUID();
  headers['x-content-type-options'] = 'nosniff';
  // SharePoint marks API answers private and uncacheable; the workbench must never show a stale list.
  if (!Object.keys(headers).some((h) => h.toLowerCase() === 'cache-control')) headers['cache-control'] = 'private, max-age=0';
  res.writeHead(r.status, headers);
  res.end(payload);
}

/** Graph's error body (`{"error":{"code","message","innerError"}}`), which the Graph client reads. */
function graphError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): EmulatorResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: {
      error: {
        code,
        message,
        innerError: {
          date: new Date().toISOString().replace(/\.\d{3}Z$/, ''),
          'request-id': randomUUID(),
          'client-request-id': randomUUID(),
        },
      },
    },
  };
}

const isApiPath = (p: string): boolean => isSharePointPath(p) || p.toLowerCase().startsWith('/v1.0/');

/**
 * Starts the SharePoint + Graph emulator on loopback. Every request runs in one SQLite transaction (rolled back when the
 * answer is an error or the handler crashes); requests are handled one at a time.
 */
export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = opts.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error('The emulator listens on loopback (127.0.0.1) only.');
  const now = opts.now ?? (() => new Date());
  const db = openDatabase(opts.dbFile ?? ':memory:');
  const users = loadDemoUsers(opts.usersFile);
  ensureSite(db, users, now());
  // Graph tables are made here, outside any request transaction: made inside one, a rolled-back answer would drop them.
  ensureGraphSchema(db);
  ensureTeamSchema(db);
  if (opts.team) {
    try {
      defineTeam(db, opts.team, users, now());
    } catch (e) {
      db.close();
      throw e;
    }
  }
  const faults = new FaultController();
  const mutex = new Mutex();
  const threshold = opts.listViewThreshold ?? 5000;
  const switches = resolveSwitches(opts.sharePointSwitches);
  const ctx: EmulatorContext = { db, now, directory: directoryUsers(users) };
  const extra = opts.extraHandlers ?? [];

  const handle = async (er: EmulatorRequest): Promise<EmulatorResponse> => {
    for (const h of extra) {
      const r = await h(er, ctx);
      if (r) return r;
    }
    const lower = er.path.toLowerCase();
    if (lower.startsWith('/v1.0/') || lower.startsWith('/_emulator/graph/')) {
      const r = await graphHandler(er, ctx);
      if (r) return r;
      return graphError(501, 'NotImplemented', `Emulator does not implement ${er.method} ${er.path}`);
    }
    if (isSharePointPath(er.path)) return handleSharePoint(db, er, { threshold, now, switches });
    return spErrorResponse(
      501,
      '-1, Microsoft.SharePoint.Client.NotImplemented',
      `Emulator does not implement ${er.method} ${er.path}`,
    );
  };

  const control = async (er: EmulatorRequest): Promise<EmulatorResponse | null> => {
    const p = er.path.toLowerCase();
    const m = er.method.toUpperCase();
    if (p === '/_emulator/health' && m === 'GET') {
      return {
        status: 200,
        body: {
          status: 'ok',
          siteUrl: `${er.origin}${SITE_PATH}`,
          schemaVersion: db.pragma('user_version', { simple: true }),
          faults: faults.current(),
        },
      };
    }
    if (p === '/_emulator/team') {
      if (m === 'GET') {
        const team = await mutex.run(async () => teamView(db));
        return team
          ? { status: 200, body: team }
          : { status: 404, body: { error: 'No team is defined: the site is a bare team site (POST /_emulator/team).' } };
      }
      if (m === 'POST' || m === 'PUT') {
        let raw: unknown;
        try {
          raw = JSON.parse(er.body.toString('utf8'));
        } catch (e) {
          return { status: 400, body: { error: `The team definition is not JSON: ${(e as Error).message}` } };
        }
        // Through the mutex: the definition writes in its own transaction, never inside a request's.
        return mutex.run(async () => {
          try {
            return { status: 200, body: defineTeam(db, raw, users, now()) };
          } catch (e) {
            if (e instanceof TeamDefinitionError) return { status: e.status, body: { error: e.message } };
            throw e;
          }
        });
      }
      return { status: 405, headers: { allow: 'GET, POST, PUT' }, body: { error: `${m} is not supported on /_emulator/team.` } };
    }
    if (p === '/_emulator/faults') {
      if (m === 'GET') return { status: 200, body: { settings: faults.current(), injected: faults.injected() } };
      if (m === 'DELETE') {
        faults.clear();
        return { status: 204 };
      }
      if (m === 'POST' || m === 'PUT') {
        let s: FaultSettings | null;
        try {
          const text = er.body.toString('utf8').trim();
          s = text ? (JSON.parse(text) as FaultSettings | null) : null;
          if (s === null || Object.keys(s).length === 0) faults.clear();
          else faults.set(s);
        } catch (e) {
          return { status: 400, body: { error: (e as Error).message } };
        }
        return { status: 200, body: { settings: faults.current() } };
      }
    }
    return null;
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const body = await readBody(req);
      const u = new URL(req.url ?? '/', 'http://localhost');
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers))
        if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
      const origin = `http://${headers.host ?? `${host}:${port}`}`;
      const er: EmulatorRequest = {
        method: (req.method ?? 'GET').toUpperCase(),
        path: u.pathname,
        rawQuery: u.search.replace(/^\?/, ''),
        query: u.searchParams,
        headers,
        body,
        origin,
        user: null,
      };
      const ctl = await control(er);
      if (ctl) return send(res, ctl);
      let lostAnswer = false;
      if (isApiPath(er.path)) {
        const d = faults.decide(er.path, er.method);
        // The write is carried out and committed below; only its answer never reaches the caller.
        lostAnswer = d.kind === 'lostAnswer';
        if (d.latencyMs > 0) await new Promise((r) => setTimeout(r, d.latencyMs));
        if (d.kind === 'reset') {
          req.socket.destroy();
          return;
        }
        if (d.kind === '429' || d.kind === '503') {
          const retry = { 'retry-after': String(d.retryAfterSeconds) };
          const graph = er.path.toLowerCase().startsWith('/v1.0/');
          const r = graph
            ? d.kind === '429'
              ? graphError(
                  429,
                  'TooManyRequests',
                  `Too many requests. Retry after ${d.retryAfterSeconds} seconds.`,
                  retry,
                )
              : graphError(503, 'ServiceNotAvailable', 'The service is temporarily unavailable. Please retry.', retry)
            : d.kind === '429'
              ? spErrorResponse(
                  429,
                  '-2147024860, Microsoft.SharePoint.SPRequestThrottledException',
                  `The request has been throttled. Retry after ${d.retryAfterSeconds} seconds.`,
                  false,
                  { 'retry-after': String(d.retryAfterSeconds) },
                )
              : spErrorResponse(
                  503,
                  '-2146233088, Microsoft.SharePoint.SPServerTooBusyException',
                  'The server is busy. Please try again later.',
                  false,
                  { 'retry-after': String(d.retryAfterSeconds) },
                );
          return send(res, r);
        }
      }
      const r = await mutex.run(async () => {
        er.user = resolveUser(db, users, identityKey(headers));
        db.exec('BEGIN IMMEDIATE');
        try {
          const out = await handle(er);
          if (out.status >= 400) db.exec('ROLLBACK');
          else db.exec('COMMIT');
          return out;
        } catch (e) {
          if (db.inTransaction) db.exec('ROLLBACK');
          return spErrorResponse(
            500,
            '-2146233088, System.InvalidOperationException',
            `The emulator failed while handling ${er.method} ${er.path}: ${(e as Error).message}. Nothing was stored.`,
          );
        }
      });
      if (lostAnswer) {
        req.socket.destroy();
        return;
      }
      send(res, r);
    })().catch((e: unknown) => {
      if (!res.headersSent)
        send(
          res,
          spErrorResponse(
            500,
            '-2146233088, System.InvalidOperationException',
            `The emulator failed: ${(e as Error).message}`,
          ),
        );
    });
  });

  let port = opts.port ?? 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  return {
    url,
    port,
    siteUrl: `${url}${SITE_PATH}`,
    db,
    faults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err?: Error) => {
          try {
            db.close();
          } catch {
            /* already closed */
          }
          if (err) reject(err);
          else resolve();
        });
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
