import { badQuery } from './errors';

/** A literal in a `$filter`: string, number, boolean, null or `datetime'…'`. */
export interface Literal {
  t: 'lit';
  kind: 'string' | 'number' | 'bool' | 'null' | 'date';
  v: string | number | boolean | null;
}

/** A field reference, `Title` or `Author/Id`. */
export interface FieldRef {
  t: 'field';
  path: string[];
}

/** A value a comparison or function takes. */
export type Operand = Literal | FieldRef;

/** Comparison operators SharePoint REST supports. */
export type CmpOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

/** Parsed `$filter` expression. */
export type FilterNode =
  | { t: 'and' | 'or'; l: FilterNode; r: FilterNode }
  | { t: 'not'; e: FilterNode }
  | { t: 'cmp'; op: CmpOp; l: Operand; r: Operand }
  | { t: 'func'; name: 'substringof' | 'startswith'; args: Operand[] };

interface Token {
  k: 'ident' | 'string' | 'number' | 'date' | 'punct' | 'end';
  v: string;
  pos: number;
}

const CMP_OPS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const fail = (msg: string): never => {
    throw badQuery(`The $filter expression '${src}' is not valid: ${msg} at position ${i}.`);
  };
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',') {
      out.push({ k: 'punct', v: ch, pos: i });
      i++;
      continue;
    }
    if (ch === "'" || /^datetime'/i.test(src.slice(i)) || /^guid'/i.test(src.slice(i))) {
      const start = i;
      const isDate = /^datetime'/i.test(src.slice(i));
      if (ch !== "'") i = src.indexOf("'", i);
      i++;
      let v = '';
      for (;;) {
        if (i >= src.length) fail('unterminated string literal');
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            v += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += src[i++];
      }
      out.push({ k: isDate ? 'date' : 'string', v, pos: start });
      continue;
    }
    const num = /^-?\d+(\.\d+)?([eE][+-]?\d+)?[mMdDlLfF]?/.exec(src.slice(i));
    if (num) {
      out.push({ k: 'number', v: num[0].replace(/[mMdDlLfF]$/, ''), pos: i });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][\w]*(\/[A-Za-z_][\w]*)*/.exec(src.slice(i));
    if (id) {
      out.push({ k: 'ident', v: id[0], pos: i });
      i += id[0].length;
      continue;
    }
    fail(`unexpected character '${ch}'`);
  }
  out.push({ k: 'end', v: '', pos: src.length });
  return out;
}

/** Parses an OData v3 `$filter` as SharePoint accepts it; malformed input throws a 400 naming the problem. */
export function parseFilter(src: string): FilterNode {
  const toks = tokenize(src);
  let p = 0;
  const peek = (): Token => toks[p];
  const fail = (msg: string, tok: Token = peek()): never => {
    throw badQuery(`The $filter expression '${src}' is not valid: ${msg} at position ${tok.pos}.`);
  };
  const isKw = (t: Token, kw: string): boolean => t.k === 'ident' && t.v.toLowerCase() === kw;
  const expectPunct = (v: string): void => {
    const t = peek();
    if (t.k !== 'punct' || t.v !== v)
      fail(t.k === 'end' ? `expected '${v}' but the expression ended` : `expected '${v}' but found '${t.v}'`);
    p++;
  };

  function operand(): Operand {
    const t = peek();
    switch (t.k) {
      case 'string':
        p++;
        return { t: 'lit', kind: 'string', v: t.v };
      case 'date':
        p++;
        if (Number.isNaN(Date.parse(t.v))) fail(`'${t.v}' is not a valid datetime`, t);
        return { t: 'lit', kind: 'date', v: t.v };
      case 'number':
        p++;
        return { t: 'lit', kind: 'number', v: Number(t.v) };
      case 'ident': {
        const lower = t.v.toLowerCase();
        if (lower === 'null') {
          p++;
          return { t: 'lit', kind: 'null', v: null };
        }
        if (lower === 'true' || lower === 'false') {
          p++;
          return { t: 'lit', kind: 'bool', v: lower === 'true' };
        }
        if (CMP_OPS.has(lower) || lower === 'and' || lower === 'or' || lower === 'not')
          fail(`expected a field or value but found '${t.v}'`);
        p++;
        return { t: 'field', path: t.v.split('/') };
      }
      default:
        return fail(
          t.k === 'end'
            ? 'expected a field or value but the expression ended'
            : `expected a field or value but found '${t.v}'`,
        );
    }
  }

  function primary(): FilterNode {
    const t = peek();
    if (t.k === 'punct' && t.v === '(') {
      p++;
      const e = orExpr();
      expectPunct(')');
      return e;
    }
    if (t.k === 'ident' && toks[p + 1]?.k === 'punct' && toks[p + 1].v === '(') {
      const name = t.v.toLowerCase();
      if (name !== 'substringof' && name !== 'startswith') fail(`the function '${t.v}' is not supported`);
      p += 2;
      const args = [operand()];
      expectPunct(',');
      args.push(operand());
      expectPunct(')');
      const fn: FilterNode = { t: 'func', name: name as 'substringof' | 'startswith', args };
      // `substringof('x', Title) eq true` is the long form of the same predicate.
      if (isKw(peek(), 'eq') && toks[p + 1]?.k === 'ident' && toks[p + 1].v.toLowerCase() === 'true') p += 2;
      return fn;
    }
    const l = operand();
    const opTok = peek();
    if (opTok.k !== 'ident' || !CMP_OPS.has(opTok.v.toLowerCase())) {
      fail(
        opTok.k === 'end'
          ? `expected a comparison operator after '${src.slice(t.pos, opTok.pos).trim()}'`
          : `expected a comparison operator but found '${opTok.v}'`,
        opTok,
      );
    }
    p++;
    const r = operand();
    return { t: 'cmp', op: opTok.v.toLowerCase() as CmpOp, l, r };
  }

  function notExpr(): FilterNode {
    if (isKw(peek(), 'not')) {
      p++;
      return { t: 'not', e: notExpr() };
    }
    return primary();
  }
  function andExpr(): FilterNode {
    let l = notExpr();
    while (isKw(peek(), 'and')) {
      p++;
      l = { t: 'and', l, r: notExpr() };
    }
    return l;
  }
  function orExpr(): FilterNode {
    let l = andExpr();
    while (isKw(peek(), 'or')) {
      p++;
      l = { t: 'or', l, r: andExpr() };
    }
    return l;
  }

  if (src.trim().length === 0) throw badQuery('The $filter expression is empty.');
  const tree = orExpr();
  if (peek().k !== 'end') fail(`unexpected '${peek().v}'`);
  return tree;
}

/** Every field path the expression references. */
export function fieldsOf(node: FilterNode): FieldRef[] {
  const ops = (o: Operand[]): FieldRef[] => o.filter((x): x is FieldRef => x.t === 'field');
  switch (node.t) {
    case 'and':
    case 'or':
      return [...fieldsOf(node.l), ...fieldsOf(node.r)];
    case 'not':
      return fieldsOf(node.e);
    case 'cmp':
      return ops([node.l, node.r]);
    case 'func':
      return ops(node.args);
  }
}

/** The top-level `and` conjuncts of an expression. */
export function conjuncts(node: FilterNode): FilterNode[] {
  return node.t === 'and' ? [...conjuncts(node.l), ...conjuncts(node.r)] : [node];
}
