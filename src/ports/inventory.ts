/**
 * SiteInventory port: what the integrity check (AVG art. 5(2)) reads beyond the product's own views, so that nothing the
 * other party can read escapes it: every folder of the exchange library, every list and library of the web, the files
 * of a library outside the schema, the Toetslog's ToetsIds with SharePoint's Author, and the bytes of the version the
 * other party reads. Read-only; every read is security-trimmed by SharePoint as for any other read.
 */
import type { PersonRef } from './documents';

/** A folder of the exchange library. */
export interface FolderInfo {
  name: string;
  serverRelativeUrl: string;
  /** When SharePoint created it (TimeCreated). */
  created?: string;
}

/** A list or library of the web, as SharePoint describes it. */
export interface ListInfo {
  /** The list's GUID. */
  id: string;
  title: string;
  /** SharePoint's list template (100 list, 101 library, 119 site pages, 110–124 catalogs, …). */
  baseTemplate: number;
  hidden: boolean;
  /** Items and folders in it (SharePoint's ItemCount: not trimmed to what the reader may see). */
  itemCount: number;
  /** Server-relative URL of its root folder. */
  rootFolder: string;
  /** SharePoint's own flags where the server reports them (absent otherwise). */
  isCatalog?: boolean;
  isSystemList?: boolean;
  hasUniquePermissions?: boolean;
}

/** A file in a library outside the exchange library. */
export interface LibraryFileInfo {
  name: string;
  serverRelativeUrl: string;
  modified: string;
  /** Who created and who last changed it, as SharePoint wrote it (Author, Editor). */
  author?: PersonRef;
  editor?: PersonRef;
}

/** One Toetslog record as the duplicate check reads it: item id, ToetsId, decision, file and SharePoint's Author. */
export interface ToetslogEntry {
  /** SharePoint's item id (unique, unlike the ToetsId column, which SharePoint cannot keep unique here). */
  itemId: number;
  toetsId: string;
  decision: string;
  fileName: string;
  created?: string;
  author?: PersonRef;
}

/** The bytes of the last published major version of a file: what the other party reads. */
export type PublishedContent =
  | { state: 'read'; bytes: ArrayBuffer; version: string }
  /** Larger than the bytes left in the run's budget: not read. */
  | { state: 'too-large'; size: number }
  /** The file changed since it was listed (another version label now): not read, judged on the next run. */
  | { state: 'changed'; version: string };

/** The reads of the integrity check beyond the ports of the product's own flows. */
export interface SiteInventory {
  /**
   * Every folder below the exchange library's root the reader may see (at most `max`; `more` when there are more), and
   * the root's own server-relative URL. SharePoint's own `Forms` folder at the root is left out.
   */
  exchangeFolders(max: number): Promise<{ root: string; folders: FolderInfo[]; more: boolean }>;
  /** Every list and library of the web the reader may see, and the id of the web's default document library. */
  lists(): Promise<{ lists: ListInfo[]; defaultLibraryId?: string }>;
  /** The newest item of a list (by id) with who changed it last, or null when the reader sees none. */
  newestItem(listId: string): Promise<{ modified: string; editor?: PersonRef } | null>;
  /** Files (not folders) of a library, newest first, at most `max`; `more` when there are more. */
  libraryFiles(listId: string, max: number): Promise<{ items: LibraryFileInfo[]; more: boolean }>;
  /** Toetslog records, newest first, at most `max` (ids, ToetsIds, decisions, files and Authors only). */
  toetslog(max: number): Promise<{ items: ToetslogEntry[]; more: boolean }>;
  /**
   * The bytes of the last published major version of the file at `serverRelativeUrl` listed with version label
   * `version` ('2.0' or, when a draft follows it, '2.3': then version 2.0 is read from the history), unless they are
   * more than `maxBytes`.
   */
  publishedContent(file: { serverRelativeUrl: string; version: string }, maxBytes: number): Promise<PublishedContent>;
}
