/** DocumentStore port: the exchange library in domain terms (no PnPjs types). */

/** Review state of a document (toetsstatus); 'Te classificeren' catches uploads that bypassed the dialog (issue 4). */
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
   * party reads; the other party reads the last major version (issue 4).
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
  /** Chunk retries so far (a failed chunk is retried, issue 4). */
  retries: number;
}

/** One file to upload with its decided metadata. */
export interface UploadRequest {
  fileName: string;
  content: Uint8Array | ArrayBuffer | Blob;
  metadata: DocumentMetadata;
  onProgress?: (progress: UploadProgress) => void;
}

/** The result of an upload: complete, or stored but flagged 'Onvolledig' with the problems (never silently half). */
export interface UploadResult {
  document: ExchangeDocument;
  complete: boolean;
  problems: string[];
}

/** Why an upload was refused before any byte was sent. */
export class UploadRefusedError extends Error {
  /** Machine code; 'denied' = not on the autorisatielijst, 'invalid-metadata' = a value the configuration lacks. */
  public readonly code: 'empty' | 'too-large' | 'bad-name' | 'duplicate' | 'denied' | 'invalid-metadata';
  public constructor(code: UploadRefusedError['code'], message: string) {
    super(message);
    this.name = 'UploadRefusedError';
    this.code = code;
  }
}

/** A concurrent change: the item changed since it was read (SharePoint 412). */
export class ConcurrencyError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'ConcurrencyError';
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
  /** Uploads a file, sets its metadata and the permissions its classification and status demand. */
  upload(request: UploadRequest): Promise<UploadResult>;
  /** Changes metadata (e.g. review approved) and re-applies permissions; `etag` guards against lost updates. */
  updateMetadata(id: number, patch: Partial<DocumentMetadata>, etag?: string): Promise<ExchangeDocument>;
  /**
   * Publishes the current draft as a major version, for those who read the file's folder: the privacy officer shows
   * the party its rejected file this way (the review folder is the party's own).
   */
  publish(id: number, comment: string): Promise<void>;
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
