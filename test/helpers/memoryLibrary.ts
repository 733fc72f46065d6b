/**
 * The exchange library in memory, behind the DocumentStore port, for unit tests of the upload steps (src/upload/place.ts)
 * and their callers. It keeps what SharePoint keeps for the steps to read (path, item id, etag, Author, length, version,
 * the metadata columns), refuses what SharePoint refuses (a write without or with a stale etag, a name already taken, a
 * move over a file), hides folders a test marks unreadable (a review folder for its uploader, art. 9.2), and can make
 * any operation fail in one of two ways:
 * - `lose`: the operation is carried out, then its answer is lost (a network error without an HTTP status);
 * - `fail`: the request never arrives (the same error, nothing changed).
 */
import type { AgreementConfig } from '../../src/domain/agreement/schema';
import { checkUpload } from '../../src/adapters/sharepoint/fileNames';
import { checkMetadata } from '../../src/adapters/sharepoint/metadataCheck';
import {
  ConcurrencyError,
  UploadRefusedError,
  type DocumentMetadata,
  type DocumentQuery,
  type DocumentStore,
  type ExchangeDocument,
  type FolderPair,
  type Page,
  type StoredFile,
} from '../../src/ports/documents';
import { folderForDocument, stagingFolderForDocument } from '../../src/provisioning/folders';

/** The library's root folder. */
export const LIBRARY = '/sites/s/Uitwisseling';

/** Operations a test can make fail. */
export type MemoryOp =
  | 'fileAt'
  | 'exists'
  | 'putFile'
  | 'writeMetadata'
  | 'moveFile'
  | 'publishFile'
  | 'flagIncomplete'
  | 'download';

/** One planned fault: the next `times` calls of `op` (default 1). */
export interface MemoryFault {
  op: MemoryOp;
  mode: 'lose' | 'fail';
  times?: number;
}

/** A file as the memory library keeps it. */
export interface MemoryFile {
  id: number;
  folder: string;
  name: string;
  bytes: Uint8Array;
  authorId: number;
  etag: number;
  major: number;
  minor: number;
  meta: Partial<DocumentMetadata>;
}

/** The lost answer: no HTTP status, as fetch reports a dropped connection. */
export function lostAnswer(op: string): Error {
  return new TypeError(`fetch failed (${op}: answer lost)`);
}

/** The memory library: the port plus what a test inspects and steers. */
export interface MemoryLibrary extends DocumentStore {
  files: MemoryFile[];
  /** Every port call, in order (`op name`). */
  calls: string[];
  faults: MemoryFault[];
  /** The current user's site id (SharePoint's Author of what they add). */
  userId: number;
  /** Folders the current user cannot read (404). */
  unreadable: Set<string>;
  /** Files at a folder, by name, whoever may read them. */
  at(folder: string, name: string): MemoryFile | undefined;
  /** Adds a file directly (another person's, or a native upload). */
  seed(file: Partial<MemoryFile> & { folder: string; name: string }): MemoryFile;
}

/** A memory library for this configuration; `drafts` false makes every version major (no minor versions). */
export function memoryLibrary(config: AgreementConfig, options: { userId?: number; drafts?: boolean } = {}): MemoryLibrary {
  const drafts = options.drafts ?? true;
  const files: MemoryFile[] = [];
  const calls: string[] = [];
  const faults: MemoryFault[] = [];
  const unreadable = new Set<string>();
  let nextId = 1;

  const lib: Partial<MemoryLibrary> = { files, calls, faults, unreadable, userId: options.userId ?? 7 };
  const me = (): number => lib.userId as number;

  /** Applies a planned fault for `op`: 'fail' throws now, 'lose' returns a function to throw after the write. */
  const fault = (op: MemoryOp, name: string): (() => never) | undefined => {
    calls.push(`${op} ${name}`);
    const i = faults.findIndex((f) => f.op === op);
    if (i < 0) return undefined;
    const f = faults[i];
    f.times = (f.times ?? 1) - 1;
    if (f.times <= 0) faults.splice(i, 1);
    if (f.mode === 'fail') throw lostAnswer(op);
    return () => {
      throw lostAnswer(op);
    };
  };
  const readable = (f: MemoryFile): boolean => !unreadable.has(f.folder);
  const find = (folder: string, name: string): MemoryFile | undefined =>
    files.find((f) => f.folder.toLowerCase() === folder.toLowerCase() && f.name.toLowerCase() === name.toLowerCase());
  const byId = (id: number): MemoryFile => {
    const f = files.find((x) => x.id === id && readable(x));
    if (!f) throw Object.assign(new Error(`Item ${id} does not exist.`), { status: 404 });
    return f;
  };
  const byUrl = (url: string): MemoryFile => {
    const cut = url.lastIndexOf('/');
    const f = find(url.slice(0, cut), url.slice(cut + 1));
    if (!f || !readable(f)) throw Object.assign(new Error(`File Not Found: ${url}`), { status: 404 });
    return f;
  };
  const requireEtag = (etag: string, id: number): void => {
    if (!etag || etag === '*') throw new Error(`Programmeerfout: item ${id} zonder etag geschreven.`);
  };
  const checkEtag = (f: MemoryFile, etag: string): void => {
    requireEtag(etag, f.id);
    if (etag !== `"${f.etag}"`) throw new ConcurrencyError(`'${f.name}' is intussen door iemand anders gewijzigd.`);
  };
  const bump = (f: MemoryFile): void => {
    f.etag++;
    if (drafts) f.minor++;
    else f.major++;
  };
  const toDoc = (f: MemoryFile): StoredFile => ({
    id: f.id,
    name: f.name,
    serverRelativeUrl: `${f.folder}/${f.name}`,
    toetsstatus: f.meta.toetsstatus ?? 'Te classificeren',
    categories: f.meta.categories ?? [],
    confidential: f.meta.confidential ?? false,
    ...(f.meta.documentType ? { documentType: f.meta.documentType } : {}),
    ...(f.meta.classification ? { classification: f.meta.classification } : {}),
    ...(f.meta.activity ? { activity: f.meta.activity } : {}),
    ...(f.meta.party ? { party: f.meta.party } : {}),
    ...(f.meta.recipients && f.meta.recipients.length > 0 ? { recipients: [...f.meta.recipients] } : {}),
    ...(f.meta.year !== undefined ? { year: f.meta.year } : {}),
    ...(f.meta.retainUntil ? { retainUntil: f.meta.retainUntil } : {}),
    ...(f.meta.toetsId ? { toetsId: f.meta.toetsId } : {}),
    ...(f.meta.reviewNote ? { reviewNote: f.meta.reviewNote } : {}),
    author: { id: f.authorId, displayName: `user ${f.authorId}` },
    created: '',
    modified: '',
    etag: `"${f.etag}"`,
    version: `${f.major}.${f.minor}`,
    length: f.bytes.byteLength,
  });
  const seed = (over: Partial<MemoryFile> & { folder: string; name: string }): MemoryFile => {
    const f: MemoryFile = {
      id: nextId++,
      bytes: new Uint8Array([1]),
      authorId: me(),
      etag: 1,
      major: drafts ? 0 : 1,
      minor: drafts ? 1 : 0,
      meta: {},
      ...over,
    };
    files.push(f);
    return f;
  };

  const store: DocumentStore = {
    async list(_q: DocumentQuery): Promise<Page<ExchangeDocument>> {
      return { items: files.filter(readable).map(toDoc) };
    },
    async listMany(qs: DocumentQuery[]): Promise<Array<Page<ExchangeDocument>>> {
      return Promise.all(qs.map((q) => store.list(q)));
    },
    async get(id: number): Promise<ExchangeDocument> {
      return toDoc(byId(id));
    },
    async download(id: number): Promise<ArrayBuffer> {
      const lose = fault('download', String(id));
      const bytes = byId(id).bytes.slice().buffer as ArrayBuffer;
      lose?.();
      return bytes;
    },
    async exists(name: string): Promise<boolean> {
      const lose = fault('exists', name);
      const found = files.some((f) => readable(f) && f.name.toLowerCase() === name.toLowerCase());
      lose?.();
      return found;
    },
    async folderUrls(metadata: DocumentMetadata, file?: { name: string; size: number }): Promise<FolderPair> {
      checkMetadata(config, metadata);
      const staging = `${LIBRARY}/${stagingFolderForDocument(config, metadata)}`;
      const target = `${LIBRARY}/${folderForDocument(config, metadata)}`;
      if (file) checkUpload(file.name, file.size, config.space.maxUploadMB * 1024 * 1024, [staging, target]);
      return { staging, target };
    },
    async fileAt(folder: string, name: string): Promise<StoredFile | null> {
      const lose = fault('fileAt', name);
      const f = find(folder, name);
      const result = f && readable(f) ? toDoc(f) : null;
      lose?.();
      return result;
    },
    async putFile(folder, name, content, onProgress): Promise<void> {
      const lose = fault('putFile', name);
      const there = find(folder, name);
      if (there && (there.bytes.byteLength > 0 || there.authorId !== me())) {
        throw new UploadRefusedError('duplicate', `'${name}' bestaat al in Uitwisseling; kies een andere naam.`);
      }
      onProgress?.(0, 0);
      if (there) {
        there.bytes = content.slice();
        bump(there);
      } else seed({ folder, name, bytes: content.slice() });
      onProgress?.(content.byteLength, 0);
      lose?.();
    },
    async writeMetadata(id, metadata, etag): Promise<string> {
      const lose = fault('writeMetadata', String(id));
      const f = byId(id);
      checkEtag(f, etag);
      checkMetadata(config, metadata);
      f.meta = {
        ...metadata,
        categories: [...metadata.categories],
        ...(metadata.recipients ? { recipients: [...metadata.recipients] } : {}),
      };
      bump(f);
      lose?.();
      return `"${f.etag}"`;
    },
    async moveFile(url, toFolder): Promise<void> {
      const lose = fault('moveFile', url);
      const f = byUrl(url);
      if (find(toFolder, f.name)) {
        throw Object.assign(new Error(`A file with the name ${toFolder}/${f.name} already exists.`), { status: 400 });
      }
      f.folder = toFolder;
      f.etag++;
      lose?.();
    },
    async publishFile(url): Promise<void> {
      const lose = fault('publishFile', url);
      const f = byUrl(url);
      if (drafts) {
        f.major++;
        f.minor = 0;
        f.etag++;
      }
      lose?.();
    },
    async flagIncomplete(id, etag): Promise<string> {
      const lose = fault('flagIncomplete', String(id));
      const f = byId(id);
      checkEtag(f, etag);
      f.meta = { ...f.meta, toetsstatus: 'Onvolledig' };
      bump(f);
      lose?.();
      return `"${f.etag}"`;
    },
  };
  return Object.assign(lib, store, { at: find, seed }) as MemoryLibrary;
}
