/**
 * Permission levels (SharePoint role definitions) the space grants. SharePoint's own levels where they fit (Read, Full
 * Control), and four levels of our own where no built-in level separates what the agreement separates:
 *
 * - **Toevoegen** (append): Read + Add Items. Add a record or drop a file, never change or delete it afterwards. The
 *   Toetslog, the Datalekregister and its log are append-only for staff (AVG art. 5(2), 33(5)); a review folder takes a
 *   file but its uploader cannot approve, move, publish or delete it (art. 9.2).
 * - **Toevoegen en alles lezen** (appendReadAll): Toevoegen + Override List Behaviors, so a privacy officer reads every
 *   record of a list that shows staff only their own (ReadSecurity 2), and still cannot edit or delete one.
 * - **Delen** (share): Contribute without Delete Versions. Work in the party's own folder or a register; the version
 *   history, which is the trace of who changed what, cannot be pruned.
 * - **Beoordelen** (assess): Read + Add + Edit + Override List Behaviors, no Delete. Privacy officers record the
 *   controller's decisions (AVG art. 33, 34) on a breach report and correct its facts with a kept version; nobody but
 *   site owners deletes a report.
 * - **Alles lezen** (readAll): Read + Override List Behaviors. The other parties' privacy officers read every record of
 *   a party's own list (its breach course) that shows staff only their own, and add nothing to it.
 *
 * Permission kinds and their bit numbers: SP.PermissionKind (learn.microsoft.com/dotnet/api/microsoft.sharepoint.client
 * .permissionkind). The built-in masks (Read, Contribute) are the ones SharePoint Online reports in
 * `/_api/web/roledefinitions`. Pure: no SharePoint here.
 */

/** SP.PermissionKind numbers (1-based bit positions) used below. */
export const Kind = {
  ViewListItems: 1,
  AddListItems: 2,
  EditListItems: 3,
  DeleteListItems: 4,
  ApproveItems: 5,
  OpenItems: 6,
  ViewVersions: 7,
  DeleteVersions: 8,
  CancelCheckout: 9,
  ManagePersonalViews: 10,
  ManageLists: 12,
  ViewFormPages: 13,
  Open: 17,
  ViewPages: 18,
  CreateSSCSite: 23,
  ManagePermissions: 26,
  BrowseDirectories: 27,
  BrowseUserInfo: 28,
  AddDelPrivateWebParts: 29,
  UpdatePersonalWebParts: 30,
  UseClientIntegration: 37,
  UseRemoteAPIs: 38,
  CreateAlerts: 40,
  EditMyUserInfo: 41,
} as const;

/** A permission kind name. */
export type KindName = keyof typeof Kind;

/** SharePoint's Read level (Low 138612833, High 176). */
const READ: readonly KindName[] = [
  'ViewListItems',
  'OpenItems',
  'ViewVersions',
  'ViewFormPages',
  'Open',
  'ViewPages',
  'CreateSSCSite',
  'BrowseUserInfo',
  'UseClientIntegration',
  'UseRemoteAPIs',
  'CreateAlerts',
];

/** SharePoint's Contribute level (Low 1011028719, High 432). */
const CONTRIBUTE: readonly KindName[] = [
  ...READ,
  'AddListItems',
  'EditListItems',
  'DeleteListItems',
  'DeleteVersions',
  'ManagePersonalViews',
  'BrowseDirectories',
  'AddDelPrivateWebParts',
  'UpdatePersonalWebParts',
  'EditMyUserInfo',
];

/** Built-in levels, found by RoleTypeKind (locale independent): Reader 2, Contributor 3, Administrator 5, Editor 6. */
export type BuiltInRole = 'reader' | 'contributor' | 'editor' | 'administrator';

/** The space's own levels. */
export type CustomRole = 'append' | 'appendReadAll' | 'share' | 'assess' | 'readAll';

/** Any level a grant can name. */
export type RoleKind = BuiltInRole | CustomRole;

/** RoleTypeKind of the built-in levels. */
export const ROLE_TYPE: Record<BuiltInRole, number> = { reader: 2, contributor: 3, administrator: 5, editor: 6 };

/** One level of our own. */
export interface PermissionLevelSpec {
  key: CustomRole;
  /** Name in the site (no `[]/\:|<>+=;,?*'@`, SharePoint's rule for role definition names). */
  name: string;
  description: string;
  /** Order in the site's list of levels (after the built-in ones). */
  order: number;
  kinds: readonly KindName[];
}

/** The space's own permission levels. */
export const PERMISSION_LEVELS: readonly PermissionLevelSpec[] = [
  {
    key: 'append',
    name: 'Samenwerkingsruimte - Toevoegen',
    description: 'Kan lezen en toevoegen; niet wijzigen of verwijderen (AVG art. 5 lid 2, 33 lid 5; art. 9.2).',
    order: 200,
    kinds: [...READ, 'AddListItems'],
  },
  {
    key: 'appendReadAll',
    name: 'Samenwerkingsruimte - Toevoegen en alles lezen',
    description: 'Privacy officer: leest alle records en voegt toe; wijzigt en verwijdert niets (AVG art. 5 lid 2).',
    order: 201,
    kinds: [...READ, 'AddListItems', 'CancelCheckout'],
  },
  {
    key: 'share',
    name: 'Samenwerkingsruimte - Delen',
    description: 'Bijdragen zonder versies te verwijderen: de versiegeschiedenis blijft het spoor (AVG art. 5 lid 2).',
    order: 202,
    kinds: CONTRIBUTE.filter((k) => k !== 'DeleteVersions'),
  },
  {
    key: 'assess',
    name: 'Samenwerkingsruimte - Beoordelen',
    description: 'Privacy officer: leest alles, legt besluiten vast (AVG art. 33, 34); verwijdert niets.',
    order: 203,
    kinds: [...READ, 'AddListItems', 'EditListItems', 'CancelCheckout'],
  },
  {
    key: 'readAll',
    name: 'Samenwerkingsruimte - Alles lezen',
    description: 'Privacy officer van een andere partij: leest alle records van een lijst; voegt niets toe (AVG art. 33 lid 5).',
    order: 204,
    kinds: [...READ, 'CancelCheckout'],
  },
];

/** True for one of the space's own levels. */
export function isCustomRole(role: RoleKind): role is CustomRole {
  return PERMISSION_LEVELS.some((l) => l.key === role);
}

/** The level spec of a custom role. */
export function levelOf(role: CustomRole): PermissionLevelSpec {
  return PERMISSION_LEVELS.find((l) => l.key === role) as PermissionLevelSpec;
}

/** SP.BasePermissions of a set of kinds: bit 2^(k-1) of a 64-bit mask, Low = bits 1–32, High = bits 33–64. */
export function basePermissions(kinds: readonly KindName[]): { High: number; Low: number } {
  let low = 0;
  let high = 0;
  for (const k of new Set(kinds)) {
    const bit = Kind[k] - 1;
    if (bit < 32) low += Math.pow(2, bit);
    else high += Math.pow(2, bit - 32);
  }
  return { High: high, Low: low };
}

