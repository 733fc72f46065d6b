import type { EmulatorResponse } from '../types';
import { notFound, SpError } from './errors';
import { type SpContext, SITE_PATH, isoNow, parseProps } from './context';
import { argString, type Segment } from './path';
import { collection, emptyOk, entity, primitive } from './format';
import { PermissionKind } from './roles';
import { type ItemRow, type ListRow, isLibrary } from './store';
import { demandItemWrite } from './guards';
import { switchesOf } from './switches';
import { touchList } from './items';
import { recycleAttachment } from './recyclebin';
import type { AttachmentNode, SpCall } from './nodes';

/*
 * Attachments of list items (`items(n)/AttachmentFiles`): GET the collection, `add(FileName='…')` with the raw bytes,
 * one attachment by name (`AttachmentFiles('a.txt')`, `getByFileName('a.txt')`), its `$value` (GET, PUT), DELETE and
 * `recycleObject`. Reading needs what reading the item needs (ViewListItems); adding, replacing and deleting need
 * EditListItems on the item (and WriteSecurity). A list with EnableAttachments false, and every document library,
 * refuses attachments.
 */

interface AttachmentRow {
  list_pk: number;
  item_id: number;
  name: string;
  content: Buffer;
  created: string;
  author_id: number;
}

/** True when the list takes attachments (EnableAttachments, lists only). */
export function attachmentsEnabled(list: ListRow): boolean {
  return !isLibrary(list) && parseProps(list.props).EnableAttachments !== false;
}

const folderUrl = (list: ListRow, item: ItemRow): string => `${SITE_PATH}/${list.url_name}/Attachments/${item.id}`;

function row(ctx: SpContext, list: ListRow, item: ItemRow, name: string): AttachmentRow | undefined {
  return ctx.db
    .prepare(`SELECT * FROM sp_attachments WHERE list_pk = ? AND item_id = ? AND name = ?`)
    .get(list.pk, item.id, name) as AttachmentRow | undefined;
}

function required(ctx: SpContext, list: ListRow, item: ItemRow, name: string): AttachmentRow {
  const r = row(ctx, list, item, name);
  if (!r)
    throw notFound(
      '-2147024894, System.IO.FileNotFoundException',
      `File Not Found. The attachment '${name}' does not exist on item ${item.id}.`,
    );
  return r;
}

function json(ctx: SpContext, list: ListRow, item: ItemRow, r: AttachmentRow): Record<string, unknown> {
  const url = `${folderUrl(list, item)}/${r.name}`;
  const edit = `Web/Lists(guid'${list.id}')/Items(${item.id})/AttachmentFiles('${r.name.replace(/'/g, "''")}')`;
  return {
    'odata.type': 'SP.Attachment',
    'odata.id': `${ctx.webUrl}/_api/${edit}`,
    'odata.editLink': edit,
    FileName: r.name,
    FileNameAsPath: { DecodedUrl: r.name },
    ServerRelativePath: { DecodedUrl: url },
    ServerRelativeUrl: url,
  };
}

/** A change to an item's attachments: the switch's permission (EditListItems), WriteSecurity and check-out rules. */
function demandAttachmentWrite(ctx: SpContext, list: ListRow, item: ItemRow): void {
  const kind = switchesOf(ctx).attachmentWritePermission;
  if (kind) demandItemWrite(ctx, list, item, PermissionKind[kind]);
}

function syncFlag(ctx: SpContext, list: ListRow, item: ItemRow): void {
  const any = ctx.db.prepare(`SELECT 1 FROM sp_attachments WHERE list_pk = ? AND item_id = ? LIMIT 1`).get(list.pk, item.id);
  ctx.db.prepare(`UPDATE sp_items SET attachments = ? WHERE list_pk = ? AND id = ?`).run(any ? 1 : 0, list.pk, item.id);
  touchList(ctx, list);
}

/** `items(n)/AttachmentFiles` and `AttachmentFiles('name')`. */
export function navigateAttachments(list: ListRow, item: ItemRow, seg: Segment): AttachmentNode | null {
  if (seg.name !== 'attachmentfiles') return null;
  if (seg.call) return { k: 'attachment', list, item, name: argString(seg) };
  return { k: 'attachments', list, item };
}

/** `getByFileName('name')` and `('name')/$value`. */
export function navigateAttachment(node: AttachmentNode, seg: Segment): AttachmentNode | null {
  if (node.k === 'attachments' && (seg.name === 'getbyfilename' || seg.name === 'getbyname'))
    return { k: 'attachment', list: node.list, item: node.item, name: argString(seg) };
  if (node.k === 'attachment' && seg.name === '$value') return { ...node, k: 'attachmentvalue' };
  return null;
}

const NAME_BAD = /["*:<>?/\\|#%]/;

/** Answers attachment nodes. */
export function invokeAttachments(ctx: SpContext, node: AttachmentNode, seg: Segment | null, call: SpCall): EmulatorResponse | null {
  const m = call.method;
  const { list, item } = node;
  switch (node.k) {
    case 'attachments':
      if (!seg) {
        if (m !== 'GET') return null;
        const rows = ctx.db
          .prepare(`SELECT * FROM sp_attachments WHERE list_pk = ? AND item_id = ? ORDER BY name`)
          .all(list.pk, item.id) as AttachmentRow[];
        return collection(
          ctx,
          rows.map((r) => json(ctx, list, item, r)),
          { select: call.query.get('$select') },
        );
      }
      if (seg.name === 'add' && m === 'POST') {
        if (!attachmentsEnabled(list))
          throw new SpError(
            400,
            '-2146232832, Microsoft.SharePoint.SPException',
            isLibrary(list)
              ? `Document libraries do not take attachments; '${list.title}' is a library.`
              : `Attachments are disabled for list '${list.title}' (EnableAttachments is false).`,
          );
        demandAttachmentWrite(ctx, list, item);
        const name = argString(seg, 'filename');
        if (!name.trim() || NAME_BAD.test(name) || name.startsWith(' ') || name.endsWith(' '))
          throw new SpError(
            400,
            '-2130575245, Microsoft.SharePoint.SPException',
            `The file or folder name '${name}' contains characters that are not permitted.`,
          );
        if (row(ctx, list, item, name))
          throw new SpError(
            400,
            '-2130575257, Microsoft.SharePoint.SPException',
            `A file with the name ${folderUrl(list, item)}/${name} already exists.`,
          );
        ctx.db
          .prepare(`INSERT INTO sp_attachments (list_pk, item_id, name, content, created, author_id) VALUES (?, ?, ?, ?, ?, ?)`)
          .run(list.pk, item.id, name, call.body, isoNow(ctx), ctx.user.id);
        syncFlag(ctx, list, item);
        return entity(ctx, json(ctx, list, item, required(ctx, list, item, name)));
      }
      return null;
    case 'attachment': {
      const r = required(ctx, list, item, node.name);
      if (seg) {
        if (seg.name === 'recycleobject' && (m === 'POST' || m === 'DELETE')) {
          demandAttachmentWrite(ctx, list, item);
          const id = recycleAttachment(ctx, list, item, r as unknown as Record<string, unknown>);
          syncFlag(ctx, list, item);
          return primitive(ctx, 'RecycleObject', id);
        }
        return null;
      }
      if (m === 'GET') return entity(ctx, json(ctx, list, item, r), { select: call.query.get('$select') });
      if (m === 'DELETE') {
        demandAttachmentWrite(ctx, list, item);
        ctx.db.prepare(`DELETE FROM sp_attachments WHERE list_pk = ? AND item_id = ? AND name = ?`).run(list.pk, item.id, r.name);
        syncFlag(ctx, list, item);
        return emptyOk();
      }
      return null;
    }
    case 'attachmentvalue': {
      if (seg) return null;
      const r = required(ctx, list, item, node.name);
      if (m === 'GET') return { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: r.content };
      if (m === 'PUT') {
        demandAttachmentWrite(ctx, list, item);
        ctx.db
          .prepare(`UPDATE sp_attachments SET content = ? WHERE list_pk = ? AND item_id = ? AND name = ?`)
          .run(call.body, list.pk, item.id, r.name);
        touchList(ctx, list);
        return { status: 204, headers: {} };
      }
      return null;
    }
    default:
      return null;
  }
}

/** Turning EnableAttachments off removes the list's attachments, as SharePoint warns it does. */
export function attachmentsTurnedOff(ctx: SpContext, list: ListRow): void {
  ctx.db.prepare(`DELETE FROM sp_attachments WHERE list_pk = ?`).run(list.pk);
  ctx.db.prepare(`UPDATE sp_items SET attachments = 0 WHERE list_pk = ?`).run(list.pk);
}

