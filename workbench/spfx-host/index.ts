/**
 * The SPFx host: the product's `.sppkg` in the real SPFx 1.23.2 runtime from npm, served by the workbench server next
 * to the workbench page (docs/spfx-host.md). Pages:
 *
 * - {@link HOST_PAGE} under the site: a site page with the web part in a canvas zone;
 * - `<library>/Forms/AllItems.aspx`: the library's list view with the command sets provisioning bound to it;
 * - {@link TEAMS_CLIENT}: a simulated Teams client with the web part as a Teams tab
 *   (`/_layouts/15/teamshostedapp.aspx` in an iframe named `embedded-page-container`).
 *
 * Files: the framework's `dist/` folders at `/_spfx/sp-client/`, the host's components at `/_spfx/host/`, the
 * package's assets where the app catalog puts them (`/sites/appcatalog/ClientSideAssets/<product id>/`).
 */
import { randomUUID } from 'crypto';
import { promises as fsp } from 'fs';
import { join } from 'path';
import type { AgreementConfig } from '../../src/domain/agreement/schema';
import { SPFX_CLIENT_ID } from '../emulator/aadTokens';
import { TENANT_ID } from '../emulator/graph/teams';
import { SITE_PATH } from '../emulator/sharepoint/context';
import { DIGEST_TIMEOUT_SECONDS, makeDigest } from '../emulator/sharepoint/digest';
import { webMeta } from '../emulator/sharepoint/store';
import type { EmulatorContext, EmulatorHandler, EmulatorRequest, EmulatorResponse } from '../emulator/types';
import type { DemoIdentity } from '../session';
import type { HostPageConfig, HostPageKind } from './browser/hostState';
import { CDN_PATH, FrameworkVersionError, loadFrameworkCdn, SPFX_VERSION, withBaseUrl, type ComponentManifest, type FrameworkCdn } from './cdn';
import { buildHostComponents, HOST_APPLICATION_ID, HOST_PATH, type HostComponents } from './components';
import { startGraphFront, type GraphFront } from './graphFront';
import { hostPage, hostPageHeaders, noticePage, teamsClientPage } from './pages';
import { deployManifest, loadSolution, type Solution } from './solution';

/** The site page with the web part (server-relative). */
export const HOST_PAGE = `${SITE_PATH}/_layouts/15/samenwerkingsruimte-host.aspx`;
/** The Teams tab page SharePoint serves to Teams. */
export const TEAMS_TAB_PAGE = `${SITE_PATH}/_layouts/15/teamshostedapp.aspx`;
/** The simulated Teams client. */
export const TEAMS_CLIENT = '/_teams/samenwerkingsruimte';
/** Where the app catalog puts a package's assets. */
export const ASSETS_PATH = '/sites/appcatalog/ClientSideAssets/';

/** The product's components, by id (src/webparts, src/extensions manifests). */
export const WEB_PART_ID = '92cb83c8-e9d2-4d26-b25a-4a04075c032d';

/** Options of {@link createSpfxHost}. */
export interface SpfxHostOptions {
  /** The repository (node_modules, the package, release/). */
  root: string;
  agreement: AgreementConfig;
  identities: DemoIdentity[];
}

/** A running host's pieces for the workbench server. */
export interface SpfxHost {
  handler: EmulatorHandler;
  /**
   * Reads the framework and builds the host's components (done on the first host request otherwise); with the
   * emulator's URL also starts the Graph front, so {@link SpfxHost.status} can name it.
   */
  prepare(emulatorUrl?: string): Promise<void>;
  /** Graph scopes the package requests (granted to SPFx in the emulated tenant), for the token handler. */
  graphScopes(): string[];
  /** The Graph front's URL once started (the resource a Graph token is issued for), for the token handler. */
  graphResources(): string[];
  /** Stops the Graph front. */
  close(): Promise<void>;
  /** A line for `npm start`: where the package came from, or why the host cannot run. */
  status(): string;
}

const SECURITY_HEADERS = { 'x-content-type-options': 'nosniff' };
const IMMUTABLE = { 'cache-control': 'public, max-age=31536000, immutable', ...SECURITY_HEADERS };

function contentType(file: string): string {
  if (file.endsWith('.js')) return 'text/javascript; charset=utf-8';
  if (file.endsWith('.json')) return 'application/json; charset=utf-8';
  if (file.endsWith('.css')) return 'text/css; charset=utf-8';
  if (file.endsWith('.png')) return 'image/png';
  if (file.endsWith('.svg')) return 'image/svg+xml';
  if (file.endsWith('.woff2')) return 'font/woff2';
  if (file.endsWith('.woff')) return 'font/woff';
  return 'application/octet-stream';
}

function notFound(what: string): EmulatorResponse {
  return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }, body: `Not found: ${what}` };
}

function html(body: string, status = 200, graph?: string): EmulatorResponse {
  return { status, headers: hostPageHeaders(graph), body };
}

/** A file name from the rest of a path: one segment, nothing that climbs. */
function fileName(rest: string): string | null {
  const name = decodeURIComponent(rest);
  return /^[A-Za-z0-9._-]+$/.test(name) && !name.includes('..') ? name : null;
}

/** True for every path the host answers (cheap: checked before anything is prepared). */
function isHostPath(lower: string): boolean {
  return (
    lower.startsWith('/_spfx/') ||
    lower.startsWith(ASSETS_PATH.toLowerCase()) ||
    lower.startsWith('/_teams/') ||
    lower === '/_forms/spfxsinglesignon.aspx' ||
    lower === '/favicon.ico' ||
    lower.endsWith('.aspx')
  );
}

interface LibraryRow {
  id: string;
  title: string;
  url_name: string;
}

/**
 * The host. It reads the framework and builds its components on the first request for a host path (about half a
 * second), so servers that never show a host page pay nothing; the package is read per page (it may be rebuilt).
 */
export function createSpfxHost(options: SpfxHostOptions): SpfxHost {
  let framework: FrameworkCdn | null = null;
  let components: HostComponents | null = null;
  let problem: string | null = null;
  let preparing: Promise<void> | undefined;
  const prepare = (): Promise<void> =>
    (preparing ??= (async () => {
      try {
        framework = loadFrameworkCdn(join(options.root, 'node_modules'));
        components = await buildHostComponents(options.root, framework.manifests, framework.components);
      } catch (e) {
        problem = e instanceof FrameworkVersionError ? e.message : `the SPFx host could not start: ${(e as Error).message}`;
      }
    })());
  let graphFront: Promise<GraphFront | null> | undefined;
  let graphUrl: string | undefined;
  let graphProblem: string | undefined;
  /**
   * Microsoft Graph for the page at `origin`: the https front (graphFront.ts), started with the first page; without
   * port 443 the emulator's own `/v1.0` on the page's origin (no token: the Graph SDK sends none over http).
   */
  const graph = async (origin: string): Promise<{ url: string; front: boolean }> => {
    const port = Number(new URL(origin).port || 80);
    graphFront ??= startGraphFront(port).catch((e: NodeJS.ErrnoException) => {
      graphProblem =
        e.code === 'EACCES'
          ? 'port 443 cannot be bound (needs root or CAP_NET_BIND_SERVICE): Graph is reached over http on the page origin, without a token'
          : `the https Graph front did not start (${e.message}): Graph is reached over http on the page origin, without a token`;
      return null;
    });
    const front = await graphFront;
    graphUrl = front?.url;
    return front ? { url: front.url, front: true } : { url: origin, front: false };
  };
  let solution: Solution | null = null;
  const currentSolution = (): Solution | null => {
    try {
      solution = loadSolution(options.root, solution);
    } catch (e) {
      problem = `the package could not be read: ${(e as Error).message}`;
      solution = null;
    }
    return solution;
  };

  const manifestsFor = (origin: string, sol: Solution): ComponentManifest[] => [
    ...(framework as FrameworkCdn).manifests.map((m) => withBaseUrl(m, origin + CDN_PATH)),
    ...(components as HostComponents).manifests.map((m) => withBaseUrl(m, origin + HOST_PATH)),
    ...sol.manifests.map((m) => deployManifest(m, `${origin}${ASSETS_PATH}${sol.productId}/`)),
  ];

  const page = async (req: EmulatorRequest, ctx: EmulatorContext, kind: HostPageKind, library?: LibraryRow): Promise<EmulatorResponse> => {
    const css = components ? HOST_PATH + components.stylesheet : undefined;
    if (problem || !framework || !components) return html(noticePage('SPFx-host', problem ?? 'the SPFx host did not start'), 503);
    const sol = currentSolution();
    if (!sol) {
      return html(
        noticePage(
          'SPFx-host: geen pakket',
          'Er is nog geen pakket gebouwd. Voer `npm run package` uit (dat schrijft sharepoint/solution/samenwerkingsruimte.sppkg) en laad deze pagina opnieuw.',
          css,
        ),
        503,
      );
    }
    const commandSet = sol.manifests.find((m) => m.componentType === 'Extension');
    const webPart = sol.manifests.find((m) => m.id === WEB_PART_ID) ?? sol.manifests.find((m) => m.componentType === 'WebPart');
    const forced = req.query.get('forceLocale');
    const locale = forced ? forced.replace(/^([a-z]{2})-([a-z]{2})$/i, (_, a: string, b: string) => `${a.toLowerCase()}-${b.toUpperCase()}`) : 'nl-NL';
    const origin = req.origin;
    const { url: graphEndpoint, front: graphFrontUsed } = await graph(origin);
    const user = req.user;
    const now = ctx.now();
    const digest = user ? makeDigest(ctx.db, user.loginName, now) : '';
    const webTitle = webMeta(ctx.db, 'web_title') || 'Samenwerkingsruimte';
    const entryTitle = (webPart?.preconfiguredEntries as Array<{ title: Record<string, string> }> | undefined)?.[0]?.title;
    const config: HostPageConfig = {
      page: kind,
      webPartId: webPart?.id ?? WEB_PART_ID,
      webPartTitle: entryTitle?.[locale] ?? entryTitle?.default ?? 'Samenwerkingsruimte',
      commandSetId: commandSet?.id ?? '',
      commandSetProperties: '{}',
      ...(library ? { library: { title: library.title, id: library.id, serverRelativeUrl: `${SITE_PATH}/${library.url_name}` } } : {}),
    };
    const english = locale.toLowerCase().startsWith('en');
    const spPageContextInfo: Record<string, unknown> = {
      webAbsoluteUrl: origin + SITE_PATH,
      siteAbsoluteUrl: origin + SITE_PATH,
      webServerRelativeUrl: SITE_PATH,
      siteServerRelativeUrl: SITE_PATH,
      serverRequestPath: req.path,
      portalUrl: `${origin}/`,
      webId: `{${webMeta(ctx.db, 'web_id')}}`,
      siteId: `{${webMeta(ctx.db, 'site_id')}}`,
      webTitle,
      webDescription: webMeta(ctx.db, 'web_description'),
      webTemplate: '64',
      webLanguage: english ? 1033 : 1043,
      webLanguageName: english ? 'English (United States)' : 'Nederlands (Nederland)',
      webUIVersion: 15,
      currentLanguage: english ? 1033 : 1043,
      currentCultureName: locale,
      currentUICultureName: locale,
      userId: user?.id ?? 0,
      userLoginName: user?.email ?? '',
      userDisplayName: user?.displayName ?? '',
      userEmail: user?.email ?? '',
      userPrincipalName: user?.email ?? '',
      systemUserKey: user ? `i:0h.f|membership|${user.aadId}@live.com` : '',
      isAnonymousGuestUser: !user,
      isExternalGuestUser: false,
      isEmailAuthenticationGuestUser: false,
      isSiteAdmin: false,
      // SharePoint's "Read" mask; what a user may do is decided by the emulator on every request, not by these bits.
      webPermMasks: { High: 176, Low: 138612833 },
      // Entra ID: the emulated tenant. The instance is the emulator's origin over http, which MSAL refuses, so the
      // token provider's MSAL step fails at once (no network) and SharePoint's AcquireOBOToken issues the token.
      aadInstanceUrl: origin,
      aadTenantId: TENANT_ID,
      aadUserId: user?.aadId ?? '',
      aadSessionId: randomUUID(),
      spfx3rdPartyServicePrincipalId: SPFX_CLIENT_ID,
      // Microsoft Graph as the page reaches it: the host's https front (graphFront.ts), another origin, bearer only.
      msGraphEndpointUrl: graphEndpoint,
      cloudType: 'Prod',
      env: 'prod',
      CorrelationId: randomUUID(),
      ExpFeatures: [],
      // DISABLE_TOKEN_FETCH_KS (sp-loader SPStarter): no first-party Entra ID token prefetch at start. That prefetch
      // (AadTokenProvider._ensureState with MSAL) talks to Entra ID over https only; see docs/spfx-host.md.
      killSwitches: { '2bf3e1ce-55da-4552-bc41-e3d072202d3c': true },
      formDigestValue: digest,
      formDigestTimeoutSeconds: DIGEST_TIMEOUT_SECONDS,
      serverTime: now.toISOString(),
      ...(library
        ? {
            listId: `{${library.id}}`,
            listUrl: `${SITE_PATH}/${library.url_name}`,
            listTitle: library.title,
            listBaseTemplate: 101,
            listPermsMask: { High: 176, Low: 138612833 },
          }
        : {}),
    };
    const preloadedData = {
      clientSideApplicationId: HOST_APPLICATION_ID,
      buildNumber: `spfx-host-${SPFX_VERSION}`,
      manifests: manifestsFor(origin, sol),
      spPageContextInfo,
      customActions: [],
      contextWebInfo: { FormDigestValue: digest, FormDigestTimeoutSeconds: DIGEST_TIMEOUT_SECONDS },
    };
    const assembly = `${CDN_PATH}sp-default-assembly_${english ? 'en-us' : 'default'}.js`;
    // The agreement's exchange library (where provisioning binds the command set).
    const exchange = ctx.db
      .prepare(`SELECT id, title, url_name FROM sp_lists WHERE title = ? COLLATE NOCASE AND base_template = 101`)
      .get(options.agreement.space.exchangeLibraryTitle) as LibraryRow | undefined;
    const links = [
      { href: HOST_PAGE, text: 'Startpagina' },
      ...(exchange ? [{ href: `${SITE_PATH}/${exchange.url_name}/Forms/AllItems.aspx`, text: exchange.title }] : []),
      { href: TEAMS_CLIENT, text: 'Teams' },
      { href: '/', text: 'Workbench' },
    ];
    return html(
      hostPage({
        title: library ? `${library.title} - ${webTitle}` : kind === 'teams' ? 'Samenwerkingsruimte' : `Startpagina - ${webTitle}`,
        heading: kind === 'teams' ? undefined : library ? library.title : undefined,
        config,
        preloadedData,
        assembly,
        beforeAssembly: [HOST_PATH + components.telemetryScript],
        startScript: HOST_PATH + components.startScript,
        stylesheet: HOST_PATH + components.stylesheet,
        suiteBar:
          kind === 'teams'
            ? undefined
            : {
                siteTitle: webTitle,
                identities: options.identities.map((i) => ({ key: i.key, displayName: `${i.displayName} (${i.role})` })),
                current: options.identities.find((i) => user && i.email.toLowerCase() === user.email.toLowerCase())?.key ?? null,
                links,
              },
        lang: english ? 'en' : 'nl',
      }),
      200,
      graphFrontUsed ? graphEndpoint : undefined,
    );
  };

  const teamsClient = (req: EmulatorRequest): EmulatorResponse => {
    if (!components) return html(noticePage('SPFx-host', problem ?? 'the SPFx host did not start'), 503);
    const theme = ['default', 'dark', 'contrast'].includes(req.query.get('theme') ?? '') ? (req.query.get('theme') as string) : 'default';
    const locale = (req.query.get('locale') ?? 'nl-nl').toLowerCase();
    const space = options.agreement.space;
    const user = req.user;
    const channelId = space.reminderChannelId ?? space.channelId;
    const tabUrl = `${TEAMS_TAB_PAGE}?teams&personal=false&componentId=${WEB_PART_ID}&forceLocale=${encodeURIComponent(locale)}`;
    return html(
      teamsClientPage({
        stylesheet: HOST_PATH + components.stylesheet,
        script: HOST_PATH + components.teamsClientScript,
        teamName: options.agreement.agreement.shortTitle,
        channelName: 'Algemeen',
        config: {
          tabUrl,
          theme,
          locale,
          // The legacy Teams context a channel tab gets (teams-js transforms it into app.getContext()).
          context: {
            groupId: space.teamId,
            teamId: space.teamId ? `19:${space.teamId.replace(/-/g, '')}@thread.tacv2` : undefined,
            teamName: options.agreement.agreement.shortTitle,
            channelId,
            channelName: 'Algemeen',
            channelType: 'Regular',
            entityId: `samenwerkingsruimte-${WEB_PART_ID}`,
            tid: TENANT_ID,
            userObjectId: user?.aadId,
            userPrincipalName: user?.email,
            loginHint: user?.email,
            hostClientType: 'web',
            frameContext: 'content',
            appSessionId: randomUUID(),
            sessionId: randomUUID(),
            teamSiteUrl: req.origin + SITE_PATH,
            teamSiteDomain: new URL(req.origin).host,
            teamSitePath: SITE_PATH,
            isFullScreen: false,
          },
        },
      }),
    );
  };

  const handler: EmulatorHandler = async (req, ctx) => {
    const method = req.method.toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return null;
    const path = req.path;
    const lower = path.toLowerCase();
    if (!isHostPath(lower)) return null;
    await prepare();
    if (path.startsWith(CDN_PATH)) {
      const name = fileName(path.slice(CDN_PATH.length));
      const full = name && framework?.files.get(name);
      if (!full) return notFound(path);
      return { status: 200, headers: { 'content-type': contentType(full), ...IMMUTABLE }, body: await fsp.readFile(full) };
    }
    if (path.startsWith(HOST_PATH)) {
      const name = fileName(path.slice(HOST_PATH.length));
      const file = name ? components?.files.get(name) : undefined;
      if (!file) return notFound(path);
      return { status: 200, headers: { 'content-type': file.contentType, ...IMMUTABLE }, body: file.body };
    }
    if (path.startsWith(ASSETS_PATH)) {
      const [productId, rest] = path.slice(ASSETS_PATH.length).split(/\/(.*)/s);
      const sol = currentSolution();
      const name = rest ? fileName(rest) : null;
      const body = sol && name && productId === sol.productId ? sol.assets.get(name) : undefined;
      if (!body) return notFound(path);
      return { status: 200, headers: { 'content-type': contentType(name as string), ...IMMUTABLE }, body };
    }
    if (lower === '/_layouts/15/samenwerkingsruimte-host.aspx') {
      return { status: 302, headers: { location: HOST_PAGE + (req.rawQuery ? `?${req.rawQuery}` : '') }, body: '' };
    }
    if (lower === HOST_PAGE.toLowerCase()) return page(req, ctx, 'canvas');
    if (lower === TEAMS_TAB_PAGE.toLowerCase()) return page(req, ctx, 'teams');
    if (lower === TEAMS_CLIENT) return teamsClient(req);
    const view = new RegExp(`^${SITE_PATH}/([^/]+)/forms/allitems\\.aspx$`, 'i').exec(path);
    if (view) {
      const list = ctx.db
        .prepare(`SELECT id, title, url_name FROM sp_lists WHERE url_name = ? COLLATE NOCASE AND base_template = 101`)
        .get(decodeURIComponent(view[1])) as LibraryRow | undefined;
      if (list) return page(req, ctx, 'library', list);
    }
    if (lower === '/favicon.ico') return { status: 204, headers: { 'cache-control': 'public, max-age=86400' } };
    if (lower === '/_forms/spfxsinglesignon.aspx') {
      // MSAL's redirect page (AadConstants.SPFX_SINGLE_SIGN_ON_REPLY_URL): SharePoint serves an empty page there.
      return html('<!doctype html><html><head><meta charset="utf-8"><title></title></head><body></body></html>');
    }
    return null;
  };

  return {
    handler,
    prepare: async (emulatorUrl?: string) => {
      await prepare();
      if (emulatorUrl) await graph(emulatorUrl);
    },
    graphScopes: () => currentSolution()?.graphScopes ?? [],
    graphResources: () => (graphUrl ? [graphUrl] : []),
    close: async () => {
      if (graphFront) await (await graphFront)?.close();
    },
    status: () => {
      if (problem) return `SPFx host unavailable: ${problem}`;
      const sol = currentSolution();
      const note = graphProblem
        ? `; ${graphProblem}`
        : graphUrl
          ? `; Graph at ${graphUrl} (self-signed: open that address once in the browser and accept its certificate)`
          : '';
      return sol
        ? `SPFx ${SPFX_VERSION} host, package ${sol.source.slice(options.root.length + 1)}${note}`
        : 'SPFx host: no package yet (run `npm run package`)';
    },
  };
}

