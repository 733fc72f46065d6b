/**
 * The host page's boot script, as SharePoint's page does it: `sp-default-assembly` (loaded just before this script)
 * defines `window.spModuleLoader`, the SPStarter of sp-loader; the page's preloaded data (page context, manifests,
 * the application id) is handed to `SPStarter.start`, which builds the root service scope and starts the application.
 */
interface Starter {
  start(preloadedData: unknown, handleFailure: (e: unknown) => void, debugData?: unknown): Promise<void>;
}

function fail(e: unknown): void {
  const w = window as unknown as { __spfxHost?: { failures: unknown[]; error?: string; ready?: boolean } };
  w.__spfxHost = w.__spfxHost ?? { failures: [] };
  w.__spfxHost.error = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
  w.__spfxHost.ready = true;
  const box = document.getElementById('spfx-host-root');
  if (box) {
    const pre = document.createElement('pre');
    pre.setAttribute('data-testid', 'spfx-host-error');
    pre.textContent = `Het SPFx-framework kon niet starten:\n${w.__spfxHost.error}`;
    box.appendChild(pre);
  }
  // eslint-disable-next-line no-console
  console.error('[spfx-host] start failed', e);
}

// The suite bar's "Aangemeld als": a new sign-in is a new page, as in SharePoint (the emulator reads the EmuAuth cookie).
const identity = document.getElementById('spfx-host-identity') as HTMLSelectElement | null;
identity?.addEventListener('change', () => {
  document.cookie = identity.value
    ? `EmuAuth=${encodeURIComponent(identity.value)}; path=/; SameSite=Strict`
    : 'EmuAuth=; path=/; max-age=0; SameSite=Strict';
  window.location.reload();
});

// sp-telemetry runs its telemetry in a web worker fetched from /_layouts/15/spwebworkerproxy.ashx, which only
// SharePoint serves; this page switch (read by the assembly's worker manager) keeps it on the main thread.
(window as unknown as { __spWorkerSupported: boolean }).__spWorkerSupported = false;

const data = document.getElementById('spfx-preloaded-data');
const starter = (window as unknown as { spModuleLoader?: Starter }).spModuleLoader;
if (!data?.textContent || !starter) {
  fail(new Error('sp-default-assembly did not load, or the page carries no preloaded data.'));
} else {
  const preloaded = JSON.parse(data.textContent) as { spPageContextInfo: unknown };
  // SharePoint pages also expose the page context globally; SPFx reads it from preloadedData.
  (window as unknown as { _spPageContextInfo: unknown })._spPageContextInfo = preloaded.spPageContextInfo;
  starter.start(preloaded, fail).catch(fail);
}
