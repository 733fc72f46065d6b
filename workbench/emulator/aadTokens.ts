/**
 * What SPFx's `AadTokenProvider` asks SharePoint for, and the bearer token Graph then receives (docs/emulator.md,
 * "Tokens for SPFx (AcquireOBOToken, bearer on /v1.0)").
 *
 * A third-party SPFx component's Graph token (`MSGraphClientV3` → `AadTokenProvider.getToken(graphUrl)`) comes from
 * SharePoint, not from the browser: sp-http-base 1.23.2 (`OboTokenProvider._fetchAccessTokenFromTenant`, in the
 * `adalauthcontext` chunk) sends `GET {web}/_api/Microsoft.SharePoint.Internal.ClientSideComponent.Token.AcquireOBOToken
 * ?resource='<resource>'&clientId='<SharePoint Online Client Extensibility principal>'` through `SPHttpClient`, with
 * the signed-in user's SharePoint session, and reads `JSON.parse(body.value).AccessToken`. The token is issued to that
 * principal for the user, with the Graph permissions the tenant admin approved for the package
 * (`webApiPermissionRequests`). This file answers that call and checks the token on Graph (`Authorization: Bearer`
 * on `/v1.0/*`): signature, audience, lifetime; the token's `oid` is the caller.
 *
 * The token is a JWT signed with HS256 by the emulator (Entra ID signs RS256 with its published keys); the claims
 * follow Entra ID v1.0 access tokens (aud, iss, tid, oid, upn, name, appid, scp, iat, nbf, exp).
 */
import { createHmac, randomUUID } from 'crypto';
import type { Database } from 'better-sqlite3';
import { graphError } from './graph/errors';
import { TENANT_ID } from './graph/teams';
import { stableGuid } from './identity';
import { SITE_PATH } from './sharepoint/context';
import { spErrorResponse } from './sharepoint/errors';
import type { EmulatorHandler, EmulatorRequest, EmulatorUser } from './types';

/** The emulated tenant's "SharePoint Online Client Extensibility Web Application Principal" (spfx3rdPartyServicePrincipalId). */
export const SPFX_CLIENT_ID = stableGuid('aad:spo-client-extensibility-web-application-principal');
/** Microsoft Graph's resource URI in Entra ID. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
/** Access token lifetime (Entra ID's default is 60–90 minutes). */
export const TOKEN_LIFETIME_SECONDS = 3600;

/** Options of {@link createAadTokenHandler}. */
export interface AadTokenOptions {
  /** Graph scopes granted to SPFx in the emulated tenant (the package's approved permission requests). */
  graphScopes: () => string[];
  /**
   * The resource URIs that name Microsoft Graph here, besides {@link GRAPH_RESOURCE}: where the page's
   * `msGraphEndpointUrl` points (the SPFx host's https Graph front).
   */
  graphResources: () => string[];
  /** Clock (tests). */
  now?: () => Date;
}

/** Claims of an access token the emulator issues. */
export interface AccessTokenClaims {
  aud: string;
  iss: string;
  tid: string;
  oid: string;
  upn: string;
  name: string;
  appid: string;
  scp: string;
  iat: number;
  nbf: number;
  exp: number;
  ver: '1.0';
  uti: string;
}

const b64url = (b: Buffer | string): string => Buffer.from(b).toString('base64url');

function signingKey(db: Database): Buffer {
  const row = db.prepare(`SELECT value FROM sp_meta WHERE key = 'digest_secret'`).get() as { value: string } | undefined;
  // The site's secret (made on the first form digest); tokens made before it existed are simply not valid.
  const secret = row?.value ?? 'no-secret-yet';
  return createHmac('sha256', secret).update('aad-access-token').digest();
}

/** Issues an access token for `user` and `resource`. */
export function issueAccessToken(db: Database, user: EmulatorUser, resource: string, scopes: string[], now: Date): string {
  if (!db.prepare(`SELECT 1 FROM sp_meta WHERE key = 'digest_secret'`).get()) {
    db.prepare(`INSERT INTO sp_meta (key, value) VALUES ('digest_secret', ?)`).run(randomUUID().replace(/-/g, '') + randomUUID().replace(/-/g, ''));
  }
  const iat = Math.floor(now.getTime() / 1000);
  const claims: AccessTokenClaims = {
    aud: resource,
    iss: `https://sts.windows.net/${TENANT_ID}/`,
    tid: TENANT_ID,
    oid: user.aadId,
    upn: user.email,
    name: user.displayName,
    appid: SPFX_CLIENT_ID,
    scp: scopes.join(' '),
    iat,
    nbf: iat - 300,
    exp: iat + TOKEN_LIFETIME_SECONDS,
    ver: '1.0',
    uti: randomUUID(),
  };
  const head = b64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }));
  const body = b64url(JSON.stringify(claims));
  const sig = b64url(createHmac('sha256', signingKey(db)).update(`${head}.${body}`).digest());
  return `${head}.${body}.${sig}`;
}

/** Verifies a token: the claims, or why it is refused (Graph's own wording). */
export function verifyAccessToken(
  db: Database,
  token: string,
  audiences: string[],
  now: Date,
): { claims: AccessTokenClaims } | { problem: string } {
  const parts = token.split('.');
  if (parts.length !== 3) return { problem: 'IDX14100: JWT is not well formed.' };
  const expected = b64url(createHmac('sha256', signingKey(db)).update(`${parts[0]}.${parts[1]}`).digest());
  if (expected !== parts[2]) return { problem: 'Access token validation failure. Invalid signature.' };
  let claims: AccessTokenClaims;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as AccessTokenClaims;
  } catch {
    return { problem: 'IDX14100: JWT is not well formed.' };
  }
  const t = now.getTime() / 1000;
  if (claims.exp <= t || claims.nbf > t) return { problem: 'Lifetime validation failed, the token is expired.' };
  if (!audiences.includes(claims.aud)) return { problem: 'Access token validation failure. Invalid audience.' };
  return { claims };
}

/** `resource='…'` from the query (SharePoint's OData-style function parameters). */
function param(req: EmulatorRequest, name: string): string | undefined {
  for (const [k, v] of req.query) {
    if (k.toLowerCase() === name.toLowerCase()) return v.replace(/^'(.*)'$/, '$1');
  }
  return undefined;
}

const OBO_PATH = `${SITE_PATH}/_api/microsoft.sharepoint.internal.clientsidecomponent.token.acquireobotoken`.toLowerCase();

/**
 * The emulator handler: answers `AcquireOBOToken` on the site and resolves the caller of `/v1.0/*` from a bearer token
 * (a request without one keeps the cookie identity the workbench page uses). Hooked in workbench/server.ts.
 */
export function createAadTokenHandler(options: AadTokenOptions): EmulatorHandler {
  const now = options.now ?? (() => new Date());
  return async (req, ctx) => {
    const path = req.path.toLowerCase();
    if (path === OBO_PATH && (req.method === 'GET' || req.method === 'POST')) {
      if (!req.user) {
        return spErrorResponse(401, '-2147024891, System.UnauthorizedAccessException', 'Access denied. You do not have permission to perform this action or access this resource.');
      }
      const clientId = param(req, 'clientId');
      const resource = param(req, 'resource') ?? '';
      if (clientId?.toLowerCase() !== SPFX_CLIENT_ID) {
        return spErrorResponse(
          400,
          '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
          `AADSTS700016: Application with identifier '${clientId ?? ''}' was not found in the directory '${TENANT_ID}'.`,
        );
      }
      const graphAudiences = [GRAPH_RESOURCE, ...options.graphResources()];
      if (!graphAudiences.includes(resource.replace(/\/+$/, ''))) {
        return spErrorResponse(
          500,
          '-1, Microsoft.Identity.Client.MsalServiceException',
          `AADSTS500011: The resource principal named ${resource} was not found in the tenant named ${TENANT_ID}.`,
        );
      }
      const at = ctx.now();
      const accessToken = issueAccessToken(ctx.db, req.user, resource.replace(/\/+$/, ''), options.graphScopes(), at);
      const expiresOn = new Date(at.getTime() + TOKEN_LIFETIME_SECONDS * 1000).toISOString();
      return {
        status: 200,
        headers: { 'content-type': 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8' },
        body: { value: JSON.stringify({ AccessToken: accessToken, ExpiresOn: expiresOn, Resource: resource, TokenType: 'Bearer' }) },
      };
    }
    const auth = req.headers.authorization;
    if (path.startsWith('/v1.0/') && auth && /^bearer\s/i.test(auth)) {
      const verified = verifyAccessToken(ctx.db, auth.replace(/^bearer\s+/i, ''), [GRAPH_RESOURCE, ...options.graphResources()], now());
      if ('problem' in verified) return graphError(401, 'InvalidAuthenticationToken', verified.problem);
      const user = (ctx.directory ?? []).find((u) => u.aadId === verified.claims.oid);
      if (!user) return graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure: the user is not in this tenant.');
      const principal = ctx.db
        .prepare(`SELECT id FROM sp_principals WHERE kind = 'user' AND lower(email) = lower(?)`)
        .get(user.email) as { id: number } | undefined;
      // The token, not the browser's cookie, says who calls Graph.
      req.user = { ...user, id: principal?.id ?? 0 };
    }
    return null;
  };
}
