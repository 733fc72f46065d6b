import type { Database } from 'better-sqlite3';

/** The demo identity a request carries (resolved by the server from the `EmuAuth` cookie or `X-Emulator-User` header). */
export interface EmulatorUser {
  /** Stable numeric id in the site's user information list. */
  id: number;
  /** SharePoint claims login, e.g. `i:0#.f|membership|a.jansen@igj.example`. */
  loginName: string;
  email: string;
  displayName: string;
  jobTitle: string;
  /** Party key from the agreement configuration (`igj`, `cibg`), or null for an outsider. */
  party: string | null;
  /** Azure AD object id (Graph `/me` id). */
  aadId: string;
}

/** One parsed HTTP request as the emulator's handlers see it. */
export interface EmulatorRequest {
  method: string;
  /** Path without query string, percent-decoded once per segment is NOT applied: raw path. */
  path: string;
  /** Raw query string without the leading `?`. */
  rawQuery: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: Buffer;
  /** Absolute origin the request reached, e.g. `http://127.0.0.1:5173`. */
  origin: string;
  /** The signed-in demo identity, or null when the request carries none (anonymous). */
  user: EmulatorUser | null;
}

/** What a handler answers. `body` is serialised as JSON unless it is a Buffer or string. */
export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Shared services every handler gets. */
export interface EmulatorContext {
  db: Database;
  /** Clock, injectable in tests. */
  now(): Date;
  /** Every identity of the tenant, for Graph `GET /users`; absent where a test models no directory (then 501). */
  directory?: readonly EmulatorUser[];
}

/** A handler answers the requests it owns and returns null for everything else (the server then answers 501). */
export type EmulatorHandler = (req: EmulatorRequest, ctx: EmulatorContext) => Promise<EmulatorResponse | null>;
