import type { PermissionKindName } from './roles';

/**
 * Named switches for SharePoint behaviour the sources do not settle (UNCONFIRMED in docs/emulator.md and
 * /work/shared/notes/sharepoint-trust.md). Each default is the documented or logical minimum, so the emulator never
 * refuses what SharePoint might allow; set a switch from a real-tenant measurement with
 * `startEmulator({ sharePointSwitches: { … } })`.
 */
export interface SharePointSwitches {
  /**
   * ReadSecurity/WriteSecurity ("only their own items"): also exempt holders of ManageLists. Documented bypass is
   * CancelCheckout ("Override List Behaviors"); whether the protocol's "list administrators" includes ManageLists is
   * UNCONFIRMED. Default false.
   */
  itemSecurityManageListsBypass: boolean;
  /** Enforce ReadSecurity in document libraries (only offered for lists; a third-party report says it works). Default false. */
  libraryReadSecurity: boolean;
  /** Enforce WriteSecurity in document libraries (reported as not enforced there). Default false. */
  libraryWriteSecurity: boolean;
  /** Refuse a REST-created or -changed role definition that breaks the UI's permission dependencies. Default false. */
  roleDependencies: boolean;
  /** Permission at the source of a copy (MoveCopyUtil.CopyFileByPath, copyTo, …). Default OpenItems (read the bytes). */
  copySourcePermission: PermissionKindName | null;
  /** Permission at the source of a move. Default DeleteListItems (the source disappears). */
  moveSourcePermission: PermissionKindName | null;
  /** Permission at the destination folder of a move or copy. Default AddListItems. */
  moveCopyDestinationPermission: PermissionKindName | null;
  /** A move or copy that overwrites an existing file also needs DeleteListItems on it (pnp/pnpjs#1904). Default false (EditListItems only). */
  moveCopyOverwriteRequiresDelete: boolean;
  /** A move out of a library with content approval needs ApproveItems at the source (SPMoveOperations.BypassApprovePermission). Default false. */
  moveRequiresApproveItemsWhenModerated: boolean;
  /** Permission for File.publish (submit or publish a major version). Default EditListItems. */
  publishPermission: PermissionKindName | null;
  /** Permission for File.unpublish. Default EditListItems. */
  unpublishPermission: PermissionKindName | null;
  /** Permission for resetRoleInheritance. Default ManagePermissions. */
  resetInheritancePermission: PermissionKindName | null;
  /** A non-approver writing `_ModerationStatus` (MERGE, validateUpdateListItem): `'reject'` (403 naming ApproveItems) or `'ignore'` (value dropped). Default 'reject'. */
  moderationStatusWrite: 'reject' | 'ignore';
  /** Submissions by holders of this permission are approved at once (old KB 825239: Manage Lists). Default null: every submission is Pending. */
  moderationAutoApprove: PermissionKindName | null;
  /** ManageLists alone may approve or deny (the support page's "at least Manage Lists"). Default false: ApproveItems. */
  manageListsMayApprove: boolean;
  /** What readers see after `unpublish` of a major version in a library without content approval: the previous major version, or nothing. Default 'previousMajor'. */
  unpublishShows: 'previousMajor' | 'nothing';
  /**
   * Permission to add, replace, delete or recycle an attachment of an existing item. Default EditListItems (changing the
   * item); whether an Add-only author may attach to their new item over REST is UNCONFIRMED.
   */
  attachmentWritePermission: PermissionKindName | null;
  /** Besides the person who deleted it and site collection administrators, holders of this web permission see and restore every recycle bin item ("site owners"). Default ManageWeb; null = nobody else. */
  recycleBinManagerPermission: PermissionKindName | null;
}

/** The defaults: the documented or logical choice for every UNCONFIRMED point. */
export const DEFAULT_SWITCHES: SharePointSwitches = {
  itemSecurityManageListsBypass: false,
  libraryReadSecurity: false,
  libraryWriteSecurity: false,
  roleDependencies: false,
  copySourcePermission: 'OpenItems',
  moveSourcePermission: 'DeleteListItems',
  moveCopyDestinationPermission: 'AddListItems',
  moveCopyOverwriteRequiresDelete: false,
  moveRequiresApproveItemsWhenModerated: false,
  publishPermission: 'EditListItems',
  unpublishPermission: 'EditListItems',
  resetInheritancePermission: 'ManagePermissions',
  moderationStatusWrite: 'reject',
  moderationAutoApprove: null,
  manageListsMayApprove: false,
  unpublishShows: 'previousMajor',
  attachmentWritePermission: 'EditListItems',
  recycleBinManagerPermission: 'ManageWeb',
};

/** The switches in force: defaults overridden by the options given to startEmulator. */
export function resolveSwitches(given?: Partial<SharePointSwitches>): SharePointSwitches {
  const out = { ...DEFAULT_SWITCHES };
  for (const [k, v] of Object.entries(given ?? {})) {
    if (!(k in DEFAULT_SWITCHES)) throw new Error(`Unknown SharePoint switch '${k}' (see docs/emulator.md, Switches).`);
    if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

/** The switches of a request context (contexts built outside a request get the defaults). */
export function switchesOf(ctx: { switches?: SharePointSwitches }): SharePointSwitches {
  return ctx.switches ?? DEFAULT_SWITCHES;
}
