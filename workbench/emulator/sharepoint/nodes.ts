/**
 * The shapes every SharePoint route works on: the REST path resolved to a node (web, list, item, file, …) and the
 * parsed request. Types only, below the routes and their handlers, so a handler names a node without importing the
 * router that dispatches to it.
 */
import type { Securable } from './acl';
import type { Segment } from './path';
import type { PrincipalRow } from './principals';
import type { FieldRow, FileRow, FolderRow, ItemRow, ListRow } from './store';

/** Nodes for views, content types and user custom actions. */
export type ExtraNode =
  | { k: 'views'; list: ListRow }
  | { k: 'view'; list: ListRow; id: string }
  | { k: 'viewfields'; list: ListRow; id: string }
  | { k: 'contenttypes'; list: ListRow | null }
  | { k: 'contenttype'; list: ListRow | null; id: string }
  | { k: 'fieldlinks'; list: ListRow | null; id: string }
  | { k: 'customactions'; scope: string; list: ListRow | null }
  | { k: 'customaction'; scope: string; list: ListRow | null; id: string };

/** Nodes for files and folders. */
export type FileNode =
  | { k: 'folder'; folder: FolderRow }
  | { k: 'folders'; folder: FolderRow }
  | { k: 'files'; folder: FolderRow }
  | { k: 'file'; file: FileRow }
  | { k: 'filevalue'; file: FileRow };

/** Version history nodes. */
export type HistoryNode =
  | { k: 'versions'; list: ListRow; item: ItemRow; file: boolean }
  | { k: 'version'; list: ListRow; item: ItemRow; file: boolean; versionId: number }
  | { k: 'versionvalue'; list: ListRow; item: ItemRow; versionId: number };

/** Attachment nodes. */
export type AttachmentNode =
  | { k: 'attachments'; list: ListRow; item: ItemRow }
  | { k: 'attachment'; list: ListRow; item: ItemRow; name: string }
  | { k: 'attachmentvalue'; list: ListRow; item: ItemRow; name: string };

/** What a request addresses after walking the path (`web`, a list, an item, …). */
export type Node =
  | { k: 'web' }
  | { k: 'lists' }
  | { k: 'list'; list: ListRow }
  | { k: 'fields'; list: ListRow | null }
  | { k: 'field'; list: ListRow | null; field: FieldRow }
  | { k: 'items'; list: ListRow }
  | { k: 'item'; list: ListRow; item: ItemRow }
  | { k: 'currentuser' }
  | { k: 'siteusers' }
  | { k: 'user'; user: PrincipalRow }
  | { k: 'sitegroups' }
  | { k: 'group'; group: PrincipalRow }
  | { k: 'groupusers'; group: PrincipalRow }
  | { k: 'roledefinitions' }
  | { k: 'roledefinition'; id: number }
  | { k: 'roleassignments'; sec: Securable }
  | { k: 'roleassignment'; sec: Securable; principalId: number }
  | { k: 'bindings'; sec: Securable; principalId: number }
  | { k: 'principal'; principal: PrincipalRow }
  | ExtraNode
  | FileNode
  | HistoryNode
  | AttachmentNode;

/** The parsed request a route works on. */
export interface SpCall {
  method: string;
  segments: Segment[];
  query: URLSearchParams;
  headers: Record<string, string>;
  body: Buffer;
  /** Request body parsed as JSON (lazily; 400 when malformed). */
  json(): Record<string, unknown>;
  verboseBody: boolean;
  /** Path as received, for 501 messages. */
  path: string;
}
