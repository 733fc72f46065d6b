import { badQuery } from './errors';
import type { SpContext } from './context';
import { COLUMN_FIELDS, fieldSql } from './fields';
import { ownItemsOnly } from './guards';
import { PermissionKind } from './roles';
import { allowed, itemScope, listScope, trimmingSql } from './security';
import { type FieldRow, type ItemRow, type ListRow, isLibrary, itemById, listFields } from './store';
import { PUBLIC_SQL, draftTrimming, itemView } from './versions';

/*
 * Lookup projections (`$select=Lek/Title&$expand=Lek`, `$filter=Lek/Title eq '…'`, `$orderby=Lek/Title`) as SharePoint
 * Online answers them:
 *
 * - Only fields of the types a list join can project are allowed (the ProjectedFields element,
 *   https://learn.microsoft.com/en-us/sharepoint/dev/schema/projectedfields-element-view: "only the following types of
 *   fields can be included in a ProjectedFields element: Calculated (treated as plain text), ContentTypeId, Counter,
 *   Currency, DateTime, Guid, Integer, Note (one-line only), Number, Text"). A multi-line text (Note), Boolean, Choice,
 *   person, lookup or URL field of the target is refused with 400 "The query to field '…' is not valid."
 *   (pnp/pnpjs#189: multiple lines of text through a lookup; pnp/pnpjs#1258: Yes/No; pnp/pnpjs#2648: a lookup of a
 *   lookup). "Note (one-line only)" is read as: no multi-line text — which is what SharePoint Online answers (#189).
 * - Lookup values are security trimmed: a target item the caller may not read (ViewListItems at its scope, the target
 *   list's ReadSecurity, Draft Item Security, a file never checked in) is as if it did not exist — the expanded value is
 *   null, and a `$filter`/`$orderby` on a projected field sees no value. Microsoft shows the list-level case
 *   (https://learn.microsoft.com/en-us/power-apps/maker/canvas-apps/sharepoint/scenarios-lookup-list-permissions: a user
 *   without access to the lookup list "is unable to see the color since color is from a separate list"); the same rule
 *   per item (unique permissions, ReadSecurity) is UNCONFIRMED and follows the item's own read check.
 */

/** TypeAsString of the field types a lookup may project (ProjectedFields element; Note excluded, see above). */
const PROJECTABLE = new Set(['Calculated', 'ContentTypeId', 'Counter', 'Currency', 'DateTime', 'Guid', 'Integer', 'Number', 'Text']);

/** SharePoint's refusal of a projected field it cannot join. */
export const invalidProjection = (path: string): Error => badQuery(`The query to field '${path}' is not valid.`);

/**
 * The field of the target list a lookup projects for `sub` (`Title`, `Id`, a custom column), or SharePoint's 400 when the
 * target has no such field or it is of a type lists cannot project.
 */
export function projectedField(ctx: SpContext, target: ListRow, sub: string, path: string): FieldRow {
  const fields = listFields(ctx.db, target.pk);
  if (sub.toLowerCase() === 'id') return fields.find((f) => f.internal_name === 'ID')!;
  const name = sub.startsWith('OData_') ? sub.slice(6) : sub;
  const f =
    fields.find((x) => x.internal_name === name) ?? fields.find((x) => x.internal_name.toLowerCase() === name.toLowerCase());
  if (!f || !PROJECTABLE.has(f.type_name)) throw invalidProjection(path);
  return f;
}

const caches = new WeakMap<SpContext, Map<string, ItemRow | null>>();

/**
 * The version of a lookup's target item the caller sees, or undefined when the caller may not read it (no ViewListItems
 * at its scope, someone else's item under ReadSecurity 2, a draft never published they may not see, a file never checked
 * in): then the lookup shows nothing, as if the target did not exist. Cached per request.
 */
export function lookupItemView(ctx: SpContext, target: ListRow, id: number): ItemRow | undefined {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new Map()));
  const key = `${target.pk}:${id}`;
  if (cache.has(key)) return cache.get(key) ?? undefined;
  const found = itemById(ctx.db, target.pk, id);
  let view: ItemRow | undefined;
  if (
    found &&
    allowed(ctx, itemScope(ctx.db, target.pk, id), PermissionKind.ViewListItems) &&
    !(ownItemsOnly(ctx, target, 'ReadSecurity') && found.author_id !== ctx.user.id)
  )
    view = itemView(ctx, target, found);
  cache.set(key, view ?? null);
  return view;
}

/** Replaces the `?` placeholders of a generated condition by SQL literals (ids and folder paths), for use inside an expression. */
function inline(sql: string, params: unknown[]): string {
  let n = 0;
  return sql.replace(/\?/g, () => {
    const v = params[n++];
    if (typeof v === 'number' || typeof v === 'bigint') return String(v);
    if (v === null || v === undefined) return 'NULL';
    return `'${String(v).replace(/'/g, "''")}'`;
  });
}

/** Renames alias `i` of generated item SQL to another alias. */
const realias = (sql: string, alias: string): string => sql.replace(/\bi\./g, `${alias}.`);

/**
 * SQL condition (over alias `alias` of sp_items rows of the target list, no parameters) that holds when the caller may
 * read the row: the same trimming as an items query of that list.
 */
export function readableSql(ctx: SpContext, target: ListRow, alias: string): string {
  if (ctx.isAdmin) return '1';
  const t = trimmingSql(
    ctx,
    target.pk,
    allowed(ctx, listScope(ctx.db, target.pk), PermissionKind.ViewListItems),
    PermissionKind.ViewListItems,
  );
  let sql = t.sql;
  const params = [...t.params];
  if (ownItemsOnly(ctx, target, 'ReadSecurity')) {
    sql = `(${sql} AND i.author_id = ?)`;
    params.push(ctx.user.id);
  }
  if (isLibrary(target)) {
    sql = `(${sql} AND (i.checkout_user_id IS NULL OR i.checkout_user_id = ? OR EXISTS (SELECT 1 FROM sp_checkouts c
      WHERE c.list_pk = i.list_pk AND c.item_id = i.id AND c.item_row IS NOT NULL)))`;
    params.push(ctx.user.id);
  }
  return realias(inline(sql, params), alias);
}

/**
 * SQL expression of a projected field of a lookup's target item, for `$filter` and `$orderby`: the value of the version
 * of the target the caller sees, NULL when the caller may not read the target (or there is none). `base` is the SQL of
 * the lookup id (the source item's own value).
 */
export function projectionSql(ctx: SpContext, target: ListRow, f: FieldRow, base: string): string {
  const T = 'lk_t';
  const P = 'lk_p';
  const current = realias(fieldSql(f), T);
  let value = current;
  const drafts = draftTrimming(ctx, target);
  if (drafts) {
    // A draft the caller may not see shows its last published version (kept in sp_published), or nothing.
    const published = COLUMN_FIELDS[f.internal_name]
      ? ({
          Modified: `${P}.modified`,
          ContentTypeId: `${P}.content_type_id`,
          _UIVersionString: `(${P}.major || '.0')`,
          _UIVersion: `(${P}.major * 512)`,
          _Level: '1',
        }[f.internal_name] ?? current)
      : `json_extract(${P}.data, '$."${f.internal_name.replace(/'/g, "''")}"')`;
    const sees = `(${realias(PUBLIC_SQL, T)} OR ${realias(inline(drafts.seeSql, drafts.seeParams), T)})`;
    value = `(CASE WHEN ${sees} THEN ${current} ELSE (SELECT ${published} FROM sp_published ${P} WHERE ${P}.list_pk = ${T}.list_pk AND ${P}.item_id = ${T}.id) END)`;
  }
  return `(SELECT ${value} FROM sp_items ${T} WHERE ${T}.list_pk = ${target.pk} AND ${T}.id = ${base} AND ${readableSql(ctx, target, T)})`;
}
