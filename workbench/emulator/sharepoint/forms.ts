import type { EmulatorResponse } from '../types';
import { badValue } from './errors';
import { type SpContext, parseProps, spDate } from './context';
import { collection } from './format';
import { FieldType, inputValue, isMulti } from './fields';
import { checkUnique, insertItem, updateItemValues } from './items';
import { PermissionKind } from './roles';
import { type FieldRow, type ItemRow, type ListRow, itemById, listFields } from './store';
import { demandItemCreate, demandItemWrite } from './guards';
import { type ModerationWrite, admitModerationWrite, applyModerationWrite } from './moderation';
import { recordVersion } from './versions';

interface FormValue {
  FieldName: string;
  FieldValue: string;
}

/** Parses a form value (UI text form) into the stored value of a field; throws with SharePoint's message. */
function formValue(ctx: SpContext, f: FieldRow, text: string): unknown {
  if (text === '' || text === null || text === undefined) {
    if (f.internal_name !== 'Title' && parseProps(f.props).Required === true)
      throw new Error('You must specify a value for this required field.');
    return null;
  }
  switch (f.type_kind) {
    case FieldType.Number:
    case FieldType.Currency:
    case FieldType.Integer: {
      const n = Number(text.replace(',', '.'));
      if (!Number.isFinite(n))
        throw new Error(
          'Invalid number value. A number field contains invalid data. Please check the value and try again.',
        );
      return n;
    }
    case FieldType.Boolean:
      if (/^(1|true|yes|ja)$/i.test(text)) return true;
      if (/^(0|false|no|nee)$/i.test(text)) return false;
      throw new Error('Invalid Boolean value.');
    case FieldType.DateTime: {
      const nl = /^(\d{1,2})-(\d{1,2})-(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text);
      const d = nl ? new Date(Date.UTC(+nl[3], +nl[2] - 1, +nl[1], +(nl[4] ?? 0), +(nl[5] ?? 0))) : new Date(text);
      if (Number.isNaN(d.getTime()))
        throw new Error(
          'Invalid date/time value. A date/time field contains invalid data. Please check the value and try again.',
        );
      return spDate(d);
    }
    case FieldType.MultiChoice:
      return text.split(';#').filter(Boolean);
    case FieldType.Choice: {
      const p = parseProps(f.props);
      if (Array.isArray(p.Choices) && p.FillInChoice !== true && !p.Choices.includes(text))
        throw new Error(`The value '${text}' is not one of the choices of this field.`);
      return text;
    }
    case FieldType.User: {
      // `[{"Key":"i:0#.f|membership|…"}]`; SharePoint also takes it with single quotes, as the PnPjs maintainers show
      // (`"[{'Key':'i:0#.f|membership|…'}]"`, pnp/pnpjs#3265).
      let keys: string[];
      try {
        keys = (parseLenient(text) as { Key: string }[]).map((k) => k.Key);
      } catch {
        throw new Error('The user does not exist or is not unique.');
      }
      const ids = keys.map((k) => {
        const email = k.split('|').pop()!.toLowerCase();
        const row = ctx.db
          .prepare(`SELECT id FROM sp_principals WHERE login_name = ? OR lower(email) = ? OR title = ?`)
          .get(k, email, k) as { id: number } | undefined;
        if (!row) throw new Error('The user does not exist or is not unique.');
        return row.id;
      });
      return isMulti(f) ? ids : (ids[0] ?? null);
    }
    case FieldType.Lookup: {
      const ids = text
        .split(';#')
        .filter((x) => /^\d+$/.test(x))
        .map(Number);
      if (!ids.length) throw new Error('Invalid lookup value.');
      return isMulti(f) ? ids : ids[0];
    }
    case FieldType.URL: {
      const [url, desc] = text.split(', ');
      return { Url: url, Description: desc ?? url };
    }
    default:
      return text;
  }
}

function parseLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return JSON.parse(text.replace(/'/g, '"'));
  }
}

/**
 * Created, Modified, Author (Created By) and Editor (Modified By) are read-only to MERGE but taken as form values by
 * validateUpdateListItem and AddValidateUpdateItemUsingPath (https://github.com/pnp/pnpjs/issues/1408, https://github.com/pnp/pnpjs/issues/3265,
 * https://robertheep.de/all-blogs/change-the-author-of-an-item-in-sharepoint-online). Whoever may make the write may set
 * them (EditListItems to update; AddListItems to create — whether an Add-only user may set them at creation is
 * UNCONFIRMED, and allowing it is the choice that hides no attack from the product's security tests).
 */
const SYSTEM_SETTABLE = new Set(['Created', 'Modified', 'Author', 'Editor']);

function applyFormValues(
  ctx: SpContext,
  list: ListRow,
  values: FormValue[],
  itemId: number,
): {
  results: Record<string, unknown>[];
  values: Record<string, unknown>;
  system: Record<string, unknown>;
  ok: boolean;
} {
  const fields = listFields(ctx.db, list.pk);
  const out: Record<string, unknown> = {};
  const system: Record<string, unknown> = {};
  let ok = true;
  const results = values.map((fv) => {
    const f = fields.find((x) => x.internal_name === fv.FieldName);
    let error: string | null = null;
    if (!f) error = `Column '${fv.FieldName}' does not exist. It may have been deleted by another user.`;
    else {
      try {
        const v = formValue(ctx, f, fv.FieldValue);
        if (SYSTEM_SETTABLE.has(f.internal_name)) system[f.internal_name] = v;
        else if (parseProps(f.props).ReadOnlyField === true && f.internal_name !== 'FileLeafRef')
          throw new Error(`The field '${f.internal_name}' is read-only.`);
        else
          out[f.internal_name] =
            f.type_kind === FieldType.User || f.type_kind === FieldType.Lookup ? inputValue(ctx.db, f, v) : v;
      } catch (e) {
        error = (e as Error).message;
      }
    }
    if (error) ok = false;
    return {
      'odata.type': 'SP.ListItemFormUpdateValue',
      ErrorCode: error ? -2146232832 : 0,
      ErrorMessage: error,
      FieldName: fv.FieldName,
      FieldValue: fv.FieldValue,
      HasException: !!error,
      ItemId: itemId,
    };
  });
  return { results, values: out, system, ok };
}

/**
 * `bNewDocumentUpdate` of validateUpdateListItem / AddValidateUpdateItemUsingPath: true calls UpdateOverwriteVersion
 * (no new version; see versionForOverwrite). Absent is false; anything but a boolean is SharePoint's 400.
 */
function newDocumentUpdate(body: Record<string, unknown>): boolean {
  const v = body.bNewDocumentUpdate;
  if (v === undefined || v === null) return false;
  if (typeof v !== 'boolean') throw badValue(`The parameter 'bNewDocumentUpdate' must be true or false.`);
  return v;
}

function parseFormValues(body: Record<string, unknown>): FormValue[] {
  const raw = body.formValues;
  const arr =
    raw && typeof raw === 'object' && 'results' in (raw as object) ? (raw as { results: unknown }).results : raw;
  if (!Array.isArray(arr)) throw badValue(`The parameter 'formValues' must be a list of { FieldName, FieldValue }.`);
  for (const v of arr) {
    if (!v || typeof v.FieldName !== 'string') throw badValue(`Every entry of 'formValues' needs a 'FieldName'.`);
    if (v.FieldValue !== null && typeof v.FieldValue !== 'string')
      throw badValue(`The 'FieldValue' of '${v.FieldName}' in formValues must be a text.`);
  }
  return arr as FormValue[];
}

function applySystem(ctx: SpContext, list: ListRow, id: number, system: Record<string, unknown>): void {
  const cols: Record<string, string> = {
    Created: 'created',
    Modified: 'modified',
    Author: 'author_id',
    Editor: 'editor_id',
  };
  for (const [k, v] of Object.entries(system)) {
    if (v === null) continue;
    ctx.db.prepare(`UPDATE sp_items SET ${cols[k]} = ? WHERE list_pk = ? AND id = ?`).run(v, list.pk, id);
  }
}

/**
 * `items(n)/validateUpdateListItem`: form-value update with per-field errors; nothing is saved when any field fails.
 * `bNewDocumentUpdate: true` overwrites the current version instead of adding one (it needs nothing beyond the edit's
 * own permission: no source names one).
 */
export function validateUpdateListItem(
  ctx: SpContext,
  list: ListRow,
  item: ItemRow,
  body: Record<string, unknown>,
): EmulatorResponse {
  const all = parseFormValues(body);
  const overwriteVersion = newDocumentUpdate(body);
  // `_ModerationStatus` / `_ModerationComments` are content approval, not field values (see moderation.ts).
  const isMod = (v: FormValue): boolean => v.FieldName === '_ModerationStatus' || v.FieldName === '_ModerationComments';
  const modValues = all.filter(isMod);
  const values = all.filter((v) => !isMod(v));
  const mod: ModerationWrite = {};
  for (const v of modValues) {
    if (v.FieldName === '_ModerationComments') mod.comment = v.FieldValue;
    else if (!/^[0-4]$/.test(v.FieldValue ?? ''))
      throw badValue(`The value of '_ModerationStatus' must be 0 (Approved), 1 (Denied), 2 (Pending), 3 (Draft) or 4 (Scheduled).`);
    else mod.status = Number(v.FieldValue);
  }
  const moderate = admitModerationWrite(ctx, list, item, mod);
  if (values.length || !modValues.length) demandItemWrite(ctx, list, item, PermissionKind.EditListItems);
  const r = applyFormValues(ctx, list, values, item.id);
  if (r.ok) checkUnique(ctx, list, listFields(ctx.db, list.pk), r.values, item.id);
  if (r.ok) {
    if (values.length) {
      updateItemValues(ctx, list, item, r.values, undefined, { overwriteVersion });
      applySystem(ctx, list, item.id, r.system);
      if (itemById(ctx.db, list.pk, item.id)?.checkout_user_id === null) recordVersion(ctx.db, list.pk, item.id);
    }
    if (moderate) applyModerationWrite(ctx, list, item.id, mod);
  }
  const modResults = modValues.map((v) => ({
    'odata.type': 'SP.ListItemFormUpdateValue',
    ErrorCode: 0,
    ErrorMessage: null,
    FieldName: v.FieldName,
    FieldValue: v.FieldValue,
    HasException: false,
    ItemId: item.id,
  }));
  return valueResponse(ctx, [...r.results, ...modResults]);
}

/** `AddValidateUpdateItemUsingPath`: creates an item from form values (in a folder when given). */
export function addValidateUpdateItemUsingPath(
  ctx: SpContext,
  list: ListRow,
  body: Record<string, unknown>,
): EmulatorResponse {
  demandItemCreate(ctx, list);
  if ([101, 109, 119].includes(list.base_template))
    throw badValue('To add an item to a document library, use SPFileCollection.Add()');
  const values = parseFormValues(body);
  // A new item is one version whatever bNewDocumentUpdate says; the flag is checked, not used.
  newDocumentUpdate(body);
  const r = applyFormValues(ctx, list, values, 0);
  if (!r.ok) return valueResponse(ctx, r.results);
  checkUnique(ctx, list, listFields(ctx.db, list.pk), r.values, 0);
  const item = insertItem(ctx, list, r.values);
  applySystem(ctx, list, item.id, r.system);
  recordVersion(ctx.db, list.pk, item.id);
  return valueResponse(
    ctx,
    r.results.map((x) => ({ ...x, ItemId: item.id })),
  );
}

function valueResponse(ctx: SpContext, results: Record<string, unknown>[]): EmulatorResponse {
  return collection(ctx, results);
}
