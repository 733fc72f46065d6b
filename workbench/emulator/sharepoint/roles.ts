import type { Database } from 'better-sqlite3';

/**
 * SharePoint's SP.PermissionKind values (bit numbers, 1-based): kind k is bit 2^(k-1) of the 64-bit mask. Names and
 * numbers from the CSOM enum (https://learn.microsoft.com/dotnet/api/microsoft.sharepoint.client.permissionkind).
 */
export const PermissionKind = {
  EmptyMask: 0,
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
  AnonymousSearchAccessList: 14,
  Open: 17,
  ViewPages: 18,
  AddAndCustomizePages: 19,
  ApplyThemeAndBorder: 20,
  ApplyStyleSheets: 21,
  ViewUsageData: 22,
  CreateSSCSite: 23,
  ManageSubwebs: 24,
  CreateGroups: 25,
  ManagePermissions: 26,
  BrowseDirectories: 27,
  BrowseUserInfo: 28,
  AddDelPrivateWebParts: 29,
  UpdatePersonalWebParts: 30,
  ManageWeb: 31,
  AnonymousSearchAccessWebLists: 32,
  UseClientIntegration: 37,
  UseRemoteAPIs: 38,
  ManageAlerts: 39,
  CreateAlerts: 40,
  EditMyUserInfo: 41,
  EnumeratePermissions: 63,
  FullMask: 65,
} as const;

/** A PermissionKind name, e.g. `'EditListItems'`. */
export type PermissionKindName = keyof typeof PermissionKind;

const KIND_NAMES = new Map<number, PermissionKindName>(
  (Object.entries(PermissionKind) as [PermissionKindName, number][]).map(([n, k]) => [k, n]),
);

/** The SP.PermissionKind name of a kind number (`3` → `EditListItems`). */
export function kindName(kind: number): string {
  return KIND_NAMES.get(kind) ?? `PermissionKind ${kind}`;
}

/** One role definition (permission level) with SharePoint's id, RoleTypeKind and base permission masks. */
export interface RoleDefinition {
  id: number;
  name: string;
  description: string;
  roleTypeKind: number;
  order: number;
  low: number;
  high: number;
  hidden: boolean;
}

/**
 * The standard role definitions of a SharePoint Online team site: the seed of table sp_role_definitions (ids, names,
 * orders and masks as SharePoint Online reports them from `/_api/web/roledefinitions`). Design is Edit plus
 * ApproveItems, CancelCheckout, AddAndCustomizePages, ApplyThemeAndBorder and ApplyStyleSheets (Low 1012866047), as
 * the documented level says (https://learn.microsoft.com/en-us/sharepoint/sites/user-permissions-and-permission-levels).
 */
export const ROLE_DEFINITIONS: RoleDefinition[] = [
  {
    id: 1073741829,
    name: 'Full Control',
    description: 'Has full control.',
    roleTypeKind: 5,
    order: 1,
    low: 4294967295,
    high: 2147483647,
    hidden: false,
  },
  {
    id: 1073741828,
    name: 'Design',
    description: 'Can view, add, update, delete, approve, and customize.',
    roleTypeKind: 4,
    order: 32,
    low: 1012866047,
    high: 432,
    hidden: false,
  },
  {
    id: 1073741830,
    name: 'Edit',
    description: 'Can add, edit and delete lists; can view, add, update and delete list items and documents.',
    roleTypeKind: 6,
    order: 48,
    low: 1011030767,
    high: 432,
    hidden: false,
  },
  {
    id: 1073741827,
    name: 'Contribute',
    description: 'Can view, add, update, and delete list items and documents.',
    roleTypeKind: 3,
    order: 64,
    low: 1011028719,
    high: 432,
    hidden: false,
  },
  {
    id: 1073741826,
    name: 'Read',
    description: 'Can view pages and list items and download documents.',
    roleTypeKind: 2,
    order: 128,
    low: 138612833,
    high: 176,
    hidden: false,
  },
  {
    id: 1073741825,
    name: 'Limited Access',
    description:
      'Can view specific lists, document libraries, list items, folders, or documents when given permissions.',
    roleTypeKind: 1,
    order: 160,
    low: 134418465,
    high: 48,
    hidden: true,
  },
];

/** RoleTypeKind of the two definitions SharePoint never lets anyone edit or delete: Guest (Limited Access), Administrator (Full Control). */
export const FIXED_ROLE_TYPES = [1, 5];

/** Id of Full Control (what breakRoleInheritance(false) grants its caller). */
export const FULL_CONTROL_ID = 1073741829;

/** Inserts the standard role definitions (a fresh or just-emptied database). */
export function seedRoleDefinitions(db: Database): void {
  const ins = db.prepare(
    `INSERT OR IGNORE INTO sp_role_definitions (id, name, description, role_type_kind, sort_order, low, high, hidden)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const r of ROLE_DEFINITIONS)
    ins.run(r.id, r.name, r.description, r.roleTypeKind, r.order, r.low, r.high, r.hidden ? 1 : 0);
}

interface RoleRow {
  id: number;
  name: string;
  description: string;
  role_type_kind: number;
  sort_order: number;
  low: number;
  high: number;
  hidden: number;
}

const fromRow = (r: RoleRow): RoleDefinition => ({
  id: r.id,
  name: r.name,
  description: r.description,
  roleTypeKind: r.role_type_kind,
  order: r.sort_order,
  low: r.low,
  high: r.high,
  hidden: r.hidden === 1,
});

/** Every role definition of the web (stored ones: the standard six plus custom levels), in SharePoint's order. */
export function roleDefinitions(db: Database): RoleDefinition[] {
  return (db.prepare(`SELECT * FROM sp_role_definitions ORDER BY sort_order, id`).all() as RoleRow[]).map(fromRow);
}

/** Looks up a stored role definition by id. */
export function roleById(db: Database, id: number): RoleDefinition | undefined {
  const r = db.prepare(`SELECT * FROM sp_role_definitions WHERE id = ?`).get(id) as RoleRow | undefined;
  return r ? fromRow(r) : undefined;
}

/** Looks up a stored role definition by name (case-insensitive, as SharePoint's getByName). */
export function roleByName(db: Database, name: string): RoleDefinition | undefined {
  const r = db.prepare(`SELECT * FROM sp_role_definitions WHERE name = ?`).get(name) as RoleRow | undefined;
  return r ? fromRow(r) : undefined;
}

/** Looks up the first stored role definition of a RoleTypeKind. */
export function roleByType(db: Database, type: number): RoleDefinition | undefined {
  const r = db.prepare(`SELECT * FROM sp_role_definitions WHERE role_type_kind = ? ORDER BY sort_order, id LIMIT 1`).get(
    type,
  ) as RoleRow | undefined;
  return r ? fromRow(r) : undefined;
}

/**
 * SQL condition over a table alias with `low`/`high` columns that is true when the mask holds the permission kind
 * (bit 2^(kind-1); Low holds bits 1-32, High bits 33-64).
 */
export function kindSql(alias: string, kind: number): string {
  return kind <= 32 ? `((${alias}.low >> ${kind - 1}) & 1) = 1` : `((${alias}.high >> ${kind - 33}) & 1) = 1`;
}

/** The full 64-bit mask as a bigint. */
export function maskOf(rd: { low: number; high: number }): bigint {
  return (BigInt(rd.high >>> 0) << 32n) | BigInt(rd.low >>> 0);
}

/** Full mask of every permission (site collection administrator). */
export const FULL_MASK = (BigInt(0x7fffffff) << 32n) | BigInt(0xffffffff);

/** True when `mask` contains the permission kind. */
export function hasKind(mask: bigint, kind: number): boolean {
  if (kind === PermissionKind.FullMask) return mask === FULL_MASK;
  return (mask & (1n << BigInt(kind - 1))) !== 0n;
}

/** SP.BasePermissions JSON ({ High, Low } as strings, as SharePoint serialises Int64). */
export function basePermissionsJson(mask: bigint): { High: string; Low: string } {
  return { High: String(Number(mask >> 32n)), Low: String(Number(mask & 0xffffffffn)) };
}
