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
  public constructor(private readonly sp: SPFI) {}

  /** Loads and validates; every error names the field and, where it applies, the article. */
  public async load(): Promise<AgreementConfig> {
    const web: { ServerRelativeUrl: string } = await this.sp.web.select('ServerRelativeUrl')();
    const path = `${web.ServerRelativeUrl.replace(/\/$/, '')}/${CONFIG_FILE.library}/${CONFIG_FILE.folder}/${CONFIG_FILE.name}`;
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
}
