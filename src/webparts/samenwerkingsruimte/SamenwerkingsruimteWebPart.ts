import { Version } from '@microsoft/sp-core-library';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { strings } from '../../loc';
import type { Services } from '../../ports';
import type { ThemeName } from '../../ui/theme';
import { readTeamsHost, watchTeamsTheme } from './teamsHost';

type AppModule = typeof import('../../ui/App');

/** Web part properties: none; everything about the agreement lives in the site's configuration file. */
export type SamenwerkingsruimteWebPartProps = Record<string, never>;

/**
 * SPFx shell of the Samenwerkingsruimte dashboard, hosted as SharePoint web part, Teams channel tab and Teams personal
 * app. It only builds the adapters from the SPFx context (the host's composition root) and renders the shared UI;
 * everything else lives in src/ui and below, identical in every host.
 */
export default class SamenwerkingsruimteWebPart extends BaseClientSideWebPart<SamenwerkingsruimteWebPartProps> {
  private services: Services | undefined;
  private app: AppModule | undefined;
  private theme: ThemeName = 'web';
  private locale = 'nl-NL';

  protected async onInit(): Promise<void> {
    await super.onInit();
    this.locale = this.context.pageContext.cultureInfo.currentUICultureName;
    // SPFx's own loading indicator: the first paint needs neither Fluent nor the product code.
    this.context.statusRenderer.displayLoadingIndicator(this.domElement, strings(this.locale).loading);
    try {
      // Adapters, UI and even the theme mapping (it pulls in Fluent's themes) load as their own chunks, in parallel,
      // so this entry bundle stays small.
      const [teams, { spfi, SPFx }, { createServices }, app, { themeNameFromTeams }] = await Promise.all([
        readTeamsHost(this.context.sdks.microsoftTeams),
        import(/* webpackChunkName: 'pnp-sp' */ '@pnp/sp'),
        import(/* webpackChunkName: 'samenwerkingsruimte-services' */ '../../composition/createServices'),
        import(/* webpackChunkName: 'samenwerkingsruimte-ui' */ '../../ui/App'),
        import(/* webpackChunkName: 'samenwerkingsruimte-ui' */ '../../ui/theme'),
      ]);
      if (teams) {
        this.theme = themeNameFromTeams(teams.theme);
        this.locale = teams.locale ?? this.locale;
        watchTeamsTheme(this.context.sdks.microsoftTeams, (theme) => {
          this.theme = themeNameFromTeams(theme);
          this.render();
        });
      }
      const graph = await this.context.msGraphClientFactory.getClient('3');
      this.services = await createServices({
        sp: spfi().using(SPFx(this.context)),
        graph,
        siteUrl: this.context.pageContext.web.absoluteUrl,
        teams: teams ? { teamId: teams.teamId, channelId: teams.channelId, theme: teams.theme } : undefined,
      });
      this.app = app;
    } catch (error) {
      // The UI could not even start (chunk load or SPFx token failure): show SharePoint's error box, keep the page.
      this.context.statusRenderer.clearLoadingIndicator(this.domElement);
      this.context.statusRenderer.renderError(this.domElement, error instanceof Error ? error : String(error));
    }
  }

  public render(): void {
    if (!this.services || !this.app) return; // onInit already rendered the error
    this.context.statusRenderer.clearLoadingIndicator(this.domElement);
    const { App } = this.app;
    ReactDom.render(
      React.createElement(App, { services: this.services, host: { locale: this.locale, theme: this.theme } }),
      this.domElement,
    );
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }
}
