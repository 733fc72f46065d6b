import { createHmac, randomBytes } from 'crypto';
import type { Database } from 'better-sqlite3';

/** How long a form digest stays valid (SharePoint Online: 1,800 seconds). */
export const DIGEST_TIMEOUT_SECONDS = 1800;

function secret(db: Database): string {
  const row = db.prepare(`SELECT value FROM sp_meta WHERE key = 'digest_secret'`).get() as
    | { value: string }
    | undefined;
  if (row) return row.value;
  const s = randomBytes(32).toString('hex');
  db.prepare(`INSERT INTO sp_meta (key, value) VALUES ('digest_secret', ?)`).run(s);
  return s;
}

function sign(db: Database, user: string, stamp: string): string {
  return createHmac('sha256', secret(db)).update(`${user}\n${stamp}`).digest('hex').toUpperCase();
}

/** A form digest for a user, in SharePoint's format `0x<hex>,<date>`. */
export function makeDigest(db: Database, userLogin: string, now: Date): string {
  const stamp = now.toUTCString().replace(/GMT$/, '-0000');
  return `0x${sign(db, userLogin, stamp)},${stamp}`;
}

/**
 * Checks `X-RequestDigest` on a write as SharePoint does: issued by this site for this user and not expired. Returns
 * null when valid, else the reason (the server answers SharePoint's 403 "security validation" error).
 */
export function digestProblem(db: Database, header: string | undefined, userLogin: string, now: Date): string | null {
  if (!header) return 'missing';
  const m = /^0x([0-9A-F]+),(.+)$/.exec(header.trim());
  if (!m) return 'malformed';
  if (m[1] !== sign(db, userLogin, m[2])) return 'not issued for this user';
  const issued = Date.parse(m[2].replace(/-0000$/, 'GMT'));
  if (Number.isNaN(issued) || now.getTime() - issued > DIGEST_TIMEOUT_SECONDS * 1000) return 'expired';
  return null;
}
