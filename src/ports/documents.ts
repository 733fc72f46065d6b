/** DocumentStore port: the exchange library in domain terms (no PnPjs types). */
import type { ReadableError } from '../domain/common/failure';
import type { Bilingual } from '../domain/common/types';

/** Review state of a document (toetsstatus); 'Te classificeren' catches uploads that bypassed the dialog. */
export type Toetsstatus = 'Te classificeren' | 'Toegestaan' | 'In review' | 'Afgewezen' | 'Onvolledig';

/** The library views (each also a real SharePoint view created by provisioning). */
export type LibraryView =
  | 'alle'
  | 'werkafspraken'
  | 'dva'
  | 'te-classificeren'
  | 'in-review'
  | 'vertrouwelijk'
  | 'bewaartermijn-verlopen'
  | 'mijn-gedeelde-stukken';

/** A person as the site knows them. */
export interface PersonRef {
  /** Site user id. */
  id: number;
  displayName: string;
  email?: string;
}

/** The metadata the upload dialog sets (art. 8–10). */
export interface DocumentMetadata {
  /** Document type key from the configuration. */
  documentType: string;
  /** Classification level key from the configuration. */
  classification: string;
  toetsstatus: Toetsstatus;
  /** Processing activity key (doelbinding), when personal data is involved. */
  activity?: string;
  /** Personal-data category keys. */
  categories: string[];
  /** Party key of the sharing party. */
  party: string;
  /**
   * Party keys it is shared with (art. 8, 9.5): the uploader's choice within the purpose's recipients. Absent or empty:
   * every other party (documents stored before recipients were recorded). Decides its folder, and so who reads it.
   */
  recipients?: string[];
  /** Year, e.g. of a DVA (art. 12). */
  year?: number;
  /** Retention date (bewaartermijn) as YYYY-MM-DD. */
  retainUntil?: string;
  /** Confidential information (art. 10.2). */
  confidential: boolean;
  /** Link to the audit record in the Toetslog. */
  toetsId?: string;
  /** The privacy officer's note on approving or rejecting (art. 9.2). */
  reviewNote?: string;
}

/** A document in the exchange library. */
export interface ExchangeDocument {
  id: number;
  name: string;
  serverRelativeUrl: string;
  /** Metadata as stored; fields are absent when a native upload never set them. */
  documentType?: string;
  classification?: string;
  toetsstatus: Toetsstatus;
  activity?: string;
  categories: string[];
  party?: string;
  /** The Ontvangers column as stored (party keys); absent or empty: every other party. A column, not proof. */
  recipients?: string[];
  year?: number;
  retainUntil?: string;
  confidential: boolean;
  toetsId?: string;
  uploader?: PersonRef;
  /** Who created and who last changed the file, as SharePoint wrote it (Author, Editor). */
  author?: PersonRef;
  editor?: PersonRef;
  /** The privacy officer's note on approving or rejecting (art. 9.2). */
  reviewNote?: string;
  created: string;
  modified: string;
  /** Opaque version tag; pass it back to update so a concurrent change is refused (412). */
  etag: string;
  /**
   * Version label as SharePoint shows it ('0.1', '1.0', '1.2'). A minor version is a draft that only the file's own
   * party reads; the other party reads the last major version, so a file uploaded around the dialog stays readable
   * only by its own party.
   */
  version?: string;
}

/** Filters and order the dashboard adds on top of a view. */
export interface DocumentQuery {
  view: LibraryView;
  party?: string;
  year?: number;
  classification?: string;
  documentType?: string;
  orderBy?: { field: 'modified' | 'name' | 'year' | 'retainUntil'; ascending: boolean };
  pageSize?: number;
  /** Token from a previous page's `nextPageToken`. */
  pageToken?: string;
}

/** One page of results. */
export interface Page<T> {
  items: T[];
  /** Present when more items follow. */
  nextPageToken?: string;
}

/** Upload progress of one file. */
export interface UploadProgress {
  fileName: string;
  bytesSent: number;
  totalBytes: number;
  /** Chunk retries so far (a failed chunk is retried rather than leaving half a file). */
  retries: number;
}

/**
 * A file as it is stored at one path, with its list item: what an upload step reads before it acts
 * (src/upload/place.ts).
 */
export interface StoredFile extends ExchangeDocument {
  /** Size in bytes as SharePoint stores it (0 for the empty stub a chunked upload starts from). */
  length: number;
}

/** Where a file with this metadata is written first (staging) and where it belongs (target); equal when it stays. */
export interface FolderPair {
  /** Server-relative URL of the sharing party's own folder, where the uploader may still write (art. 9.2, 10.1). */
  staging: string;
  /** Server-relative URL of the folder the status and classification demand (`Review-<party>` for review). */
  target: string;
}

/**
 * Why an upload was refused before any byte was sent (or by SharePoint, for a name or a permission). Final: sending the
 * same again is refused the same way, so the person is told what helps instead (rename, another file, the beheerder).
 */
export class UploadRefusedError extends Error implements ReadableError {
  /** Machine code; 'denied' = not on the autorisatielijst, 'invalid-metadata' = a value the configuration lacks. */
  public readonly code: 'empty' | 'too-large' | 'bad-name' | 'duplicate' | 'denied' | 'invalid-metadata';
  /** The refusal as a person reads it. */
  public readonly readable: Bilingual;
  /** SharePoint's own words, when it was SharePoint that refused. */
  public readonly detail?: string;
  public readonly retryable = false;
  /** `text`: the refusal in both languages (a plain string is used for both). */
  public constructor(code: UploadRefusedError['code'], text: Bilingual | string, detail?: string) {
    const readable = typeof text === 'string' ? { nl: text, en: text } : text;
    super(readable.nl);
    this.name = 'UploadRefusedError';
    this.code = code;
    this.readable = readable;
    if (detail) this.detail = detail;
  }
}

/** A concurrent change: the item changed since it was read (SharePoint 412); reloading and trying again helps. */
export class ConcurrencyError extends Error implements ReadableError {
  /** What happened and what to do, as a person reads it. */
  public readonly readable: Bilingual;
  /** SharePoint's own words, when there are any. */
  public readonly detail?: string;
  /** `text`: what happened and what to do, in both languages (a plain string is used for both). */
  public constructor(text: Bilingual | string, detail?: string) {
    const readable = typeof text === 'string' ? { nl: text, en: text } : text;
    super(detail ? `${readable.nl} (${detail})` : readable.nl);
    this.name = 'ConcurrencyError';
    this.readable = readable;
    if (detail) this.detail = detail;
  }
}

/** The exchange library. */
export interface DocumentStore {
  /** One page of a view, security-trimmed by SharePoint. */
  list(query: DocumentQuery): Promise<Page<ExchangeDocument>>;
  /** First pages of several views in one round trip ($batch), for the dashboard's first render. */
  listMany(queries: DocumentQuery[]): Promise<Array<Page<ExchangeDocument>>>;
  /** One document by id. */
  get(id: number): Promise<ExchangeDocument>;
  /**
   * The staging and target folder of a file with this metadata. Checks the metadata against the configuration and,
   * when `file` is given, its name and size against SharePoint's rules in both folders; throws
   * {@link UploadRefusedError} before any byte is sent. Reads at most the library's root folder, once.
   */
  folderUrls(metadata: DocumentMetadata, file?: { name: string; size: number }): Promise<FolderPair>;
  /** The file at `folderUrl/name` with its item, or null when there is none the user may read (SharePoint's 404). */
  fileAt(folderUrl: string, name: string): Promise<StoredFile | null>;
  /**
   * Writes a new file at `folderUrl/name` (never over another file: {@link UploadRefusedError} 'duplicate'), in one
   * request or, above the chunk threshold, in an upload session. An empty file of the current user at that path (the
   * stub a chunked upload starts from, left by an earlier attempt) is written into.
   */
  putFile(
    folderUrl: string,
    name: string,
    content: Uint8Array,
    onProgress?: (bytesSent: number, retries: number) => void,
  ): Promise<void>;
  /**
   * Writes the metadata columns of an item, guarded by `etag` (412 → {@link ConcurrencyError}); returns the new etag.
   * `asUpload` also sets the Uploader to the current user and the Uitwisselingsdocument content type. An empty or `*`
   * etag is a programming error and throws: no blind overwrites.
   */
  writeMetadata(
    id: number,
    metadata: DocumentMetadata,
    etag: string,
    options?: { asUpload?: boolean },
  ): Promise<string>;
  /** Moves a file into another folder of the library, keeping its name and item; never over an existing file. */
  moveFile(serverRelativeUrl: string, toFolderUrl: string): Promise<void>;
  /**
   * Publishes the file's current draft as a major version for those who read its folder; nothing when the library
   * keeps no drafts (every version is major there).
   */
  publishFile(serverRelativeUrl: string, comment: string): Promise<void>;
  /** Sets the toetsstatus 'Onvolledig' (one column), guarded by `etag` like every write; empty or `*` throws. */
  flagIncomplete(id: number, etag: string): Promise<string>;
  /** The file's bytes. */
  download(id: number): Promise<ArrayBuffer>;
  /** True when a file with this name already exists in the library. */
  exists(fileName: string): Promise<boolean>;
}

/** A file in the site's default document library (in a Team site: a channel's Files). */
export interface ChannelFileInfo {
  name: string;
  serverRelativeUrl: string;
  modified: string;
  author?: PersonRef;
}

/**
 * The Team's own document library, where Teams puts files posted in a channel. Provisioning makes it read-only for the
 * Team; what is (still) in it was shared with every Team member around the check, and the integrity check lists it.
 */
export interface ChannelFiles {
  /** Files, newest first, at most `max`; `more` when there are more. Empty when the site has no default library. */
  list(max: number): Promise<{ items: ChannelFileInfo[]; more: boolean }>;
}
