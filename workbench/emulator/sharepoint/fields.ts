import type { Database } from 'better-sqlite3';
import { badQuery, badValue, SpError } from './errors';
import { spDate } from './context';
import { type FieldRow, type ListRow, fieldProps, newGuid } from './store';

/** SharePoint FieldTypeKind values the emulator stores. */
export const FieldType = {
  Integer: 1,
  Text: 2,
  Note: 3,
  DateTime: 4,
  Counter: 5,
  Choice: 6,
  Lookup: 7,
  Boolean: 8,
  Number: 9,
  Currency: 10,
  URL: 11,
  Computed: 12,
  Guid: 14,
  MultiChoice: 15,
  Calculated: 17,
  File: 18,
  Attachments: 19,
  User: 20,
  ModStat: 23,
  ContentTypeId: 25,
} as const;

const TYPE_NAMES: Record<number, string> = {
  1: 'Integer',
  2: 'Text',
  3: 'Note',
  4: 'DateTime',
  5: 'Counter',
  6: 'Choice',
  7: 'Lookup',
  8: 'Boolean',
  9: 'Number',
  10: 'Currency',
  11: 'URL',
  12: 'Computed',
  14: 'Guid',
  15: 'MultiChoice',
  17: 'Calculated',
  18: 'File',
  19: 'Attachments',
  20: 'User',
  23: 'ModStat',
  25: 'ContentTypeId',
};

const ODATA_TYPES: Record<number, string> = {
  1: 'SP.FieldNumber',
  2: 'SP.FieldText',
  3: 'SP.FieldMultiLineText',
  4: 'SP.FieldDateTime',
  5: 'SP.Field',
  6: 'SP.FieldChoice',
  7: 'SP.FieldLookup',
  8: 'SP.Field',
  9: 'SP.FieldNumber',
  10: 'SP.FieldCurrency',
  11: 'SP.FieldUrl',
  12: 'SP.FieldComputed',
  14: 'SP.FieldGuid',
  15: 'SP.FieldMultiChoice',
  17: 'SP.FieldCalculated',
  18: 'SP.Field',
  19: 'SP.Field',
  20: 'SP.FieldUser',
  23: 'SP.Field',
  25: 'SP.Field',
};

/** Verbose `__metadata.type` → FieldTypeKind, for bodies that name the type but not the kind. */
const KIND_BY_ODATA: Record<string, number> = {
  'SP.FieldText': 2,
  'SP.FieldMultiLineText': 3,
  'SP.FieldDateTime': 4,
  'SP.FieldChoice': 6,
  'SP.FieldMultiChoice': 15,
  'SP.FieldLookup': 7,
  'SP.FieldUser': 20,
  'SP.FieldNumber': 9,
  'SP.FieldCurrency': 10,
  'SP.FieldUrl': 11,
  'SP.FieldCalculated': 17,
  'SP.FieldGuid': 14,
  'SP.FieldComputed': 12,
};

/** Built-in columns whose values live in sp_items columns rather than the JSON data. */
export const COLUMN_FIELDS: Record<string, string> = {
  ID: 'i.id',
  Created: 'i.created',
  Modified: 'i.modified',
  Author: 'i.author_id',
  Editor: 'i.editor_id',
  FSObjType: 'i.fs_type',
  FileRef: 'i.file_ref',
  ContentTypeId: 'i.content_type_id',
  GUID: 'i.guid',
  // Version label, number (major * 512 + minor) and level (1 published, 2 draft), from the item's version state.
  _UIVersionString: `(i.major || '.' || i.minor)`,
  _UIVersion: '(i.major * 512 + i.minor)',
  _Level: '(CASE WHEN i.minor > 0 THEN 2 ELSE 1 END)',
  FileDirRef: `rtrim(rtrim(i.file_ref, replace(i.file_ref, '/', '')), '/')`,
  Attachments: 'i.attachments',
  // Content approval and check-out state of the current version.
  _ModerationStatus: 'i.mod_status',
  _ModerationComments: 'i.mod_comment',
  CheckoutUser: 'i.checkout_user_id',
};

interface BuiltIn {
  id: string;
  name: string;
  title: string;
  kind: number;
  typeName?: string;
  props: Record<string, unknown>;
  libraryOnly?: boolean;
  listOnly?: boolean;
}

const RO = { ReadOnlyField: true, FromBaseType: true, Sealed: true };
const BUILT_INS: BuiltIn[] = [
  { id: '1d22ea11-1e32-424e-89ab-9fedbadb6ce1', name: 'ID', title: 'ID', kind: 5, props: { ...RO } },
  {
    id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
    name: 'Title',
    title: 'Title',
    kind: 2,
    props: { FromBaseType: true, MaxLength: 255 },
  },
  {
    id: '03e45e84-1992-4d42-9116-26f756012634',
    name: 'ContentTypeId',
    title: 'Content Type ID',
    kind: 25,
    props: { ...RO, Hidden: true },
  },
  {
    id: '8c06beca-0777-48f7-91c7-6da68bc07b69',
    name: 'Created',
    title: 'Created',
    kind: 4,
    props: { ...RO, DisplayFormat: 1 },
  },
  {
    id: '28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f',
    name: 'Modified',
    title: 'Modified',
    kind: 4,
    props: { ...RO, DisplayFormat: 1 },
  },
  {
    id: '1df5e554-ec7e-46a6-901d-d85a3881cb18',
    name: 'Author',
    title: 'Created By',
    kind: 20,
    props: { ...RO, SelectionMode: 0 },
  },
  {
    id: 'd31655d1-1d5b-4511-95a1-7a09e9b75bf2',
    name: 'Editor',
    title: 'Modified By',
    kind: 20,
    props: { ...RO, SelectionMode: 0 },
  },
  {
    id: '30bb605f-5bae-48fe-b4e3-1f81d9772af9',
    name: 'FSObjType',
    title: 'Item Type',
    kind: 1,
    typeName: 'Lookup',
    props: { ...RO, Hidden: true },
  },
  {
    id: '94f89715-e097-4e8b-ba79-ea02aa8b7adb',
    name: 'FileRef',
    title: 'URL Path',
    kind: 2,
    typeName: 'Lookup',
    props: { ...RO, Hidden: true },
  },
  {
    id: '56605df6-8fa1-47e4-a04c-5b384d59609f',
    name: 'FileDirRef',
    title: 'Path',
    kind: 2,
    typeName: 'Lookup',
    props: { ...RO, Hidden: true },
  },
  {
    id: '8553196d-ec8d-4564-9861-3dbe931050c8',
    name: 'FileLeafRef',
    title: 'Name',
    kind: 18,
    typeName: 'File',
    props: { FromBaseType: true, Required: true },
    libraryOnly: true,
  },
  { id: 'ae069f25-3ac2-4256-b9c3-15dbc15da0e0', name: 'GUID', title: 'GUID', kind: 14, props: { ...RO, Hidden: true } },
  {
    id: '67df98f4-9dec-48ff-a553-29bece9c5bf4',
    name: 'Attachments',
    title: 'Attachments',
    kind: 19,
    props: { ...RO },
    listOnly: true,
  },
  { id: 'dce8262a-3ae9-45aa-aab4-83bd75fb738a', name: '_UIVersionString', title: 'Version', kind: 2, props: { ...RO } },
  {
    id: '7841bf41-43d0-4434-9f50-a673baef7631',
    name: '_UIVersion',
    title: 'UI Version',
    kind: 1,
    props: { ...RO, Hidden: true },
  },
  { id: '43bdd51b-3c5b-4e78-90a8-fb2087f71e70', name: '_Level', title: 'Level', kind: 1, props: { ...RO, Hidden: true } },
  {
    id: 'fdc3b2ed-5bf2-4835-a4bc-b885f3396a61',
    name: '_ModerationStatus',
    title: 'Approval Status',
    kind: 23,
    props: { FromBaseType: true, Hidden: true, ReadOnlyField: true },
  },
  {
    id: '34ad21eb-75bd-4544-8c73-0e08330291fe',
    name: '_ModerationComments',
    title: 'Approver Comments',
    kind: 3,
    props: { FromBaseType: true, Hidden: true, ReadOnlyField: true },
  },
  {
    id: '3881510a-4e4a-4ee8-b102-8ee8e2d0dd4b',
    name: 'CheckoutUser',
    title: 'Checked Out To',
    kind: 20,
    props: { FromBaseType: true, ReadOnlyField: true },
    libraryOnly: true,
  },
];

/** Adds the columns every new list or library starts with. */
export function addBuiltInFields(db: Database, list: { pk: number; library: boolean }): void {
  const ins = db.prepare(
    `INSERT INTO sp_fields (list_pk, id, internal_name, title, type_kind, type_name, indexed, props) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const b of BUILT_INS) {
    if (b.libraryOnly && !list.library) continue;
    if (b.listOnly && list.library) continue;
    const props = { ...b.props, ...(b.name === 'Title' ? { Required: !list.library } : {}) };
    ins.run(
      list.pk,
      b.id,
      b.name,
      b.title,
      b.kind,
      b.typeName ?? TYPE_NAMES[b.kind],
      b.name === 'ID' ? 1 : 0,
      JSON.stringify(props),
    );
  }
}

/** Is this field one of the built-in columns (not writable through item bodies unless noted)? */
export function isReadOnly(f: FieldRow): boolean {
  return fieldProps(f).ReadOnlyField === true;
}

/** REST property name of a field: `_x` names get SharePoint's `OData_` prefix. */
export function restName(internal: string): string {
  return internal.startsWith('_') ? `OData_${internal}` : internal;
}

/** Is the field multi-valued (UserMulti, LookupMulti, MultiChoice)? */
export function isMulti(f: FieldRow): boolean {
  return (
    f.type_kind === FieldType.MultiChoice ||
    ((f.type_kind === FieldType.User || f.type_kind === FieldType.Lookup) && fieldProps(f).AllowMultipleValues === true)
  );
}

/** Is the value of this field a principal or item id (`<Name>Id` on the wire)? */
export function isIdValued(f: FieldRow): boolean {
  return f.type_kind === FieldType.User || f.type_kind === FieldType.Lookup;
}

/** Encodes a display name into an internal name as SharePoint does (`_x0020_` for a space, at most 32 characters). */
export function encodeInternalName(title: string): string {
  let out = '';
  for (const ch of title) {
    if (/[A-Za-z0-9_]/.test(ch)) out += ch;
    else out += `_x${ch.codePointAt(0)!.toString(16).padStart(4, '0')}_`;
  }
  return out.slice(0, 32);
}

/** The SQL expression (over alias `i`) that yields a field's stored value. */
export function fieldSql(f: FieldRow): string {
  return COLUMN_FIELDS[f.internal_name] ?? `json_extract(i.data, '$."${f.internal_name.replace(/'/g, "''")}"')`;
}

/** Text-like fields compare case-insensitively, as SharePoint's CAML does. */
export function isTextual(f: FieldRow): boolean {
  return (
    [FieldType.Text, FieldType.Note, FieldType.Choice, FieldType.File].includes(f.type_kind as 2) &&
    !COLUMN_FIELDS[f.internal_name]
  );
}

/** Name of the SQLite expression index that backs an indexed field. */
export function indexName(f: FieldRow): string {
  return `sp_ix_field_${f.pk}`;
}

/** Creates (or drops) the SQLite index that makes an indexed column fast, as SharePoint's column index does. */
export function syncIndex(db: Database, f: FieldRow): void {
  const name = indexName(f);
  if (f.list_pk === null || f.internal_name === 'ID') return;
  if (f.indexed) {
    const expr = fieldSql(f).replace(/\bi\./g, '');
    const collate = isTextual(f) ? ' COLLATE NOCASE' : '';
    db.exec(`CREATE INDEX IF NOT EXISTS "${name}" ON sp_items (list_pk, ${expr}${collate}, id)`);
  } else {
    db.exec(`DROP INDEX IF EXISTS "${name}"`);
  }
}

/** Field properties accepted on create/update beside Title/FieldTypeKind (everything else is kept as given). */
const IGNORED_KEYS = new Set(['__metadata', 'Title', 'FieldTypeKind', 'InternalName', 'StaticName', 'Indexed', 'Id']);

/**
 * Creates a field from a REST body (verbose `SP.Field*` or `{parameters:{…}}` of AddField), checking the type and the
 * name. Returns the stored row.
 */
export function createField(
  db: Database,
  listPk: number | null,
  body: Record<string, unknown>,
  existing: FieldRow[],
): FieldRow {
  const title = body.Title;
  if (typeof title !== 'string' || title.trim() === '')
    throw badValue(`The property 'Title' of the field is required and must be a text.`);
  const metaType = (body.__metadata as { type?: string } | undefined)?.type;
  let kind =
    typeof body.FieldTypeKind === 'number' ? body.FieldTypeKind : metaType ? KIND_BY_ODATA[metaType] : undefined;
  if (kind === undefined) throw badValue(`The property 'FieldTypeKind' of field '${title}' is required.`);
  if (!TYPE_NAMES[kind])
    throw new SpError(
      400,
      '-2147024809, System.ArgumentException',
      `The field type ${kind} of field '${title}' is not supported by the emulator.`,
    );
  if (existing.some((f) => f.title.toLowerCase() === title.toLowerCase())) {
    throw new SpError(
      400,
      '-2130575340, Microsoft.SharePoint.SPException',
      `A duplicate field name "${title}" was found.`,
    );
  }
  const wanted =
    typeof body.InternalName === 'string'
      ? body.InternalName
      : typeof body.StaticName === 'string'
        ? body.StaticName
        : encodeInternalName(title);
  let internal = wanted;
  for (let n = 0; existing.some((f) => f.internal_name.toLowerCase() === internal.toLowerCase()); n++)
    internal = `${wanted.slice(0, 31)}${n}`;
  const props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (IGNORED_KEYS.has(k)) continue;
    props[k] = unwrapResults(v);
  }
  if (kind === FieldType.Choice || kind === FieldType.MultiChoice) {
    if (!Array.isArray(props.Choices) || props.Choices.some((c) => typeof c !== 'string')) {
      throw badValue(`The property 'Choices' of field '${title}' must be a list of texts.`);
    }
  }
  if (kind === FieldType.Lookup || kind === FieldType.User) {
    if (kind === FieldType.Lookup && typeof props.LookupListId !== 'string' && typeof props.LookupList !== 'string') {
      throw badValue(`The property 'LookupListId' of lookup field '${title}' is required.`);
    }
  }
  if (props.EnforceUniqueValues === true && body.Indexed !== true) {
    throw new SpError(
      400,
      '-2130575192, Microsoft.SharePoint.SPException',
      `The field '${title}' must be indexed (Indexed) before it can enforce unique values (EnforceUniqueValues).`,
    );
  }
  let typeName = TYPE_NAMES[kind];
  if (kind === FieldType.User && props.AllowMultipleValues === true) typeName = 'UserMulti';
  if (kind === FieldType.Lookup && props.AllowMultipleValues === true) typeName = 'LookupMulti';
  if (kind === FieldType.Integer) kind = FieldType.Integer;
  const id = typeof body.Id === 'string' ? body.Id.replace(/[{}]/g, '') : newGuid();
  const r = db
    .prepare(
      `INSERT INTO sp_fields (list_pk, id, internal_name, title, type_kind, type_name, indexed, props) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(listPk, id, internal, title, kind, typeName, body.Indexed === true ? 1 : 0, JSON.stringify(props));
  const row = db.prepare(`SELECT * FROM sp_fields WHERE pk = ?`).get(r.lastInsertRowid) as FieldRow;
  syncIndex(db, row);
  return row;
}

/** Applies a MERGE body to a field (Title, Indexed, Required, Choices, Description, Hidden …). */
export function updateField(db: Database, f: FieldRow, body: Record<string, unknown>): void {
  const props = fieldProps(f);
  let title = f.title;
  let indexed = f.indexed;
  for (const [k, v] of Object.entries(body)) {
    if (k === '__metadata') continue;
    if (k === 'Title') {
      if (typeof v !== 'string' || !v.trim())
        throw badValue(`The property 'Title' of field '${f.internal_name}' must be a non-empty text.`);
      title = v;
    } else if (k === 'Indexed') {
      if (typeof v !== 'boolean')
        throw badValue(`The property 'Indexed' of field '${f.internal_name}' must be true or false.`);
      indexed = v ? 1 : 0;
    } else if (
      k === 'FieldTypeKind' ||
      k === 'InternalName' ||
      k === 'StaticName' ||
      k === 'Id' ||
      k === 'TypeAsString'
    ) {
      if (
        v !== undefined &&
        v !== (k === 'FieldTypeKind' ? f.type_kind : k === 'Id' ? f.id : f.internal_name) &&
        k !== 'TypeAsString'
      ) {
        throw badValue(`The property '${k}' of field '${f.internal_name}' cannot be changed.`);
      }
    } else {
      props[k] = unwrapResults(v);
    }
  }
  if (props.EnforceUniqueValues === true && !indexed) {
    throw new SpError(
      400,
      '-2130575192, Microsoft.SharePoint.SPException',
      `The field '${f.internal_name}' must be indexed (Indexed) before it can enforce unique values (EnforceUniqueValues).`,
    );
  }
  db.prepare(`UPDATE sp_fields SET title = ?, indexed = ?, props = ? WHERE pk = ?`).run(
    title,
    indexed,
    JSON.stringify(props),
    f.pk,
  );
  syncIndex(db, { ...f, indexed });
}

function unwrapResults(v: unknown): unknown {
  if (v && typeof v === 'object' && !Array.isArray(v) && 'results' in (v as object))
    return (v as { results: unknown }).results;
  return v;
}

/** The REST representation of a field (minimal-metadata property names, SharePoint's defaults filled in). */
export function fieldJson(f: FieldRow, webUrl: string, list: ListRow | null): Record<string, unknown> {
  const p = fieldProps(f);
  const base = list ? `Web/Lists(guid'${list.id}')/Fields(guid'${f.id}')` : `Web/Fields(guid'${f.id}')`;
  const out: Record<string, unknown> = {
    'odata.type': ODATA_TYPES[f.type_kind] ?? 'SP.Field',
    'odata.id': `${webUrl}/_api/${base}`,
    'odata.editLink': base,
    CanBeDeleted: !p.FromBaseType,
    DefaultValue: p.DefaultValue ?? null,
    Description: p.Description ?? '',
    EnforceUniqueValues: p.EnforceUniqueValues ?? false,
    EntityPropertyName: restName(f.internal_name),
    FieldTypeKind: f.type_kind,
    FromBaseType: p.FromBaseType ?? false,
    Group: p.Group ?? (list ? 'Custom Columns' : 'Custom Columns'),
    Hidden: p.Hidden ?? false,
    Id: f.id,
    Indexed: f.indexed === 1 && f.internal_name !== 'ID',
    InternalName: f.internal_name,
    ReadOnlyField: p.ReadOnlyField ?? false,
    Required: p.Required ?? false,
    Sealed: p.Sealed ?? false,
    StaticName: f.internal_name,
    Title: f.title,
    TypeAsString: f.type_name,
    TypeDisplayName: f.type_name,
  };
  for (const [k, v] of Object.entries(p)) if (!(k in out)) out[k] = v;
  if (f.type_kind === FieldType.Choice || f.type_kind === FieldType.MultiChoice) out.Choices = p.Choices ?? [];
  if (f.type_kind === FieldType.User) {
    out.AllowMultipleValues = p.AllowMultipleValues ?? false;
    out.SelectionMode = p.SelectionMode ?? 1;
    out.LookupList = 'UserInfo';
    out.LookupField = p.LookupField ?? 'Title';
  }
  if (f.type_kind === FieldType.Lookup) {
    out.AllowMultipleValues = p.AllowMultipleValues ?? false;
    out.LookupList = p.LookupListId ?? p.LookupList ?? '';
    out.LookupField = p.LookupFieldName ?? p.LookupField ?? 'Title';
  }
  if (f.type_kind === FieldType.Text) out.MaxLength = p.MaxLength ?? 255;
  return out;
}

/** Verbose (`__metadata`) form of the field JSON. */
export function fieldJsonVerbose(f: FieldRow, webUrl: string, list: ListRow | null): Record<string, unknown> {
  const j = fieldJson(f, webUrl, list);
  const uri = j['odata.id'];
  const type = j['odata.type'];
  delete j['odata.id'];
  delete j['odata.type'];
  delete j['odata.editLink'];
  if (Array.isArray(j.Choices)) j.Choices = { __metadata: { type: 'Collection(Edm.String)' }, results: j.Choices };
  return { __metadata: { id: uri, uri, type }, ...j };
}

/** Converts a date written to an item into SharePoint's stored form, or a 400 naming the field. */
function toDate(f: FieldRow, v: unknown): string {
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) {
    throw badValue(
      `Cannot convert the literal '${String(v)}' to the expected type 'Edm.DateTime' of field '${f.internal_name}'.`,
    );
  }
  return spDate(new Date(v));
}

/** Checks and converts a value written through the REST API into the stored form; bad types get a 400 naming the field. */
export function inputValue(db: Database, f: FieldRow, v: unknown): unknown {
  if (v === null) return null;
  const name = f.internal_name;
  const wrongType = (expected: string): never => {
    throw badValue(
      `A value of type '${Array.isArray(v) ? 'array' : typeof v}' cannot be written to field '${name}': the expected type is '${expected}'.`,
    );
  };
  switch (f.type_kind) {
    case FieldType.Text:
    case FieldType.Note:
    case FieldType.Choice:
    case FieldType.File: {
      if (typeof v !== 'string') return wrongType('Edm.String');
      const max = Number(fieldProps(f).MaxLength ?? 255);
      if (f.type_kind === FieldType.Text && v.length > max) {
        throw badValue(`The value of field '${name}' is ${v.length} characters long; the maximum is ${max}.`);
      }
      return v;
    }
    case FieldType.DateTime:
      return toDate(f, v);
    case FieldType.Number:
    case FieldType.Currency:
    case FieldType.Integer: {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      if (!Number.isFinite(n))
        throw badValue(
          `Cannot convert the literal '${String(v)}' to the expected type 'Edm.Double' of field '${name}'.`,
        );
      return n;
    }
    case FieldType.Boolean:
      if (typeof v !== 'boolean') return wrongType('Edm.Boolean');
      return v;
    case FieldType.URL: {
      if (typeof v !== 'object' || Array.isArray(v) || typeof (v as { Url?: unknown }).Url !== 'string')
        return wrongType('SP.FieldUrlValue');
      const u = v as { Url: string; Description?: string };
      return { Url: u.Url, Description: u.Description ?? u.Url };
    }
    case FieldType.MultiChoice: {
      const arr = unwrapResults(v);
      if (!Array.isArray(arr) || arr.some((x) => typeof x !== 'string')) return wrongType('Collection(Edm.String)');
      return arr;
    }
    case FieldType.User:
    case FieldType.Lookup: {
      const multi = isMulti(f);
      const check = (id: unknown): number => {
        const n = typeof id === 'number' ? id : typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : NaN;
        if (!Number.isInteger(n)) return wrongType(multi ? 'Collection(Edm.Int32)' : 'Edm.Int32');
        if (f.type_kind === FieldType.User && !db.prepare(`SELECT 1 FROM sp_principals WHERE id = ?`).get(n)) {
          throw badValue(`The user or group with id ${n} written to field '${name}' does not exist in this site.`);
        }
        return n;
      };
      if (multi) {
        const arr = unwrapResults(v);
        if (!Array.isArray(arr)) return wrongType('Collection(Edm.Int32)');
        return arr.map(check);
      }
      if (typeof v === 'number' && v <= 0) return null;
      return check(v);
    }
    case FieldType.Guid:
      if (typeof v !== 'string') return wrongType('Edm.Guid');
      return v;
    default:
      throw badValue(`The field '${name}' cannot be written.`);
  }
}

/** Parses a filter literal for comparison with a field, or a 400 naming the field. */
export function filterLiteral(f: FieldRow, lit: { kind: string; v: unknown }): unknown {
  if (lit.kind === 'null') return null;
  const name = f.internal_name;
  const bad = (): never => {
    throw badQuery(`The literal '${String(lit.v)}' cannot be compared with field '${name}' of type '${f.type_name}'.`);
  };
  switch (f.type_kind) {
    case FieldType.DateTime:
      if ((lit.kind === 'date' || lit.kind === 'string') && !Number.isNaN(Date.parse(String(lit.v))))
        return spDate(new Date(String(lit.v)));
      return bad();
    case FieldType.Number:
    case FieldType.Currency:
    case FieldType.Integer:
    case FieldType.Counter:
    case FieldType.User:
    case FieldType.Lookup:
      if (lit.kind === 'number') return lit.v;
      if (lit.kind === 'string' && /^-?\d+(\.\d+)?$/.test(String(lit.v))) return Number(lit.v);
      return bad();
    case FieldType.Boolean:
      if (lit.kind === 'bool') return lit.v ? 1 : 0;
      if (lit.kind === 'number' && (lit.v === 0 || lit.v === 1)) return lit.v;
      return bad();
    default:
      if (lit.kind === 'string' || lit.kind === 'date') return String(lit.v);
      if (lit.kind === 'number' || lit.kind === 'bool') return String(lit.v);
      return bad();
  }
}
