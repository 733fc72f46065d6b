/**
 * The host's SPFx Application component. SharePoint's own applications (the pages app, the list host, the
 * workbench 8be81a5c-…) are internal and not on npm; `componentType: "Application"` with a `BaseApplication` subclass
 * is the framework's extension point for one. `SPStarter.start` → `Navigator.navigateToApplication` →
 * `ApplicationManager.startApplication` loads this component by the page's `clientSideApplicationId`, gives it the
 * root service scope (page context, HTTP clients, token providers), and calls `onLoad`. Without a page chrome
 * provider (SharePoint's suite bar and page chrome are internal too) the framework never calls `onRender`, so the
 * page is built here, in `onLoad`.
 */
import { renderCanvas } from './canvas';
import { spApplicationBase } from './internals';
import { hostState, readHostConfig } from './hostState';
import { renderLibrary } from './listView';

export default class SamenwerkingsruimteHostApplication extends spApplicationBase.BaseApplication {
  protected async onLoad(): Promise<void> {
    const state = hostState();
    const root = document.getElementById('spfx-host-root');
    try {
      if (!root) throw new Error('The host page has no #spfx-host-root.');
      const config = readHostConfig();
      if (config.page === 'library') {
        await renderLibrary(this.context.serviceScope, root, config, this.context.pageContext.web.absoluteUrl);
      } else {
        await renderCanvas(this.context.serviceScope, root, config);
      }
      state.ready = true;
    } catch (e) {
      state.error = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
      state.ready = true;
      throw e;
    }
  }

  /** No page chrome: SharePoint's chrome provider is internal. */
  public _getPageChromeProvider(): undefined {
    return undefined;
  }
}
