/**
 * The web part on a page, through the framework's own web part manager: `_ClientSideWebPartManager.loadWebPart` with
 * SharePoint's web part host (`_MinimalWebPartHost` on a site page, `_TeamsAwareWebPartHost` in Teams, which loads the
 * teams-js environment and hands the web part `context.sdks.microsoftTeams`). The manager loads the component by its
 * manifest, builds its context, runs `onInit`, renders it, and shows SharePoint's own error box when any of that fails.
 */
import { DisplayMode, Guid, type ServiceScope } from '@microsoft/sp-core-library';
import { spLoader, spWebPartBase } from './internals';
import type { HostPageConfig } from './hostState';
import { hostState } from './hostState';
import { provideHostPropertyPane } from './propertyPane';

/** Renders the page's web part into a canvas zone under `root`; resolves when the manager finished loading it. */
export async function renderCanvas(scope: ServiceScope, root: HTMLElement, config: HostPageConfig): Promise<void> {
  const manifest = spLoader.SPComponentLoader.tryGetManifestById(config.webPartId);
  if (!manifest) throw new Error(`The page lists no manifest for the web part ${config.webPartId}.`);
  const teams = config.page === 'teams';
  const zone = document.createElement('div');
  zone.className = 'CanvasZone';
  const section = document.createElement('div');
  section.className = 'CanvasSection';
  const control = document.createElement('div');
  control.className = 'ControlZone';
  const domElement = document.createElement('div');
  const instanceId = Guid.newGuid().toString();
  domElement.setAttribute('data-sp-webpart', '');
  domElement.setAttribute('data-sp-webpartdataversion', '1.0');
  domElement.id = instanceId;
  control.appendChild(domElement);
  section.appendChild(control);
  zone.appendChild(section);
  root.appendChild(zone);

  // The property pane: SharePoint's own (sp-property-pane) needs Fluent bundles only its CDN serves, so the page
  // scope gets the host's pane through the same service key the manager asks (docs/spfx-host.md).
  const pageScope = scope.startNewChild();
  provideHostPropertyPane(pageScope);
  pageScope.finish();
  const host = teams ? new spWebPartBase._TeamsAwareWebPartHost(pageScope) : new spWebPartBase._MinimalWebPartHost(pageScope);
  const manager = new spWebPartBase._ClientSideWebPartManager(host);
  const webPartData = {
    id: config.webPartId,
    instanceId,
    title: config.webPartTitle,
    dataVersion: '1.0',
    properties: {},
  };
  const state = hostState() as ReturnType<typeof hostState> & { webPartManager?: unknown; webPartInstanceId?: string };
  state.webPartManager = manager;
  state.webPartInstanceId = instanceId;
  await manager.loadWebPart({
    domElement,
    instanceId,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    manifest: manifest as any,
    displayMode: DisplayMode.Read,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    webPartData: webPartData as any,
    ...(teams ? { pageLayoutType: 'Teams' } : {}),
  });
  if (!teams) addEditButton(manager, instanceId);
}

/** SharePoint's "Edit" on a page: the web part switches to edit mode and its property pane opens. */
function addEditButton(manager: InstanceType<typeof spWebPartBase._ClientSideWebPartManager>, instanceId: string): void {
  const bar = document.getElementById('spfx-host-commandbar');
  if (!bar) return;
  const edit = document.createElement('button');
  edit.type = 'button';
  edit.textContent = 'Bewerken';
  edit.setAttribute('data-testid', 'page-edit');
  edit.addEventListener('click', () => {
    const editing = edit.getAttribute('aria-pressed') === 'true';
    edit.setAttribute('aria-pressed', String(!editing));
    edit.textContent = editing ? 'Bewerken' : 'Opnieuw publiceren';
    // _setDisplayMode resolves once the property pane is loaded (the manager's own advice before using pane APIs).
    manager
      ._setDisplayMode(editing ? DisplayMode.Read : DisplayMode.Edit)
      .then(() => manager.requestPropertyPaneAction(instanceId, editing ? 'Close' : 'Open'))
      .catch((e: unknown) => {
        hostState().error = `edit mode: ${e instanceof Error ? e.message : String(e)}`;
      });
  });
  bar.appendChild(edit);
}
