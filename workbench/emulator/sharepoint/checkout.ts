import { badValue } from './errors';
import { type SpContext, isoNow } from './context';
import { PermissionKind } from './roles';
import { demand, itemScope } from './security';
import { type ItemRow, type ListRow, isLibrary } from './store';
import { checkedOutError, notCheckedOutError, ownItemsOnly } from './guards';
import { touchList } from './items';
import {
  ModerationStatus,
  autoApproves,
  checkoutOf,
  dropPublished,
  ensureHistory,
  freezeBytes,
  isPublic,
  keepPublishedState,
  minorVersionsOn,
  moderationOn,
  recordVersion,
} from './versions';

/*
 * Check-out, check-in and discard (File.CheckOut, CheckIn(comment, checkInType), UndoCheckOut). Checking out needs
 * EditListItems; the person who checked a file out checks it in or discards it with EditListItems, anyone else needs
 * CancelCheckout ("Discard or check in a document that is checked out to another user"). While a file is checked out
 * every other user's write is refused (423, SPFileCheckOutException) and they see the file as it was checked in.
 */

/** SP.CheckinType values. */
export const CheckinType = { Minor: 0, Major: 1, Overwrite: 2 } as const;

function requireFile(list: ListRow, item: ItemRow): void {
  if (!isLibrary(list) || item.fs_type !== 0)
    throw badValue(`Only documents in a document library can be checked out; '${item.file_ref ?? item.id}' is not one.`);
}

/** Records the state a file is checked out from and gives it to the caller (also a new upload under ForceCheckout). */
export function startCheckout(ctx: SpContext, list: ListRow, item: ItemRow, checkedIn: boolean): void {
  const f = ctx.db
    .prepare(`SELECT content, version, modified, editor_id FROM sp_files WHERE list_pk = ? AND item_id = ?`)
    .get(list.pk, item.id) as { content: Buffer; version: number; modified: string; editor_id: number } | undefined;
  const { snapshot: _s, ...row } = item;
  ctx.db
    .prepare(
      `INSERT OR REPLACE INTO sp_checkouts (list_pk, item_id, user_id, checked_out, item_row, file_content, file_version, file_modified, file_editor_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      list.pk,
      item.id,
      ctx.user.id,
      isoNow(ctx),
      checkedIn ? JSON.stringify({ ...row, checkout_user_id: null }) : null,
      checkedIn ? (f?.content ?? null) : null,
      checkedIn ? (f?.version ?? null) : null,
      checkedIn ? (f?.modified ?? null) : null,
      checkedIn ? (f?.editor_id ?? null) : null,
    );
  ctx.db.prepare(`UPDATE sp_items SET checkout_user_id = ? WHERE list_pk = ? AND id = ?`).run(ctx.user.id, list.pk, item.id);
}

/** `File.checkOut()`: EditListItems; a file checked out to someone else is refused with 423. */
export function checkOut(ctx: SpContext, list: ListRow, item: ItemRow): void {
  requireFile(list, item);
  demand(ctx, itemScope(ctx.db, list.pk, item.id), PermissionKind.EditListItems);
  if (ownItemsOnly(ctx, list, 'WriteSecurity') && item.author_id !== ctx.user.id)
    demand(ctx, itemScope(ctx.db, list.pk, item.id), PermissionKind.CancelCheckout);
  if (item.checkout_user_id !== null) {
    if (item.checkout_user_id === ctx.user.id) return;
    throw checkedOutError(ctx, item);
  }
  ensureHistory(ctx.db, item);
  startCheckout(ctx, list, item, true);
  touchList(ctx, list);
}

/** Who may end someone's check-out: the person who has it (EditListItems), or CancelCheckout holders. */
function demandEnd(ctx: SpContext, list: ListRow, item: ItemRow): void {
  if (item.checkout_user_id === null) throw notCheckedOutError(item, false);
  const scope = itemScope(ctx.db, list.pk, item.id);
  demand(ctx, scope, item.checkout_user_id === ctx.user.id ? PermissionKind.EditListItems : PermissionKind.CancelCheckout);
}

/**
 * `File.checkIn(comment, checkInType)`: Minor (0) adds a minor version (a major one in a library without minor
 * versions), Major (1) publishes the next major version (with content approval: submits it, Pending), Overwrite (2)
 * replaces the version it was checked out from.
 */
export function checkIn(ctx: SpContext, list: ListRow, item: ItemRow, comment: string, type: number): void {
  requireFile(list, item);
  if (![0, 1, 2].includes(type)) throw badValue(`The checkInType must be 0 (Minor), 1 (Major) or 2 (Overwrite).`);
  demandEnd(ctx, list, item);
  const co = checkoutOf(ctx.db, list.pk, item.id);
  const base = co?.item_row ? (JSON.parse(co.item_row) as ItemRow) : null;
  const mod = moderationOn(list);
  const minorLib = minorVersionsOn(list);
  let v: { major: number; minor: number; status: number };
  if (type === CheckinType.Overwrite) {
    v = base
      ? { major: base.major, minor: base.minor, status: base.mod_status }
      : { major: minorLib ? 0 : 1, minor: minorLib ? 1 : 0, status: mod ? ModerationStatus.Draft : 0 };
  } else if (type === CheckinType.Minor && minorLib) {
    const from = base ?? { major: 0, minor: 0, mod_status: 0 };
    v = {
      major: from.major,
      minor: base && !isPublic(base) ? from.minor + 1 : 1,
      status: mod ? ModerationStatus.Draft : 0,
    };
  } else if (mod && minorLib) {
    // A major check-in in a library with approval submits a new minor version for approval.
    const from = base ?? { major: 0, minor: 0, mod_status: 0 };
    const pending = { major: from.major, minor: base && !isPublic(base) ? from.minor + 1 : 1 };
    v = autoApproves(ctx, list)
      ? { major: from.major + 1, minor: 0, status: 0 }
      : { ...pending, status: ModerationStatus.Pending };
  } else {
    const major = (base?.major ?? 0) + 1;
    v = { major, minor: 0, status: mod && !autoApproves(ctx, list) ? ModerationStatus.Pending : 0 };
  }
  ctx.db
    .prepare(
      `UPDATE sp_items SET major = ?, minor = ?, mod_status = ?, checkout_user_id = NULL, version = version + 1 WHERE list_pk = ? AND id = ?`,
    )
    .run(v.major, v.minor, v.status, list.pk, item.id);
  ctx.db.prepare(`UPDATE sp_files SET version = version + 1 WHERE list_pk = ? AND item_id = ?`).run(list.pk, item.id);
  // Readers keep the public version the file was checked out from while the new one is not public.
  if (v.minor === 0 && v.status === 0) dropPublished(ctx.db, list.pk, item.id);
  else if (base && isPublic(base) && base.major > 0)
    keepPublishedState(ctx.db, base, {
      content: co?.file_content ?? null,
      version: co?.file_version ?? null,
      modified: co?.file_modified ?? null,
      editor_id: co?.file_editor_id ?? null,
    });
  ctx.db.prepare(`DELETE FROM sp_checkouts WHERE list_pk = ? AND item_id = ?`).run(list.pk, item.id);
  recordVersion(ctx.db, list.pk, item.id, comment);
  touchList(ctx, list);
}

/**
 * `File.undoCheckOut()`: discards the check-out and what was changed under it; a file that was never checked in (a new
 * upload to a library with ForceCheckout) is removed, as SharePoint discards it.
 */
export function undoCheckOut(ctx: SpContext, list: ListRow, item: ItemRow, remove: () => void): void {
  requireFile(list, item);
  demandEnd(ctx, list, item);
  const co = checkoutOf(ctx.db, list.pk, item.id);
  if (!co?.item_row) {
    remove();
    return;
  }
  const base = JSON.parse(co.item_row) as ItemRow;
  freezeBytes(ctx.db, list.pk, item.id);
  ctx.db
    .prepare(
      `UPDATE sp_items SET data = ?, modified = ?, editor_id = ?, content_type_id = ?, major = ?, minor = ?, mod_status = ?,
         mod_comment = ?, checkout_user_id = NULL, version = version + 1 WHERE list_pk = ? AND id = ?`,
    )
    .run(
      base.data,
      base.modified,
      base.editor_id,
      base.content_type_id,
      base.major,
      base.minor,
      base.mod_status,
      base.mod_comment,
      list.pk,
      item.id,
    );
  if (co.file_content)
    ctx.db
      .prepare(`UPDATE sp_files SET content = ?, modified = ?, editor_id = ?, version = version + 1 WHERE list_pk = ? AND item_id = ?`)
      .run(co.file_content, co.file_modified, co.file_editor_id, list.pk, item.id);
  ctx.db.prepare(`DELETE FROM sp_checkouts WHERE list_pk = ? AND item_id = ?`).run(list.pk, item.id);
  touchList(ctx, list);
}
