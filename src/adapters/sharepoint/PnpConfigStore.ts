/** ConfigStore over PnPjs: reads SiteAssets/Samenwerkingsruimte/agreement.json and validates it with the domain loader. */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/files';
import { formatConfigErrors } from '../../domain/agreement/errors';
import { loadAgreementText } from '../../domain/agreement/load';
import type { AgreementConfig } from '../../domain/agreement/schema';
import { ConfigLoadError, type ConfigStore } from '../../ports/config';
import { CONFIG_FILE } from '../../provisioning/names';
import { httpStatus } from './errors';

/** Reads the agreement configuration stored in the site. */
export class PnpConfigStore implements ConfigStore {
  /**
   * `webUrl` (the web's absolute URL, as the host knows it: SPFx `pageContext.web.absoluteUrl`) saves the request
   * that would otherwise ask the web for its server-relative URL (issue 5: first render in at most 3 requests).
   */
  public constructor(
    private readonly sp: SPFI,
    private readonly webUrl?: string,
  ) {}

  /** Loads and validates; every error names the field and, where it applies, the article. */
  public async load(): Promise<AgreementConfig> {
    const path = `${(await this.webPath()).replace(/\/$/, '')}/${CONFIG_FILE.library}/${CONFIG_FILE.folder}/${CONFIG_FILE.name}`;
    let text: string;
    try {
      text = await this.sp.web.getFileByServerRelativePath(path).getText();
    } catch (e) {
      if (httpStatus(e) === 404) {
        throw new ConfigLoadError(
          `Configuratie ontbreekt: ${path}. Richt de site in (provisioning) om de overeenkomst te laden.`,
          [],
        );
      }
      throw e;
    }
    const result = loadAgreementText(text);
    if (!result.ok) {
      const lines = formatConfigErrors(result.errors, 'nl');
      throw new ConfigLoadError(`Configuratie ${path} is ongeldig:\n${lines.join('\n')}`, result.errors);
    }
    return result.config;
  }

  /** The web's server-relative URL: from the known web URL, else asked from SharePoint. */
  private async webPath(): Promise<string> {
    if (this.webUrl) return decodeURIComponent(new URL(this.webUrl).pathname);
    const web: { ServerRelativeUrl: string } = await this.sp.web.select('ServerRelativeUrl')();
    return web.ServerRelativeUrl;
  }
}
