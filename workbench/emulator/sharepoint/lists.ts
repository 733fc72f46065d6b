import { badValue, notFound, SpError } from './errors';
import { type SpContext, SITE_PATH, isoNow, parseProps } from './context';
import { addBuiltInFields } from './fields';
import { entityTypeName } from './items';
import { type ListRow, isLibrary, itemCount, listById, listByPk, listByTitle, listFields, newGuid } from './store';
import { readsOwnItemsOnly, uniqueWithOwnItemsRead } from './guards';
import { PermissionKind } from './roles';
import { WEB_SCOPE, allowed, clearAssignments, demand, hasItemAccessIn, listScope } from './security';
import { moderationTurnedOff } from './moderation';
import { attachmentsTurnedOff } from './attachments';

/** SharePoint's 404 for a list that does not exist (or that the caller may not see). */
export function listMissing(ctx: SpContext, what: string): SpError {
  return notFound('-1, System.ArgumentException', `List '${what}' does not exist at site with URL '${ctx.webUrl}'.`);
}

/** A list the caller may see (security trimmed: otherwise SharePoint's 404). */
export function visibleList(ctx: SpContext, list: ListRow | undefined, what: string): ListRow {
  if (!list) throw listMissing(ctx, what);
  if (
    !allowed(ctx, listScope(ctx.db, list.pk), PermissionKind.ViewListItems) &&
    !hasItemAccessIn(ctx, list.pk, PermissionKind.ViewListItems)
  ) {
    throw listMissing(ctx, what);
  }
  return list;
}

/** Server-relative URL of a list's root folder. */
export function rootFolderUrl(list: ListRow): string {
  return `${SITE_PATH}/${list.url_name}`;
}

/** REST JSON of a list. */
export function listJson(ctx: SpContext, list: ListRow): Record<string, unknown> {
  const p = parseProps(list.props);
  const lib = isLibrary(list);
  const edit = `Web/Lists(guid'${list.id}')`;
  return {
    'odata.type': 'SP.List',
    'odata.id': `${ctx.webUrl}/_api/${edit}`,
    'odata.etag': `"${Date.parse(list.modified) / 1000}"`,
    'odata.editLink': edit,
    AllowContentTypes: p.AllowContentTypes ?? true,
    BaseTemplate: list.base_template,
    BaseType: lib ? 1 : 0,
    ContentTypesEnabled: p.ContentTypesEnabled ?? false,
    Created: list.created,
    DefaultContentApprovalWorkflowId: '00000000-0000-0000-0000-000000000000',
    Description: list.description,
    Direction: 'none',
    DocumentTemplateUrl: null,
    DraftVersionVisibility: p.DraftVersionVisibility ?? 0,
    EnableAttachments: !lib && p.EnableAttachments !== false,
    EnableFolderCreation: p.EnableFolderCreation ?? lib,
    EnableMinorVersions: p.EnableMinorVersions ?? false,
    EnableModeration: p.EnableModeration ?? false,
    EnableVersioning: p.EnableVersioning ?? lib,
    EntityTypeName: entityTypeName(list).replace(/^SP\.Data\./, ''),
    ForceCheckout: p.ForceCheckout ?? false,
    HasExternalDataSource: false,
    HasUniqueRoleAssignments: list.unique_perms === 1,
    Hidden: p.Hidden ?? false,
    Id: list.id,
    ImageUrl: lib ? '/_layouts/15/images/itdl.png' : '/_layouts/15/images/itgen.png',
    IrmEnabled: false,
    ItemCount: itemCount(ctx.db, list.pk),
    LastItemDeletedDate: list.modified,
    LastItemModifiedDate: list.modified,
    ListItemEntityTypeFullName: entityTypeName(list),
    MajorVersionLimit: p.MajorVersionLimit ?? 500,
    NoCrawl: p.NoCrawl ?? false,
    OnQuickLaunch: p.OnQuickLaunch ?? false,
    ParentWebUrl: SITE_PATH,
    ReadSecurity: p.ReadSecurity ?? 1,
    WriteSecurity: p.WriteSecurity ?? 1,
    ServerTemplateCanCreateFolders: true,
    TemplateFeatureId: lib ? '00bfea71-e717-4e80-aa17-d0c71b360101' : '00bfea71-de22-43b2-a848-c05709900100',
    Title: list.title,
  };
}

const SETTABLE = new Set([
  'AllowContentTypes',
  'ContentTypesEnabled',
  'EnableVersioning',
  'EnableMinorVersions',
  'EnableModeration',
  'EnableFolderCreation',
  'ForceCheckout',
  'Hidden',
  'MajorVersionLimit',
  'NoCrawl',
  'OnQuickLaunch',
  'EnableAttachments',
  'DraftVersionVisibility',
  'ReadSecurity',
  'WriteSecurity',
  'IrmEnabled',
  'DocumentTemplateUrl',
  'Direction',
  'DefaultContentApprovalWorkflowId',
  'ExcludeFromOfflineClient',
  'DisableGridEditing',
]);

/** Creates a list or library from a `web/lists` POST body; needs Manage Lists on the web. */
export function createList(ctx: SpContext, body: Record<string, unknown>, fixedUrl?: string): ListRow {
  demand(ctx, WEB_SCOPE, PermissionKind.ManageLists);
  const title = body.Title;
  if (typeof title !== 'string' || !title.trim())
    throw badValue(`The property 'Title' of the list is required and must be a text.`);
  const template = body.BaseTemplate ?? 100;
  if (typeof template !== 'number' || !Number.isInteger(template))
    throw badValue(`The property 'BaseTemplate' of list '${title}' must be an integer.`);
  if (listByTitle(ctx.db, title)) {
    throw new SpError(
      500,
      '-2130575342, Microsoft.SharePoint.SPException',
      'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
    );
  }
  const props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === '__metadata' || k === 'Title' || k === 'BaseTemplate' || k === 'Description') continue;
    if (!SETTABLE.has(k))
      throw badValue(
        `The property '${k}' does not exist on type 'SP.List'. Make sure to only use property names that are defined by the type.`,
      );
    props[k] = v;
  }
  const lib = [101, 109, 119, 700, 851].includes(template);
  checkVersioning(title, lib, props);
  const leaf = title.replace(/[~"#%&*:<>?/\\{|}.]/g, '').trim() || `List${Date.now()}`;
  let urlName = fixedUrl ?? (lib ? leaf : `Lists/${leaf}`);
  for (let n = 1; ctx.db.prepare(`SELECT 1 FROM sp_lists WHERE url_name = ?`).get(urlName); n++)
    urlName = `${lib ? '' : 'Lists/'}${leaf}${n}`;
  const now = isoNow(ctx);
  const r = ctx.db
    .prepare(
      `INSERT INTO sp_lists (id, title, url_name, base_template, description, created, modified, props) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      newGuid(),
      title,
      urlName,
      template,
      typeof body.Description === 'string' ? body.Description : '',
      now,
      now,
      JSON.stringify(props),
    );
  const list = listByPk(ctx.db, Number(r.lastInsertRowid));
  addBuiltInFields(ctx.db, { pk: list.pk, library: lib });
  ctx.db
    .prepare(
      `INSERT INTO sp_folders (server_relative_url, unique_id, list_pk, item_id, name, created) VALUES (?, ?, ?, NULL, ?, ?)`,
    )
    .run(rootFolderUrl(list), newGuid(), list.pk, urlName.split('/').pop(), now);
  ctx.db.prepare(`INSERT INTO sp_views (list_pk, id, title, is_default, props) VALUES (?, ?, ?, 1, ?)`).run(
    list.pk,
    newGuid(),
    lib ? 'All Documents' : 'All Items',
    JSON.stringify({
      ViewFields: lib ? ['DocIcon', 'LinkFilename', 'Modified', 'Editor'] : ['LinkTitle'],
      RowLimit: 30,
      ViewQuery: '<OrderBy><FieldRef Name="ID" /></OrderBy>',
      Paged: true,
    }),
  );
  ctx.db
    .prepare(`INSERT INTO sp_content_types (list_pk, id, name, props) VALUES (?, ?, ?, ?)`)
    .run(
      list.pk,
      lib ? '0x0101' : '0x01',
      lib ? 'Document' : 'Item',
      JSON.stringify({ Group: lib ? 'Document Content Types' : 'List Content Types' }),
    );
  return list;
}

/** Applies a MERGE body to a list; needs Manage Lists. */
export function updateList(ctx: SpContext, list: ListRow, body: Record<string, unknown>): void {
  demand(ctx, listScope(ctx.db, list.pk), PermissionKind.ManageLists);
  const props = parseProps(list.props);
  let title = list.title;
  let description = list.description;
  for (const [k, v] of Object.entries(body)) {
    if (k === '__metadata') continue;
    if (k === 'Title') {
      if (typeof v !== 'string' || !v.trim())
        throw badValue(`The property 'Title' of list '${list.title}' must be a non-empty text.`);
      const other = listByTitle(ctx.db, v);
      if (other && other.pk !== list.pk)
        throw new SpError(
          500,
          '-2130575342, Microsoft.SharePoint.SPException',
          'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
        );
      title = v;
    } else if (k === 'Description') {
      if (typeof v !== 'string') throw badValue(`The property 'Description' of list '${list.title}' must be a text.`);
      description = v;
    } else if (SETTABLE.has(k)) props[k] = v;
    else
      throw badValue(
        `The property '${k}' does not exist on type 'SP.List'. Make sure to only use property names that are defined by the type.`,
      );
  }
  checkVersioning(list.title, isLibrary(list), props);
  const before = parseProps(list.props);
  if (readsOwnItemsOnly(ctx, list, props) && !readsOwnItemsOnly(ctx, list, before)) {
    const unique = listFields(ctx.db, list.pk).find((f) => parseProps(f.props).EnforceUniqueValues === true);
    if (unique) throw uniqueWithOwnItemsRead(list, unique.internal_name, 'list');
  }
  ctx.db
    .prepare(`UPDATE sp_lists SET title = ?, description = ?, props = ?, modified = ? WHERE pk = ?`)
    .run(title, description, JSON.stringify(props), isoNow(ctx), list.pk);
  // Content approval switched off: nothing stays waiting for approval. Attachments switched off: they are removed.
  if (before.EnableModeration === true && props.EnableModeration !== true) moderationTurnedOff(ctx, list);
  if (before.EnableAttachments !== false && props.EnableAttachments === false) attachmentsTurnedOff(ctx, list);
}

/**
 * Checks the version settings of a list: EnableMinorVersions needs a document library with versioning on, and
 * DraftVersionVisibility is 0 (Reader), 1 (Author) or 2 (Approver). Refused with SharePoint's 400, nothing stored.
 */
function checkVersioning(title: string, library: boolean, props: Record<string, unknown>): void {
  for (const k of ['EnableVersioning', 'EnableMinorVersions', 'EnableModeration', 'ForceCheckout', 'EnableAttachments']) {
    if (props[k] !== undefined && typeof props[k] !== 'boolean')
      throw badValue(`The property '${k}' of list '${title}' must be true or false.`);
  }
  const vis = props.DraftVersionVisibility;
  if (vis !== undefined && vis !== 0 && vis !== 1 && vis !== 2)
    throw badValue(
      `The property 'DraftVersionVisibility' of list '${title}' must be 0 (Reader), 1 (Author) or 2 (Approver).`,
    );
  if (library && props.EnableAttachments === true)
    throw new SpError(
      400,
      '-2146232832, Microsoft.SharePoint.SPException',
      `Document libraries do not take attachments (EnableAttachments); '${title}' is a library.`,
    );
  if (!library && props.ForceCheckout === true)
    throw new SpError(
      400,
      '-2146232832, Microsoft.SharePoint.SPException',
      `Check-out (ForceCheckout) is for document libraries; '${title}' is a list.`,
    );
  if (props.EnableMinorVersions !== true) return;
  if (!library)
    throw new SpError(
      400,
      '-2146232832, Microsoft.SharePoint.SPException',
      `Minor versions (EnableMinorVersions) can only be turned on for a document library; '${title}' is a list.`,
    );
  if (props.EnableVersioning === false)
    throw new SpError(
      400,
      '-2146232832, Microsoft.SharePoint.SPException',
      `Minor versions (EnableMinorVersions) need versioning (EnableVersioning) turned on in library '${title}'.`,
    );
}

/** Deletes a list with its items, files, fields and role assignments; needs Manage Lists. */
export function deleteList(ctx: SpContext, list: ListRow): void {
  demand(ctx, listScope(ctx.db, list.pk), PermissionKind.ManageLists);
  const fieldPks = ctx.db.prepare(`SELECT pk FROM sp_fields WHERE list_pk = ?`).pluck().all(list.pk) as number[];
  for (const pk of fieldPks) ctx.db.exec(`DROP INDEX IF EXISTS "sp_ix_field_${pk}"`);
  ctx.db.prepare(`DELETE FROM sp_role_assignments WHERE list_pk = ?`).run(list.pk);
  ctx.db.prepare(`DELETE FROM sp_custom_actions WHERE scope = ?`).run(`list:${list.pk}`);
  ctx.db.prepare(`DELETE FROM sp_lists WHERE pk = ?`).run(list.pk);
  clearAssignments(ctx.db, { type: 'list', listPk: list.pk, itemId: 0 });
}

/** Finds a list by GUID for `lists(guid'…')` / `lists/getbyid('…')`. */
export function listByGuid(ctx: SpContext, id: string): ListRow {
  return visibleList(ctx, listById(ctx.db, id), id);
}
