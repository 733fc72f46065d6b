/**
 * The SPFx internals the host uses, typed from each package's `lib/` declarations: the published `.d.ts` leave out
 * `@internal` members (`_ClientSideWebPartManager`, `_MinimalWebPartHost`, `_TeamsAwareWebPartHost`,
 * `_PropertyPaneLoader`, `_ExtensionManager`, `SPComponentLoader.tryGetManifestById`, the ListViewAccessor and
 * ListViewCommandSetContext constructors, `BaseApplication`). The values are the runtime modules the SPFx loader
 * hands the host application (AMD dependencies); only the types come from `lib/`. Pinned to SPFx 1.23.2
 * (workbench/spfx-host/cdn.ts), and the host's browser tests fail loudly when one of them moves.
 */
import * as applicationBase from '@microsoft/sp-application-base';
import * as extensionBase from '@microsoft/sp-extension-base';
import * as listViewExtensibility from '@microsoft/sp-listview-extensibility';
import * as loader from '@microsoft/sp-loader';
import * as webPartBase from '@microsoft/sp-webpart-base';

export const spApplicationBase = applicationBase as unknown as typeof import('@microsoft/sp-application-base/lib/index');
export const spExtensionBase = extensionBase as unknown as typeof import('@microsoft/sp-extension-base/lib/index');
export const spListView = listViewExtensibility as unknown as typeof import('@microsoft/sp-listview-extensibility/lib/index');
export const spLoader = loader as unknown as typeof import('@microsoft/sp-loader/lib/index');
export const spWebPartBase = webPartBase as unknown as typeof import('@microsoft/sp-webpart-base/lib/index');
