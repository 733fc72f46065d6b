import Database from 'better-sqlite3';
import type {
  EmulatorContext,
  EmulatorRequest,
  EmulatorResponse,
  EmulatorUser,
} from '../../../../workbench/emulator/types';
import { graphHandler } from '../../../../workbench/emulator/graph';

/** Demo identity for handler tests (mirrors workbench/seed/users.json `igj-medewerker`). */
export const sanne: EmulatorUser = {
  id: 11,
  loginName: 'i:0#.f|membership|sanne.devries@igj.example',
  email: 'sanne.devries@igj.example',
  displayName: 'Sanne de Vries',
  jobTitle: 'Inspecteur',
  party: 'igj',
  aadId: '6f1c7a2e-0d4b-4c1e-9a55-2b7f3e9c1a01',
};

/** A fresh in-memory emulator context with a fixed clock. */
export function memoryContext(now = new Date('2027-03-01T09:00:00Z')): EmulatorContext {
  return { db: new Database(':memory:'), now: () => now };
}

/** Calls the Graph handler directly, the way the server would after parsing the HTTP request. */
export async function call(
  ctx: EmulatorContext,
  method: string,
  pathAndQuery: string,
  body?: unknown,
  user: EmulatorUser | null = sanne,
  headers: Record<string, string> = {},
): Promise<EmulatorResponse | null> {
  const [path, rawQuery = ''] = pathAndQuery.split('?');
  const buf =
    body === undefined ? Buffer.alloc(0) : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const req: EmulatorRequest = {
    method,
    path,
    rawQuery,
    query: new URLSearchParams(rawQuery),
    headers: { 'content-type': 'application/json', ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) },
    body: buf,
    origin: 'http://127.0.0.1:1',
    user,
  };
  return graphHandler(req, ctx);
}

/** The `error` object of a Graph error response. */
export function errorOf(res: EmulatorResponse | null): { code: string; message: string } {
  return (res?.body as { error: { code: string; message: string } }).error;
}

/**
 * An `Authorization` header with a bearer token naming `scopes` in its `scp` claim, as Entra ID issues delegated tokens
 * (the emulator's Graph side reads only `scp`; signature, audience and lifetime are checked where tokens are issued).
 */
export function bearer(scopes: string[]): { authorization: string } {
  const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return { authorization: `Bearer ${b64({ typ: 'JWT', alg: 'HS256' })}.${b64({ aud: 'https://graph.microsoft.com', scp: scopes.join(' ') })}.test` };
}
