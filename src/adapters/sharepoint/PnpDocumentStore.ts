/** DocumentStore over PnPjs: the exchange library (views with paging, upload with chunks, metadata, permissions). */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import type { IList } from '@pnp/sp/lists';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import '@pnp/sp/content-types/list';
import type { IItem } from '@pnp/sp/items';
import type { IFile } from '@pnp/sp/files';
import type { AgreementConfig } from '../../domain/agreement/schema';
import {
  ConcurrencyError,
  UploadRefusedError,
  type DocumentMetadata,
  type DocumentQuery,
  type DocumentStore,
  type ExchangeDocument,
  type Page,
  type Toetsstatus,
  type UploadRequest,
  type UploadResult,
} from '../../ports/documents';
import {
  PARTY_ONLY_STATUSES,
  exchangeFolders,
  folderForDocument,
  isShareable,
  restrictedFolderName,
  stagingFolderForDocument,
} from '../../provisioning/permissions';
import { DOC, EXCHANGE_CONTENT_TYPE_ID } from '../../provisioning/names';
import { Resilience } from './behaviours';
import { DEFAULT_CHUNK_BYTES, uploadChunked } from './chunkedUpload';
import { buildQuery } from './documentQueries';
import { httpStatus, rethrowConcurrency, sharePointMessage } from './errors';
import { checkUpload } from './fileNames';
import { checkMetadata } from './metadataCheck';
import { fetchPage } from './paging';

/** Columns read for every document. */
const SELECT = [
  'Id',
  'FSObjType',
  'FileLeafRef',
  'FileRef',
  'Created',
  'Modified',
  DOC.documentType,
  DOC.classification,
  DOC.toetsstatus,
  DOC.activity,
  DOC.categories,
  DOC.party,
  DOC.year,
  DOC.retainUntil,
  DOC.confidential,
  DOC.toetsId,
  DOC.reviewNote,
  'OData__UIVersionString',
  `${DOC.uploader}/Id`,
  `${DOC.uploader}/Title`,
  `${DOC.uploader}/EMail`,
  'Author/Id',
  'Author/Title',
  'Author/EMail',
  'Editor/Id',
  'Editor/Title',
  'Editor/EMail',
];
/** Person columns expanded. */
const EXPAND = [DOC.uploader, 'Author', 'Editor'];

/** A raw item row. */
type Row = Record<string, unknown>;

/** A person column value as a PersonRef. */
function person(v: unknown): ExchangeDocument['uploader'] {
  if (typeof v !== 'object' || v === null || !('Id' in v)) return undefined;
  const p = v as { Id: number; Title?: string; EMail?: string };
  return { id: p.Id, displayName: p.Title ?? '', ...(p.EMail ? { email: p.EMail } : {}) };
}

/** A string column value, or undefined. */
function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** Maps a row to the domain document. */
export function toDocument(row: Row): ExchangeDocument {
  const cats = row[DOC.categories];
  return {
    id: Number(row.Id),
    name: String(row.FileLeafRef ?? ''),
    serverRelativeUrl: String(row.FileRef ?? ''),
    documentType: str(row[DOC.documentType]),
    classification: str(row[DOC.classification]),
    toetsstatus: (str(row[DOC.toetsstatus]) ?? 'Te classificeren') as Toetsstatus,
    activity: str(row[DOC.activity]),
    categories: Array.isArray(cats) ? cats.map(String) : [],
    party: str(row[DOC.party]),
    year: typeof row[DOC.year] === 'number' ? (row[DOC.year] as number) : undefined,
    retainUntil: str(row[DOC.retainUntil])?.slice(0, 10),
    confidential: row[DOC.confidential] === true,
    toetsId: str(row[DOC.toetsId]),
    uploader: person(row[DOC.uploader]),
    author: person(row.Author),
    editor: person(row.Editor),
    ...(str(row[DOC.reviewNote]) ? { reviewNote: str(row[DOC.reviewNote]) } : {}),
    created: String(row.Created ?? ''),
    modified: String(row.Modified ?? ''),
    etag: String(row['odata.etag'] ?? row.__etag ?? '*'),
    ...(str(row.OData__UIVersionString) ? { version: str(row.OData__UIVersionString) } : {}),
  };
}

/** The write body for metadata (plain JSON: SharePoint takes ISO dates and arrays for multi-choice). */
function toFields(m: DocumentMetadata, uploaderId?: number): Record<string, unknown> {
  return {
    [DOC.documentType]: m.documentType,
    [DOC.classification]: m.classification,
    [DOC.toetsstatus]: m.toetsstatus,
    [DOC.activity]: m.activity ?? null,
    [DOC.categories]: m.categories,
    [DOC.party]: m.party,
    [DOC.year]: m.year ?? null,
    [DOC.retainUntil]: m.retainUntil ? `${m.retainUntil}T00:00:00Z` : null,
    [DOC.confidential]: m.confidential,
    [DOC.toetsId]: m.toetsId ?? null,
    ...(m.reviewNote !== undefined ? { [DOC.reviewNote]: m.reviewNote } : {}),
    ...(uploaderId !== undefined ? { [`${DOC.uploader}Id`]: uploaderId } : {}),
  };
}

/** Options of {@link PnpDocumentStore}. */
export interface DocumentStoreOptions {
  /** Files above this many bytes go in chunks. */
  chunkThresholdBytes?: number;
  chunkBytes?: number;
  /** Attempts per chunk. */
  chunkAttempts?: number;
  /** Clock for the 'Bewaartermijn verlopen' view. */
  today?: () => string;
}

/** The exchange library through PnPjs. */
export class PnpDocumentStore implements DocumentStore {
  private rootFolder?: string;
  private contentTypeId?: string;
  private drafts?: boolean;
  private userId?: number;

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

  /** True when a file with this name is in the library root or a permission folder the user can see (one $batch). */
  public async exists(fileName: string): Promise<boolean> {
    const folders = await this.folderUrls();
    const [batched, execute] = this.sp.batched();
    const checks = folders.map((folder) => batched.web.getFileByServerRelativePath(`${folder}/${fileName}`).exists());
    await execute();
    return (await Promise.all(checks)).some(Boolean);
  }

  /**
   * Uploads into the uploader's own folder (shared, or restricted for a restricted level), as a draft only its own
   * party reads; sets the metadata with the item's etag; then either publishes an allowed file (the other party reads
   * it from then on), or moves a file for review into the party's review folder, where the uploader may add but never
   * edit, move, publish or delete (art. 9.2; SharePoint refuses it). A failure after the bytes landed flags the item
   * 'Onvolledig' where it is, still a draft, so it shows in "Te classificeren" (issue 4: never silently half).
   */
  public async upload(request: UploadRequest): Promise<UploadResult> {
    const bytes = await toBytes(request.content);
    checkMetadata(this.config, request.metadata);
    const stagingUrl = `${await this.root()}/${stagingFolderForDocument(this.config, request.metadata)}`;
    const targetUrl = await this.folderUrl(request.metadata);
    checkUpload(request.fileName, bytes.byteLength, this.config.space.maxUploadMB * 1024 * 1024, [
      stagingUrl,
      targetUrl,
    ]);
    if (await this.exists(request.fileName)) {
      throw new UploadRefusedError(
        'duplicate',
        `'${request.fileName}' bestaat al in ${this.config.space.exchangeLibraryTitle}; kies een andere naam.`,
      );
    }
    const total = bytes.byteLength;
    const progress = (sent: number, retries: number): void =>
      request.onProgress?.({ fileName: request.fileName, bytesSent: sent, totalBytes: total, retries });
    progress(0, 0);
    try {
      if (total <= (this.options.chunkThresholdBytes ?? DEFAULT_CHUNK_BYTES)) {
        await this.sp.web
          .getFolderByServerRelativePath(stagingUrl)
          .files.addUsingPath(request.fileName, bytes, { Overwrite: false });
        progress(total, 0);
      } else {
        await uploadChunked(this.sp, stagingUrl, request.fileName, bytes, {
          chunkBytes: this.options.chunkBytes ?? DEFAULT_CHUNK_BYTES,
          attempts: this.options.chunkAttempts ?? 3,
          onChunk: progress,
        });
      }
    } catch (e) {
      throw await this.explainDenied(e, stagingUrl);
    }
    const file = this.sp.web.getFileByServerRelativePath(`${stagingUrl}/${request.fileName}`);
    const info: { Id: number; 'odata.etag'?: string } = await file.listItemAllFields.select('Id')();
    const item = this.ref.items.getById(info.Id);
    const problems: string[] = [];
    try {
      const fields = { ...toFields(request.metadata, await this.currentUserId()), ...(await this.contentType()) };
      await item.update(fields, String(info['odata.etag']));
    } catch (e) {
      problems.push(`metadata: ${await sharePointMessage(e)}`);
      await this.flagIncomplete(item);
    }
    const staged = await this.get(info.Id);
    if (problems.length > 0) return { document: staged, complete: false, problems };
    if (targetUrl !== stagingUrl) {
      try {
        await file.moveByPath(`${targetUrl}/${request.fileName}`, false);
      } catch (e) {
        problems.push(`naar de reviewmap: ${await sharePointMessage(e)}`);
        await this.flagIncomplete(item);
        return { document: await this.get(info.Id), complete: false, problems };
      }
      // The uploader may no longer read it there (it waits for the privacy officer): this is what was handed in.
      return { document: { ...staged, serverRelativeUrl: `${targetUrl}/${request.fileName}` }, complete: true, problems };
    }
    try {
      await this.publishIfShareable(file, request.metadata.toetsstatus);
    } catch (e) {
      problems.push(`publiceren: ${await sharePointMessage(e)}`);
      await this.flagIncomplete(item);
    }
    return { document: await this.get(info.Id), complete: problems.length === 0, problems };
  }

  /**
   * Changes metadata and moves the file to the folder its new state demands, in the order that never leaves it readable
   * under a status that does not allow it and that the person may write:
   * - into a review folder (review, rejected, incomplete): the metadata first, where the file is, then the move — a
   *   party's staff may add to its review folder but not edit there (art. 9.2);
   * - out of a review folder (the privacy officer's approval): the move first, then the metadata; the file is a draft
   *   in its new folder until it is published last.
   */
  public async updateMetadata(id: number, patch: Partial<DocumentMetadata>, etag?: string): Promise<ExchangeDocument> {
    const current = await this.get(id);
    if (etag && etag !== '*' && etag !== current.etag) {
      throw new ConcurrencyError(
        `'${current.name}' is intussen door iemand anders gewijzigd; laad opnieuw en probeer het nog eens.`,
      );
    }
    const next: DocumentMetadata = {
      documentType: patch.documentType ?? current.documentType ?? '',
      classification: patch.classification ?? current.classification ?? '',
      toetsstatus: patch.toetsstatus ?? current.toetsstatus,
      activity: patch.activity ?? current.activity,
      categories: patch.categories ?? current.categories,
      party: patch.party ?? current.party ?? '',
      year: patch.year ?? current.year,
      retainUntil: patch.retainUntil ?? current.retainUntil,
      confidential: patch.confidential ?? current.confidential,
      toetsId: patch.toetsId ?? current.toetsId,
      ...(patch.reviewNote !== undefined ? { reviewNote: patch.reviewNote } : {}),
    };
    checkMetadata(this.config, next);
    const targetFolder = await this.folderUrl(next);
    const currentFolder = current.serverRelativeUrl.slice(0, current.serverRelativeUrl.lastIndexOf('/'));
    const dest = `${targetFolder}/${current.name}`;
    const move = async (): Promise<void> => {
      await this.sp.web
        .getFileByServerRelativePath(current.serverRelativeUrl)
        .moveByPath(dest, false)
        .catch(async (e) => {
          throw await this.explainDenied(e, targetFolder);
        });
    };
    const write = async (itemEtag: string): Promise<void> => {
      await this.ref.items
        .getById(id)
        .update(toFields(next), itemEtag)
        .catch((e) => rethrowConcurrency(e, `'${current.name}'`));
    };
    if (targetFolder === currentFolder) {
      await write(current.etag);
    } else if (PARTY_ONLY_STATUSES.has(next.toetsstatus)) {
      await write(current.etag);
      await move();
      // After the move into a review folder staff may no longer read it (it waits for the privacy officer).
      const moved = await this.get(id).catch((e) => {
        if (httpStatus(e) === 404) return null;
        throw e;
      });
      return moved ?? { ...current, ...next, serverRelativeUrl: dest };
    } else {
      await move();
      // A move within a library keeps the item (and its id); its etag changed, so read it again: no blind write.
      await write((await this.get(id)).etag);
    }
    const file = this.sp.web.getFileByServerRelativePath(dest);
    await this.publishIfShareable(file, next.toetsstatus).catch(async (e) => {
      // Still a draft only its own party reads; flagged so it shows in "Te classificeren" and is classified again.
      await this.flagIncomplete(this.ref.items.getById(id));
      throw new Error(
        `'${current.name}' is vastgelegd als '${next.toetsstatus}', maar niet gepubliceerd voor de andere partij (${await sharePointMessage(e)}). Het staat als 'Onvolledig' in 'Te classificeren'; classificeer het opnieuw.`,
      );
    });
    return this.get(id);
  }

  /** Publishes the current draft as a major version for those who read its folder. */
  public async publish(id: number, comment: string): Promise<void> {
    if (!(await this.draftsEnabled())) return;
    const doc = await this.get(id);
    await this.sp.web.getFileByServerRelativePath(doc.serverRelativeUrl).publish(comment);
  }

  /**
   * Publishes a major version when the status lets the other party read the file (art. 9.5); until then it is a
   * draft that only editors of its folder, its own party, read. A library without minor versions publishes every
   * version by itself (a site not yet provisioned for drafts; provisioning turns them on).
   */
  private async publishIfShareable(file: IFile, toetsstatus: Toetsstatus): Promise<void> {
    if (!isShareable(toetsstatus) || !(await this.draftsEnabled())) return;
    await file.publish('Doelbindingstoets doorlopen (art. 8, 9)');
  }

  /** True when the library keeps drafts (minor versions), read once. */
  private async draftsEnabled(): Promise<boolean> {
    if (this.drafts === undefined) {
      const info: { EnableMinorVersions?: boolean } = await this.ref.select('EnableMinorVersions')();
      this.drafts = info.EnableMinorVersions === true;
    }
    return this.drafts;
  }

  /** The file's bytes. */
  public async download(id: number): Promise<ArrayBuffer> {
    const doc = await this.get(id);
    return this.sp.web.getFileByServerRelativePath(doc.serverRelativeUrl).getBuffer();
  }

  /**
   * Marks an item incomplete, best effort: one field set to one value, so the shared retry repeats it after a dropped
   * connection too. If it still fails, a new file keeps the column default 'Te classificeren'; one whose publish
   * failed stays a draft that only its own party reads, marked "Concept" wherever it is listed.
   */
  private async flagIncomplete(item: IItem): Promise<void> {
    await item
      .using(Resilience({ idempotentWrites: true }))
      .update({ [DOC.toetsstatus]: 'Onvolledig' })
      .catch(() => undefined);
  }

  /** The folder of the sharing party the metadata puts a file in (art. 9.2 review, art. 10.1 restricted, shared). */
  private async folderUrl(metadata: DocumentMetadata): Promise<string> {
    return `${await this.root()}/${folderForDocument(this.config, metadata)}`;
  }

  /** The root (files from before the party folders) and every permission folder. */
  private async folderUrls(): Promise<string[]> {
    const root = await this.root();
    return [root, ...exchangeFolders(this.config).map((f) => `${root}/${f.name}`)];
  }

  /**
   * Turns a refusal on a permission folder into a message that names the rule. SharePoint answers 403, or 404 for a
   * folder the user may not even see (it does not reveal that it exists).
   */
  private async explainDenied(e: unknown, folderUrl: string): Promise<unknown> {
    const status = httpStatus(e);
    if (status !== 403 && status !== 404) return e;
    if (this.config.parties.some((p) => folderUrl.endsWith(`/${restrictedFolderName(p.key)}`))) {
      return new UploadRefusedError(
        'denied',
        'U staat niet op de autorisatielijst voor vertrouwelijke stukken (art. 10.1); kies een lagere rubricering of vraag de beheerder.',
      );
    }
    if (status === 404) {
      return new Error(
        `De map ${folderUrl} ontbreekt of is niet toegankelijk; laat de beheerder de site opnieuw inrichten.`,
      );
    }
    return new UploadRefusedError('denied', `Geen schrijfrechten in ${folderUrl} (${await sharePointMessage(e)}).`);
  }

  /** The list's Uitwisselingsdocument content type as an item field (SharePoint picks the library default otherwise). */
  private async contentType(): Promise<Record<string, string>> {
    if (this.contentTypeId === undefined) {
      const cts: Array<{ StringId: string }> = await this.ref.contentTypes.select('StringId')();
      const own = cts.find((c) => c.StringId.toUpperCase().startsWith(EXCHANGE_CONTENT_TYPE_ID.toUpperCase()));
      if (!own)
        throw new Error(
          `Inhoudstype Uitwisselingsdocument ontbreekt in ${this.config.space.exchangeLibraryTitle}; richt de site opnieuw in.`,
        );
      this.contentTypeId = own.StringId;
    }
    return { ContentTypeId: this.contentTypeId };
  }

  /** Server-relative URL of the library's root folder. */
  private async root(): Promise<string> {
    if (!this.rootFolder) {
      const f: { ServerRelativeUrl: string } = await this.ref.rootFolder.select('ServerRelativeUrl')();
      this.rootFolder = f.ServerRelativeUrl;
    }
    return this.rootFolder;
  }

  /** The current site user id. */
  private async currentUserId(): Promise<number> {
    if (this.userId === undefined) {
      const u: { Id: number } = await this.sp.web.currentUser.select('Id')();
      this.userId = u.Id;
    }
    return this.userId;
  }
}

/** Normalises upload content to bytes. */
async function toBytes(content: UploadRequest['content']): Promise<Uint8Array> {
  if (content instanceof Uint8Array) return content;
  if (content instanceof ArrayBuffer) return new Uint8Array(content);
  return new Uint8Array(await content.arrayBuffer());
}
