/**
 * DocumentStore over PnPjs: the exchange library's views with paging, one document, its bytes (the dashboard's first
 * render), and the single operations the upload steps of src/upload/place.ts are made of. Those writes live in
 * ./PnpDocumentWrites, loaded on the first write, so the first render does not fetch them.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import type { IList } from '@pnp/sp/lists';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import type { AgreementConfig } from '../../domain/agreement/schema';
import type {
  DocumentMetadata,
  DocumentQuery,
  DocumentStore,
  ExchangeDocument,
  FolderPair,
  Page,
  StoredFile,
} from '../../ports/documents';
import { buildQuery } from './documentQueries';
import { EXPAND, SELECT, toDocument, type Row } from './documentRows';
import { fetchPage } from './paging';
import type { DocumentWriteOptions, PnpDocumentWrites } from './PnpDocumentWrites';

export { toDocument } from './documentRows';

/** Options of {@link PnpDocumentStore}. */
export interface DocumentStoreOptions extends DocumentWriteOptions {
  /** Clock for the 'Bewaartermijn verlopen' view. */
  today?: () => string;
}

/** The exchange library through PnPjs. */
export class PnpDocumentStore implements DocumentStore {
  private rootFolder?: string;
  private userId?: number;
  private writer?: Promise<PnpDocumentWrites>;

  public constructor(
    private readonly sp: SPFI,
    private readonly config: AgreementConfig,
    private readonly options: DocumentStoreOptions = {},
  ) {}

  /** The library list handle. */
  private get ref(): IList {
    return this.sp.web.lists.getByTitle(this.config.space.exchangeLibraryTitle);
  }

  /** One page of a view with the dashboard's filters; SharePoint trims what the user may not read. */
  public async list(query: DocumentQuery): Promise<Page<ExchangeDocument>> {
    const userId = query.view === 'mijn-gedeelde-stukken' ? await this.currentUserId() : 0;
    return this.page(this.sp, query, userId);
  }

  /** Several views in one $batch request (plus one for the user id when "Mijn gedeelde stukken" is asked first). */
  public async listMany(queries: DocumentQuery[]): Promise<Array<Page<ExchangeDocument>>> {
    const userId = queries.some((q) => q.view === 'mijn-gedeelde-stukken') ? await this.currentUserId() : 0;
    const [batched, execute] = this.sp.batched();
    const pages = queries.map((q) => this.page(batched, q, userId));
    await execute();
    return Promise.all(pages);
  }

  /** Builds and runs one page request on the given PnPjs root (plain or batched). */
  private async page(sp: SPFI, query: DocumentQuery, userId: number): Promise<Page<ExchangeDocument>> {
    const today = this.options.today?.() ?? new Date().toISOString().slice(0, 10);
    const { filter, orderBy } = buildQuery(query, this.config, { today, userId });
    const list = sp.web.lists.getByTitle(this.config.space.exchangeLibraryTitle);
    let items = list.items
      .select(...SELECT)
      .expand(...EXPAND)
      .orderBy(orderBy[0], orderBy[1])
      .top(query.pageSize ?? 30);
    if (filter) items = items.filter(filter);
    const page = await fetchPage<Row>(items, query.pageToken);
    // REST item queries are recursive and include the permission folders themselves; only files are documents.
    const files = page.rows.filter((r) => Number(r.FSObjType ?? 0) !== 1);
    return { items: files.map(toDocument), ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}) };
  }

  /** One document by id. */
  public async get(id: number): Promise<ExchangeDocument> {
    return toDocument(
      await this.ref.items
        .getById(id)
        .select(...SELECT)
        .expand(...EXPAND)(),
    );
  }

  /** The file's bytes. */
  public async download(id: number): Promise<ArrayBuffer> {
    const doc = await this.get(id);
    return this.sp.web.getFileByServerRelativePath(doc.serverRelativeUrl).getBuffer();
  }

  /** The write side, loaded on the first write (a failed chunk load is not kept: the next write loads again). */
  private writes(): Promise<PnpDocumentWrites> {
    if (!this.writer) {
      this.writer = import(/* webpackChunkName: 'document-writes' */ './PnpDocumentWrites').then(
        (m) => new m.PnpDocumentWrites(this.sp, this.config, this.options, this),
      );
      this.writer.catch(() => {
        this.writer = undefined;
      });
    }
    return this.writer;
  }

  /** True when a file with this name is in the library root or a permission folder the user can see. */
  public async exists(fileName: string): Promise<boolean> {
    return (await this.writes()).exists(fileName);
  }

  /** The staging and target folder for a file with this metadata, checked before any byte (PnpDocumentWrites). */
  public async folderUrls(metadata: DocumentMetadata, file?: { name: string; size: number }): Promise<FolderPair> {
    return (await this.writes()).folderUrls(metadata, file);
  }

  /** The file at `folderUrl/name` with its item and size; null for SharePoint's 404 or 403. */
  public async fileAt(folderUrl: string, name: string): Promise<StoredFile | null> {
    return (await this.writes()).fileAt(folderUrl, name);
  }

  /** Writes a new file into the folder as a draft only its own party reads (PnpDocumentWrites.putFile). */
  public async putFile(
    folderUrl: string,
    name: string,
    content: Uint8Array,
    onProgress?: (bytesSent: number, retries: number) => void,
  ): Promise<void> {
    return (await this.writes()).putFile(folderUrl, name, content, onProgress);
  }

  /** Writes the metadata columns with the item's etag (412 → ConcurrencyError); returns the new etag. */
  public async writeMetadata(
    id: number,
    metadata: DocumentMetadata,
    etag: string,
    options: { asUpload?: boolean } = {},
  ): Promise<string> {
    return (await this.writes()).writeMetadata(id, metadata, etag, options);
  }

  /** Moves a file into another folder of the library under the same name, never over an existing file. */
  public async moveFile(serverRelativeUrl: string, toFolderUrl: string): Promise<void> {
    return (await this.writes()).moveFile(serverRelativeUrl, toFolderUrl);
  }

  /** Publishes the current draft as a major version for those who read its folder. */
  public async publishFile(serverRelativeUrl: string, comment: string): Promise<void> {
    return (await this.writes()).publishFile(serverRelativeUrl, comment);
  }

  /** Marks an item 'Onvolledig', guarded by its etag; returns the new etag. */
  public async flagIncomplete(id: number, etag: string): Promise<string> {
    return (await this.writes()).flagIncomplete(id, etag);
  }

  /** Server-relative URL of the library's root folder. */
  public async root(): Promise<string> {
    if (!this.rootFolder) {
      const f: { ServerRelativeUrl: string } = await this.ref.rootFolder.select('ServerRelativeUrl')();
      this.rootFolder = f.ServerRelativeUrl;
    }
    return this.rootFolder;
  }

  /** The current site user id. */
  public async currentUserId(): Promise<number> {
    if (this.userId === undefined) {
      const u: { Id: number } = await this.sp.web.currentUser.select('Id')();
      this.userId = u.Id;
    }
    return this.userId;
  }
}
