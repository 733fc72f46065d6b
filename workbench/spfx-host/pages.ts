/**
 * The host's pages as SharePoint renders them: the HTML carries the page's data (`_spPageContextInfo` and the
 * preloaded component manifests) and loads `sp-default-assembly` from the CDN folder; nothing inline executes (the
 * data are JSON blocks the boot script reads), so the pages run under a strict Content-Security-Policy that also keeps
 * them offline: `connect-src 'self'` and the host's Graph front. `'unsafe-eval'` is there because sp-loader's module loader evaluates strings when
 * it starts (SPStarter → the RequireJS-based loader); SharePoint Online's own policy allows it too.
 */
import type { HostPageConfig } from './browser/hostState';

/** Security headers of every host page; `graph` is the Graph front's origin the page may call. */
export function hostPageHeaders(graph?: string): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy':
      "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
      `connect-src 'self'${graph ? ` ${graph}` : ''}; frame-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  };
}

/** Text for HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** JSON inside `<script type="application/json">`: no `</script>` or `<!--` can end the block. */
function jsonBlock(id: string, value: unknown): string {
  const json = JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  return `<script type="application/json" id="${id}">${json}</script>`;
}

/** An identity the suite bar offers (SharePoint signs in through Entra ID; the emulator through the EmuAuth cookie). */
export interface PageIdentity {
  key: string;
  displayName: string;
}

/** What every SharePoint-like host page needs. */
export interface HostPageParts {
  title: string;
  /** Heading over the page (the site page's title, the library's title); none in Teams. */
  heading?: string;
  config: HostPageConfig;
  preloadedData: unknown;
  /** Script and stylesheet URLs. */
  assembly: string;
  /** Scripts that must run before the assembly (the telemetry chunks' substitute). */
  beforeAssembly: string[];
  startScript: string;
  stylesheet: string;
  /** The suite bar (not in Teams). */
  suiteBar?: { siteTitle: string; identities: PageIdentity[]; current: string | null; links: Array<{ href: string; text: string }> };
  lang: string;
}

/** A SharePoint page of the host: suite bar, command bar, the application's root, the page data, the assembly. */
export function hostPage(p: HostPageParts): string {
  const suite = p.suiteBar
    ? `<div class="spfx-host-suitebar" role="banner"><strong>SharePoint</strong><span>${escapeHtml(p.suiteBar.siteTitle)}</span>` +
      p.suiteBar.links.map((l) => `<a href="${escapeHtml(l.href)}">${escapeHtml(l.text)}</a>`).join('') +
      `<label class="spfx-host-user">Aangemeld als <select id="spfx-host-identity" data-testid="host-identity">` +
      `<option value=""${p.suiteBar.current ? '' : ' selected'}>Niemand (niet aangemeld)</option>` +
      p.suiteBar.identities
        .map((i) => `<option value="${escapeHtml(i.key)}"${i.key === p.suiteBar?.current ? ' selected' : ''}>${escapeHtml(i.displayName)}</option>`)
        .join('') +
      `</select></label></div>`
    : '';
  return (
    `<!doctype html><html lang="${escapeHtml(p.lang)}"><head><meta charset="utf-8"><title>${escapeHtml(p.title)}</title>` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="${escapeHtml(p.stylesheet)}"></head>` +
    `<body data-spfx-host-page="${p.config.page}">${suite}` +
    (p.suiteBar ? `<div class="spfx-host-commandbar" id="spfx-host-commandbar" role="toolbar" aria-label="Opdrachten"></div>` : '') +
    (p.heading ? `<div class="spfx-host-title">${escapeHtml(p.heading)}</div>` : '') +
    `<main id="spfx-host-root"></main>` +
    jsonBlock('spfx-host-config', p.config) +
    jsonBlock('spfx-preloaded-data', p.preloadedData) +
    p.beforeAssembly.map((src) => `<script src="${escapeHtml(src)}"></script>`).join('') +
    `<script src="${escapeHtml(p.assembly)}"></script><script src="${escapeHtml(p.startScript)}"></script></body></html>`
  );
}

/** A page that says why the host cannot run (no package built, a framework mismatch). */
export function noticePage(title: string, message: string, stylesheet?: string): string {
  return (
    `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    (stylesheet ? `<link rel="stylesheet" href="${escapeHtml(stylesheet)}">` : '') +
    `</head><body><div class="spfx-host-notice" data-testid="spfx-host-notice">${escapeHtml(message)}</div></body></html>`
  );
}

/** The simulated Teams client around the tab (browser/teamsClient.ts). */
export function teamsClientPage(p: {
  stylesheet: string;
  script: string;
  config: { tabUrl: string; theme: string; locale: string; context: Record<string, unknown> };
  teamName: string;
  channelName: string;
}): string {
  const option = (v: string, text: string): string => `<option value="${v}"${p.config.theme === v ? ' selected' : ''}>${text}</option>`;
  return (
    `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(p.teamName)} | Microsoft Teams (gesimuleerd)</title>` +
    `<link rel="stylesheet" href="${escapeHtml(p.stylesheet)}"></head><body><div class="teams-client">` +
    `<header><strong>Microsoft Teams (gesimuleerd)</strong><span>${escapeHtml(p.teamName)} › ${escapeHtml(p.channelName)} › Samenwerkingsruimte</span>` +
    `<label>Thema <select id="teams-theme" data-testid="teams-theme">${option('default', 'Licht')}${option('dark', 'Donker')}${option('contrast', 'Hoog contrast')}</select></label></header>` +
    `<div id="teams-stage"></div></div>` +
    jsonBlock('teams-client-config', p.config) +
    `<script src="${escapeHtml(p.script)}"></script></body></html>`
  );
}
