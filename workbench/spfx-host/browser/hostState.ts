/**
 * What the host page tells the host application (a JSON block the server writes into the page, like SharePoint's
 * page data), and the window object the browser tests read (`window.__spfxHost`).
 */

/** Which SharePoint page the host application is rendering. */
export type HostPageKind = 'canvas' | 'teams' | 'library';

/** The page's host configuration (`<script type="application/json" id="spfx-host-config">`). */
export interface HostPageConfig {
  page: HostPageKind;
  /** The web part to render on a canvas or Teams page. */
  webPartId: string;
  webPartTitle: string;
  /** The command set bound to the library (its custom action's ClientSideComponentId). */
  commandSetId: string;
  /** The command set's ClientSideComponentProperties (JSON). */
  commandSetProperties: string;
  /** The library a library page shows. */
  library?: { title: string; id: string; serverRelativeUrl: string };
}

/** One product request the host saw leave (not used for assertions in the page; tests read the network). */
export interface HostWindowState {
  /** Failures sp-webpart-base reported (the sp-edit-customer-promise substitute writes them). */
  failures: Array<Record<string, unknown>>;
  /** Set when the page's components are loaded and rendered once (or failed: `error`). */
  ready?: boolean;
  error?: string;
  /** The command set's commands as the host's command bar last rendered them. */
  commands?: Array<{ id: string; title: string; visible: boolean; disabled: boolean }>;
  /** Calls the framework made into the command set (onListViewUpdated, onExecute), in order. */
  commandSetCalls?: string[];
}

/** The page's state object, created on first use. */
export function hostState(): HostWindowState {
  const w = window as unknown as { __spfxHost?: HostWindowState };
  w.__spfxHost = w.__spfxHost ?? { failures: [] };
  w.__spfxHost.failures = w.__spfxHost.failures ?? [];
  return w.__spfxHost;
}

/** Reads the page's host configuration. */
export function readHostConfig(): HostPageConfig {
  const el = document.getElementById('spfx-host-config');
  if (!el?.textContent) throw new Error('The host page carries no #spfx-host-config block.');
  return JSON.parse(el.textContent) as HostPageConfig;
}
