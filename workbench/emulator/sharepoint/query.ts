import { badQuery, notFound, SpError, thresholdExceeded } from './errors';
import { FieldType, fieldSql, filterLiteral, isMulti, isTextual, restName } from './fields';
import { conjuncts, fieldsOf, parseFilter, type CmpOp, type FieldRef, type FilterNode, type Operand } from './odata';
import { type FieldRow, type ItemRow, type ListRow, fieldProps, itemCount, listById, listByTitle } from './store';
import type { SpContext } from './context';
import { projectedField, projectionSql } from './lookups';
import { type DraftTrim, ITEM_COLUMNS, PUBLIC_SQL, SNAPSHOT_SOURCE } from './versions';

/** A `$filter`/`$orderby`/`$select` field path resolved against the list's fields. */
export interface ResolvedRef {
  field: FieldRow;
  /** Sub-property of a person or lookup field (`Author/Title`), if any. */
  sub?: string;
}

/** Finds a field by REST name: internal name, `OData_` form, or `<Name>Id` of a person/lookup field. */
export function findField(fields: FieldRow[], name: string): { field: FieldRow; idForm: boolean } | undefined {
  const n = name.startsWith('OData_') ? name.slice(6) : name;
  const exact =
    fields.find((f) => f.internal_name === n) ?? fields.find((f) => f.internal_name.toLowerCase() === n.toLowerCase());
  if (exact) return { field: exact, idForm: false };
  if (n === 'Id') return { field: fields.find((f) => f.internal_name === 'ID')!, idForm: false };
  if (/Id$/.test(n)) {
    const base = fields.find(
      (f) => f.internal_name === n.slice(0, -2) && (f.type_kind === FieldType.User || f.type_kind === FieldType.Lookup),
    );
    if (base) return { field: base, idForm: true };
  }
  return undefined;
}

/** Resolves a field path or answers 400 "Column 'X' does not exist", as SharePoint does for $filter. */
export function resolveRef(fields: FieldRow[], path: string[], what = 'filter'): ResolvedRef {
  const found = findField(fields, path[0]);
  if (!found) {
    throw new SpError(
      400,
      '-2146232832, Microsoft.SharePoint.SPException',
      `Column '${path[0]}' does not exist. It may have been deleted by another user. (in $${what})`,
    );
  }
  if (path.length > 2) throw badQuery(`The field path '${path.join('/')}' in $${what} is too deep.`);
  if (path.length === 2) {
    const f = found.field;
    if (f.type_kind !== FieldType.User && f.type_kind !== FieldType.Lookup) {
      throw badQuery(
        `The field '${f.internal_name}' in $${what} is not a person or lookup field, so '${path.join('/')}' is not valid.`,
      );
    }
    return { field: f, sub: path[1] };
  }
  return { field: found.field, sub: found.idForm ? 'Id' : undefined };
}

const USER_COLUMNS: Record<string, string> = {
  id: 'id',
  title: 'title',
  email: 'email',
  name: 'login_name',
  loginname: 'login_name',
};

/** SQL expression of a (possibly sub-) field reference; for multi-valued fields it yields the JSON array. */
function refSql(ctx: SpContext, r: ResolvedRef, inner = false): string {
  const base = inner ? 'je.value' : fieldSql(r.field);
  if (!r.sub || r.sub.toLowerCase() === 'id') return base;
  if (r.field.type_kind === FieldType.User) {
    const col = USER_COLUMNS[r.sub.toLowerCase()];
    if (!col)
      throw badQuery(
        `The property '${r.sub}' of person field '${r.field.internal_name}' cannot be queried (use Id, Title, EMail or Name).`,
      );
    return `(SELECT p.${col} FROM sp_principals p WHERE p.id = ${base})`;
  }
  // A projected field of the lookup's target: only the types lists can project, and only from target items the caller
  // may read (security trimmed; see lookups.ts).
  const target = lookupTarget(ctx, r.field);
  const projected = projectedField(ctx, target, r.sub, `${r.field.internal_name}/${r.sub}`);
  return projectionSql(ctx, target, projected, base);
}

/** The list a lookup field points at. */
export function lookupTarget(ctx: SpContext, f: FieldRow): ListRow {
  const p = fieldProps(f);
  const ref = String(p.LookupListId ?? p.LookupList ?? '');
  const list = listById(ctx.db, ref) ?? listByTitle(ctx.db, ref);
  if (!list)
    throw notFound('-1, System.ArgumentException', `The lookup list of field '${f.internal_name}' does not exist.`);
  return list;
}

const SQL_OPS: Record<CmpOp, string> = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' };
const SWAP: Record<CmpOp, CmpOp> = { eq: 'eq', ne: 'ne', gt: 'lt', ge: 'le', lt: 'gt', le: 'ge' };

/** Literal type check against a referenced field (sub-properties of people are text, ids are numbers). */
function literalFor(r: ResolvedRef, lit: Operand): unknown {
  if (lit.t !== 'lit') throw badQuery('Comparing two fields with each other is not supported by SharePoint.');
  if (r.sub && r.sub.toLowerCase() !== 'id') {
    if (lit.kind === 'null') return null;
    return lit.kind === 'number' ? lit.v : String(lit.v);
  }
  if (r.sub) return filterLiteral({ ...r.field, type_kind: FieldType.Integer }, lit);
  return filterLiteral(r.field, lit);
}

/** Compiles a parsed `$filter` into SQL over alias `i`. */
export function compileFilter(ctx: SpContext, fields: FieldRow[], node: FilterNode, params: unknown[]): string {
  switch (node.t) {
    case 'and':
    case 'or':
      return `(${compileFilter(ctx, fields, node.l, params)} ${node.t.toUpperCase()} ${compileFilter(ctx, fields, node.r, params)})`;
    case 'not':
      return `(NOT ${compileFilter(ctx, fields, node.e, params)})`;
    case 'func': {
      const [a, b] = node.args;
      const fieldArg = node.name === 'substringof' ? b : a;
      const textArg = node.name === 'substringof' ? a : b;
      if (fieldArg.t !== 'field' || textArg.t !== 'lit' || textArg.kind !== 'string') {
        throw badQuery(
          node.name === 'substringof'
            ? `substringof expects a text and a field: substringof('text', Field).`
            : `startswith expects a field and a text: startswith(Field, 'text').`,
        );
      }
      const r = resolveRef(fields, fieldArg.path);
      const text = String(textArg.v).toLowerCase();
      if (isMulti(r.field))
        throw badQuery(`${node.name} cannot be used on the multi-valued field '${r.field.internal_name}'.`);
      const expr = refSql(ctx, r);
      if (node.name === 'substringof') {
        params.push(text);
        return `(instr(lower(${expr}), ?) > 0)`;
      }
      params.push(text.replace(/[\\%_]/g, (c) => `\\${c}`) + '%');
      return `(lower(${expr}) LIKE ? ESCAPE '\\')`;
    }
    case 'cmp': {
      let { op, l, r } = node;
      if (l.t === 'lit' && r.t === 'field') {
        [l, r] = [r, l];
        op = SWAP[op];
      }
      if (l.t !== 'field') throw badQuery('A comparison in $filter needs a field on one side.');
      const ref = resolveRef(fields, (l as FieldRef).path);
      const value = literalFor(ref, r);
      const textual = !ref.sub && isTextual(ref.field);
      const coll = textual ? ' COLLATE NOCASE' : '';
      if (isMulti(ref.field)) {
        const arr = fieldSql(ref.field);
        const innerExpr = refSql(ctx, ref, true);
        if (value === null)
          return op === 'eq'
            ? `(ifnull(json_array_length(${arr}), 0) = 0)`
            : `(ifnull(json_array_length(${arr}), 0) > 0)`;
        if (op !== 'eq' && op !== 'ne')
          throw badQuery(`Only eq and ne can compare the multi-valued field '${ref.field.internal_name}'.`);
        params.push(value);
        const exists = `EXISTS (SELECT 1 FROM json_each(${arr}) je WHERE ${innerExpr} = ?${ref.field.type_kind === FieldType.MultiChoice ? ' COLLATE NOCASE' : ''})`;
        return op === 'eq' ? exists : `(NOT ${exists})`;
      }
      const expr = refSql(ctx, ref);
      if (value === null) {
        if (op === 'eq') return `(${expr} IS NULL)`;
        if (op === 'ne') return `(${expr} IS NOT NULL)`;
        throw badQuery(`null can only be compared with eq or ne (field '${ref.field.internal_name}').`);
      }
      params.push(value);
      if (op === 'ne') return `(${expr} IS NULL OR ${expr} <> ?${coll})`;
      return `(${expr} ${SQL_OPS[op]} ?${coll})`;
    }
  }
}

/** Is this reference answered from a column index (ID, or an indexed column used directly)? */
function isIndexedRef(r: ResolvedRef): boolean {
  if (r.sub && r.sub.toLowerCase() !== 'id') return false;
  return r.field.indexed === 1;
}

/** One `$orderby` term. */
interface OrderTerm {
  ref: ResolvedRef;
  desc: boolean;
}

function parseOrderBy(fields: FieldRow[], text: string | null): OrderTerm[] {
  if (!text || !text.trim()) return [];
  return text.split(',').map((part) => {
    const m = /^\s*([A-Za-z_][\w]*(?:\/[A-Za-z_]\w*)?)\s*(asc|desc)?\s*$/i.exec(part);
    if (!m) throw badQuery(`The $orderby expression '${text}' is not valid near '${part.trim()}'.`);
    const ref = resolveRef(fields, m[1].split('/'), 'orderby');
    if (isMulti(ref.field))
      throw badQuery(`The multi-valued field '${ref.field.internal_name}' cannot be used in $orderby.`);
    return { ref, desc: (m[2] ?? 'asc').toLowerCase() === 'desc' };
  });
}

/** Options that shape an item query. */
export interface ItemQuery {
  filter: string | null;
  orderby: string | null;
  top: string | null;
  skiptoken: string | null;
  /** Extra SQL restricting the rows (e.g. files of one folder), over alias `i`. */
  scopeSql?: string;
  scopeParams?: unknown[];
  /** Security trimming condition over alias `i`. */
  trimSql: string;
  trimParams: unknown[];
  defaultTop?: number;
  /** Draft Item Security for the caller (null: every row shows its current version). */
  drafts?: DraftTrim | null;
}

/** Result page of an item query. */
export interface ItemPage {
  rows: ItemRow[];
  /** Skiptoken for the next page, when there is one. */
  nextSkipToken?: string;
}

/**
 * Runs an item query as SharePoint does: `$filter`, `$orderby` (ID as tie-break), `$top`, paging with
 * `$skiptoken=Paged=TRUE&p_ID=n`, and the list view threshold on lists above `ctx.threshold` items.
 */
export function runItemQuery(ctx: SpContext, list: ListRow, fields: FieldRow[], q: ItemQuery): ItemPage {
  const params: unknown[] = [];
  const where: string[] = ['i.list_pk = ?'];
  params.push(list.pk);
  const filterNode = q.filter && q.filter.trim() ? parseFilter(q.filter) : null;
  let filterSql: string | null = null;
  if (filterNode) {
    const fp: unknown[] = [];
    filterSql = compileFilter(ctx, fields, filterNode, fp);
    where.push(filterSql);
    params.push(...fp);
  }
  const order = parseOrderBy(fields, q.orderby);
  let top = q.defaultTop ?? 100;
  if (q.top !== null && q.top !== undefined) {
    if (!/^\d+$/.test(q.top.trim())) throw badQuery(`The $top value '${q.top}' is not a non-negative integer.`);
    top = Number(q.top);
  }

  // List view threshold (SharePoint Online: 5,000): large lists only answer queries an index can serve.
  const total = itemCount(ctx.db, list.pk);
  if (total > ctx.threshold) {
    if (order.some((o) => !isIndexedRef(o.ref))) throw thresholdExceeded();
    if (top > ctx.threshold) throw thresholdExceeded();
    if (filterNode) {
      const indexed = conjuncts(filterNode).filter((c) =>
        fieldsOf(c).every((f) => isIndexedRef(resolveRef(fields, f.path))),
      );
      if (indexed.length === 0) throw thresholdExceeded();
      const cp: unknown[] = [list.pk];
      const cond = indexed.map((c) => compileFilter(ctx, fields, c, cp)).join(' AND ');
      const n = ctx.db
        .prepare(
          `SELECT count(*) FROM (SELECT 1 FROM sp_items i WHERE i.list_pk = ? AND ${cond} LIMIT ${ctx.threshold + 1})`,
        )
        .pluck()
        .get(...cp) as number;
      if (n > ctx.threshold) throw thresholdExceeded();
    }
  }

  if (q.scopeSql) {
    where.push(q.scopeSql);
    params.push(...(q.scopeParams ?? []));
  }
  where.push(q.trimSql);
  params.push(...q.trimParams);

  // Keyset paging: SharePoint's skiptoken carries the ID (and the sort value) of the last row of the previous page.
  const first = order[0];
  const idOrder = !first || (first.ref.field.internal_name === 'ID' && !first.ref.sub);
  const idDesc = idOrder && !!first?.desc;
  let reverse = false;
  if (q.skiptoken) {
    const tok = new URLSearchParams(q.skiptoken);
    const pid = tok.get('p_ID');
    if (tok.get('Paged')?.toUpperCase() !== 'TRUE' || pid === null || !/^\d+$/.test(pid)) {
      throw badQuery(`The $skiptoken '${q.skiptoken}' is not valid (expected Paged=TRUE&p_ID=<id>).`);
    }
    const lastId = Number(pid);
    reverse = tok.get('PagedPrev')?.toUpperCase() === 'TRUE';
    if (idOrder) {
      where.push(idDesc !== reverse ? 'i.id < ?' : 'i.id > ?');
      params.push(lastId);
    } else {
      const key = `p_${first.ref.field.internal_name}`;
      const raw = tok.has(key) ? tok.get(key) : null;
      const expr = refSql(ctx, first.ref);
      const v =
        raw === null || raw === ''
          ? null
          : first.ref.field.type_kind === FieldType.Number ||
              first.ref.field.type_kind === FieldType.Integer ||
              first.ref.field.type_kind === FieldType.Currency ||
              (first.ref.sub ?? '').toLowerCase() === 'id' ||
              first.ref.field.type_kind === FieldType.User ||
              first.ref.field.type_kind === FieldType.Lookup
            ? Number(raw)
            : raw;
      const coll = isTextual(first.ref.field) && !first.ref.sub ? ' COLLATE NOCASE' : '';
      if (!first.desc) {
        if (v === null) where.push(`(${expr} IS NOT NULL OR i.id > ?)`), params.push(lastId);
        else where.push(`(${expr} > ?${coll} OR (${expr} = ?${coll} AND i.id > ?))`), params.push(v, v, lastId);
      } else if (v === null) {
        where.push(`(${expr} IS NULL AND i.id > ?)`), params.push(lastId);
      } else {
        where.push(`(${expr} < ?${coll} OR ${expr} IS NULL OR (${expr} = ?${coll} AND i.id > ?))`),
          params.push(v, v, lastId);
      }
    }
  }

  const terms = order.map((o) => ({
    expr: refSql(ctx, o.ref),
    coll: isTextual(o.ref.field) && !o.ref.sub ? ' COLLATE NOCASE' : '',
    dir: o.desc !== reverse ? 'DESC' : 'ASC',
  }));
  if (!order.some((o) => o.ref.field.internal_name === 'ID' && !o.ref.sub))
    terms.push({ expr: 'i.id', coll: '', dir: reverse ? 'DESC' : 'ASC' });
  let sql: string;
  let all: unknown[] = params;
  const drafts = q.drafts;
  if (drafts && drafts.snapshots) {
    // Readers see the published version of a draft: union the current rows they may see with the published snapshots
    // of the drafts they may not, so $filter, $orderby and paging evaluate on what each reader sees.
    const cols = ITEM_COLUMNS.map((c) => `i.${c}`).join(', ');
    const keys = terms.map((t, n) => `${t.expr} AS __k${n}`).join(', ');
    const w = where.join(' AND ');
    sql =
      `SELECT ${cols}, 0 AS snapshot, ${keys} FROM sp_items i WHERE ${w} AND (${PUBLIC_SQL} OR ${drafts.seeSql})` +
      ` UNION ALL SELECT ${cols}, 1 AS snapshot, ${keys} FROM (${SNAPSHOT_SOURCE}) i WHERE ${w} AND NOT ${drafts.seeSql}` +
      ` ORDER BY ${terms.map((t, n) => `__k${n}${t.coll} ${t.dir}`).join(', ')} LIMIT ${top + 1}`;
    all = [...params, ...drafts.seeParams, list.pk, ...params, ...drafts.seeParams];
  } else {
    if (drafts) {
      // Drafts never published are absent for readers who may not see them.
      where.push(`(${PUBLIC_SQL} OR ${drafts.seeSql})`);
      params.push(...drafts.seeParams);
    }
    const orderSql = terms.map((t) => `${t.expr}${t.coll} ${t.dir}`);
    sql = `SELECT i.* FROM sp_items i WHERE ${where.join(' AND ')} ORDER BY ${orderSql.join(', ')} LIMIT ${top + 1}`;
  }
  let rows = ctx.db.prepare(sql).all(...all) as (ItemRow & { __k0?: unknown })[];
  const more = rows.length > top;
  if (more) rows = rows.slice(0, top);
  if (reverse) rows.reverse();
  if (!more || rows.length === 0 || reverse) return { rows };
  const last = rows[rows.length - 1];
  const tok = new URLSearchParams();
  tok.set('Paged', 'TRUE');
  if (!idOrder && drafts?.snapshots) {
    const v = last.__k0;
    tok.set(`p_${first.ref.field.internal_name}`, v === null || v === undefined ? '' : String(v));
  } else if (!idOrder) {
    const v = ctx.db
      .prepare(`SELECT ${refSql(ctx, first.ref)} FROM sp_items i WHERE i.list_pk = ? AND i.id = ?`)
      .pluck()
      .get(list.pk, last.id);
    tok.set(`p_${first.ref.field.internal_name}`, v === null || v === undefined ? '' : String(v));
  }
  tok.set('p_ID', String(last.id));
  return { rows, nextSkipToken: tok.toString() };
}

/** REST name of a field for error messages. */
export const nameOf = (f: FieldRow): string => restName(f.internal_name);
