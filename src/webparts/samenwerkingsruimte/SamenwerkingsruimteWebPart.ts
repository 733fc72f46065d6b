import { Version } from '@microsoft/sp-core-library';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import * as React from 'react';
import * as ReactDom from 'react-dom';
import type { SPFI } from '@pnp/sp';
import type { Services } from '../../ports';
import type { ThemeName } from '../../ui/theme';
import { isConfigMissing } from './setup/configMissing';
import { readTeamsHost, watchTeamsTheme } from './teamsHost';

type UiModule = typeof import('../../ui');
type SetupModule = typeof import('./setup');

/** Web part properties: none; everything about the agreement lives in the site's configuration file. */
export type SamenwerkingsruimteWebPartProps = Record<string, never>;

/**
 * SPFx shell of the Samenwerkingsruimte dashboard, hosted as SharePoint web part, Teams channel tab and Teams personal
 * app. It only builds the adapters from the SPFx context (the host's composition root) and renders the shared UI;
 * everything else lives in src/ui and below, identical in every host.
 */
export default class SamenwerkingsruimteWebPart extends BaseClientSideWebPart<SamenwerkingsruimteWebPartProps> {
  private ui: UiModule | undefined;
  /** Builds the services; one stable function, so a re-render (theme change) does not rebuild them. */
  private load: (() => Promise<Services>) | undefined;
  /** Set while the site has no agreement configuration: the site owner's "Inrichten" panel is shown instead. */
  private setup: { module: SetupModule; sp: SPFI } | undefined;
  private theme: ThemeName = 'web';
  private locale = 'nl-NL';

  protected async onInit(): Promise<void> {
    await super.onInit();
    this.locale = this.context.pageContext.cultureInfo.currentUICultureName;
    // SPFx's own loading indicator ("Loading {title}...", in SharePoint's language): the first paint needs neither
    // Fluent nor the product code, not even the UI strings (src/loc loads with the UI chunk).
    this.context.statusRenderer.displayLoadingIndicator(this.domElement, this.title);
    try {
      // Adapters and UI (with Fluent) load as one lazy chunk (./app), so this entry stays small; the Teams context is
      // read meanwhile.
      const [teams, app, graph] = await Promise.all([
        readTeamsHost(this.context.sdks.microsoftTeams),
        import(/* webpackChunkName: 'samenwerkingsruimte-app' */ './app'),
        this.context.msGraphClientFactory.getClient('3'),
        // The page's language's UI strings (their own chunk, src/ui/services/StringsContext), fetched meanwhile.
        this.locale.toLowerCase().startsWith('en')
          ? import(/* webpackChunkName: 'strings-en' */ '../../loc/en-us')
          : import(/* webpackChunkName: 'strings-nl' */ '../../loc/nl-nl'),
      ]);
      const { spfi, SPFx, createServices } = app;
      const ui: UiModule = app;
      if (teams) {
        this.theme = ui.themeNameFromTeams(teams.theme);
        this.locale = teams.locale ?? this.locale;
        // The Teams themes are their own chunk: loaded before the first render, so no light flash in Teams.
        await ui.loadTheme(this.theme);
        watchTeamsTheme(this.context.sdks.microsoftTeams, (theme) => {
          this.theme = ui.themeNameFromTeams(theme);
          ui.loadTheme(this.theme)
            .then(() => this.render())
            .catch(() => this.render());
        });
      }
      const deps = {
        sp: spfi().using(SPFx(this.context)),
        graph,
        siteUrl: this.context.pageContext.web.absoluteUrl,
        teams: teams ? { teamId: teams.teamId, channelId: teams.channelId, theme: teams.theme } : undefined,
      };
      // createServices reads the agreement configuration from the site. The first attempt runs here, so a site that
      // was never set up opens on "Inrichten"; any other failure (not on the autorisatielijst, invalid configuration)
      // is shown by AppLoader, whose retry builds again.
      const firstAttempt = createServices(deps);
      const missing = await firstAttempt.then(
        () => false,
        (error: unknown) => isConfigMissing(error),
      );
      if (missing) this.setup = { module: await import(/* webpackChunkName: 'inrichten' */ './setup'), sp: deps.sp };
      let pending: Promise<Services> | undefined = missing ? undefined : firstAttempt;
      this.load = () => {
        const attempt = pending ?? createServices(deps);
        pending = undefined;
        return attempt;
      };
      this.ui = ui;
    } catch (error) {
      // The product code could not even be loaded (chunk or SPFx token failure): SharePoint's error box, page intact.
      this.context.statusRenderer.clearLoadingIndicator(this.domElement);
      this.context.statusRenderer.renderError(this.domElement, error instanceof Error ? error : String(error));
    }
  }

  public render(): void {
    if (!this.ui || !this.load) return; // onInit already rendered the error
    this.context.statusRenderer.clearLoadingIndicator(this.domElement);
    const host = { locale: this.locale, theme: this.theme };
    const setup = this.setup;
    const onDone = (): void => {
      this.setup = undefined;
      this.render();
    };
    const element = setup
      ? React.createElement(setup.module.SetupPanel, { provision: setup.module.provisionWith(setup.sp), host, onDone })
      : React.createElement(this.ui.AppLoader, { load: this.load, host });
    ReactDom.render(element, this.domElement);
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }
}
