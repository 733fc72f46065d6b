/**
 * ConfigStore over PnPjs: reads Configuratie/Samenwerkingsruimte/agreement.json. A file whose validation stamp proves
 * this build's validator passed exactly its content is used as it is; any other is validated in full by the domain
 * loader, which loads (with zod) only then.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/files';
import type { AgreementConfig } from '../../domain/agreement/schema';
import { readStamped } from '../../domain/agreement/stamp';
import { ConfigLoadError, type ConfigStore } from '../../ports/config';
import { CONFIG_FILE } from '../../provisioning/names';
import { httpStatus } from './errors';

/** Reads the agreement configuration stored in the site. */
export class PnpConfigStore implements ConfigStore {
  /**
   * `webUrl` (the web's absolute URL, as the host knows it: SPFx `pageContext.web.absoluteUrl`) saves the request
   * that would otherwise ask the web for its server-relative URL (the first render makes at most 3 requests).
   */
  public constructor(
    private readonly sp: SPFI,
    private readonly webUrl?: string,
  ) {}

  /** The file's text as the last load read it (the change trail hashes the same bytes, without a second request). */
  private loaded?: Promise<string>;

  /** The configuration file's text: the one the load read, or read now. */
  public text(): Promise<string> {
    return this.loaded ?? this.reread();
  }

  /** Reads the file again; a failed read is not kept (the next call tries again). */
  private reread(): Promise<string> {
    const reading = this.read();
    this.loaded = reading;
    reading.catch(() => {
      if (this.loaded === reading) this.loaded = undefined;
    });
    return reading;
  }

  /** Loads and validates; every error names the field and, where it applies, the article. */
  public async load(): Promise<AgreementConfig> {
    const text = await this.reread();
    const stamped = await readStamped(text);
    if (stamped) return stamped;
    const { formatConfigErrors, loadAgreementText } = await import(/* webpackChunkName: 'config-validator' */ '../../domain/agreement/load');
    const result = loadAgreementText(text);
    if (!result.ok) {
      const lines = formatConfigErrors(result.errors, 'nl');
      throw new ConfigLoadError(`Configuratie ${await this.path()} is ongeldig:\n${lines.join('\n')}`, result.errors);
    }
    return result.config;
  }

  /** Server-relative path of the configuration file. */
  private async path(): Promise<string> {
    return `${(await this.webPath()).replace(/\/$/, '')}/${CONFIG_FILE.library}/${CONFIG_FILE.folder}/${CONFIG_FILE.name}`;
  }

  /** Reads the file's text; a missing file names what to do. */
  private async read(): Promise<string> {
    const path = await this.path();
    try {
      return await this.sp.web.getFileByServerRelativePath(path).getText();
    } catch (e) {
      if (httpStatus(e) === 404) {
        throw new ConfigLoadError(
          `Configuratie ontbreekt: ${path}. Richt de site in (provisioning) om de overeenkomst te laden.`,
          [],
        );
      }
      throw e;
    }
  }

  /** The web's server-relative URL: from the known web URL, else asked from SharePoint. */
  private async webPath(): Promise<string> {
    if (this.webUrl) return decodeURIComponent(new URL(this.webUrl).pathname);
    const web: { ServerRelativeUrl: string } = await this.sp.web.select('ServerRelativeUrl')();
    return web.ServerRelativeUrl;
  }
}
