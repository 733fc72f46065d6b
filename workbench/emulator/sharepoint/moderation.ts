import { badValue, SpError } from './errors';
import type { SpContext } from './context';
import { PermissionKind } from './roles';
import { allowed, demand, denied, itemScope } from './security';
import { switchesOf } from './switches';
import { type ItemRow, type ListRow, itemById } from './store';
import { touchList } from './items';
import {
  ModerationStatus,
  autoApproves,
  cannotPublish,
  dropPublished,
  ensureHistory,
  isPublic,
  keepPublished,
  keepPublishedState,
  minorVersionsOn,
  moderationOn,
  publishItem,
  recordVersion,
  versionBytes,
  versionRows,
} from './versions';

/*
 * Content approval (EnableModeration) and publishing: File.approve / deny / publish / unpublish, and `_ModerationStatus`
 * written by MERGE or validateUpdateListItem. Approving needs ApproveItems at the item's scope (ManageLists only with
 * switch manageListsMayApprove); nobody is kept from approving their own work, as SharePoint has no such rule.
 */

/** True when the caller may approve or deny the item. */
export function canApprove(ctx: SpContext, list: ListRow, item: ItemRow): boolean {
  const scope = itemScope(ctx.db, list.pk, item.id);
  if (allowed(ctx, scope, PermissionKind.ApproveItems)) return true;
  return switchesOf(ctx).manageListsMayApprove && allowed(ctx, scope, PermissionKind.ManageLists);
}

function demandApprove(ctx: SpContext, list: ListRow, item: ItemRow): void {
  if (!canApprove(ctx, list, item)) throw denied(ctx, itemScope(ctx.db, list.pk, item.id), PermissionKind.ApproveItems);
}

function requireModeration(list: ListRow, what: string): void {
  if (!moderationOn(list))
    throw new SpError(
      400,
      '-2146232832, Microsoft.SharePoint.SPException',
      `Only items in a list for which content approval has been enabled can be ${what}; '${list.title}' does not require content approval (EnableModeration).`,
    );
}

function notCheckedOut(item: ItemRow): void {
  if (item.checkout_user_id !== null && item.checkout_user_id !== undefined) throw cannotPublish();
}

function setState(
  ctx: SpContext,
  list: ListRow,
  item: ItemRow,
  s: { major: number; minor: number; status: number; comment?: string | null },
): void {
  ctx.db
    .prepare(
      `UPDATE sp_items SET major = ?, minor = ?, mod_status = ?, mod_comment = ?, version = version + 1 WHERE list_pk = ? AND id = ?`,
    )
    .run(s.major, s.minor, s.status, s.comment ?? item.mod_comment ?? null, list.pk, item.id);
  ctx.db.prepare(`UPDATE sp_files SET version = version + 1 WHERE list_pk = ? AND item_id = ?`).run(list.pk, item.id);
  touchList(ctx, list);
}

/** Approves the current version: in a library with minor versions a draft N.m becomes (N+1).0; readers see it. */
function approveNow(ctx: SpContext, list: ListRow, item: ItemRow, comment: string): void {
  ensureHistory(ctx.db, item);
  const major = minorVersionsOn(list) && item.minor > 0;
  setState(ctx, list, item, {
    major: major ? item.major + 1 : item.major,
    minor: major ? 0 : item.minor,
    status: ModerationStatus.Approved,
    comment,
  });
  dropPublished(ctx.db, list.pk, item.id);
  recordVersion(ctx.db, list.pk, item.id);
}

/** Moves an item to a non-public status, keeping its current public version for readers first. */
function toStatus(ctx: SpContext, list: ListRow, item: ItemRow, status: number, comment?: string): void {
  ensureHistory(ctx.db, item);
  if (isPublic(item) && item.major > 0) keepPublished(ctx.db, list.pk, item.id);
  setState(ctx, list, item, { major: item.major, minor: item.minor, status, comment });
  recordVersion(ctx.db, list.pk, item.id);
}

/** `File.approve(comment)`: ApproveItems, a list with content approval, a file that is not checked out. */
export function approve(ctx: SpContext, list: ListRow, item: ItemRow, comment: string): void {
  requireModeration(list, 'approved');
  demandApprove(ctx, list, item);
  notCheckedOut(item);
  if (isPublic(item)) return;
  approveNow(ctx, list, item, comment);
}

/** `File.deny(comment)`: the version becomes Denied (1); readers keep the last approved version. */
export function deny(ctx: SpContext, list: ListRow, item: ItemRow, comment: string): void {
  requireModeration(list, 'rejected');
  demandApprove(ctx, list, item);
  notCheckedOut(item);
  toStatus(ctx, list, item, ModerationStatus.Denied, comment);
}

function demandSwitchPermission(ctx: SpContext, list: ListRow, item: ItemRow, kind: keyof typeof PermissionKind | null): void {
  if (kind) demand(ctx, itemScope(ctx.db, list.pk, item.id), PermissionKind[kind]);
}

/**
 * `File.publish(comment)`: in a library with minor versions, publishes the draft as the next major version; with
 * content approval it submits the draft instead (Pending), unless switch moderationAutoApprove approves the caller's
 * submissions. Permission: switch publishPermission (default EditListItems; UNCONFIRMED).
 */
export function publish(ctx: SpContext, list: ListRow, item: ItemRow, comment: string): void {
  demandSwitchPermission(ctx, list, item, switchesOf(ctx).publishPermission);
  notCheckedOut(item);
  if (!minorVersionsOn(list) || item.minor === 0) throw cannotPublish();
  if (!moderationOn(list)) {
    publishItem(ctx.db, list, item, comment);
    touchList(ctx, list);
    return;
  }
  if (autoApproves(ctx, list)) return approveNow(ctx, list, item, comment);
  if (item.mod_status === ModerationStatus.Pending) return;
  toStatus(ctx, list, item, ModerationStatus.Pending);
}

/** What readers see after a major version is unpublished: the previous approved major version, or nothing (switch unpublishShows). */
function showPreviousMajor(ctx: SpContext, list: ListRow, item: ItemRow, belowVersionId: number): void {
  dropPublished(ctx.db, list.pk, item.id);
  if (switchesOf(ctx).unpublishShows === 'nothing') return;
  const prev = versionRows(ctx.db, list.pk, item.id)
    .filter((v) => v.version_id < belowVersionId && v.version_id % 512 === 0 && v.mod_status === 0)
    .pop();
  if (!prev) return;
  const file = ctx.db.prepare(`SELECT version, modified, editor_id FROM sp_files WHERE list_pk = ? AND item_id = ?`).get(
    list.pk,
    item.id,
  ) as { version: number; modified: string; editor_id: number } | undefined;
  keepPublishedState(
    ctx.db,
    {
      ...item,
      major: prev.version_id / 512,
      minor: 0,
      data: prev.data,
      content_type_id: prev.content_type_id,
      modified: prev.created,
      editor_id: prev.editor_id,
    },
    file
      ? { content: versionBytes(ctx.db, prev), version: file.version, modified: prev.created, editor_id: prev.editor_id }
      : null,
  );
}

/**
 * `File.unpublish(comment)`: with content approval, a Pending submission goes back to Draft ("Cancel publish") and an
 * approved major version is withdrawn; without, the published major N.0 of a library with minor versions becomes
 * draft N.1. Readers then see the previous major version or nothing (switch unpublishShows, UNCONFIRMED). Anything
 * else is SharePoint's "You can only Unpublish a major version or approved document" (documented errors of
 * File.UnPublish / SPFile.UnPublish). Permission: switch unpublishPermission (default EditListItems).
 */
export function unpublish(ctx: SpContext, list: ListRow, item: ItemRow, comment: string): void {
  demandSwitchPermission(ctx, list, item, switchesOf(ctx).unpublishPermission);
  notCheckedOut(item);
  ensureHistory(ctx.db, item);
  if (moderationOn(list)) {
    if (item.mod_status === ModerationStatus.Pending || item.mod_status === ModerationStatus.Scheduled) {
      setState(ctx, list, item, { major: item.major, minor: item.minor, status: ModerationStatus.Draft, comment });
      recordVersion(ctx.db, list.pk, item.id);
      return;
    }
    if (!isPublic(item) || item.major === 0) throw cannotPublish();
    const minor = minorVersionsOn(list) ? 1 : 0;
    setState(ctx, list, item, { major: item.major, minor, status: ModerationStatus.Draft, comment });
    recordVersion(ctx.db, list.pk, item.id);
    showPreviousMajor(ctx, list, item, item.major * 512);
    return;
  }
  if (!minorVersionsOn(list) || item.minor !== 0 || item.major === 0) throw cannotPublish();
  setState(ctx, list, item, { major: item.major, minor: 1, status: 0 });
  recordVersion(ctx.db, list.pk, item.id, comment);
  showPreviousMajor(ctx, list, item, item.major * 512);
}

/** `_ModerationStatus` / `_ModerationComments` taken out of a REST item body (both REST spellings). */
export interface ModerationWrite {
  status?: number;
  comment?: string | null;
}

/** Removes the content approval fields from a MERGE body and returns them. */
export function takeModerationFields(body: Record<string, unknown>): { rest: Record<string, unknown>; mod: ModerationWrite } {
  const rest: Record<string, unknown> = {};
  const mod: ModerationWrite = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === 'OData__ModerationStatus' || k === '_ModerationStatus') {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 4)
        throw badValue(
          `The value of '${k}' must be 0 (Approved), 1 (Denied), 2 (Pending), 3 (Draft) or 4 (Scheduled).`,
        );
      mod.status = v;
    } else if (k === 'OData__ModerationComments' || k === '_ModerationComments') {
      if (v !== null && typeof v !== 'string') throw badValue(`The value of '${k}' must be a text.`);
      mod.comment = v as string | null;
    } else rest[k] = v;
  }
  return { rest, mod };
}

/**
 * Decides on a `_ModerationStatus` write before anything is stored: a list without content approval keeps the field
 * read-only (400); an approver's write goes ahead; a non-approver's write is refused with 403 naming ApproveItems, or
 * dropped, as switch moderationStatusWrite says (UNCONFIRMED). Returns whether to apply it.
 */
export function admitModerationWrite(ctx: SpContext, list: ListRow, item: ItemRow, mod: ModerationWrite): boolean {
  if (mod.status === undefined && mod.comment === undefined) return false;
  if (!moderationOn(list))
    throw badValue(`The property 'OData__ModerationStatus' is read-only and cannot be written.`);
  if (canApprove(ctx, list, item)) return true;
  if (switchesOf(ctx).moderationStatusWrite === 'ignore') return false;
  throw denied(ctx, itemScope(ctx.db, list.pk, item.id), PermissionKind.ApproveItems, 'writing _ModerationStatus');
}

/** Applies an approver's `_ModerationStatus` (after any field values of the same write). */
export function applyModerationWrite(ctx: SpContext, list: ListRow, itemId: number, mod: ModerationWrite): void {
  const item = itemById(ctx.db, list.pk, itemId)!;
  const comment = mod.comment ?? undefined;
  switch (mod.status) {
    case undefined:
      ctx.db.prepare(`UPDATE sp_items SET mod_comment = ? WHERE list_pk = ? AND id = ?`).run(comment ?? null, list.pk, itemId);
      recordVersion(ctx.db, list.pk, itemId);
      return;
    case ModerationStatus.Approved:
      if (!isPublic(item)) approveNow(ctx, list, item, comment ?? '');
      return;
    default:
      toStatus(ctx, list, item, mod.status, comment);
  }
}

/** Turning content approval off approves everything (nothing stays hidden for want of an approver). */
export function moderationTurnedOff(ctx: SpContext, list: ListRow): void {
  ctx.db
    .prepare(
      `DELETE FROM sp_published WHERE list_pk = ? AND item_id IN (SELECT id FROM sp_items WHERE list_pk = ? AND minor = 0)`,
    )
    .run(list.pk, list.pk);
  ctx.db.prepare(`UPDATE sp_items SET mod_status = 0 WHERE list_pk = ?`).run(list.pk);
}
