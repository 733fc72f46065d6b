import { SpError } from './errors';
import { type SpContext, parseProps } from './context';
import { PermissionKind } from './roles';
import { type Scope, allowed, demand, denied, itemScope, listScope } from './security';
import { switchesOf } from './switches';
import { type ItemRow, type ListRow, isLibrary } from './store';

/**
 * List item-level permissions ("item-level permissions" in list settings): ReadSecurity = 2 shows people only the items
 * they created; WriteSecurity = 2 lets them edit and delete only those, 4 lets them create, edit or delete nothing.
 * Holders of CancelCheckout ("Override List Behaviors": "change or override settings that allow users to read/edit only
 * their own items", user-permissions-and-permission-levels) are not restricted; ManageLists only behind switch
 * itemSecurityManageListsBypass (UNCONFIRMED). Document libraries: ReadSecurity only with switch libraryReadSecurity,
 * WriteSecurity only with libraryWriteSecurity (the settings are offered for lists only).
 */
export function ownItemsOnly(ctx: SpContext, list: ListRow, setting: 'ReadSecurity' | 'WriteSecurity'): boolean {
  const v = parseProps(list.props)[setting];
  if (v !== 2 && v !== 4) return false;
  const sw = switchesOf(ctx);
  if (isLibrary(list) && !(setting === 'ReadSecurity' ? sw.libraryReadSecurity : sw.libraryWriteSecurity)) return false;
  const scope = listScope(ctx.db, list.pk);
  if (allowed(ctx, scope, PermissionKind.CancelCheckout)) return false;
  if (sw.itemSecurityManageListsBypass && allowed(ctx, scope, PermissionKind.ManageLists)) return false;
  return true;
}

/** SharePoint's refusal of a write to a file checked out to someone else (SPFileCheckOutException, 423). */
export function checkedOutError(ctx: SpContext, item: ItemRow): SpError {
  const login =
    (ctx.db.prepare(`SELECT login_name FROM sp_principals WHERE id = ?`).pluck().get(item.checkout_user_id) as
      | string
      | undefined) ?? '(unknown)';
  return new SpError(
    423,
    '-2130575306, Microsoft.SharePoint.SPFileCheckOutException',
    `The file "${ctx.origin}${item.file_ref ?? ''}" is checked out for editing by ${login}.`,
  );
}

/** SharePoint's refusal of an edit to a file that must be checked out first (ForceCheckout) or to check in what is not checked out. */
export function notCheckedOutError(item: ItemRow, editing: boolean): SpError {
  return new SpError(
    400,
    '-2147024738, Microsoft.SharePoint.SPFileCheckOutException',
    editing
      ? `The file ${item.file_ref ?? ''} is not checked out. You must first check out this document before making changes.`
      : `The file ${item.file_ref ?? ''} is not checked out.`,
  );
}

/**
 * Check-out rules for a write: a file checked out to someone else refuses every write (edit, delete, move) with 423;
 * in a library with ForceCheckout ("Require documents to be checked out before they can be edited") an edit of fields
 * or bytes needs the file checked out to the writer.
 */
export function checkLock(ctx: SpContext, list: ListRow, item: ItemRow, op: 'edit' | 'delete'): void {
  if (item.checkout_user_id !== null && item.checkout_user_id !== undefined && item.checkout_user_id !== ctx.user.id)
    throw checkedOutError(ctx, item);
  if (
    op === 'edit' &&
    item.fs_type === 0 &&
    isLibrary(list) &&
    parseProps(list.props).ForceCheckout === true &&
    (item.checkout_user_id === null || item.checkout_user_id === undefined)
  )
    throw notCheckedOutError(item, true);
}

/**
 * Write check for an item: the permission at its scope, the list's WriteSecurity setting, and the check-out rules
 * (DeleteListItems checks a delete, anything else an edit).
 */
export function demandItemWrite(ctx: SpContext, list: ListRow, item: ItemRow, kind: number): void {
  demand(ctx, itemScope(ctx.db, list.pk, item.id), kind);
  if (ownItemsOnly(ctx, list, 'WriteSecurity')) {
    const v = parseProps(list.props).WriteSecurity;
    if (v === 4 || item.author_id !== ctx.user.id)
      throw denied(
        ctx,
        listScope(ctx.db, list.pk),
        PermissionKind.CancelCheckout,
        v === 4
          ? `WriteSecurity 4: only holders of Override List Behaviors may write items (item ${item.id})`
          : `WriteSecurity 2: item ${item.id} was created by someone else`,
      );
  }
  checkLock(ctx, list, item, kind === PermissionKind.DeleteListItems ? 'delete' : 'edit');
}

/** Create check for a list item, folder or file: AddListItems where it lands, and WriteSecurity 4 (nobody creates). */
export function demandItemCreate(ctx: SpContext, list: ListRow, scope: Scope = listScope(ctx.db, list.pk)): void {
  demand(ctx, scope, PermissionKind.AddListItems);
  if (parseProps(list.props).WriteSecurity === 4 && ownItemsOnly(ctx, list, 'WriteSecurity'))
    throw denied(
      ctx,
      listScope(ctx.db, list.pk),
      PermissionKind.CancelCheckout,
      'WriteSecurity 4: only holders of Override List Behaviors may create items',
    );
}

/**
 * True when settings `props` of a list make people see only the items they created (ReadSecurity 2) — in lists, and in
 * libraries only with switch libraryReadSecurity (where the emulator enforces the setting at all).
 */
export function readsOwnItemsOnly(ctx: SpContext, list: ListRow, props: Record<string, unknown> = parseProps(list.props)): boolean {
  return props.ReadSecurity === 2 && (!isLibrary(list) || switchesOf(ctx).libraryReadSecurity);
}

/**
 * SharePoint refuses a column that enforces unique values in a list whose item-level read setting is "Read items that
 * were created by the user" (ReadSecurity 2), and that setting on a list with such a column: "When list item permissions
 * is set to 'Read items that were created by the user', setting unique values on a column is not possible and
 * vice-versa" (https://www.formsandflows.nl/2023/10/23/item-level-permissions/; 2010: "Item-level permissions … not
 * allowed" for unique columns, http://www.zquad.in/2010/03/unique-column.html). A duplicate error would tell a reader
 * that an item they may not see exists. The wording of SharePoint's message is UNCONFIRMED; WriteSecurity does not
 * conflict (no source says it does, and every item stays readable).
 */
export function uniqueWithOwnItemsRead(list: ListRow, column: string, changing: 'column' | 'list'): SpError {
  return new SpError(
    400,
    '-2146232832, Microsoft.SharePoint.SPException',
    changing === 'column'
      ? `The column '${column}' cannot enforce unique values (EnforceUniqueValues): list '${list.title}' lets people read only the items they created (ReadSecurity 2, "Read items that were created by the user").`
      : `List '${list.title}' cannot let people read only the items they created (ReadSecurity 2, "Read items that were created by the user"): its column '${column}' enforces unique values (EnforceUniqueValues).`,
  );
}
