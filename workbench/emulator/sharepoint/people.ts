import type { EmulatorResponse } from '../types';
import { badQuery, badValue, notImplemented } from './errors';
import type { SpContext } from './context';
import { argNumber, argString, type Segment } from './path';
import { collection, emptyOk, entity, noContent } from './format';
import { shapeObjects } from './jsfilter';
import {
  addGroupMember,
  createGroup,
  deleteGroup,
  demandGroupView,
  groupJson,
  groupMembers,
  principalJson,
  removeGroupMember,
  requireGroup,
  requireUser,
  updateGroup,
  updateUserInfo,
  userJson,
  type PrincipalRow,
} from './principals';
import { PermissionKind, roleDefinitions } from './roles';
import {
  addRoleAssignment,
  assignedPrincipals,
  bindings,
  createRoleDef,
  deleteRoleDef,
  findRoleDef,
  updateRoleDef,
  removeRoleAssignment,
  roleAssignmentJson,
  roleDefJson,
} from './acl';
import { WEB_SCOPE, demand } from './security';
import type { Node, SpCall } from './nodes';

const selectOf = (q: URLSearchParams): string | null => q.get('$select');

/** Every site user or every site group, in id order, as SharePoint's `siteusers` / `sitegroups` collection. */
function principalsOfKind(ctx: SpContext, kind: 'user' | 'group', q: URLSearchParams): EmulatorResponse {
  const rows = ctx.db.prepare(`SELECT * FROM sp_principals WHERE kind = ? ORDER BY id`).all(kind) as PrincipalRow[];
  return collection(ctx, shapeObjects(rows.map((p) => principalJson(ctx, p)), q), { select: selectOf(q) });
}

/**
 * People and permissions: current user, site users, site groups and their members, role definitions and role
 * assignments (GET/POST/MERGE/DELETE and their method segments). Null for any other node.
 */
export function invokePeople(ctx: SpContext, node: Node, seg: Segment | null, call: SpCall): EmulatorResponse | null {
  const m = call.method;
  const q = call.query;
  if (seg === null) {
    switch (node.k) {
      case 'currentuser': {
        if (m !== 'GET') return null;
        const u = requireUser(ctx, { id: ctx.user.id });
        return entity(ctx, { ...userJson(ctx, u), ...userGroups(ctx, u, q) }, { select: selectOf(q) });
      }
      case 'siteusers':
        if (m === 'GET') return principalsOfKind(ctx, 'user', q);
        return null;
      case 'user':
      case 'principal': {
        if ((m === 'MERGE' || m === 'PATCH') && node.k === 'user') {
          updateUserInfo(ctx, node.user, call.json(), () => notImplemented(m, call.path));
          return noContent();
        }
        if (m !== 'GET') return null;
        const p = node.k === 'user' ? node.user : node.principal;
        return entity(
          ctx,
          { ...principalJson(ctx, p), ...(p.kind === 'user' ? userGroups(ctx, p, q) : {}) },
          { select: selectOf(q) },
        );
      }
      case 'sitegroups':
        if (m === 'GET') return principalsOfKind(ctx, 'group', q);
        if (m === 'POST') return entity(ctx, groupJson(ctx, createGroup(ctx, call.json())), { status: 201 });
        return null;
      case 'group':
        if (m === 'GET') return entity(ctx, groupJson(ctx, node.group), { select: selectOf(q) });
        if (m === 'MERGE' || m === 'PATCH') {
          updateGroup(ctx, node.group, call.json());
          return noContent();
        }
        if (m === 'DELETE') {
          deleteGroup(ctx, node.group);
          return emptyOk();
        }
        return null;
      case 'groupusers':
        if (m === 'GET') {
          demandGroupView(ctx, node.group);
          return collection(
            ctx,
            shapeObjects(
              groupMembers(ctx.db, node.group.id).map((u) => userJson(ctx, u)),
              q,
            ),
            { select: selectOf(q) },
          );
        }
        if (m === 'POST') {
          const b = call.json();
          const login = b.LoginName;
          if (typeof login !== 'string' || !login)
            throw badValue(`The property 'LoginName' is required to add a user to a group.`);
          return entity(ctx, userJson(ctx, addGroupMember(ctx, node.group, login)), { status: 201 });
        }
        return null;
      case 'roledefinitions':
        if (m === 'GET')
          return collection(
            ctx,
            shapeObjects(
              roleDefinitions(ctx.db).map((r) => roleDefJson(ctx, r)),
              q,
            ),
            { select: selectOf(q) },
          );
        if (m === 'POST') return entity(ctx, roleDefJson(ctx, createRoleDef(ctx, call.json())), { status: 201 });
        return null;
      case 'roledefinition':
        if (m === 'GET')
          return entity(ctx, roleDefJson(ctx, findRoleDef(ctx, { id: node.id })), { select: selectOf(q) });
        if (m === 'MERGE' || m === 'PATCH') {
          updateRoleDef(ctx, node.id, call.json());
          return noContent();
        }
        if (m === 'DELETE') {
          deleteRoleDef(ctx, node.id);
          return emptyOk();
        }
        return null;
      case 'roleassignments':
        if (m === 'GET') {
          demand(ctx, node.sec.effective(ctx), PermissionKind.EnumeratePermissions);
          const scope = node.sec.effective(ctx);
          const expand = (q.get('$expand') ?? '').split(',').map((s) => s.trim());
          return collection(
            ctx,
            assignedPrincipals(ctx, scope).map((p) => roleAssignmentJson(ctx, scope, p, expand)),
            { select: selectOf(q) },
          );
        }
        return null;
      case 'roleassignment':
        if (m === 'GET') {
          demand(ctx, node.sec.effective(ctx), PermissionKind.EnumeratePermissions);
          const expand = (q.get('$expand') ?? '').split(',').map((s) => s.trim());
          return entity(ctx, roleAssignmentJson(ctx, node.sec.effective(ctx), node.principalId, expand), {
            select: selectOf(q),
          });
        }
        if (m === 'DELETE') {
          removeRoleAssignment(ctx, node.sec, node.principalId, null);
          return emptyOk();
        }
        return null;
      case 'bindings':
        if (m === 'GET') {
          demand(ctx, node.sec.effective(ctx), PermissionKind.EnumeratePermissions);
          return collection(
            ctx,
            bindings(ctx, node.sec.effective(ctx), node.principalId).map((r) => roleDefJson(ctx, r)),
          );
        }
        return null;
      default:
        return null;
    }
  }
  const n = seg.name;
  switch (node.k) {
    case 'roledefinition':
      if (n === 'deleteobject' && m === 'POST') {
        deleteRoleDef(ctx, node.id);
        return emptyOk();
      }
      break;
    case 'siteusers':
      if (n === 'removebyid' && m === 'POST') {
        demand(ctx, WEB_SCOPE, PermissionKind.ManagePermissions);
        ctx.db.prepare(`DELETE FROM sp_group_members WHERE user_id = ?`).run(argNumber(seg));
        ctx.db.prepare(`DELETE FROM sp_role_assignments WHERE principal_id = ?`).run(argNumber(seg));
        return emptyOk();
      }
      break;
    case 'sitegroups':
      if ((n === 'removebyid' || n === 'removebyloginname') && m === 'POST') {
        const g =
          n === 'removebyid' ? requireGroup(ctx, { id: argNumber(seg) }) : requireGroup(ctx, { name: argString(seg) });
        deleteGroup(ctx, g);
        return emptyOk();
      }
      break;
    case 'groupusers':
      if (n === 'removebyid' && m === 'POST') {
        removeGroupMember(ctx, node.group, argNumber(seg));
        return emptyOk();
      }
      if (n === 'removebyloginname' && m === 'POST') {
        const login = argString(seg).toLowerCase();
        const u = groupMembers(ctx.db, node.group.id).find(
          (x) => x.login_name.toLowerCase() === login || x.email.toLowerCase() === login,
        );
        if (u) removeGroupMember(ctx, node.group, u.id);
        else demandGroupViewEdit(ctx, node.group);
        return emptyOk();
      }
      break;
    case 'roleassignments':
      if ((n === 'addroleassignment' || n === 'removeroleassignment') && m === 'POST') {
        const pid = argNumber(seg, 'principalid');
        const rd = seg.named.roledefid !== undefined ? argNumber(seg, 'roledefid') : null;
        if (n === 'addroleassignment') {
          if (rd === null) throw badQuery(`The parameter 'roledefid' of addroleassignment is missing.`);
          addRoleAssignment(ctx, node.sec, pid, rd);
        } else removeRoleAssignment(ctx, node.sec, pid, rd);
        return emptyOk();
      }
      break;
    default:
      return null;
  }
  return null;
}

/** `$expand=Groups` on a user: the SharePoint groups it is a member of. */
function userGroups(ctx: SpContext, u: PrincipalRow, q: URLSearchParams): Record<string, unknown> {
  const expand = (q.get('$expand') ?? '').split(',').map((s) => s.trim().toLowerCase());
  if (!expand.includes('groups')) return {};
  const rows = ctx.db
    .prepare(
      `SELECT p.* FROM sp_principals p JOIN sp_group_members m ON m.group_id = p.id WHERE m.user_id = ? ORDER BY p.id`,
    )
    .all(u.id) as PrincipalRow[];
  return { Groups: rows.map((g) => groupJson(ctx, g)) };
}

function demandGroupViewEdit(ctx: SpContext, g: PrincipalRow): void {
  demandGroupView(ctx, g);
}
