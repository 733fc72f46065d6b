import type { EmulatorResponse } from '../types';
import { badValue, notFound, SpError } from './errors';
import { type SpContext, SITE_PATH, isoNow } from './context';
import { argNumber, argString, type Segment } from './path';
import { collection, emptyOk, entity } from './format';
import { FieldType, isMulti, restName } from './fields';
import { PermissionKind } from './roles';
import { demand, itemScope } from './security';
import { type ItemRow, type ListRow, isLibrary, itemById, listFields } from './store';
import { demandItemWrite } from './guards';
import { touchList } from './items';
import { recycleVersion } from './recyclebin';
import type { HistoryNode, SpCall } from './nodes';
import {
  type VersionRow,
  freezeBytes,
  isPublic,
  moderationOn,
  parseLabel,
  recordVersion,
  seesDrafts,
  versionBytes,
  versionForWrite,
  versionRows,
} from './versions';

/*
 * Version history over REST: `items(n)/versions` (SP.ListItemVersion, with the field values of each version, newest
 * first, the current one included) and `file/versions` (SP.FileVersion, the earlier versions only, oldest first), a
 * version by id, its bytes (`$value`), deleteById / deleteByLabel / deleteAll / recycleByID / recycleByLabel /
 * restoreByLabel, and DELETE of one version. Reading needs ViewVersions, deleting DeleteVersions, restoring
 * EditListItems; drafts (minor or unapproved versions) are listed only to whom Draft Item Security shows drafts.
 */

const labelOf = (id: number): string => `${Math.floor(id / 512)}.${id % 512}`;
const currentId = (item: ItemRow): number => item.major * 512 + item.minor;

/** The history rows the caller may see (the current state first becomes an entry if it has none). */
function visibleRows(ctx: SpContext, list: ListRow, item: ItemRow): VersionRow[] {
  let rows = versionRows(ctx.db, list.pk, item.id);
  if (!rows.length) {
    recordVersion(ctx.db, list.pk, item.id);
    rows = versionRows(ctx.db, list.pk, item.id);
  }
  if (seesDrafts(ctx, list, item)) return rows;
  return rows.filter((v) => isPublic({ minor: v.version_id % 512, mod_status: v.mod_status }));
}

const versionMissing = (): SpError =>
  notFound('-2146232832, Microsoft.SharePoint.SPException', 'Version does not exist. It may have been deleted by another user.');

function findVersion(ctx: SpContext, list: ListRow, item: ItemRow, id: number): VersionRow {
  const v = visibleRows(ctx, list, item).find((x) => x.version_id === id);
  if (!v) throw versionMissing();
  return v;
}

function byLabel(ctx: SpContext, list: ListRow, item: ItemRow, label: string): VersionRow {
  const s = parseLabel(label);
  if (!s) throw badValue(`The version label '${label}' (versionlabel) is not a label like '1.0'.`);
  return findVersion(ctx, list, item, s.major * 512 + s.minor);
}

/** Navigation to `versions` below an item or a file (the current item row, not a reader's view of it). */
export function navigateVersions(ctx: SpContext, list: ListRow, item: ItemRow, seg: Segment, file: boolean): HistoryNode | null {
  if (seg.name !== 'versions') return null;
  const current = itemById(ctx.db, list.pk, item.id) ?? item;
  demand(ctx, itemScope(ctx.db, list.pk, item.id), PermissionKind.ViewVersions);
  if (seg.call) return { k: 'version', list, item: current, file, versionId: findVersion(ctx, list, current, argNumber(seg)).version_id };
  return { k: 'versions', list, item: current, file };
}

/** Navigation below the history (`getById(n)`, `versions(n)/$value`). */
export function navigateHistory(ctx: SpContext, node: HistoryNode, seg: Segment): HistoryNode | null {
  if (node.k === 'versions' && seg.name === 'getbyid')
    return { ...node, k: 'version', versionId: findVersion(ctx, node.list, node.item, argNumber(seg)).version_id };
  if (node.k === 'version' && seg.name === '$value' && node.file)
    return { k: 'versionvalue', list: node.list, item: node.item, versionId: node.versionId };
  return null;
}

function userValue(ctx: SpContext, id: number | null): Record<string, unknown> | null {
  if (id === null || id === undefined) return null;
  const p = ctx.db.prepare(`SELECT title, email FROM sp_principals WHERE id = ?`).get(id) as
    | { title: string; email: string }
    | undefined;
  return p ? { LookupId: id, LookupValue: p.title, Email: p.email } : null;
}

/** SP.ListItemVersion JSON: the version's own properties and the field values of that version. */
function itemVersionJson(ctx: SpContext, list: ListRow, item: ItemRow, v: VersionRow): Record<string, unknown> {
  const base = `Web/Lists(guid'${list.id}')/Items(${item.id})/Versions(${v.version_id})`;
  const data = JSON.parse(v.data) as Record<string, unknown>;
  const out: Record<string, unknown> = {
    'odata.type': 'SP.ListItemVersion',
    'odata.id': `${ctx.webUrl}/_api/${base}`,
    'odata.editLink': base,
  };
  for (const f of listFields(ctx.db, list.pk)) {
    const name = f.internal_name;
    if (['Created', 'ContentTypeId', 'FSObjType', 'FileDirRef', 'GUID', '_UIVersion', '_Level', 'Attachments'].includes(name))
      continue;
    if (name === '_ModerationStatus' || name === '_ModerationComments') {
      if (!moderationOn(list)) continue;
      out[restName(name)] = name === '_ModerationStatus' ? v.mod_status : v.mod_comment;
      continue;
    }
    let value: unknown;
    switch (name) {
      case 'ID':
        value = item.id;
        break;
      case 'Modified':
        value = v.created;
        break;
      case 'Author':
        value = userValue(ctx, item.author_id);
        break;
      case 'Editor':
        value = userValue(ctx, v.editor_id);
        break;
      case 'FileRef':
        value = item.file_ref;
        break;
      case '_UIVersionString':
        value = labelOf(v.version_id);
        break;
      case 'CheckoutUser':
        continue;
      default:
        value = data[name] ?? null;
        if (f.type_kind === FieldType.User)
          value = isMulti(f) ? ((value as number[] | null) ?? []).map((id) => userValue(ctx, id)) : userValue(ctx, value as number | null);
        else if (f.type_kind === FieldType.Lookup)
          value = isMulti(f)
            ? ((value as number[] | null) ?? []).map((id) => ({ LookupId: id }))
            : value === null
              ? null
              : { LookupId: value };
    }
    out[restName(name)] = value;
  }
  out.Created = v.created;
  out.IsCurrentVersion = v.version_id === currentId(item);
  out.VersionId = v.version_id;
  out.VersionLabel = labelOf(v.version_id);
  return out;
}

/** SP.FileVersion JSON (`$expand=CreatedBy` inlines the user). */
function fileVersionJson(ctx: SpContext, item: ItemRow, v: VersionRow, expand: string[]): Record<string, unknown> {
  const ref = item.file_ref ?? '';
  const base = `Web/GetFileByServerRelativePath(decodedurl='${ref.replace(/'/g, "''")}')/Versions(${v.version_id})`;
  const out: Record<string, unknown> = {
    'odata.type': 'SP.FileVersion',
    'odata.id': `${ctx.webUrl}/_api/${base}`,
    'odata.editLink': base,
    CheckInComment: v.checkin_comment,
    Created: v.created,
    ID: v.version_id,
    IsCurrentVersion: v.version_id === currentId(item),
    Length: String(v.file_size ?? versionBytes(ctx.db, v).length),
    Size: v.file_size ?? versionBytes(ctx.db, v).length,
    Url: `_vti_history/${v.version_id}/${ref.slice(SITE_PATH.length + 1)}`,
    VersionLabel: labelOf(v.version_id),
  };
  if (expand.includes('createdby')) {
    const p = ctx.db.prepare(`SELECT id, title, email, login_name FROM sp_principals WHERE id = ?`).get(v.editor_id) as
      | { id: number; title: string; email: string; login_name: string }
      | undefined;
    out.CreatedBy = p
      ? { 'odata.type': 'SP.User', Id: p.id, Title: p.title, Email: p.email, LoginName: p.login_name }
      : null;
  }
  return out;
}

/** Rows of a collection as the API lists them: an item's all (newest first), a file's earlier ones (oldest first). */
function listed(ctx: SpContext, node: { list: ListRow; item: ItemRow; file: boolean }): VersionRow[] {
  const rows = visibleRows(ctx, node.list, node.item);
  if (!node.file) return rows.reverse();
  return rows.filter((v) => v.version_id !== currentId(node.item));
}

function demandDelete(ctx: SpContext, list: ListRow, item: ItemRow): void {
  demand(ctx, itemScope(ctx.db, list.pk, item.id), PermissionKind.DeleteVersions);
}

function removeVersion(ctx: SpContext, list: ListRow, item: ItemRow, v: VersionRow, recycle: boolean): string | null {
  if (v.version_id === currentId(item))
    throw new SpError(
      400,
      '-2146232832, Microsoft.SharePoint.SPException',
      `The current version (${labelOf(v.version_id)}) cannot be deleted; delete the item or file instead.`,
    );
  if (recycle) return recycleVersion(ctx, list, item, v as unknown as Record<string, unknown>, labelOf(v.version_id));
  ctx.db
    .prepare(`DELETE FROM sp_versions WHERE list_pk = ? AND item_id = ? AND version_id = ?`)
    .run(list.pk, item.id, v.version_id);
  return null;
}

/**
 * `restoreByLabel`: a new version with the fields and bytes of the old one (EditListItems, plus WriteSecurity and
 * check-out rules, as any edit).
 */
function restoreVersion(ctx: SpContext, list: ListRow, item: ItemRow, v: VersionRow): void {
  demandItemWrite(ctx, list, item, PermissionKind.EditListItems);
  const bytes = isLibrary(list) ? versionBytes(ctx.db, v) : null;
  const state = versionForWrite(ctx, list, item);
  const now = isoNow(ctx);
  if (bytes) {
    freezeBytes(ctx.db, list.pk, item.id);
    ctx.db
      .prepare(`UPDATE sp_files SET content = ?, version = version + 1, modified = ?, editor_id = ? WHERE list_pk = ? AND item_id = ?`)
      .run(bytes, now, ctx.user.id, list.pk, item.id);
  }
  ctx.db
    .prepare(
      `UPDATE sp_items SET data = ?, content_type_id = ?, version = version + 1, major = ?, minor = ?, mod_status = ?,
         modified = ?, editor_id = ? WHERE list_pk = ? AND id = ?`,
    )
    .run(v.data, v.content_type_id, state.major, state.minor, state.modStatus, now, ctx.user.id, list.pk, item.id);
  touchList(ctx, list);
  if (!state.inProgress) recordVersion(ctx.db, list.pk, item.id);
}

/** Answers the history nodes and the collection's methods. */
export function invokeHistory(ctx: SpContext, node: HistoryNode, seg: Segment | null, call: SpCall): EmulatorResponse | null {
  const m = call.method;
  const q = call.query;
  const expand = (q.get('$expand') ?? '').toLowerCase().split(',').map((s) => s.trim());
  const json = (n: { list: ListRow; item: ItemRow; file: boolean }, v: VersionRow): Record<string, unknown> =>
    n.file ? fileVersionJson(ctx, n.item, v, expand) : itemVersionJson(ctx, n.list, n.item, v);
  switch (node.k) {
    case 'versions': {
      if (!seg) {
        if (m !== 'GET') return null;
        let rows = listed(ctx, node);
        const top = q.get('$top');
        if (top && /^\d+$/.test(top)) rows = rows.slice(0, Number(top));
        return collection(
          ctx,
          rows.map((v) => json(node, v)),
          { select: q.get('$select') },
        );
      }
      if (m !== 'POST') return null;
      const { list, item } = node;
      switch (seg.name) {
        case 'deleteall':
          demandDelete(ctx, list, item);
          for (const v of visibleRows(ctx, list, item)) if (v.version_id !== currentId(item)) removeVersion(ctx, list, item, v, false);
          return emptyOk();
        case 'deletebyid':
          demandDelete(ctx, list, item);
          removeVersion(ctx, list, item, findVersion(ctx, list, item, argNumber(seg, 'vid')), false);
          return emptyOk();
        case 'deletebylabel':
          demandDelete(ctx, list, item);
          removeVersion(ctx, list, item, byLabel(ctx, list, item, argString(seg, 'versionlabel')), false);
          return emptyOk();
        case 'recyclebyid':
          demandDelete(ctx, list, item);
          removeVersion(ctx, list, item, findVersion(ctx, list, item, argNumber(seg, 'vid')), true);
          return emptyOk();
        case 'recyclebylabel':
          demandDelete(ctx, list, item);
          removeVersion(ctx, list, item, byLabel(ctx, list, item, argString(seg, 'versionlabel')), true);
          return emptyOk();
        case 'restorebylabel':
          restoreVersion(ctx, list, item, byLabel(ctx, list, item, argString(seg, 'versionlabel')));
          return emptyOk();
        default:
          return null;
      }
    }
    case 'version': {
      const v = findVersion(ctx, node.list, node.item, node.versionId);
      if (seg) {
        if (seg.name === 'deleteobject' && m === 'POST') {
          demandDelete(ctx, node.list, node.item);
          removeVersion(ctx, node.list, node.item, v, false);
          return emptyOk();
        }
        return null;
      }
      if (m === 'GET') return entity(ctx, json(node, v), { select: q.get('$select') });
      if (m === 'DELETE') {
        demandDelete(ctx, node.list, node.item);
        removeVersion(ctx, node.list, node.item, v, false);
        return emptyOk();
      }
      return null;
    }
    case 'versionvalue': {
      if (seg || m !== 'GET') return null;
      demand(ctx, itemScope(ctx.db, node.list.pk, node.item.id), PermissionKind.OpenItems);
      const v = findVersion(ctx, node.list, node.item, node.versionId);
      return { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: versionBytes(ctx.db, v) };
    }
    default:
      return null;
  }
}

