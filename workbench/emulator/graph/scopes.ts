/**
 * Delegated permission checks, as Graph makes them from the access token's `scp` claim. A request that carries a bearer
 * token (the SPFx host path: `AcquireOBOToken`, see ../aadTokens.ts, which checks signature, audience and lifetime and
 * resolves the caller before this runs) gets exactly the scopes its token names. A request without one (the
 * `EmuAuth` cookie or `X-Emulator-User` header the workbench page and the tests use) carries no token, so there is no
 * consent to check: every call is allowed, as before.
 */
import type { EmulatorContext, EmulatorRequest, EmulatorResponse } from '../types';
import { graphError } from './errors';

/** The token's delegated scopes, or null when the request carries no bearer token. */
export function grantedScopes(req: EmulatorRequest): string[] | null {
  const auth = req.headers.authorization;
  if (!auth || !/^bearer\s/i.test(auth)) return null;
  const parts = auth.replace(/^bearer\s+/i, '').split('.');
  try {
    const claims = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')) as { scp?: unknown };
    return typeof claims.scp === 'string' ? claims.scp.split(' ').filter(Boolean) : [];
  } catch {
    return [];
  }
}

/** How the workload behind an endpoint words a refusal for a missing permission. */
export type ScopeRefusal = 'outlook' | 'teams';

/**
 * Null when the request may call the endpoint (no token, or its token names one of `accepted`), else Graph's 403:
 * - Outlook (mail): `ErrorAccessDenied` "Access is denied. Check credentials and try again." (the answer reported for
 *   reading mail folders without Mail.Read, e.g. https://github.com/microsoftgraph/aspnetcore-connect-sample/issues/37);
 * - Teams: `Forbidden` "Missing scope permissions on the request. API requires one of '…'. Scopes on the request '…'"
 *   (e.g. https://github.com/12Knocksinna/Office365itpros/issues/116 for channel messages).
 */
export function missingScope(
  req: EmulatorRequest,
  ctx: EmulatorContext,
  accepted: readonly string[],
  refusal: ScopeRefusal,
): EmulatorResponse | null {
  const granted = grantedScopes(req);
  if (granted === null) return null;
  const have = new Set(granted.map((s) => s.toLowerCase()));
  if (accepted.some((s) => have.has(s.toLowerCase()))) return null;
  return refusal === 'outlook'
    ? graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.', ctx.now())
    : graphError(
        403,
        'Forbidden',
        `Missing scope permissions on the request. API requires one of '${accepted.join(', ')}'. ` +
          `Scopes on the request '${granted.join(', ')}'`,
        ctx.now(),
      );
}
