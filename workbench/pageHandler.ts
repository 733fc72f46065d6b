import { promises as fsp } from 'fs';
import { extname, join, normalize, sep } from 'path';
import { DIGEST_TIMEOUT_SECONDS, makeDigest } from './emulator/sharepoint/digest';
import type { EmulatorHandler, EmulatorResponse } from './emulator/types';
import type { WorkbenchSession } from './session';

/** Where the page (index.html, committed) and the esbuild bundle (public/build/, built) live. */
export const PUBLIC_DIR = join(__dirname, 'public');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Security headers for the page: no inline script, no framing, no sniffing (mail bodies are never HTML-injected either). */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-cache',
};

/**
 * Emulator handler for the workbench page itself, on the emulator's origin (so PnPjs and the Graph client need no
 * CORS): `GET /` and `/workbench` (the page), `/build/*` (the bundle), `/_workbench/session` (identities, channels,
 * mailboxes, calendars). Needs no identity: the page is where one picks an identity. Everything else returns null.
 */
export function createWorkbenchPageHandler(session: (origin: string) => WorkbenchSession): EmulatorHandler {
  return async (req, ctx) => {
    const method = req.method.toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return null;
    if (req.path === '/' || req.path === '/workbench' || req.path === '/workbench/') {
      return file(join(PUBLIC_DIR, 'index.html'), PAGE_HEADERS);
    }
    if (req.path === '/_workbench/session') {
      // A SharePoint page carries a form digest for its user (SPFx: legacyPageContext.formDigestValue), so the product's
      // first write or $batch needs no /_api/contextinfo round trip; the workbench page gets one the same way.
      const formDigest = req.user
        ? { value: makeDigest(ctx.db, req.user.loginName, ctx.now()), timeoutSeconds: DIGEST_TIMEOUT_SECONDS }
        : null;
      const body: WorkbenchSession = { ...session(req.origin), formDigest };
      return { status: 200, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }, body };
    }
    if (req.path.startsWith('/build/')) {
      const rel = normalize(decodeURIComponent(req.path.slice(1)));
      const full = join(PUBLIC_DIR, rel);
      // Refuse anything that escapes public/build (`..`, encoded separators).
      if (!full.startsWith(join(PUBLIC_DIR, 'build') + sep)) return notFound(req.path);
      return file(full, { 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
    }
    return null;
  };
}

async function file(path: string, headers: Record<string, string>): Promise<EmulatorResponse> {
  try {
    const body = await fsp.readFile(path);
    return { status: 200, headers: { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', ...headers }, body };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      const hint = path.includes(`${sep}build${sep}`) ? ' (run `node scripts/build-workbench.js`)' : '';
      return notFound(`${path}${hint}`);
    }
    throw e;
  }
}

function notFound(what: string): EmulatorResponse {
  return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `Not found: ${what}` };
}
