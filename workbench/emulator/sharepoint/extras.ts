import type { EmulatorResponse } from '../types';
import { badValue, notFound } from './errors';
import { type SpContext, SITE_PATH, parseProps } from './context';
import { argString, type Segment } from './path';
import { collection, emptyOk, entity, noContent } from './format';
import { shapeObjects } from './jsfilter';
import { PermissionKind } from './roles';
import { WEB_SCOPE, demand, listScope } from './security';
import { type ListRow, listFields, newGuid, webFields } from './store';
import { readsOwnItemsOnly, uniqueWithOwnItemsRead } from './guards';
import type { Node, SpCall } from './nodes';

/** Navigation from the web into views/content types/custom actions. */
export function navigateWeb(ctx: SpContext, seg: Segment, _call: SpCall): Node | null {
  if (seg.name === 'usercustomactions') {
    if (seg.call) return { k: 'customaction', scope: 'web', list: null, id: requireAction(ctx, 'web', argString(seg)) };
    return { k: 'customactions', scope: 'web', list: null };
  }
  if (seg.name === 'contenttypes' || seg.name === 'availablecontenttypes') {
    if (seg.call) return { k: 'contenttype', list: null, id: requireCt(ctx, null, argString(seg)) };
    return { k: 'contenttypes', list: null };
  }
  return null;
}

/** Navigation from a list into views/content types/custom actions. */
export function navigateList(ctx: SpContext, list: ListRow, seg: Segment, _call: SpCall): Node | null {
  switch (seg.name) {
    case 'views':
      if (seg.call) return { k: 'view', list, id: requireView(ctx, list, { id: argString(seg) }) };
      return { k: 'views', list };
    case 'defaultview':
      return { k: 'view', list, id: requireView(ctx, list, { default: true }) };
    case 'getview':
      return { k: 'view', list, id: requireView(ctx, list, { id: argString(seg) }) };
    case 'contenttypes':
      if (seg.call) return { k: 'contenttype', list, id: requireCt(ctx, list, argString(seg)) };
      return { k: 'contenttypes', list };
    case 'usercustomactions':
      if (seg.call)
        return {
          k: 'customaction',
          scope: `list:${list.pk}`,
          list,
          id: requireAction(ctx, `list:${list.pk}`, argString(seg)),
        };
      return { k: 'customactions', scope: `list:${list.pk}`, list };
    default:
      return null;
  }
}

/** Navigation below views/content types/custom actions. */
export function navigateExtra(ctx: SpContext, node: Node, seg: Segment, _call: SpCall): Node | null {
  switch (node.k) {
    case 'views':
      if (seg.name === 'getbytitle')
        return { k: 'view', list: node.list, id: requireView(ctx, node.list, { title: argString(seg) }) };
      if (seg.name === 'getbyid')
        return { k: 'view', list: node.list, id: requireView(ctx, node.list, { id: argString(seg) }) };
      return null;
    case 'view':
      if (seg.name === 'viewfields') return { k: 'viewfields', list: node.list, id: node.id };
      return null;
    case 'contenttypes':
      if (seg.name === 'getbyid')
        return { k: 'contenttype', list: node.list, id: requireCt(ctx, node.list, argString(seg)) };
      return null;
    case 'contenttype':
      if (seg.name === 'fieldlinks') return { k: 'fieldlinks', list: node.list, id: node.id };
      return null;
    case 'customactions':
      if (seg.name === 'getbyid')
        return {
          k: 'customaction',
          scope: node.scope,
          list: node.list,
          id: requireAction(ctx, node.scope, argString(seg)),
        };
      return null;
    default:
      return null;
  }
}

function requireView(ctx: SpContext, list: ListRow, by: { id?: string; title?: string; default?: boolean }): string {
  const row = (
    by.default
      ? ctx.db.prepare(`SELECT id FROM sp_views WHERE list_pk = ? AND is_default = 1`).get(list.pk)
      : by.id !== undefined
        ? ctx.db
            .prepare(`SELECT id FROM sp_views WHERE list_pk = ? AND id = ? COLLATE NOCASE`)
            .get(list.pk, by.id.replace(/[{}]/g, ''))
        : ctx.db
            .prepare(`SELECT id FROM sp_views WHERE list_pk = ? AND title = ? COLLATE NOCASE`)
            .get(list.pk, by.title)
  ) as { id: string } | undefined;
  if (!row) throw notFound('-2147024809, System.ArgumentException', 'The specified view is invalid.');
  return row.id;
}

function requireCt(ctx: SpContext, list: ListRow | null, id: string): string {
  const row = ctx.db
    .prepare(`SELECT id FROM sp_content_types WHERE ifnull(list_pk, 0) = ? AND id = ? COLLATE NOCASE`)
    .get(list?.pk ?? 0, id) as { id: string } | undefined;
  if (!row) throw notFound('-2146232832, Microsoft.SharePoint.SPException', `The content type '${id}' does not exist.`);
  return row.id;
}

function requireAction(ctx: SpContext, scope: string, id: string): string {
  const row = ctx.db
    .prepare(`SELECT id FROM sp_custom_actions WHERE scope = ? AND id = ? COLLATE NOCASE`)
    .get(scope, id.replace(/[{}]/g, '')) as { id: string } | undefined;
  if (!row) throw notFound('-2146232832, Microsoft.SharePoint.SPException', 'The user custom action does not exist.');
  return row.id;
}

interface ViewRow {
  list_pk: number;
  id: string;
  title: string;
  is_default: number;
  props: string;
}

function viewJson(ctx: SpContext, list: ListRow, v: ViewRow): Record<string, unknown> {
  const p = parseProps(v.props);
  const edit = `Web/Lists(guid'${list.id}')/Views(guid'${v.id}')`;
  const lib = [101, 109, 119].includes(list.base_template);
  const folder = lib ? `${SITE_PATH}/${list.url_name}/Forms` : `${SITE_PATH}/${list.url_name}`;
  return {
    'odata.type': 'SP.View',
    'odata.id': `${ctx.webUrl}/_api/${edit}`,
    'odata.editLink': edit,
    DefaultView: v.is_default === 1,
    Hidden: p.Hidden ?? false,
    Id: v.id,
    MobileDefaultView: false,
    MobileView: false,
    Paged: p.Paged ?? true,
    PersonalView: p.PersonalView ?? false,
    RowLimit: p.RowLimit ?? 30,
    Scope: p.Scope ?? 0,
    ServerRelativeUrl: `${folder}/${encodeURIComponent(String(v.title)).replace(/%20/g, '')}.aspx`,
    Title: v.title,
    ViewQuery: p.ViewQuery ?? '',
    ViewType: 'HTML',
    ViewType2: p.ViewType2 ?? null,
    ListViewXml: viewXml(v.title, p),
  };
}

function viewXml(title: string, p: Record<string, unknown>): string {
  const fields = ((p.ViewFields as string[]) ?? []).map((f) => `<FieldRef Name="${f}" />`).join('');
  return `<View Name="${title}" Type="HTML"><Query>${String(p.ViewQuery ?? '')}</Query><ViewFields>${fields}</ViewFields><RowLimit Paged="TRUE">${String(p.RowLimit ?? 30)}</RowLimit></View>`;
}

const VIEW_KEYS = new Set([
  'Title',
  'ViewQuery',
  'RowLimit',
  'Paged',
  'PersonalView',
  'DefaultView',
  'Hidden',
  'Scope',
  'ViewType2',
  'ViewFields',
  'ViewTypeKind',
  'ViewData',
  'JSLink',
  'CustomFormatter',
  'IncludeRootFolder',
  'TabularView',
]);

function applyView(ctx: SpContext, list: ListRow, row: ViewRow, body: Record<string, unknown>): void {
  const p = parseProps(row.props);
  let title = row.title;
  let isDefault = row.is_default;
  for (const [k, v] of Object.entries(body)) {
    if (k === '__metadata') continue;
    if (!VIEW_KEYS.has(k))
      throw badValue(
        `The property '${k}' does not exist on type 'SP.View'. Make sure to only use property names that are defined by the type.`,
      );
    if (k === 'Title') {
      if (typeof v !== 'string' || !v.trim())
        throw badValue(`The property 'Title' of the view must be a non-empty text.`);
      title = v;
    } else if (k === 'DefaultView') isDefault = v === true ? 1 : 0;
    else if (k === 'RowLimit') {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 5000)
        throw badValue(`The property 'RowLimit' of view '${title}' must be an integer from 1 to 5000.`);
      p.RowLimit = v;
    } else if (k === 'ViewQuery') {
      if (typeof v !== 'string') throw badValue(`The property 'ViewQuery' of view '${title}' must be CAML text.`);
      p.ViewQuery = v;
    } else if (k === 'ViewFields') {
      const arr = v && typeof v === 'object' && 'results' in (v as object) ? (v as { results: unknown }).results : v;
      if (!Array.isArray(arr) || arr.some((x) => typeof x !== 'string'))
        throw badValue(`The property 'ViewFields' of view '${title}' must be a list of field names.`);
      p.ViewFields = arr;
    } else p[k] = v;
  }
  if (isDefault) ctx.db.prepare(`UPDATE sp_views SET is_default = 0 WHERE list_pk = ?`).run(list.pk);
  ctx.db
    .prepare(`UPDATE sp_views SET title = ?, is_default = ?, props = ? WHERE id = ?`)
    .run(title, isDefault, JSON.stringify(p), row.id);
}

interface CtRow {
  list_pk: number | null;
  id: string;
  name: string;
  props: string;
}

function ctJson(ctx: SpContext, list: ListRow | null, c: CtRow): Record<string, unknown> {
  const p = parseProps(c.props);
  const edit = list ? `Web/Lists(guid'${list.id}')/ContentTypes('${c.id}')` : `Web/ContentTypes('${c.id}')`;
  return {
    'odata.type': 'SP.ContentType',
    'odata.id': `${ctx.webUrl}/_api/${edit}`,
    'odata.editLink': edit,
    Description: p.Description ?? '',
    Group: p.Group ?? 'Custom Content Types',
    Hidden: p.Hidden ?? false,
    Id: { StringValue: c.id },
    StringId: c.id,
    Name: c.name,
    ReadOnly: false,
    Sealed: false,
    SchemaXml: `<ContentType ID="${c.id}" Name="${c.name}" />`,
  };
}

interface ActionRow {
  id: string;
  scope: string;
  props: string;
}

const ACTION_KEYS = [
  'ClientSideComponentId',
  'ClientSideComponentProperties',
  'CommandUIExtension',
  'Description',
  'Group',
  'HostProperties',
  'ImageUrl',
  'Location',
  'Name',
  'RegistrationId',
  'RegistrationType',
  'Rights',
  'ScriptBlock',
  'ScriptSrc',
  'Sequence',
  'Title',
  'Url',
];

function actionJson(ctx: SpContext, a: ActionRow): Record<string, unknown> {
  const p = parseProps(a.props);
  const edit = a.scope === 'web' ? `Web/UserCustomActions('${a.id}')` : `Web/Lists/UserCustomActions('${a.id}')`;
  return {
    'odata.type': 'SP.UserCustomAction',
    'odata.id': `${ctx.webUrl}/_api/${edit}`,
    'odata.editLink': edit,
    ClientSideComponentId: p.ClientSideComponentId ?? '00000000-0000-0000-0000-000000000000',
    ClientSideComponentProperties: p.ClientSideComponentProperties ?? '',
    CommandUIExtension: p.CommandUIExtension ?? null,
    Description: p.Description ?? null,
    Group: p.Group ?? null,
    HostProperties: p.HostProperties ?? '',
    Id: a.id,
    ImageUrl: p.ImageUrl ?? null,
    Location: p.Location ?? null,
    Name: p.Name ?? null,
    RegistrationId: p.RegistrationId ?? null,
    RegistrationType: p.RegistrationType ?? 0,
    Rights: p.Rights ?? { High: '0', Low: '0' },
    Scope: a.scope === 'web' ? 3 : 4,
    ScriptBlock: p.ScriptBlock ?? null,
    ScriptSrc: p.ScriptSrc ?? null,
    Sequence: p.Sequence ?? 0,
    Title: p.Title ?? null,
    Url: p.Url ?? null,
    VersionOfUserCustomAction: '16.0.1.0',
  };
}

function actionProps(body: Record<string, unknown>, base: Record<string, unknown> = {}): Record<string, unknown> {
  const p = { ...base };
  for (const [k, v] of Object.entries(body)) {
    if (k === '__metadata') continue;
    if (!ACTION_KEYS.includes(k))
      throw badValue(
        `The property '${k}' does not exist on type 'SP.UserCustomAction'. Make sure to only use property names that are defined by the type.`,
      );
    if (k === 'ClientSideComponentId' && (typeof v !== 'string' || !/^\{?[0-9a-f-]{36}\}?$/i.test(v))) {
      throw badValue(`The property 'ClientSideComponentId' must be a GUID.`);
    }
    if (k === 'ClientSideComponentProperties' && typeof v === 'string' && v) {
      try {
        JSON.parse(v);
      } catch {
        throw badValue(`The property 'ClientSideComponentProperties' must be a JSON text.`);
      }
    }
    p[k] = k === 'ClientSideComponentId' ? String(v).replace(/[{}]/g, '').toLowerCase() : v;
  }
  return p;
}

function manageScope(ctx: SpContext, list: ListRow | null): void {
  if (list) demand(ctx, listScope(ctx.db, list.pk), PermissionKind.ManageLists);
  else demand(ctx, WEB_SCOPE, PermissionKind.ManageWeb);
}

/**
 * Content types and their field links: Manage Lists on the list, and for site content types Manage Lists on the web —
 * the Design level (Manage Lists, no Manage Web) manages site columns and site content types; see docs/emulator.md
 * "Site columns and content types".
 */
function manageTypes(ctx: SpContext, list: ListRow | null): void {
  demand(ctx, list ? listScope(ctx.db, list.pk) : WEB_SCOPE, PermissionKind.ManageLists);
}

/** GET/POST/MERGE/DELETE and method segments on views, content types and custom actions. */
export function invokeExtra(ctx: SpContext, node: Node, seg: Segment | null, call: SpCall): EmulatorResponse | null {
  const m = call.method;
  const q = call.query;
  const select = q.get('$select');
  switch (node.k) {
    case 'views': {
      if (seg) return null;
      if (m === 'GET') {
        const rows = ctx.db
          .prepare(`SELECT * FROM sp_views WHERE list_pk = ? ORDER BY rowid`)
          .all(node.list.pk) as ViewRow[];
        return collection(
          ctx,
          shapeObjects(
            rows.map((v) => viewJson(ctx, node.list, v)),
            q,
          ),
          { select },
        );
      }
      if (m === 'POST') {
        manageScope(ctx, node.list);
        const b = call.json();
        if (typeof b.Title !== 'string' || !b.Title.trim())
          throw badValue(`The property 'Title' of the view is required.`);
        const id = newGuid();
        ctx.db
          .prepare(`INSERT INTO sp_views (list_pk, id, title, is_default, props) VALUES (?, ?, ?, 0, ?)`)
          .run(node.list.pk, id, b.Title, JSON.stringify({ ViewFields: ['LinkTitle'], RowLimit: 30, Paged: true }));
        const row = ctx.db.prepare(`SELECT * FROM sp_views WHERE id = ?`).get(id) as ViewRow;
        applyView(ctx, node.list, row, b);
        return entity(
          ctx,
          viewJson(ctx, node.list, ctx.db.prepare(`SELECT * FROM sp_views WHERE id = ?`).get(id) as ViewRow),
          { status: 201 },
        );
      }
      return null;
    }
    case 'view': {
      const row = ctx.db.prepare(`SELECT * FROM sp_views WHERE id = ?`).get(node.id) as ViewRow;
      if (seg) {
        if (seg.name === 'renderashtml') return null;
        return null;
      }
      if (m === 'GET') return entity(ctx, viewJson(ctx, node.list, row), { select });
      if (m === 'MERGE' || m === 'PATCH') {
        manageScope(ctx, node.list);
        applyView(ctx, node.list, row, call.json());
        return noContent();
      }
      if (m === 'DELETE') {
        manageScope(ctx, node.list);
        ctx.db.prepare(`DELETE FROM sp_views WHERE id = ?`).run(node.id);
        return emptyOk();
      }
      return null;
    }
    case 'viewfields': {
      const row = ctx.db.prepare(`SELECT * FROM sp_views WHERE id = ?`).get(node.id) as ViewRow;
      const p = parseProps(row.props);
      const names = ((p.ViewFields as string[]) ?? []).slice();
      if (!seg && m === 'GET') {
        return entity(ctx, {
          'odata.type': 'SP.ViewFieldCollection',
          'odata.id': `${ctx.webUrl}/_api/Web/Lists(guid'${node.list.id}')/Views(guid'${row.id}')/ViewFields`,
          SchemaXml: `<FieldRef Name="${names.join('" /><FieldRef Name="')}" />`,
          Items: names,
        });
      }
      if (!seg || m !== 'POST') return null;
      manageScope(ctx, node.list);
      const fieldName = (): string => {
        const v = seg.args[0] ?? seg.named.strfield ?? seg.named.field ?? call.json().strField;
        if (typeof v !== 'string' || !v) throw badValue(`The parameter 'strField' of ${seg.raw} is required.`);
        if (
          !['LinkTitle', 'LinkFilename', 'DocIcon', 'LinkTitleNoMenu', 'LinkFilenameNoMenu', 'Edit'].includes(v) &&
          !listFields(ctx.db, node.list.pk).some((f) => f.internal_name === v)
        ) {
          throw badValue(`Column '${v}' does not exist. It may have been deleted by another user. (strField)`);
        }
        return v;
      };
      let next = names;
      if (seg.name === 'addviewfield') {
        const f = fieldName();
        if (!next.includes(f)) next.push(f);
      } else if (seg.name === 'removeviewfield') {
        const f = fieldName();
        next = next.filter((x) => x !== f);
      } else if (seg.name === 'removeallviewfields') next = [];
      else if (seg.name === 'moveviewfieldto') {
        const b = call.json();
        const f = String(b.field ?? '');
        const idx = Number(b.index);
        if (!next.includes(f)) throw badValue(`The field '${f}' (field) is not in the view.`);
        next = next.filter((x) => x !== f);
        next.splice(idx, 0, f);
      } else return null;
      p.ViewFields = next;
      ctx.db.prepare(`UPDATE sp_views SET props = ? WHERE id = ?`).run(JSON.stringify(p), row.id);
      return emptyOk();
    }
    case 'contenttypes': {
      if (seg) {
        if (seg.name === 'addavailablecontenttype' && m === 'POST' && node.list) {
          manageTypes(ctx, node.list);
          const id = String(seg.args[0] ?? call.json().contentTypeId ?? '');
          const site = ctx.db
            .prepare(`SELECT * FROM sp_content_types WHERE list_pk IS NULL AND id = ? COLLATE NOCASE`)
            .get(id) as CtRow | undefined;
          if (!site)
            throw notFound(
              '-2146232832, Microsoft.SharePoint.SPException',
              `The content type '${id}' (contentTypeId) does not exist in the web.`,
            );
          const listCtId = `${site.id}00${newGuid().replace(/-/g, '').toUpperCase()}`;
          const existing = ctx.db
            .prepare(`SELECT * FROM sp_content_types WHERE list_pk = ? AND json_extract(props, '$.Parent') = ?`)
            .get(node.list.pk, site.id) as CtRow | undefined;
          if (existing) return entity(ctx, ctJson(ctx, node.list, existing));
          ctx.db
            .prepare(`INSERT INTO sp_content_types (list_pk, id, name, props) VALUES (?, ?, ?, ?)`)
            .run(node.list.pk, listCtId, site.name, JSON.stringify({ ...parseProps(site.props), Parent: site.id }));
          // Adding a site content type brings its columns into the list, as SharePoint does.
          const links = (parseProps(site.props).FieldLinks as string[] | undefined) ?? [];
          for (const name of links) copySiteField(ctx, node.list, name);
          return entity(
            ctx,
            ctJson(
              ctx,
              node.list,
              ctx.db
                .prepare(`SELECT * FROM sp_content_types WHERE list_pk = ? AND id = ?`)
                .get(node.list.pk, listCtId) as CtRow,
            ),
          );
        }
        return null;
      }
      if (m === 'GET') {
        const rows = ctx.db
          .prepare(`SELECT * FROM sp_content_types WHERE ifnull(list_pk, 0) = ? ORDER BY rowid`)
          .all(node.list?.pk ?? 0) as CtRow[];
        return collection(
          ctx,
          shapeObjects(
            rows.map((c) => ctJson(ctx, node.list, c)),
            q,
          ),
          { select },
        );
      }
      if (m === 'POST') {
        manageTypes(ctx, node.list);
        const b = call.json();
        const idObj = b.Id as { StringValue?: string } | string | undefined;
        const id = typeof idObj === 'string' ? idObj : idObj?.StringValue;
        if (typeof id !== 'string' || !/^0x[0-9A-Fa-f]+$/.test(id))
          throw badValue(`The property 'Id' of the content type must be a content type id like '0x0100…'.`);
        if (typeof b.Name !== 'string' || !b.Name.trim())
          throw badValue(`The property 'Name' of the content type is required.`);
        if (
          ctx.db
            .prepare(`SELECT 1 FROM sp_content_types WHERE ifnull(list_pk, 0) = ? AND id = ? COLLATE NOCASE`)
            .get(node.list?.pk ?? 0, id)
        ) {
          throw badValue(`A content type with id '${id}' (Id) already exists.`);
        }
        ctx.db.prepare(`INSERT INTO sp_content_types (list_pk, id, name, props) VALUES (?, ?, ?, ?)`).run(
          node.list?.pk ?? null,
          id,
          b.Name,
          JSON.stringify({
            Description: b.Description ?? '',
            Group: b.Group ?? 'Custom Content Types',
            FieldLinks: [],
          }),
        );
        return entity(
          ctx,
          ctJson(ctx, node.list, {
            list_pk: node.list?.pk ?? null,
            id,
            name: b.Name,
            props: JSON.stringify({ Description: b.Description, Group: b.Group }),
          }),
          { status: 201 },
        );
      }
      return null;
    }
    case 'contenttype': {
      const row = ctx.db
        .prepare(`SELECT * FROM sp_content_types WHERE ifnull(list_pk, 0) = ? AND id = ?`)
        .get(node.list?.pk ?? 0, node.id) as CtRow;
      if (seg) return null;
      if (m === 'GET') return entity(ctx, ctJson(ctx, node.list, row), { select });
      if (m === 'MERGE' || m === 'PATCH') {
        manageTypes(ctx, node.list);
        const p = parseProps(row.props);
        let name = row.name;
        for (const [k, v] of Object.entries(call.json())) {
          if (k === '__metadata') continue;
          if (k === 'Name' && typeof v === 'string' && v.trim()) name = v;
          else if (['Description', 'Group', 'Hidden'].includes(k)) p[k] = v;
          else throw badValue(`The property '${k}' cannot be set on type 'SP.ContentType'.`);
        }
        ctx.db
          .prepare(`UPDATE sp_content_types SET name = ?, props = ? WHERE ifnull(list_pk, 0) = ? AND id = ?`)
          .run(name, JSON.stringify(p), node.list?.pk ?? 0, node.id);
        return noContent();
      }
      if (m === 'DELETE') {
        manageTypes(ctx, node.list);
        ctx.db
          .prepare(`DELETE FROM sp_content_types WHERE ifnull(list_pk, 0) = ? AND id = ?`)
          .run(node.list?.pk ?? 0, node.id);
        return emptyOk();
      }
      return null;
    }
    case 'fieldlinks': {
      const row = ctx.db
        .prepare(`SELECT * FROM sp_content_types WHERE ifnull(list_pk, 0) = ? AND id = ?`)
        .get(node.list?.pk ?? 0, node.id) as CtRow;
      const p = parseProps(row.props);
      const links = ((p.FieldLinks as string[]) ?? []).slice();
      const all = node.list ? listFields(ctx.db, node.list.pk) : webFields(ctx.db);
      if (!seg && m === 'GET') {
        return collection(
          ctx,
          links.map((name) => {
            const f = all.find((x) => x.internal_name === name);
            return {
              'odata.type': 'SP.FieldLink',
              'odata.id': `${ctx.webUrl}/_api/FieldLinks('${f?.id ?? name}')`,
              Id: f?.id ?? null,
              Name: name,
              Hidden: false,
              Required: false,
            };
          }),
        );
      }
      if (m !== 'POST' || (seg && seg.name !== 'add')) return null;
      manageTypes(ctx, node.list);
      const b = call.json();
      const info = (b.parameters as Record<string, unknown>) ?? b;
      const name = info.FieldInternalName ?? info.Name;
      if (typeof name !== 'string' || !all.some((f) => f.internal_name === name)) {
        throw badValue(
          `Column '${String(name)}' does not exist. It may have been deleted by another user. (FieldInternalName)`,
        );
      }
      if (!links.includes(name)) links.push(name);
      p.FieldLinks = links;
      ctx.db
        .prepare(`UPDATE sp_content_types SET props = ? WHERE ifnull(list_pk, 0) = ? AND id = ?`)
        .run(JSON.stringify(p), node.list?.pk ?? 0, node.id);
      return emptyOk();
    }
    case 'customactions': {
      if (seg) {
        if (seg.name === 'clear' && m === 'POST') {
          manageScope(ctx, node.list);
          ctx.db.prepare(`DELETE FROM sp_custom_actions WHERE scope = ?`).run(node.scope);
          return emptyOk();
        }
        return null;
      }
      if (m === 'GET') {
        const rows = ctx.db
          .prepare(`SELECT * FROM sp_custom_actions WHERE scope = ? ORDER BY rowid`)
          .all(node.scope) as ActionRow[];
        return collection(
          ctx,
          shapeObjects(
            rows.map((a) => actionJson(ctx, a)),
            q,
          ),
          { select },
        );
      }
      if (m === 'POST') {
        manageScope(ctx, node.list);
        const id = newGuid();
        ctx.db
          .prepare(`INSERT INTO sp_custom_actions (id, scope, props) VALUES (?, ?, ?)`)
          .run(id, node.scope, JSON.stringify(actionProps(call.json())));
        return entity(
          ctx,
          actionJson(ctx, ctx.db.prepare(`SELECT * FROM sp_custom_actions WHERE id = ?`).get(id) as ActionRow),
          { status: 201 },
        );
      }
      return null;
    }
    case 'customaction': {
      const row = ctx.db.prepare(`SELECT * FROM sp_custom_actions WHERE id = ?`).get(node.id) as ActionRow;
      if (seg) return null;
      if (m === 'GET') return entity(ctx, actionJson(ctx, row), { select });
      if (m === 'MERGE' || m === 'PATCH') {
        manageScope(ctx, node.list);
        ctx.db
          .prepare(`UPDATE sp_custom_actions SET props = ? WHERE id = ?`)
          .run(JSON.stringify(actionProps(call.json(), parseProps(row.props))), row.id);
        return noContent();
      }
      if (m === 'DELETE') {
        manageScope(ctx, node.list);
        ctx.db.prepare(`DELETE FROM sp_custom_actions WHERE id = ?`).run(row.id);
        return emptyOk();
      }
      return null;
    }
    default:
      return null;
  }
}

/** Copies a site column into a list (when a site content type is added to it). */
function copySiteField(ctx: SpContext, list: ListRow, name: string): void {
  const site = webFields(ctx.db).find((f) => f.internal_name === name);
  if (!site || listFields(ctx.db, list.pk).some((f) => f.internal_name === name)) return;
  if (parseProps(site.props).EnforceUniqueValues === true && readsOwnItemsOnly(ctx, list))
    throw uniqueWithOwnItemsRead(list, site.internal_name, 'column');
  ctx.db
    .prepare(
      `INSERT INTO sp_fields (list_pk, id, internal_name, title, type_kind, type_name, indexed, props) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(list.pk, site.id, site.internal_name, site.title, site.type_kind, site.type_name, site.indexed, site.props);
}
