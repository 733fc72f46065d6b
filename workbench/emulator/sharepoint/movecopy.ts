import type { EmulatorResponse } from '../types';
import { badValue, notImplemented, SpError } from './errors';
import { type SpContext, isoNow } from './context';
import type { Segment } from './path';
import { emptyOk } from './format';
import { insertItem, touchList } from './items';
import { PermissionKind } from './roles';
import { demand, itemScope, listScope } from './security';
import { itemById, listByPk, newGuid } from './store';
import {
  type FileRow,
  checkName,
  deleteItem,
  fileByUrl,
  folderByUrl,
  folderMissing,
  normaliseUrl,
  visibleFile,
} from './files';
import type { SpCall } from './routes';
import { copyPublished, itemView, setVersion } from './versions';

function resourceUrl(v: unknown, name: string): string {
  const url = (v as { DecodedUrl?: unknown } | undefined)?.DecodedUrl;
  if (typeof url !== 'string' || !url) throw badValue(`The parameter '${name}.DecodedUrl' is required.`);
  return normaliseUrl(url);
}

function keepBothName(ctx: SpContext, url: string): string {
  const dot = url.lastIndexOf('.');
  const slash = url.lastIndexOf('/');
  const [stem, ext] = dot > slash ? [url.slice(0, dot), url.slice(dot)] : [url, ''];
  for (let n = 1; ; n++) {
    const candidate = `${stem} ${n}${ext}`;
    if (!fileByUrl(ctx, candidate) && !folderByUrl(ctx, candidate)) return candidate;
  }
}

/**
 * `SP.MoveCopyUtil.MoveFileByPath` / `CopyFileByPath` within one document library: a move keeps the item (and its id)
 * and the item then inherits from its new folder unless it has unique permissions; a copy creates a new item.
 */
export function moveCopy(ctx: SpContext, seg: Segment, call: SpCall): EmulatorResponse {
  const op = seg.name.slice('sp.movecopyutil.'.length);
  if (op !== 'movefilebypath' && op !== 'copyfilebypath') throw notImplemented(call.method, call.path);
  const body = call.json();
  const overwrite = seg.named.overwrite === true;
  const options = (body.options as Record<string, unknown> | undefined) ?? {};
  const srcUrl = resourceUrl(body.srcPath, 'srcPath');
  const src = visibleFile(ctx, fileByUrl(ctx, srcUrl), srcUrl);
  let destUrl = resourceUrl(body.destPath, 'destPath');
  const destDir = folderByUrl(ctx, destUrl.slice(0, destUrl.lastIndexOf('/')));
  if (!destDir) throw folderMissing();
  if (destDir.list_pk !== src.list_pk)
    throw notImplemented(call.method, `${call.path} (moving or copying between libraries)`);
  const list = listByPk(ctx.db, src.list_pk);
  const name = destUrl.slice(destUrl.lastIndexOf('/') + 1);
  checkName(name);
  if (destUrl.toLowerCase() === src.server_relative_url.toLowerCase()) return emptyOk();
  const existing = fileByUrl(ctx, destUrl);
  if (existing || folderByUrl(ctx, destUrl)) {
    if (options.KeepBoth === true) destUrl = keepBothName(ctx, destUrl);
    else if (!overwrite || !existing) {
      throw new SpError(
        400,
        '-2130575257, Microsoft.SharePoint.SPException',
        `A file or folder with the name ${destUrl} already exists.`,
      );
    } else {
      demandItemDelete(ctx, existing);
      deleteItem(ctx, list, itemById(ctx.db, list.pk, existing.item_id)!);
    }
  }
  const finalName = destUrl.slice(destUrl.lastIndexOf('/') + 1);
  const destScope = destDir.item_id ? itemScope(ctx.db, list.pk, destDir.item_id) : listScope(ctx.db, list.pk);
  demand(ctx, destScope, PermissionKind.AddListItems);
  const srcItem = itemById(ctx.db, list.pk, src.item_id)!;
  if (op === 'movefilebypath') {
    demand(ctx, itemScope(ctx.db, list.pk, src.item_id), PermissionKind.DeleteListItems);
    const data = { ...JSON.parse(srcItem.data), FileLeafRef: finalName };
    const now = isoNow(ctx);
    const retain = options.RetainEditorAndModifiedOnMove === true;
    ctx.db
      .prepare(`UPDATE sp_files SET server_relative_url = ?, name = ? WHERE unique_id = ?`)
      .run(destUrl, finalName, src.unique_id);
    ctx.db
      .prepare(`UPDATE sp_items SET file_ref = ?, data = ?, modified = ?, editor_id = ? WHERE list_pk = ? AND id = ?`)
      .run(
        destUrl,
        JSON.stringify(data),
        retain ? srcItem.modified : now,
        retain ? srcItem.editor_id : ctx.user.id,
        list.pk,
        srcItem.id,
      );
  } else {
    // The copy is of the version the caller sees (a reader of a draft copies the published one) and keeps its state:
    // a draft stays a draft with the same published version behind it, a published file stays published.
    const seen = itemView(ctx, list, srcItem) ?? srcItem;
    const data = { ...JSON.parse(seen.data), FileLeafRef: finalName };
    const item = insertItem(ctx, list, data, { fileRef: destUrl, contentTypeId: seen.content_type_id });
    setVersion(ctx.db, list.pk, item.id, { major: seen.major, minor: seen.minor });
    if (!seen.snapshot && seen.minor > 0 && seen.major > 0) copyPublished(ctx.db, list.pk, srcItem.id, item.id);
    const now = isoNow(ctx);
    ctx.db
      .prepare(
        `INSERT INTO sp_files (unique_id, list_pk, item_id, server_relative_url, name, content, version, created, modified, author_id, editor_id) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
      )
      .run(newGuid(), list.pk, item.id, destUrl, finalName, src.content, now, now, ctx.user.id, ctx.user.id);
  }
  touchList(ctx, list);
  return emptyOk();
}

function demandItemDelete(ctx: SpContext, f: FileRow): void {
  demand(ctx, itemScope(ctx.db, f.list_pk, f.item_id), PermissionKind.DeleteListItems);
}
