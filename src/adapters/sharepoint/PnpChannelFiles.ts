/** ChannelFiles over PnPjs: the site's default document library (`web/defaultDocumentLibrary`), files only. */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import type { ChannelFileInfo, ChannelFiles } from '../../ports/documents';
import { httpStatus } from './errors';

/** The Team's document library, found as SharePoint's default library (its title is localised). */
export class PnpChannelFiles implements ChannelFiles {
  public constructor(private readonly sp: SPFI) {}

  /** Files newest first (Modified is indexed on every list by SharePoint's default views' sort, and small here). */
  public async list(max: number): Promise<{ items: ChannelFileInfo[]; more: boolean }> {
    let rows: Array<Record<string, unknown>>;
    try {
      rows = await this.sp.web.defaultDocumentLibrary.items
        .select('FSObjType', 'FileLeafRef', 'FileRef', 'Modified', 'Author/Id', 'Author/Title', 'Author/EMail')
        .expand('Author')
        .filter('FSObjType eq 0')
        .orderBy('Modified', false)
        .top(max + 1)();
    } catch (e) {
      // A site without a default document library has no channel files.
      if (httpStatus(e) === 404) return { items: [], more: false };
      throw e;
    }
    const files = rows.map((r): ChannelFileInfo => {
      const a = r.Author as { Id?: number; Title?: string; EMail?: string } | undefined;
      return {
        name: String(r.FileLeafRef ?? ''),
        serverRelativeUrl: String(r.FileRef ?? ''),
        modified: String(r.Modified ?? ''),
        ...(a?.Id ? { author: { id: a.Id, displayName: a.Title ?? '', ...(a.EMail ? { email: a.EMail } : {}) } } : {}),
      };
    });
    return { items: files.slice(0, max), more: files.length > max };
  }
}
