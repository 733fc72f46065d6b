/**
 * The exchange library's write side over PnPjs: the single operations the upload steps of src/upload/place.ts are made
 * of (read a file at a path, write a file, write metadata with an etag, move, publish) and the duplicate check. No
 * flow here: which folder, which order and what to do after a lost answer is decided in place.ts.
 *
 * Its own module, loaded on the first write: the dashboard's first render only reads, so the upload session,
 * the guarded writes, the permission folders and the refusals are not fetched before it.
 */
import { spfi, type SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import type { IList } from '@pnp/sp/lists';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import '@pnp/sp/content-types/list';
import type { AgreementConfig } from '../../domain/agreement/schema';
import { ReadableFailure } from '../../domain/common/failure';
import {
  UploadRefusedError,
  type DocumentMetadata,
  type ExchangeDocument,
  type FolderPair,
  type StoredFile,
} from '../../ports/documents';
import { exchangeFolderList, folderForDocument, stagingFolderForDocument } from '../../provisioning/folders';
import { DOC, EXCHANGE_CONTENT_TYPE_ID } from '../../provisioning/names';
import { Resilience } from './behaviours';
import { DEFAULT_CHUNK_BYTES, uploadChunked } from './chunkedUpload';
import { EXPAND, SELECT, toDocument, type Row } from './documentRows';
import { httpStatus, rethrowConcurrency, sharePointMessage } from './errors';
import { checkUpload } from './fileNames';
import { checkMetadata } from './metadataCheck';

/** The write body for metadata (plain JSON: SharePoint takes ISO dates and arrays for multi-choice). */
function toFields(m: DocumentMetadata, uploaderId?: number): Record<string, unknown> {
  return {
    [DOC.documentType]: m.documentType,
    [DOC.classification]: m.classification,
    [DOC.toetsstatus]: m.toetsstatus,
    [DOC.activity]: m.activity ?? null,
    [DOC.categories]: m.categories,
    [DOC.party]: m.party,
    [DOC.recipients]: m.recipients ?? [],
    [DOC.year]: m.year ?? null,
    [DOC.retainUntil]: m.retainUntil ? `${m.retainUntil}T00:00:00Z` : null,
    [DOC.confidential]: m.confidential,
    [DOC.toetsId]: m.toetsId ?? null,
    ...(m.reviewNote !== undefined ? { [DOC.reviewNote]: m.reviewNote } : {}),
    ...(uploaderId !== undefined ? { [`${DOC.uploader}Id`]: uploaderId } : {}),
  };
}

/** Upload options (PnpDocumentStore's DocumentStoreOptions). */
export interface DocumentWriteOptions {
  /** Files above this many bytes go in chunks. */
  chunkThresholdBytes?: number;
  chunkBytes?: number;
  /** Upload sessions tried before a chunked upload gives up (each from offset 0). */
  chunkAttempts?: number;
}

/** What the write side reads through the store it belongs to (cached there, once per load). */
export interface DocumentReads {
  /** Server-relative URL of the library's root folder. */
  root(): Promise<string>;
  /** The current site user id. */
  currentUserId(): Promise<number>;
  /** One document by id. */
  get(id: number): Promise<ExchangeDocument>;
}

/** The exchange library's writes through PnPjs. */
export class PnpDocumentWrites {
  private contentTypeId?: string;
  private drafts?: boolean;

  public constructor(
    private readonly sp: SPFI,
    private readonly config: AgreementConfig,
    private readonly options: DocumentWriteOptions,
    private readonly reads: DocumentReads,
  ) {}

  /** The library list handle. */
  private get ref(): IList {
    return this.sp.web.lists.getByTitle(this.config.space.exchangeLibraryTitle);
  }

  /**
   * True when a file with this name is in the library root or a permission folder the user can see: one `$batch` of
   * reads, sent again when its answer is lost (it changes nothing, so repeating it is safe).
   */
  public async exists(fileName: string): Promise<boolean> {
    const folders = await this.allFolderUrls();
    const [batched, execute] = spfi(this.sp).using(Resilience({ idempotentWrites: true })).batched();
    const checks = folders.map((folder) => batched.web.getFileByServerRelativePath(`${folder}/${fileName}`).exists());
    await execute();
    return (await Promise.all(checks)).some(Boolean);
  }

  /**
   * The folder a file with this metadata is written to first (the sharing party's own shared or restricted folder,
   * where its staff may write) and the folder it belongs in (the review folder for a file in review, art. 9.2). Checks
   * the metadata against the configuration and, with `file`, its name and size in both folders: before any byte.
   */
  public async folderUrls(metadata: DocumentMetadata, file?: { name: string; size: number }): Promise<FolderPair> {
    checkMetadata(this.config, metadata);
    const root = await this.reads.root();
    const staging = `${root}/${stagingFolderForDocument(this.config, metadata)}`;
    const target = `${root}/${folderForDocument(this.config, metadata)}`;
    if (file) checkUpload(file.name, file.size, this.config.space.maxUploadMB * 1024 * 1024, [staging, target]);
    return { staging, target };
  }

  /**
   * The file at `folderUrl/name` with its item and size, in one read; null when SharePoint answers 404 (no such file,
   * or one the user may not read: a file handed in to a review folder is invisible to its uploader) or 403.
   */
  public async fileAt(folderUrl: string, name: string): Promise<StoredFile | null> {
    try {
      const row: Row & { File?: { Length?: unknown } } = await this.sp.web
        .getFileByServerRelativePath(`${folderUrl}/${name}`)
        .listItemAllFields.select(...SELECT, 'File/Length')
        .expand(...EXPAND, 'File')();
      return { ...toDocument(row), length: Number(row.File?.Length ?? 0) };
    } catch (e) {
      const status = httpStatus(e);
      if (status === 404 || status === 403) return null;
      throw e;
    }
  }

  /**
   * Writes a new file into the folder as a draft only its own party reads: one request, or an upload session above
   * the chunk threshold (`chunkedUpload.ts`). A file already at that path is refused ('duplicate'), except the current
   * user's empty stub that an earlier attempt left, which is written into.
   */
  public async putFile(
    folderUrl: string,
    name: string,
    content: Uint8Array,
    onProgress?: (bytesSent: number, retries: number) => void,
  ): Promise<void> {
    const total = content.byteLength;
    const progress = (sent: number, retries: number): void => onProgress?.(sent, retries);
    const userId = await this.reads.currentUserId();
    const read = async (): Promise<{ length: number; authorId?: number } | null> => {
      const f = await this.fileAt(folderUrl, name);
      return f ? { length: f.length, authorId: f.author?.id } : null;
    };
    const chunked = async (): Promise<void> =>
      uploadChunked(this.sp, folderUrl, name, content, {
        chunkBytes: this.options.chunkBytes ?? DEFAULT_CHUNK_BYTES,
        attempts: this.options.chunkAttempts ?? 3,
        onChunk: progress,
        read,
        userId,
      });
    progress(0, 0);
    try {
      if (total > (this.options.chunkThresholdBytes ?? DEFAULT_CHUNK_BYTES)) {
        await chunked().catch(async (e) => {
          await this.removeEmptyStub(folderUrl, name, userId);
          throw e;
        });
        return;
      }
      try {
        await this.sp.web
          .getFolderByServerRelativePath(folderUrl)
          .files.addUsingPath(name, content, { Overwrite: false });
      } catch (e) {
        if (httpStatus(e) !== 400) throw e;
        // A file of this name is there: the current user's empty stub of an earlier chunked attempt is written into.
        const there = await read();
        if (!there || there.length !== 0 || there.authorId !== userId) throw this.duplicate(name);
        await chunked();
      }
      progress(total, 0);
    } catch (e) {
      throw await this.explainDenied(e, folderUrl);
    }
  }

  /**
   * Writes the metadata columns with the item's etag (SharePoint refuses a stale one: 412 → ConcurrencyError) and
   * returns the new etag. `asUpload` sets the Uploader and the content type too (a file the dialog uploaded).
   */
  public async writeMetadata(
    id: number,
    metadata: DocumentMetadata,
    etag: string,
    options: { asUpload?: boolean } = {},
  ): Promise<string> {
    requireEtag(etag, `metadata van item ${id}`);
    checkMetadata(this.config, metadata);
    const fields = options.asUpload
      ? { ...toFields(metadata, await this.reads.currentUserId()), ...(await this.contentType()) }
      : toFields(metadata);
    const result = await this.ref.items
      .getById(id)
      .update(fields, etag)
      .catch((e) => rethrowConcurrency(e, `'${metadata.toetsId ?? id}'`));
    return result.etag ? String(result.etag) : (await this.reads.get(id)).etag;
  }

  /**
   * Moves a file into another folder of the library under the same name, never over an existing file. Within one
   * library the item (and its id) stays; it takes the permissions of its new folder. A move needs Delete at the source
   * and Add at the destination, so staff may hand a file in to their review folder and not take it out (art. 9.2).
   */
  public async moveFile(serverRelativeUrl: string, toFolderUrl: string): Promise<void> {
    const name = serverRelativeUrl.slice(serverRelativeUrl.lastIndexOf('/') + 1);
    await this.sp.web
      .getFileByServerRelativePath(serverRelativeUrl)
      .moveByPath(`${toFolderUrl}/${name}`, false)
      .catch(async (e) => {
        throw await this.explainDenied(e, toFolderUrl);
      });
  }

  /**
   * Publishes the current draft as a major version for those who read its folder (the other party, for a shared
   * file, art. 9.5). A library without minor versions publishes every version by itself (a site not yet provisioned
   * for drafts; provisioning turns them on): nothing to do there.
   */
  public async publishFile(serverRelativeUrl: string, comment: string): Promise<void> {
    if (!(await this.draftsEnabled())) return;
    await this.sp.web.getFileByServerRelativePath(serverRelativeUrl).publish(comment);
  }

  /**
   * Marks an item 'Onvolledig' (one column), guarded by its etag like every write, so it shows in "Te classificeren"
   * (never silently half). Returns the new etag.
   */
  public async flagIncomplete(id: number, etag: string): Promise<string> {
    requireEtag(etag, `'Onvolledig' op item ${id}`);
    const result = await this.ref.items
      .getById(id)
      .update({ [DOC.toetsstatus]: 'Onvolledig' }, etag)
      .catch((e) => rethrowConcurrency(e, `Item ${id}`));
    return result.etag ? String(result.etag) : (await this.reads.get(id)).etag;
  }

  /** True when the library keeps drafts (minor versions), read once. */
  private async draftsEnabled(): Promise<boolean> {
    if (this.drafts === undefined) {
      const info: { EnableMinorVersions?: boolean } = await this.ref.select('EnableMinorVersions')();
      this.drafts = info.EnableMinorVersions === true;
    }
    return this.drafts;
  }

  /** The root (files from before the party folders) and every permission folder. */
  private async allFolderUrls(): Promise<string[]> {
    const root = await this.reads.root();
    return [root, ...exchangeFolderList(this.config).map((f) => `${root}/${f.name}`)];
  }

  /**
   * Removes the empty stub a failed chunked upload leaves, with its own etag; only while it is still the current
   * user's and empty (a lost answer may hide a finished upload: that one stays). Best effort.
   */
  private async removeEmptyStub(folderUrl: string, name: string, userId: number): Promise<void> {
    try {
      const stub = await this.fileAt(folderUrl, name);
      if (!stub || stub.length !== 0 || stub.author?.id !== userId || !stub.etag) return;
      await this.ref.items.getById(stub.id).delete(stub.etag);
    } catch {
      // An empty draft of the uploader's own party, in 'Te classificeren' by its column default: evident, not lost.
    }
  }

  /** The refusal for a name another file already has. */
  private duplicate(name: string): UploadRefusedError {
    return new UploadRefusedError('duplicate', {
      nl: `'${name}' bestaat al in ${this.config.space.exchangeLibraryTitle}; hernoem het bestand en kies het opnieuw.`,
      en: `'${name}' already exists in ${this.config.space.exchangeLibraryTitle}; rename the file and pick it again.`,
    });
  }

  /**
   * Turns a refusal on a permission folder into a message that names the rule. SharePoint answers 403, or 404 for a
   * folder the user may not even see (it does not reveal that it exists).
   */
  private async explainDenied(e: unknown, folderUrl: string): Promise<unknown> {
    const status = httpStatus(e);
    if (status !== 403 && status !== 404) return e;
    if (exchangeFolderList(this.config).some((f) => f.kind === 'restricted' && folderUrl.endsWith(`/${f.name}`))) {
      return new UploadRefusedError(
        'denied',
        {
          nl: 'U staat niet op de autorisatielijst voor vertrouwelijke stukken (art. 10.1); kies een lagere rubricering of vraag de beheerder.',
          en: 'You are not on the authorisation list for confidential documents (art. 10.1); choose a lower classification or ask the administrator.',
        },
        await sharePointMessage(e),
      );
    }
    if (status === 404) {
      return new ReadableFailure(
        {
          nl: `De map ${folderUrl} ontbreekt of is niet toegankelijk; vraag de beheerder de site opnieuw in te richten.`,
          en: `The folder ${folderUrl} is missing or not accessible; ask the administrator to provision the site again.`,
        },
        await sharePointMessage(e),
        false,
      );
    }
    return new UploadRefusedError(
      'denied',
      {
        nl: `U heeft geen schrijfrechten in ${folderUrl}; vraag de beheerder om die rechten.`,
        en: `You have no write access to ${folderUrl}; ask the administrator for that access.`,
      },
      await sharePointMessage(e),
    );
  }

  /** The list's Uitwisselingsdocument content type as an item field (SharePoint picks the library default otherwise). */
  private async contentType(): Promise<Record<string, string>> {
    if (this.contentTypeId === undefined) {
      const cts: Array<{ StringId: string }> = await this.ref.contentTypes.select('StringId')();
      const own = cts.find((c) => c.StringId.toUpperCase().startsWith(EXCHANGE_CONTENT_TYPE_ID.toUpperCase()));
      if (!own)
        throw new ReadableFailure(
          {
            nl: `Inhoudstype Uitwisselingsdocument ontbreekt in ${this.config.space.exchangeLibraryTitle}; vraag de beheerder de site opnieuw in te richten.`,
            en: `The content type Uitwisselingsdocument is missing in ${this.config.space.exchangeLibraryTitle}; ask the administrator to provision the site again.`,
          },
          undefined,
          false,
        );
      this.contentTypeId = own.StringId;
    }
    return { ContentTypeId: this.contentTypeId };
  }
}

/**
 * Refuses a write without a real etag: SharePoint (and PnPjs's default) would take `*` and overwrite whatever another
 * writer stored in between. Passing none is a programming error, so it fails loudly (no blind overwrites).
 */
function requireEtag(etag: string | undefined, what: string): void {
  if (!etag || etag.trim() === '*') {
    throw new Error(
      `Programmeerfout: ${what} zonder etag geschreven; een schrijfactie zonder etag overschrijft blind.`,
    );
  }
}
