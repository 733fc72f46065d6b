import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Database } from 'better-sqlite3';
import type { EmulatorUser } from './types';

/** One demo identity as listed in `workbench/seed/users.json`. */
export interface DemoUser {
  key: string;
  displayName: string;
  email: string;
  jobTitle: string;
  party: string | null;
  role?: string;
}

/** Key of the built-in site collection administrator (not in users.json; used by seeding and provisioning). */
export const SITE_ADMIN_KEY = 'beheerder';

/** The built-in site collection administrator. */
export const SITE_ADMIN: DemoUser = {
  key: SITE_ADMIN_KEY,
  displayName: 'Sitebeheerder',
  email: 'beheerder@samenwerkingsruimte.example',
  jobTitle: 'Sitebeheerder',
  party: null,
};

/** Reads the demo identities from `workbench/seed/users.json` plus the built-in site admin. */
export function loadDemoUsers(file = join(__dirname, '..', 'seed', 'users.json')): DemoUser[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { users?: DemoUser[] };
  if (!Array.isArray(parsed.users)) throw new Error(`${file}: "users" must be an array`);
  return [SITE_ADMIN, ...parsed.users];
}

/** SharePoint claims login of a member account. */
export function claimsLogin(email: string): string {
  return `i:0#.f|membership|${email.toLowerCase()}`;
}

/** Deterministic GUID from a text (stable Azure AD object ids across restarts). */
export function stableGuid(text: string): string {
  const h = createHash('sha1').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Resolves a user key (cookie or header) to the demo identity with its principal id, or null when unknown. */
export function resolveUser(db: Database, users: DemoUser[], key: string | undefined): EmulatorUser | null {
  if (!key) return null;
  const demo = users.find((u) => u.key === key);
  if (!demo) return null;
  const row = db.prepare(`SELECT id FROM sp_principals WHERE user_key = ?`).get(key) as { id: number } | undefined;
  if (!row) return null;
  return {
    id: row.id,
    loginName: claimsLogin(demo.email),
    email: demo.email,
    displayName: demo.displayName,
    jobTitle: demo.jobTitle,
    party: demo.party,
    aadId: stableGuid(`aad:${demo.email.toLowerCase()}`),
  };
}

/** Reads the identity key from the `EmuAuth` cookie or the `X-Emulator-User` header (header wins). */
export function identityKey(headers: Record<string, string>): string | undefined {
  const h = headers['x-emulator-user'];
  if (h) return h.trim();
  const cookie = headers.cookie;
  if (!cookie) return undefined;
  for (const part of cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'EmuAuth') return decodeURIComponent(rest.join('=')).trim() || undefined;
  }
  return undefined;
}

/** The tenant directory as Graph `/users` sees it: every demo identity (no SharePoint principal id: id 0). */
export function directoryUsers(users: readonly DemoUser[]): EmulatorUser[] {
  return users.map((u) => ({
    id: 0,
    loginName: claimsLogin(u.email),
    email: u.email,
    displayName: u.displayName,
    jobTitle: u.jobTitle,
    party: u.party,
    aadId: stableGuid(`aad:${u.email.toLowerCase()}`),
  }));
}
