/**
 * The exchange library's item rows as domain documents: the columns every read selects and expands, and the mapping.
 * Shared by the read side (PnpDocumentStore, in the dashboard's first render) and the write side (PnpDocumentWrites).
 */
import type { ExchangeDocument, Toetsstatus } from '../../ports/documents';
import { DOC } from '../../provisioning/names';

/** Columns read for every document. */
export const SELECT = [
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
  DOC.recipients,
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
export const EXPAND = [DOC.uploader, 'Author', 'Editor'];

/** A raw item row. */
export type Row = Record<string, unknown>;

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
  const recipients = row[DOC.recipients];
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
    ...(Array.isArray(recipients) && recipients.length > 0 ? { recipients: recipients.map(String) } : {}),
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
    // No etag, no write: an empty one makes every write with it throw (never SharePoint's `If-Match: *`).
    etag: String(row['odata.etag'] ?? row.__etag ?? ''),
    ...(str(row.OData__UIVersionString) ? { version: str(row.OData__UIVersionString) } : {}),
  };
}
