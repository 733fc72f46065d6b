/** SharePoint's SP.PermissionKind values (bit numbers, 1-based) the emulator checks. */
export const PermissionKind = {
  ViewListItems: 1,
  AddListItems: 2,
  EditListItems: 3,
  DeleteListItems: 4,
  ApproveItems: 5,
  OpenItems: 6,
  ManageLists: 12,
  Open: 17,
  ViewPages: 18,
  CreateGroups: 25,
  ManagePermissions: 26,
  BrowseUserInfo: 28,
  ManageWeb: 31,
  EnumeratePermissions: 63,
} as const;

/** One role definition with SharePoint's standard id, RoleTypeKind and base permission masks. */
export interface RoleDefinition {
  id: number;
  name: string;
  description: string;
  roleTypeKind: number;
  order: number;
  low: number;
  high: number;
}

/** The standard role definitions of a SharePoint Online team site (ids and masks as SharePoint reports them). */
export const ROLE_DEFINITIONS: RoleDefinition[] = [
  {
    id: 1073741829,
    name: 'Full Control',
    description: 'Has full control.',
    roleTypeKind: 5,
    order: 1,
    low: 4294967295,
    high: 2147483647,
  },
  {
    id: 1073741828,
    name: 'Design',
    description: 'Can view, add, update, delete, approve, and customize.',
    roleTypeKind: 4,
    order: 32,
    low: 4294705151,
    high: 432,
  },
  {
    id: 1073741830,
    name: 'Edit',
    description: 'Can add, edit and delete lists; can view, add, update and delete list items and documents.',
    roleTypeKind: 6,
    order: 48,
    low: 1011030767,
    high: 432,
  },
  {
    id: 1073741827,
    name: 'Contribute',
    description: 'Can view, add, update, and delete list items and documents.',
    roleTypeKind: 3,
    order: 64,
    low: 1011028719,
    high: 432,
  },
  {
    id: 1073741826,
    name: 'Read',
    description: 'Can view pages and list items and download documents.',
    roleTypeKind: 2,
    order: 128,
    low: 138612833,
    high: 176,
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
  },
];

/** The full 64-bit mask as a bigint. */
export function maskOf(rd: { low: number; high: number }): bigint {
  return (BigInt(rd.high >>> 0) << 32n) | BigInt(rd.low >>> 0);
}

/** Full mask of every permission (site collection administrator). */
export const FULL_MASK = (BigInt(0x7fffffff) << 32n) | BigInt(0xffffffff);

/** True when `mask` contains the permission kind. */
export function hasKind(mask: bigint, kind: number): boolean {
  return (mask & (1n << BigInt(kind - 1))) !== 0n;
}

/** SP.BasePermissions JSON ({ High, Low } as strings, as SharePoint serialises Int64). */
export function basePermissionsJson(mask: bigint): { High: string; Low: string } {
  return { High: String(Number(mask >> 32n)), Low: String(Number(mask & 0xffffffffn)) };
}

/** Looks up a role definition by id. */
export function roleById(id: number): RoleDefinition | undefined {
  return ROLE_DEFINITIONS.find((r) => r.id === id);
}
