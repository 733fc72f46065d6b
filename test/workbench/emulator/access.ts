import '@pnp/sp/recycle-bin';
import '@pnp/sp/attachments';
import '@pnp/sp/sites';
import type { SPFI } from '@pnp/sp';
import type { RunningEmulator } from '../../../workbench/emulator/server';
import { raw, spAs } from './helpers';

/** Standard role definition ids (SharePoint Online). */
export const ROLE = {
  FullControl: 1073741829,
  Design: 1073741828,
  Edit: 1073741830,
  Contribute: 1073741827,
  Read: 1073741826,
  LimitedAccess: 1073741825,
} as const;

/** SP.PermissionKind bit numbers used by the tests. */
export const KIND = {
  ViewListItems: 1,
  AddListItems: 2,
  EditListItems: 3,
  DeleteListItems: 4,
  ApproveItems: 5,
  OpenItems: 6,
  ViewVersions: 7,
  DeleteVersions: 8,
  CancelCheckout: 9,
  ManageLists: 12,
  Open: 17,
  ViewPages: 18,
  ManagePermissions: 26,
  BrowseUserInfo: 28,
  UseClientIntegration: 37,
  UseRemoteAPIs: 38,
} as const;

/** An SP.BasePermissions value holding the given kinds ({ High, Low } as numbers, as PnPjs takes them). */
export function mask(...kinds: number[]): { High: number; Low: number } {
  let low = 0;
  let high = 0;
  for (const k of kinds) {
    if (k <= 32) low = (low | (1 << (k - 1))) >>> 0;
    else high = (high | (1 << (k - 33))) >>> 0;
  }
  return { High: high, Low: low };
}

/** The kinds every level needs to reach a site and its lists at all (what Limited Access gives). */
export const BASE = [KIND.Open, KIND.ViewPages, KIND.BrowseUserInfo, KIND.UseClientIntegration, KIND.UseRemoteAPIs];

/** Site user id of a demo identity (by its e-mail address). */
export async function userId(emu: RunningEmulator, email: string): Promise<number> {
  const u = await spAs(emu.siteUrl, 'beheerder').web.siteUsers.getByEmail(email)();
  return u.Id;
}

/** Breaks inheritance on a list (without copying) and gives each principal its role there. */
export async function restrictList(sp: SPFI, title: string, grants: [number, number][]): Promise<void> {
  const list = sp.web.lists.getByTitle(title);
  await list.breakRoleInheritance(false, true);
  for (const [principal, role] of grants) await list.roleAssignments.add(principal, role);
}

/** The status, SharePoint error message and X-Emulator-Permission header of a raw request. */
export async function refusal(
  emu: RunningEmulator,
  user: string,
  method: string,
  path: string,
  body?: string,
): Promise<{ status: number; message: string; permission: string | null }> {
  const r = await raw(emu, user, method, path, body === undefined ? {} : { body, headers: { 'Content-Type': 'application/json' } });
  let message = '';
  try {
    message = r.json()['odata.error']?.message?.value ?? '';
  } catch {
    message = r.text;
  }
  return { status: r.status, message, permission: r.headers.get('x-emulator-permission') };
}

/** The 403 a PnPjs call is refused with (its status and message), or the call's success. */
export async function denied(p: Promise<unknown>): Promise<{ status: number; message: string }> {
  return p.then(
    () => ({ status: 200, message: '' }),
    (e: { status: number; message: string }) => ({ status: e.status, message: e.message }),
  );
}
