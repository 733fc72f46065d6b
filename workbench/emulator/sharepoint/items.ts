import type { Database } from 'better-sqlite3';
import { badQuery, badValue, notFound, SpError } from './errors';
import { type SpContext, isoNow, parseProps, spDate } from './context';
import {
  FieldType,
  encodeInternalName,
  fieldSql,
  inputValue,
  isIdValued,
  isMulti,
  isReadOnly,
  isTextual,
  restName,
} from './fields';
import { findField, lookupTarget } from './query';
import { lookupItemView, projectedField } from './lookups';
import { type FieldRow, type ItemRow, type ListRow, isLibrary, itemById, listFields, newGuid } from './store';
import {
  initialState,
  recordVersion,
  uiVersion,
  versionForOverwrite,
  versionForWrite,
  versionLabel,
  versionLevel,
} from './versions';

/** `ListItemEntityTypeFullName` of a list, e.g. `SP.Data.TakenListItem` or `SP.Data.Shared_x0020_DocumentsItem`. */
export function entityTypeName(list: ListRow): string {
  const leaf = list.url_name.split('/').pop() ?? list.url_name;
  const name = encodeInternalName(leaf).replace(/^_/, 'OData__');
  return `SP.Data.${name}${isLibrary(list) ? 'Item' : 'ListItem'}`;
}

/** Requested shape of item JSON from `$select` and `$expand`. */
export interface SelectSpec {
  /** null = SharePoint's default set (every visible field). */
  names: Set<string> | null;
  /** Navigation properties expanded beside fields (`File`, `Folder`) with their selected sub-properties. */
  nav: Map<string, string[]>;
  /** Expanded person/lookup fields with the sub-properties selected for them. */
  expand: Map<string, { field: FieldRow; subs: string[] }>;
}

/**
 * Parses `$select`/`$expand` for items; unknown fields get SharePoint's 400 naming the field. With `ctx`, projected
 * fields of expanded lookups are checked against the target list (lookups.ts).
 */
export function parseSelect(
  fields: FieldRow[],
  select: string | null,
  expand: string | null,
  ctx?: SpContext,
): SelectSpec {
  const spec: SelectSpec = { names: null, expand: new Map(), nav: new Map() };
  for (const e of (expand ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const navName = NAV_PROPS.find((n) => n.toLowerCase() === e.toLowerCase());
    if (navName) {
      spec.nav.set(navName, []);
      continue;
    }
    const found = findField(fields, e);
    if (!found || (found.field.type_kind !== FieldType.User && found.field.type_kind !== FieldType.Lookup)) {
      throw badQuery(`The field or property '${e}' does not exist.`);
    }
    spec.expand.set(found.field.internal_name, { field: found.field, subs: [] });
  }
  const parts = (select ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.includes('*')) {
    if (parts.length === 0) return spec;
  }
  spec.names = new Set();
  for (const p of parts) {
    if (p === '*') {
      spec.names = null;
      continue;
    }
    const [head, sub] = p.split('/');
    const prop = ITEM_PROPS.find((n) => n.toLowerCase() === head.toLowerCase());
    if (prop && sub === undefined) {
      spec.names?.add(`#${prop}`);
      continue;
    }
    const navName = NAV_PROPS.find((n) => n.toLowerCase() === head.toLowerCase());
    if (navName) {
      const nav = spec.nav.get(navName);
      if (!nav) {
        throw badQuery(
          `The query to field '${p}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${head}.`,
        );
      }
      if (sub !== undefined) nav.push(sub);
      continue;
    }
    const found = findField(fields, head);
    if (!found) throw badQuery(`The field or property '${head}' does not exist.`);
    if (sub !== undefined) {
      const ex = spec.expand.get(found.field.internal_name);
      if (!ex) {
        throw badQuery(
          `The query to field '${p}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${head}.`,
        );
      }
      // A lookup projects only fields of the types lists can join (400 otherwise, also when no item is returned).
      if (ctx && found.field.type_kind === FieldType.Lookup) projectedField(ctx, lookupTarget(ctx, found.field), sub, p);
      ex.subs.push(sub);
      continue;
    }
    spec.names?.add(found.idForm ? `${found.field.internal_name}#id` : found.field.internal_name);
  }
  return spec;
}

/** SP.ListItem properties that are not fields but can be selected. */
const ITEM_PROPS = [
  'HasUniqueRoleAssignments',
  'FileSystemObjectType',
  'ServerRedirectedEmbedUri',
  'ServerRedirectedEmbedUrl',
  'Id',
];
/** Navigation properties of SP.ListItem the emulator expands. */
const NAV_PROPS = ['File', 'Folder', 'ContentType'];

function principalJson(db: Database, webUrl: string, id: number, subs: string[]): Record<string, unknown> | null {
  const p = db.prepare(`SELECT * FROM sp_principals WHERE id = ?`).get(id) as
    | { id: number; title: string; email: string; login_name: string; kind: string }
    | undefined;
  if (!p) return null;
  const all: Record<string, unknown> = {
    Id: p.id,
    ID: p.id,
    Title: p.title,
    EMail: p.email,
    Name: p.login_name,
    UserName: p.email,
    LoginName: p.login_name,
  };
  const out: Record<string, unknown> = {
    'odata.type': 'SP.Data.UserInfoItem',
    'odata.id': `${webUrl}/_api/Web/SiteUserInfoList/Items(${p.id})`,
  };
  const keys = subs.length ? subs : ['Id', 'Title', 'EMail'];
  for (const k of keys) {
    const hit = Object.keys(all).find((a) => a.toLowerCase() === k.toLowerCase());
    if (!hit) throw badQuery(`The field or property '${k}' does not exist on the user information list.`);
    out[hit] = all[hit];
  }
  return out;
}

function lookupJson(ctx: SpContext, f: FieldRow, id: number, subs: string[]): Record<string, unknown> | null {
  const target = lookupTarget(ctx, f);
  // Security trimmed: a target item the caller may not read shows as no value (null), as if it did not exist; otherwise
  // the version of it the caller sees (Draft Item Security). Only projectable field types (lookups.ts).
  const row = lookupItemView(ctx, target, id);
  if (!row) return null;
  const data = JSON.parse(row.data) as Record<string, unknown>;
  const out: Record<string, unknown> = {
    'odata.type': entityTypeName(target),
    'odata.id': `${ctx.webUrl}/_api/Web/Lists(guid'${target.id}')/Items(${id})`,
  };
  for (const k of subs.length ? subs : ['Id', 'Title']) {
    const pf = projectedField(ctx, target, k, `${f.internal_name}/${k}`);
    out[k] = pf.internal_name === 'ID' ? row.id : storedValue(row, data, pf);
  }
  return out;
}

/** Raw stored value of a field for an item row (columns for built-ins, JSON data for the rest). */
export function storedValue(row: ItemRow, data: Record<string, unknown>, f: FieldRow): unknown {
  switch (f.internal_name) {
    case 'ID':
      return row.id;
    case 'Created':
      return row.created;
    case 'Modified':
      return row.modified;
    case 'Author':
      return row.author_id;
    case 'Editor':
      return row.editor_id;
    case 'FSObjType':
      return row.fs_type;
    case 'FileRef':
      return row.file_ref;
    case 'FileDirRef':
      return row.file_ref ? row.file_ref.slice(0, row.file_ref.lastIndexOf('/')) : null;
    case 'ContentTypeId':
      return row.content_type_id;
    case 'GUID':
      return row.guid;
    case '_UIVersionString':
      return versionLabel(row);
    case '_UIVersion':
      return uiVersion(row);
    case '_Level':
      return versionLevel(row);
    case 'Attachments':
      return row.attachments === 1;
    case '_ModerationStatus':
      return row.mod_status;
    case '_ModerationComments':
      return row.mod_comment;
    case 'CheckoutUser':
      return row.checkout_user_id;
    default:
      return data[f.internal_name] ?? null;
  }
}

/** Item JSON in SharePoint's minimal-metadata shape (or verbose with `__metadata`). */
export function itemJson(
  ctx: SpContext,
  list: ListRow,
  fields: FieldRow[],
  row: ItemRow,
  spec: SelectSpec,
): Record<string, unknown> {
  const data = JSON.parse(row.data) as Record<string, unknown>;
  const editLink = `Web/Lists(guid'${list.id}')/Items(${row.id})`;
  const out: Record<string, unknown> = ctx.verbose
    ? {
        __metadata: {
          id: `${ctx.webUrl}/_api/${editLink}`,
          uri: `${ctx.webUrl}/_api/${editLink}`,
          etag: `"${row.version}"`,
          type: entityTypeName(list),
        },
      }
    : {
        'odata.type': entityTypeName(list),
        'odata.id': `${ctx.webUrl}/_api/${editLink}`,
        'odata.etag': `"${row.version}"`,
        'odata.editLink': editLink,
      };
  const want = (name: string): boolean => spec.names === null || spec.names.has(name);
  if (spec.names === null) {
    out.FileSystemObjectType = row.fs_type;
    out.Id = row.id;
    out.ServerRedirectedEmbedUri = null;
    out.ServerRedirectedEmbedUrl = '';
  } else {
    if (spec.names.has('ID') || spec.names.has('#Id')) out.Id = row.id;
    if (spec.names.has('#FileSystemObjectType')) out.FileSystemObjectType = row.fs_type;
    if (spec.names.has('#ServerRedirectedEmbedUri')) out.ServerRedirectedEmbedUri = null;
    if (spec.names.has('#ServerRedirectedEmbedUrl')) out.ServerRedirectedEmbedUrl = '';
  }
  if (spec.names?.has('#HasUniqueRoleAssignments')) out.HasUniqueRoleAssignments = row.unique_perms === 1;
  for (const f of fields) {
    const expanded = spec.expand.get(f.internal_name);
    const value = storedValue(row, data, f);
    if (expanded) {
      if (spec.names !== null && !expanded.subs.length && !spec.names.has(f.internal_name)) continue;
      const one = (id: number): Record<string, unknown> | null =>
        f.type_kind === FieldType.User
          ? principalJson(ctx.db, ctx.webUrl, id, expanded.subs)
          : lookupJson(ctx, f, id, expanded.subs);
      if (isMulti(f)) {
        const arr = ((value as number[] | null) ?? []).map(one).filter((x) => x !== null);
        out[f.internal_name] = ctx.verbose ? { results: arr } : arr;
      } else out[f.internal_name] = value === null ? null : one(value as number);
      if (spec.names !== null && !spec.names.has(`${f.internal_name}#id`)) continue;
    }
    if (isIdValued(f)) {
      const includeId =
        spec.names === null
          ? !fieldHidden(f)
          : spec.names.has(`${f.internal_name}#id`) || (spec.names.has(f.internal_name) && !expanded);
      if (!includeId) continue;
      if (isMulti(f)) {
        const arr = (value as number[] | null) ?? [];
        out[`${f.internal_name}Id`] = ctx.verbose
          ? { __metadata: { type: 'Collection(Edm.Int32)' }, results: arr }
          : arr;
        out[`${f.internal_name}StringId`] = ctx.verbose
          ? { __metadata: { type: 'Collection(Edm.String)' }, results: arr.map(String) }
          : arr.map(String);
      } else {
        out[`${f.internal_name}Id`] = value;
        out[`${f.internal_name}StringId`] = value === null ? null : String(value);
      }
      continue;
    }
    if (!want(f.internal_name)) continue;
    if (spec.names === null && fieldHidden(f) && !['ContentTypeId', 'GUID'].includes(f.internal_name)) continue;
    if (f.internal_name === 'ID') {
      out.ID = row.id;
      continue;
    }
    const key = restName(f.internal_name);
    if (f.type_kind === FieldType.MultiChoice && ctx.verbose)
      out[key] = { __metadata: { type: 'Collection(Edm.String)' }, results: value ?? [] };
    else out[key] = f.type_kind === FieldType.Boolean && value !== null ? Boolean(value) : value;
  }
  return out;
}

function fieldHidden(f: FieldRow): boolean {
  return parseProps(f.props).Hidden === true;
}

/** Converts a REST item body into stored values, checking every property; unknown or read-only names get a 400. */
export function bodyToValues(
  ctx: SpContext,
  list: ListRow,
  fields: FieldRow[],
  body: unknown,
  verboseBody: boolean,
): {
  values: Record<string, unknown>;
  contentTypeId?: string;
} {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw badValue('The request body must be a JSON object with field values.');
  const values: Record<string, unknown> = {};
  let contentTypeId: string | undefined;
  for (const [key, v] of Object.entries(body as Record<string, unknown>)) {
    if (key === '__metadata') {
      const type = (v as { type?: unknown } | null)?.type;
      if (verboseBody && typeof type === 'string' && type !== entityTypeName(list)) {
        throw new SpError(
          400,
          '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
          `A type named '${type}' could not be resolved by the model. When a model is available, each type name must resolve to a valid type (this list's items are '${entityTypeName(list)}').`,
        );
      }
      if (!verboseBody) {
        throw new SpError(
          400,
          '-1, Microsoft.Data.OData.ODataException',
          `The property '__metadata' does not exist on type '${entityTypeName(list)}'. Make sure to only use property names that are defined by the type.`,
        );
      }
      continue;
    }
    if (key === 'odata.type' || key === '@odata.type') continue;
    if (key === 'ContentTypeId') {
      if (typeof v !== 'string' || !/^0x[0-9A-Fa-f]+$/.test(v))
        throw badValue(`The value of 'ContentTypeId' must be a content type id like '0x0100…'.`);
      contentTypeId = v;
      continue;
    }
    const found = findField(fields, key);
    const notOnType = (): never => {
      throw badValue(
        `The property '${key}' does not exist on type '${entityTypeName(list)}'. Make sure to only use property names that are defined by the type.`,
      );
    };
    if (!found) return notOnType();
    const f = found.field;
    if (isIdValued(f) && !found.idForm && !COLUMN_WRITABLE.has(f.internal_name)) {
      // Person and lookup values are written as `<Name>Id`, exactly as SharePoint requires.
      throw badValue(`The property '${key}' cannot be written directly; write the id to '${key}Id'.`);
    }
    if (isReadOnly(f)) throw badValue(`The property '${key}' is read-only and cannot be written.`);
    values[f.internal_name] = inputValue(ctx.db, f, v);
  }
  return { values, contentTypeId };
}

const COLUMN_WRITABLE = new Set<string>();

/** EnforceUniqueValues: a second item with the same value is refused, naming the field (SharePoint's duplicate error). */
export function checkUnique(
  ctx: SpContext,
  list: ListRow,
  fields: FieldRow[],
  values: Record<string, unknown>,
  selfId: number,
): void {
  for (const f of fields) {
    if (parseProps(f.props).EnforceUniqueValues !== true) continue;
    const v = values[f.internal_name];
    if (v === undefined || v === null || typeof v === 'object') continue;
    const coll = isTextual(f) ? ' COLLATE NOCASE' : '';
    const hit = ctx.db
      .prepare(`SELECT i.id FROM sp_items i WHERE i.list_pk = ? AND ${fieldSql(f)} = ?${coll} AND i.id <> ? LIMIT 1`)
      .get(list.pk, typeof v === 'boolean' ? Number(v) : v, selfId);
    if (hit) {
      throw new SpError(
        400,
        '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException',
        `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${f.internal_name}].`,
      );
    }
  }
}

/** Next item id of a list (ids are never reused, as in SharePoint). */
export function allocateItemId(db: Database, list: ListRow): number {
  const row = db
    .prepare(`UPDATE sp_lists SET next_item_id = next_item_id + 1 WHERE pk = ? RETURNING next_item_id`)
    .get(list.pk) as {
    next_item_id: number;
  };
  return row.next_item_id - 1;
}

/** Inserts an item row (list items, folders and the items behind files). */
export function insertItem(
  ctx: SpContext,
  list: ListRow,
  values: Record<string, unknown>,
  opts: { fsType?: number; fileRef?: string; contentTypeId?: string } = {},
): ItemRow {
  const id = allocateItemId(ctx.db, list);
  const now = isoNow(ctx);
  if (opts.fsType !== 1) values = { ...defaultValues(ctx, list), ...values };
  const fileRef = opts.fileRef ?? `/sites/samenwerkingsruimte/${list.url_name}/${id}_.000`;
  const ct = opts.contentTypeId ?? defaultContentTypeId(ctx.db, list, opts.fsType === 1);
  // A new file in a library with minor versions is draft 0.1 (SharePoint Online); everything else starts 1.0, Pending
  // in a list with content approval.
  const v = initialState(ctx, list, opts.fsType === 1);
  ctx.db
    .prepare(
      `INSERT INTO sp_items (list_pk, id, guid, version, created, modified, author_id, editor_id, fs_type, file_ref, content_type_id, data, major, minor, mod_status)
       VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      list.pk,
      id,
      newGuid(),
      now,
      now,
      ctx.user.id,
      ctx.user.id,
      opts.fsType ?? 0,
      fileRef,
      ct,
      JSON.stringify(values),
      v.major,
      v.minor,
      v.modStatus,
    );
  touchList(ctx, list);
  recordVersion(ctx.db, list.pk, id);
  return itemById(ctx.db, list.pk, id)!;
}

/** Column defaults (`DefaultValue`) a new item or file gets for the columns the request leaves out, as SharePoint does. */
export function defaultValues(ctx: SpContext, list: ListRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of listFields(ctx.db, list.pk)) {
    const d = parseProps(f.props).DefaultValue;
    if (d === undefined || d === null || d === '') continue;
    const text = String(d);
    switch (f.type_kind) {
      case FieldType.Text:
      case FieldType.Note:
      case FieldType.Choice:
        out[f.internal_name] = text;
        break;
      case FieldType.MultiChoice:
        out[f.internal_name] = text.split(';#').filter(Boolean);
        break;
      case FieldType.Number:
      case FieldType.Currency:
      case FieldType.Integer:
        if (Number.isFinite(Number(text))) out[f.internal_name] = Number(text);
        break;
      case FieldType.Boolean:
        out[f.internal_name] = text === '1' || text.toLowerCase() === 'true';
        break;
      case FieldType.DateTime:
        if (text.toLowerCase() === '[today]') out[f.internal_name] = `${isoNow(ctx).slice(0, 10)}T00:00:00Z`;
        else if (!Number.isNaN(Date.parse(text))) out[f.internal_name] = spDate(new Date(text));
        break;
      default:
        break;
    }
  }
  return out;
}

/** The content type id new items get: the list's first content type, else the base type. */
export function defaultContentTypeId(db: Database, list: ListRow, folder: boolean): string {
  if (folder) return '0x0120';
  const ct = db
    .prepare(`SELECT id FROM sp_content_types WHERE list_pk = ? AND id NOT LIKE '0x0120%' ORDER BY rowid LIMIT 1`)
    .pluck()
    .get(list.pk) as string | undefined;
  return ct ?? (isLibrary(list) ? '0x0101' : '0x01');
}

/** Marks the list modified. */
export function touchList(ctx: SpContext, list: ListRow): void {
  ctx.db.prepare(`UPDATE sp_lists SET modified = ? WHERE pk = ?`).run(isoNow(ctx), list.pk);
}

/** Checks `If-Match` against the item's etag; a stale etag is SharePoint's 412. */
export function checkEtag(ifMatch: string | undefined, current: string): void {
  if (!ifMatch || ifMatch.trim() === '*') return;
  const sent = ifMatch.trim().replace(/^W\//, '');
  if (sent !== current) {
    throw new SpError(
      412,
      '-1, Microsoft.SharePoint.Client.ClientServiceException',
      `The request ETag value '${sent}' does not match the object's ETag value '${current}'.`,
    );
  }
}

/**
 * Applies stored values to an item, bumping its etag, its version (minor or major, see versionForWrite; kept with
 * `overwriteVersion`) and Modified/Editor. Always writes over the current version, also when the caller was shown the
 * published one.
 */
export function updateItemValues(
  ctx: SpContext,
  list: ListRow,
  row: ItemRow,
  values: Record<string, unknown>,
  contentTypeId?: string,
  opts: { overwriteVersion?: boolean } = {},
): ItemRow {
  const current = itemById(ctx.db, list.pk, row.id) ?? row;
  const data = { ...(JSON.parse(current.data) as Record<string, unknown>), ...values };
  // `overwriteVersion`: UpdateOverwriteVersion (validateUpdateListItem with bNewDocumentUpdate) rewrites the current
  // version instead of adding one (see versionForOverwrite).
  const v = opts.overwriteVersion ? versionForOverwrite(ctx, list, current) : versionForWrite(ctx, list, current);
  ctx.db
    .prepare(
      `UPDATE sp_items SET data = ?, version = version + 1, major = ?, minor = ?, mod_status = ?, modified = ?, editor_id = ?, content_type_id = ? WHERE list_pk = ? AND id = ?`,
    )
    .run(
      JSON.stringify(data),
      v.major,
      v.minor,
      v.modStatus,
      isoNow(ctx),
      ctx.user.id,
      contentTypeId ?? current.content_type_id,
      list.pk,
      row.id,
    );
  touchList(ctx, list);
  // A write under a check-out is in progress: it becomes a version at check-in.
  if (!v.inProgress) recordVersion(ctx.db, list.pk, row.id);
  return itemById(ctx.db, list.pk, row.id)!;
}

/** Looks up an item or answers SharePoint's 404. */
export function requireItem(db: Database, list: ListRow, id: number): ItemRow {
  const row = itemById(db, list.pk, id);
  if (!row) throw itemMissing();
  return row;
}

/** SharePoint's 404 for an item that does not exist (or that the caller may not see). */
export const itemMissing = (): SpError =>
  notFound(
    '-2130575338, Microsoft.SharePoint.SPException',
    'Item does not exist. It may have been deleted by another user.',
  );
