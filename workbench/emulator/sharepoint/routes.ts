import type { EmulatorResponse } from '../types';
import { badValue, notFound, notImplemented, SpError } from './errors';
import { type SpContext, SITE_PATH, parseProps } from './context';
import type { Node, SpCall } from './nodes';
import { argBool, argNumber, argString, type Segment } from './path';
import { collection, emptyOk, entity, noContent, primitive } from './format';
import { createField, fieldJson, fieldJsonVerbose, updateField } from './fields';
import { shapeObjects } from './jsfilter';
import {
  bodyToValues,
  checkEtag,
  checkUnique,
  entityTypeName,
  insertItem,
  itemJson,
  itemMissing,
  parseSelect,
  requireItem,
  updateItemValues,
  touchList,
} from './items';
import { createList, deleteList, listByGuid, listJson, listMissing, updateList, visibleList } from './lists';
import { ensureUser, groupMembers, requireGroup, requireUser, userJson, type PrincipalRow } from './principals';
import { runItemQuery } from './query';
import { PermissionKind } from './roles';
import {
  type Securable,
  assignedPrincipals,
  breakInheritance,
  findRoleDef,
  itemSecurable,
  listSecurable,
  ownEffectivePermissions,
  resetInheritance,
  userEffectivePermissions,
  webSecurable,
} from './acl';
import { WEB_SCOPE, allowed, demand, itemScope, listScope, trimmingSql } from './security';
import { demandItemCreate, demandItemWrite, ownItemsOnly, readsOwnItemsOnly, uniqueWithOwnItemsRead } from './guards';
import {
  type FieldRow,
  type ItemRow,
  type ListRow,
  isLibrary,
  listById,
  listByTitle,
  listFields,
  webFields,
  webMeta,
} from './store';
import { defaultLibraryNode, WEB_TITLE } from './site';
import { draftTrimming, itemView } from './versions';
import * as files from './files';
import { fileMoveCopy, moveCopy } from './movecopy';
import * as extras from './extras';
import * as people from './people';
import * as contextinfo from './contextinfo';
import * as forms from './forms';
import * as history from './history';
import * as attachments from './attachments';
import { recycleBinRoute, recycleItem } from './recyclebin';
import { admitModerationWrite, applyModerationWrite, takeModerationFields } from './moderation';
import { fieldFromXml } from './fieldxml';

/** The file methods that move or copy it (./movecopy). */
const FILE_MOVE_COPY = new Set(['moveto', 'copyto', 'movetousingpath', 'copytousingpath']);

function securableOf(node: Node): Securable | null {
  if (node.k === 'web') return webSecurable;
  if (node.k === 'list') return listSecurable(node.list.pk);
  if (node.k === 'item') return itemSecurable(node.list.pk, node.item.id);
  const f = files.securableOf(node);
  return f;
}

function webJson(ctx: SpContext): Record<string, unknown> {
  return {
    'odata.type': 'SP.Web',
    'odata.id': `${ctx.webUrl}/_api/Web`,
    'odata.editLink': 'Web',
    AllowRssFeeds: true,
    AlternateCssUrl: '',
    AppInstanceId: '00000000-0000-0000-0000-000000000000',
    Configuration: 0,
    Created: webMeta(ctx.db, 'web_created'),
    CustomMasterUrl: `${SITE_PATH}/_catalogs/masterpage/seattle.master`,
    Description: webMeta(ctx.db, 'web_description'),
    HasUniqueRoleAssignments: true,
    Id: webMeta(ctx.db, 'web_id'),
    IsMultilingual: false,
    Language: 1043,
    LastItemModifiedDate:
      (ctx.db.prepare(`SELECT max(modified) FROM sp_lists`).pluck().get() as string | null) ??
      webMeta(ctx.db, 'web_created'),
    MasterUrl: `${SITE_PATH}/_catalogs/masterpage/seattle.master`,
    NoCrawl: false,
    QuickLaunchEnabled: true,
    RecycleBinEnabled: true,
    ServerRelativeUrl: SITE_PATH,
    SiteLogoUrl: null,
    Title: webMeta(ctx.db, 'web_title') || WEB_TITLE,
    TreeViewEnabled: false,
    UIVersion: 15,
    Url: ctx.webUrl,
    WebTemplate: 'GROUP',
  };
}

/** Walks one segment from a node; null when the segment is an operation rather than a navigation. */
function navigate(ctx: SpContext, node: Node, seg: Segment, call: SpCall): Node | null {
  const n = seg.name;
  const sec = securableOf(node);
  if (sec) {
    if (n === 'roleassignments' && !seg.call) return { k: 'roleassignments', sec };
  }
  switch (node.k) {
    case 'web':
      switch (n) {
        case 'lists':
          if (seg.call) return { k: 'list', list: listByGuid(ctx, argString(seg)) };
          return { k: 'lists' };
        case 'fields':
          return { k: 'fields', list: null };
        case 'currentuser':
          return { k: 'currentuser' };
        case 'siteusers':
          if (seg.call) return { k: 'user', user: requireUser(ctx, { login: argString(seg) }) };
          return { k: 'siteusers' };
        case 'sitegroups':
          return { k: 'sitegroups' };
        case 'associatedownergroup':
        case 'associatedmembergroup':
        case 'associatedvisitorgroup':
          // The groups a team site is created with (Owners 3, Visitors 4, Members 5).
          return {
            k: 'group',
            group: requireGroup(ctx, {
              id: { associatedownergroup: 3, associatedvisitorgroup: 4, associatedmembergroup: 5 }[n],
            }),
          };
        case 'getuserbyid':
          return { k: 'user', user: requireUser(ctx, { id: argNumber(seg) }) };
        case 'roledefinitions':
          if (seg.call) return { k: 'roledefinition', id: findRoleDef(ctx, { id: argNumber(seg) }).id };
          return { k: 'roledefinitions' };
        case 'getlist': {
          const url = argString(seg);
          const rel = url.replace(/^https?:\/\/[^/]+/i, '').replace(/\/$/, '');
          const list = ctx.db
            .prepare(`SELECT * FROM sp_lists WHERE ? = '${SITE_PATH}/' || url_name COLLATE NOCASE`)
            .get(rel) as ListRow | undefined;
          return { k: 'list', list: visibleList(ctx, list, url) };
        }
        default:
          return defaultLibraryNode(ctx, seg) ?? extras.navigateWeb(ctx, seg, call) ?? files.navigateWeb(ctx, seg, call);
      }
    case 'lists':
      if (n === 'getbytitle')
        return { k: 'list', list: visibleList(ctx, listByTitle(ctx.db, argString(seg)), argString(seg)) };
      if (n === 'getbyid') return { k: 'list', list: listByGuid(ctx, argString(seg)) };
      return null;
    case 'list':
      switch (n) {
        case 'items':
          if (seg.call) return { k: 'item', list: node.list, item: readableItem(ctx, node.list, argNumber(seg)) };
          return { k: 'items', list: node.list };
        case 'fields':
          return { k: 'fields', list: node.list };
        case 'getitembyid':
          return { k: 'item', list: node.list, item: readableItem(ctx, node.list, argNumber(seg)) };
        default:
          return extras.navigateList(ctx, node.list, seg, call) ?? files.navigateList(ctx, node.list, seg);
      }
    case 'items':
      if (n === 'getbyid') return { k: 'item', list: node.list, item: readableItem(ctx, node.list, argNumber(seg)) };
      return null;
    case 'item':
      return (
        history.navigateVersions(ctx, node.list, node.item, seg, false) ??
        attachments.navigateAttachments(node.list, node.item, seg) ??
        files.navigateItem(ctx, node.list, node.item, seg)
      );
    case 'versions':
    case 'version':
    case 'versionvalue':
      return history.navigateHistory(ctx, node, seg);
    case 'attachments':
    case 'attachment':
    case 'attachmentvalue':
      return attachments.navigateAttachment(node, seg);
    case 'fields': {
      const fields = node.list ? listFields(ctx.db, node.list.pk) : webFields(ctx.db);
      let f: FieldRow | undefined;
      if (n === 'getbyid' || (n === 'fields' && seg.call))
        f = fields.find((x) => x.id.toLowerCase() === argString(seg).replace(/[{}]/g, '').toLowerCase());
      else if (n === 'getbytitle') f = fields.find((x) => x.title.toLowerCase() === argString(seg).toLowerCase());
      else if (n === 'getbyinternalnameortitle') {
        const v = argString(seg).toLowerCase();
        f = fields.find((x) => x.internal_name.toLowerCase() === v) ?? fields.find((x) => x.title.toLowerCase() === v);
      } else return null;
      if (!f)
        throw notFound(
          '-2147024809, System.ArgumentException',
          `Column '${argString(seg)}' does not exist. It may have been deleted by another user.`,
        );
      return { k: 'field', list: node.list, field: f };
    }
    case 'siteusers':
      if (n === 'getbyid') return { k: 'user', user: requireUser(ctx, { id: argNumber(seg) }) };
      if (n === 'getbyemail') return { k: 'user', user: requireUser(ctx, { email: argString(seg) }) };
      if (n === 'getbyloginname') return { k: 'user', user: requireUser(ctx, { login: argString(seg) }) };
      return null;
    case 'sitegroups':
      if (n === 'getbyid') return { k: 'group', group: requireGroup(ctx, { id: argNumber(seg) }) };
      if (n === 'getbyname') return { k: 'group', group: requireGroup(ctx, { name: argString(seg) }) };
      return null;
    case 'group':
      if (n === 'users') return { k: 'groupusers', group: node.group };
      if (n === 'owner') {
        const o = node.group.owner_id
          ? (ctx.db.prepare(`SELECT * FROM sp_principals WHERE id = ?`).get(node.group.owner_id) as
              | PrincipalRow
              | undefined)
          : undefined;
        if (!o) throw notFound('-1, System.ArgumentException', 'The group has no owner.');
        return { k: 'principal', principal: o };
      }
      return null;
    case 'groupusers':
      if (n === 'getbyid') {
        const id = argNumber(seg);
        const u = groupMembers(ctx.db, node.group.id).find((m) => m.id === id);
        if (!u) throw notFound('-2146232832, Microsoft.SharePoint.SPException', 'User cannot be found.');
        return { k: 'user', user: u };
      }
      if (n === 'getbyemail' || n === 'getbyloginname') {
        const v = argString(seg).toLowerCase();
        const u = groupMembers(ctx.db, node.group.id).find(
          (m) => m.email.toLowerCase() === v || m.login_name.toLowerCase() === v,
        );
        if (!u) throw notFound('-2146232832, Microsoft.SharePoint.SPException', 'User cannot be found.');
        return { k: 'user', user: u };
      }
      return null;
    case 'roledefinitions':
      if (n === 'getbyid') return { k: 'roledefinition', id: findRoleDef(ctx, { id: argNumber(seg) }).id };
      if (n === 'getbyname') return { k: 'roledefinition', id: findRoleDef(ctx, { name: argString(seg) }).id };
      if (n === 'getbytype') return { k: 'roledefinition', id: findRoleDef(ctx, { type: argNumber(seg) }).id };
      return null;
    case 'roleassignments':
      if (n === 'getbyprincipalid' || (n === 'roleassignments' && seg.call)) {
        const pid = argNumber(seg);
        if (!assignedPrincipals(ctx, node.sec.effective(ctx)).includes(pid)) {
          throw notFound(
            '-2146232832, Microsoft.SharePoint.SPException',
            'Can not find the principal with id: ' + pid + '.',
          );
        }
        return { k: 'roleassignment', sec: node.sec, principalId: pid };
      }
      return null;
    case 'roleassignment':
      if (n === 'roledefinitionbindings') return { k: 'bindings', sec: node.sec, principalId: node.principalId };
      if (n === 'member') {
        const p = ctx.db.prepare(`SELECT * FROM sp_principals WHERE id = ?`).get(node.principalId) as PrincipalRow;
        return { k: 'principal', principal: p };
      }
      return null;
    default:
      return extras.navigateExtra(ctx, node, seg, call) ?? files.navigateFile(ctx, node, seg, call);
  }
}

/** An item the caller may read, else SharePoint's 404 (security trimming makes it not exist). */
export function readableItem(ctx: SpContext, list: ListRow, id: number): ItemRow {
  const item = requireItem(ctx.db, list, id);
  if (!allowed(ctx, itemScope(ctx.db, list.pk, id), PermissionKind.ViewListItems)) throw itemMissing();
  if (ownItemsOnly(ctx, list, 'ReadSecurity') && item.author_id !== ctx.user.id) throw itemMissing();
  // Draft Item Security: a reader sees the last published version, or nothing when there never was one.
  const view = itemView(ctx, list, item);
  if (!view) throw itemMissing();
  return view;
}

export { demandItemCreate, demandItemWrite, ownItemsOnly } from './guards';

/** Items query answer: security-trimmed, paged, in SharePoint's JSON shape. */
export function itemsResponse(
  ctx: SpContext,
  list: ListRow,
  query: URLSearchParams,
  scope?: { sql: string; params: unknown[] },
): EmulatorResponse {
  const fields = listFields(ctx.db, list.pk);
  const spec = parseSelect(fields, query.get('$select'), query.get('$expand'), ctx);
  const listReadable = allowed(ctx, listScope(ctx.db, list.pk), PermissionKind.ViewListItems);
  const trim = trimmingSql(ctx, list.pk, listReadable, PermissionKind.ViewListItems);
  if (ownItemsOnly(ctx, list, 'ReadSecurity')) {
    trim.sql = `(${trim.sql} AND i.author_id = ?)`;
    trim.params.push(ctx.user.id);
  }
  if (isLibrary(list)) {
    // A file checked out to someone else and never checked in (a new upload under ForceCheckout) does not exist for others.
    trim.sql = `(${trim.sql} AND (i.checkout_user_id IS NULL OR i.checkout_user_id = ? OR EXISTS (SELECT 1 FROM sp_checkouts c
      WHERE c.list_pk = i.list_pk AND c.item_id = i.id AND c.item_row IS NOT NULL)))`;
    trim.params.push(ctx.user.id);
  }
  const page = runItemQuery(ctx, list, fields, {
    filter: query.get('$filter'),
    orderby: query.get('$orderby'),
    top: query.get('$top'),
    skiptoken: query.get('$skiptoken'),
    trimSql: trim.sql,
    trimParams: trim.params,
    scopeSql: scope?.sql,
    scopeParams: scope?.params,
    drafts: draftTrimming(ctx, list),
  });
  let nextLink: string | undefined;
  if (page.nextSkipToken) {
    const u = new URL(ctx.requestUrl);
    u.searchParams.set('$skiptoken', page.nextSkipToken);
    nextLink = u.toString();
  }
  // A file checked out to someone else shows as it was checked in (filters and order evaluate on the current row).
  const rows = page.rows.map((r) =>
    r.checkout_user_id !== null && r.checkout_user_id !== ctx.user.id && !r.snapshot ? (itemView(ctx, list, r) ?? r) : r,
  );
  const values = rows.map((r) => ({
    ...itemJson(ctx, list, fields, r, spec),
    ...files.itemNavigation(ctx, list, r, spec.nav),
  }));
  return collection(ctx, values, { nextLink });
}

function itemResponse(
  ctx: SpContext,
  list: ListRow,
  item: ItemRow,
  query: URLSearchParams,
  status = 200,
): EmulatorResponse {
  const fields = listFields(ctx.db, list.pk);
  const spec = parseSelect(fields, query.get('$select'), query.get('$expand'), ctx);
  return entity(
    ctx,
    { ...itemJson(ctx, list, fields, item, spec), ...files.itemNavigation(ctx, list, item, spec.nav) },
    { status, etag: `"${item.version}"` },
  );
}

const selectOf = (q: URLSearchParams): string | null => q.get('$select');

/** Executes the final operation on a node (GET/POST/MERGE/DELETE or a method segment). */
function invoke(ctx: SpContext, node: Node, seg: Segment | null, call: SpCall): EmulatorResponse | null {
  const m = call.method;
  const q = call.query;
  const sec = securableOf(node);
  if (seg && sec) {
    switch (seg.name) {
      case 'breakroleinheritance':
        if (m !== 'POST') return null;
        breakInheritance(ctx, sec, argBool(seg, 'copyroleassignments', true), argBool(seg, 'clearsubscopes', false));
        return emptyOk();
      case 'resetroleinheritance':
        if (m !== 'POST') return null;
        resetInheritance(ctx, sec);
        return emptyOk();
      case 'hasuniqueroleassignments':
        if (m !== 'GET') return null;
        return primitive(ctx, 'HasUniqueRoleAssignments', sec.hasUnique(ctx));
      case 'getusereffectivepermissions': {
        const login = argString(seg, 'userName');
        if (login.toLowerCase() === ctx.user.loginName.toLowerCase())
          return perms(ctx, 'GetUserEffectivePermissions', ownEffectivePermissions(ctx, sec));
        return perms(ctx, 'GetUserEffectivePermissions', userEffectivePermissions(ctx, sec, login));
      }
      case 'effectivebasepermissions':
        return perms(ctx, 'EffectiveBasePermissions', ownEffectivePermissions(ctx, sec));
      default:
        break;
    }
  }
  if (seg === null) {
    switch (node.k) {
      case 'web':
        if (m === 'GET') return entity(ctx, webJson(ctx), { select: selectOf(q) });
        if (m === 'MERGE' || m === 'PATCH') {
          demand(ctx, WEB_SCOPE, PermissionKind.ManageWeb);
          const b = call.json();
          for (const [k, v] of Object.entries(b)) {
            if (k === '__metadata') continue;
            if ((k === 'Title' || k === 'Description') && typeof v === 'string') {
              ctx.db
                .prepare(`UPDATE sp_meta SET value = ? WHERE key = ?`)
                .run(v, k === 'Title' ? 'web_title' : 'web_description');
            } else throw badValue(`The property '${k}' cannot be set on type 'SP.Web' by the emulator.`);
          }
          return noContent();
        }
        return null;
      case 'lists':
        if (m === 'GET') {
          const rows = (ctx.db.prepare(`SELECT * FROM sp_lists ORDER BY pk`).all() as ListRow[]).filter((l) => {
            try {
              visibleList(ctx, l, l.title);
              return true;
            } catch {
              return false;
            }
          });
          return collection(
            ctx,
            shapeObjects(
              rows.map((l) => ({ ...listJson(ctx, l), ...files.listExpansions(ctx, l, q) })),
              q,
            ),
            { select: selectOf(q) },
          );
        }
        if (m === 'POST') {
          const list = createList(ctx, call.json());
          return entity(ctx, listJson(ctx, list), { status: 201 });
        }
        return null;
      case 'list':
        if (m === 'GET')
          return entity(
            ctx,
            { ...listJson(ctx, node.list), ...files.listExpansions(ctx, node.list, q) },
            { select: selectOf(q) },
          );
        if (m === 'MERGE' || m === 'PATCH') {
          updateList(ctx, node.list, call.json());
          return noContent();
        }
        if (m === 'DELETE') {
          deleteList(ctx, node.list);
          return emptyOk();
        }
        return null;
      case 'fields':
        if (m === 'GET') {
          const rows = node.list ? listFields(ctx.db, node.list.pk) : webFields(ctx.db);
          return collection(
            ctx,
            shapeObjects(
              rows.map((f) => fieldJson(f, ctx.webUrl, node.list)),
              q,
            ),
            { select: selectOf(q) },
          );
        }
        if (m === 'POST') return addField(ctx, node.list, call.json(), call);
        return null;
      case 'field':
        if (m === 'GET') return entity(ctx, fieldJson(node.field, ctx.webUrl, node.list), { select: selectOf(q) });
        if (m === 'MERGE' || m === 'PATCH') {
          demandManage(ctx, node.list);
          const b = call.json();
          if (node.list && b.EnforceUniqueValues === true && readsOwnItemsOnly(ctx, node.list))
            throw uniqueWithOwnItemsRead(node.list, node.field.internal_name, 'column');
          updateField(ctx.db, node.field, b);
          return noContent();
        }
        if (m === 'DELETE') {
          demandManage(ctx, node.list);
          if (parseProps(node.field.props).FromBaseType)
            throw new SpError(
              400,
              '-2146232832, Microsoft.SharePoint.SPException',
              'You cannot delete a field that is part of the base type.',
            );
          ctx.db.exec(`DROP INDEX IF EXISTS "sp_ix_field_${node.field.pk}"`);
          ctx.db.prepare(`DELETE FROM sp_fields WHERE pk = ?`).run(node.field.pk);
          return emptyOk();
        }
        return null;
      case 'items':
        if (m === 'GET') return itemsResponse(ctx, node.list, q);
        if (m === 'POST') {
          if (isLibrary(node.list)) {
            throw new SpError(
              400,
              '-2147024809, System.ArgumentException',
              'To add an item to a document library, use SPFileCollection.Add()',
            );
          }
          demandItemCreate(ctx, node.list);
          const fields = listFields(ctx.db, node.list.pk);
          const { values, contentTypeId } = bodyToValues(ctx, node.list, fields, call.json(), call.verboseBody);
          checkUnique(ctx, node.list, fields, values, 0);
          const item = insertItem(ctx, node.list, values, { contentTypeId });
          return itemResponse(ctx, node.list, item, new URLSearchParams(), 201);
        }
        return null;
      case 'item':
        if (m === 'GET') return itemResponse(ctx, node.list, node.item, q);
        if (m === 'MERGE' || m === 'PATCH' || m === 'PUT') {
          const current = requireItem(ctx.db, node.list, node.item.id);
          const { rest, mod } = takeModerationFields(call.json());
          const moderate = admitModerationWrite(ctx, node.list, current, mod);
          const onlyModeration = Object.keys(rest).every((k) => k === '__metadata') && (moderate || mod.status !== undefined || mod.comment !== undefined);
          if (!onlyModeration) demandItemWrite(ctx, node.list, current, PermissionKind.EditListItems);
          checkEtag(call.headers['if-match'], `"${current.version}"`);
          let updated = current;
          if (!onlyModeration) {
            const fields = listFields(ctx.db, node.list.pk);
            const { values, contentTypeId } = bodyToValues(ctx, node.list, fields, rest, call.verboseBody);
            checkUnique(ctx, node.list, fields, values, node.item.id);
            updated = updateItemValues(ctx, node.list, current, values, contentTypeId);
            files.afterItemUpdate(ctx, node.list, updated, values);
          }
          if (moderate) applyModerationWrite(ctx, node.list, node.item.id, mod);
          return noContent(`"${requireItem(ctx.db, node.list, node.item.id).version}"`);
        }
        if (m === 'DELETE') {
          // DELETE removes the item for good (SPListItem.Delete: "deletes the current list item from its store");
          // recycle() moves it to the recycle bin.
          const current = requireItem(ctx.db, node.list, node.item.id);
          demandItemWrite(ctx, node.list, current, PermissionKind.DeleteListItems);
          checkEtag(call.headers['if-match'], `"${current.version}"`);
          files.deleteItem(ctx, node.list, current);
          return emptyOk();
        }
        return null;
      default:
        return (
          people.invokePeople(ctx, node, null, call) ??
          extras.invokeExtra(ctx, node, null, call) ??
          files.invokeFile(ctx, node, null, call) ??
          invokeMore(ctx, node, null, call)
        );
    }
  }
  // Method segments.
  const n = seg.name;
  switch (node.k) {
    case 'web':
      if (n === 'ensureuser' && m === 'POST') {
        const login = seg.args.length ? String(seg.args[0]) : String(call.json().logonName ?? '');
        if (!login) throw badValue(`The parameter 'logonName' of ensureuser is required.`);
        demand(ctx, WEB_SCOPE, PermissionKind.BrowseUserInfo);
        return entity(ctx, userJson(ctx, ensureUser(ctx, login)));
      }
      break;
    case 'lists':
      if ((n === 'ensuresiteassetslibrary' || n === 'ensuresitepageslibrary') && m === 'POST') {
        const [title, url] =
          n === 'ensuresiteassetslibrary' ? ['Site Assets', 'SiteAssets'] : ['Site Pages', 'SitePages'];
        let list = ctx.db.prepare(`SELECT * FROM sp_lists WHERE url_name = ?`).get(url) as ListRow | undefined;
        if (!list)
          list = createList(ctx, { Title: title, BaseTemplate: n === 'ensuresiteassetslibrary' ? 101 : 119 }, url);
        return entity(ctx, listJson(ctx, visibleList(ctx, list, title)));
      }
      break;
    case 'item':
      if (n === 'recycle' && m === 'POST') {
        const current = requireItem(ctx.db, node.list, node.item.id);
        demandItemWrite(ctx, node.list, current, PermissionKind.DeleteListItems);
        return primitive(
          ctx,
          'Recycle',
          recycleItem(ctx, node.list, current, () => files.deleteItem(ctx, node.list, current)),
        );
      }
      if (n === 'validateupdatelistitem' && m === 'POST')
        return forms.validateUpdateListItem(ctx, node.list, node.item, call.json());
      break;
    case 'list':
      if (n === 'addvalidateupdateitemusingpath' && m === 'POST')
        return forms.addValidateUpdateItemUsingPath(ctx, node.list, call.json());
      break;
    case 'fields':
      if ((n === 'addfield' || n === 'createfieldasxml') && m === 'POST')
        return addField(ctx, node.list, call.json(), call, n);
      break;
    default:
      break;
  }
  // File.MoveTo / CopyTo (and …UsingPath) live with MoveCopyUtil, which moves files with the same rules.
  if (node.k === 'file' && m === 'POST' && FILE_MOVE_COPY.has(n)) return fileMoveCopy(ctx, node.file, seg, call);
  return (
    people.invokePeople(ctx, node, seg, call) ??
    extras.invokeExtra(ctx, node, seg, call) ??
    files.invokeFile(ctx, node, seg, call) ??
    invokeMore(ctx, node, seg, call)
  );
}

/** Version history and attachments. */
function invokeMore(ctx: SpContext, node: Node, seg: Segment | null, call: SpCall): EmulatorResponse | null {
  switch (node.k) {
    case 'versions':
    case 'version':
    case 'versionvalue':
      return history.invokeHistory(ctx, node, seg, call);
    case 'attachments':
    case 'attachment':
    case 'attachmentvalue':
      return attachments.invokeAttachments(ctx, node, seg, call);
    default:
      return null;
  }
}

function perms(ctx: SpContext, name: string, value: { High: string; Low: string }): EmulatorResponse {
  const v = { 'odata.type': 'SP.BasePermissions', ...value };
  return ctx.verbose
    ? {
        status: 200,
        headers: { 'content-type': 'application/json;odata=verbose;charset=utf-8' },
        body: { d: { [name]: { __metadata: { type: 'SP.BasePermissions' }, ...value } } },
      }
    : entity(ctx, v);
}

/**
 * Adding, changing or deleting a column: Manage Lists on the list ("add or remove columns in a list"), and for a site
 * column Manage Lists on the web — the Design level, which has Manage Lists and not Manage Web, manages site columns
 * (docs/emulator.md, "Site columns and content types").
 */
function demandManage(ctx: SpContext, list: ListRow | null): void {
  demand(ctx, list ? listScope(ctx.db, list.pk) : WEB_SCOPE, PermissionKind.ManageLists);
}

function addField(
  ctx: SpContext,
  list: ListRow | null,
  body: Record<string, unknown>,
  call: SpCall,
  op = 'add',
): EmulatorResponse {
  demandManage(ctx, list);
  const existing = list ? listFields(ctx.db, list.pk) : webFields(ctx.db);
  let props = body;
  if (op === 'addfield') props = (body.parameters as Record<string, unknown>) ?? {};
  if (op === 'createfieldasxml') props = fieldFromXml(((body.parameters as Record<string, unknown>) ?? {}).SchemaXml);
  if (list && props.EnforceUniqueValues === true && readsOwnItemsOnly(ctx, list))
    throw uniqueWithOwnItemsRead(list, String(props.Title ?? ''), 'column');
  if (
    props.FieldTypeKind === 7 &&
    list &&
    typeof props.LookupListId === 'string' &&
    !listById(ctx.db, props.LookupListId)
  ) {
    throw badValue(
      `The lookup list '${props.LookupListId}' (LookupListId) of field '${String(props.Title)}' does not exist.`,
    );
  }
  const f = createField(ctx.db, list?.pk ?? null, props, existing);
  if (list) touchList(ctx, list);
  const verbose = call.headers.accept?.includes('odata=verbose');
  if (verbose)
    return {
      status: 201,
      headers: { 'content-type': 'application/json;odata=verbose;charset=utf-8' },
      body: { d: fieldJsonVerbose(f, ctx.webUrl, list) },
    };
  return entity(ctx, fieldJson(f, ctx.webUrl, list), { status: 201 });
}

/** Routes a parsed `_api` call: walks the path, then invokes the last operation; unknown paths are 501. */
export function route(ctx: SpContext, call: SpCall): EmulatorResponse {
  const segs = call.segments;
  if (segs.length === 0) throw notImplemented(call.method, call.path);
  const first = segs[0];
  if (first.name === 'contextinfo') return contextinfo.contextInfo(ctx, call);
  let node: Node;
  let i = 1;
  const ensureFolder = (list: ListRow, url: string): void => files.ensureFolderPath(ctx, list, url);
  if ((first.name === 'web' || first.name === 'site') && segs[1]?.name === 'recyclebin') {
    const r = recycleBinRoute(ctx, segs[1], segs.slice(2), call, first.name, ensureFolder);
    if (!r) throw notImplemented(call.method, call.path);
    return r;
  }
  if (first.name === 'web') node = { k: 'web' };
  else if (first.name === 'site') return contextinfo.siteRoute(ctx, call);
  else if (first.name.startsWith('sp.movecopyutil.') && segs.length === 1 && call.method === 'POST')
    return moveCopy(ctx, first, call);
  else if (first.name === 'sp.userprofiles.peoplemanager') throw notImplemented(call.method, call.path);
  else throw notImplemented(call.method, call.path);
  for (; i < segs.length; i++) {
    const next = navigate(ctx, node, segs[i], call);
    if (next === null) {
      if (i !== segs.length - 1) throw notImplemented(call.method, call.path);
      const r = invoke(ctx, node, segs[i], call);
      if (!r) throw notImplemented(call.method, call.path);
      return r;
    }
    node = next;
  }
  const r = invoke(ctx, node, null, call);
  if (!r) throw notImplemented(call.method, call.path);
  return r;
}

export { entityTypeName, listMissing, SITE_PATH };
