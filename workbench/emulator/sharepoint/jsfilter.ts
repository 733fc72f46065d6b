import { badQuery } from './errors';
import { parseFilter, type FilterNode, type Operand } from './odata';

/**
 * Evaluates a `$filter` against plain JSON objects, for the small collections (lists, fields, groups, users, views)
 * that SharePoint filters server-side. Unknown properties get a 400 naming them.
 */
export function filterObjects<T extends Record<string, unknown>>(rows: T[], filter: string | null): T[] {
  if (!filter || !filter.trim()) return rows;
  const node = parseFilter(filter);
  return rows.filter((r) => evaluate(node, r));
}

function value(o: Operand, row: Record<string, unknown>): unknown {
  if (o.t === 'lit') return o.v;
  let cur: unknown = row;
  for (const p of o.path) {
    if (!cur || typeof cur !== 'object') return null;
    const key = Object.keys(cur as object).find((k) => k.toLowerCase() === p.toLowerCase());
    if (key === undefined) throw badQuery(`The field or property '${o.path.join('/')}' does not exist.`);
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function cmp(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string')
    return a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
  const x = typeof a === 'boolean' ? Number(a) : a;
  const y = typeof b === 'boolean' ? Number(b) : b;
  return (x as number) < (y as number) ? -1 : (x as number) > (y as number) ? 1 : 0;
}

function evaluate(n: FilterNode, row: Record<string, unknown>): boolean {
  switch (n.t) {
    case 'and':
      return evaluate(n.l, row) && evaluate(n.r, row);
    case 'or':
      return evaluate(n.l, row) || evaluate(n.r, row);
    case 'not':
      return !evaluate(n.e, row);
    case 'func': {
      const [a, b] = n.args.map((x) => String(value(x, row) ?? '').toLowerCase());
      return n.name === 'substringof' ? b.includes(a) : a.startsWith(b);
    }
    case 'cmp': {
      const a = value(n.l, row);
      const b = value(n.r, row);
      if (a === null || a === undefined || b === null) {
        const eq = (a ?? null) === (b ?? null);
        return n.op === 'eq' ? eq : n.op === 'ne' ? !eq : false;
      }
      const c = cmp(a, b);
      return { eq: c === 0, ne: c !== 0, gt: c > 0, ge: c >= 0, lt: c < 0, le: c <= 0 }[n.op];
    }
  }
}

/**
 * Applies `$filter`, `$orderby` and `$top` to a small collection (lists, fields, groups, users, views, custom
 * actions), as SharePoint does server-side.
 */
export function shapeObjects<T extends Record<string, unknown>>(rows: T[], q: URLSearchParams): T[] {
  let out = filterObjects(rows, q.get('$filter'));
  const orderby = q.get('$orderby');
  if (orderby && orderby.trim()) {
    const terms = orderby.split(',').map((t) => {
      const m = /^\s*([A-Za-z_][\w]*)\s*(asc|desc)?\s*$/i.exec(t);
      if (!m) throw badQuery(`The $orderby expression '${orderby}' is not valid near '${t.trim()}'.`);
      return { key: m[1], desc: (m[2] ?? '').toLowerCase() === 'desc' };
    });
    out = out.slice().sort((a, b) => {
      for (const t of terms) {
        const c = cmp(value({ t: 'field', path: [t.key] }, a), value({ t: 'field', path: [t.key] }, b));
        if (c !== 0) return t.desc ? -c : c;
      }
      return 0;
    });
  }
  const top = q.get('$top');
  if (top !== null) {
    if (!/^\d+$/.test(top.trim())) throw badQuery(`The $top value '${top}' is not a non-negative integer.`);
    out = out.slice(0, Number(top));
  }
  return out;
}
