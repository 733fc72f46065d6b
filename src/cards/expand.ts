/**
 * Expands the product's Adaptive Card templates (src/cards/templates) with data: `${name}` / `${a.b}` bindings and
 * `$data` repetition over arrays, the subset of Adaptive Card Templating those templates use.
 *
 * Why not `adaptivecards-templating` at run time: its expression engine (adaptive-expressions 4.23, browser build)
 * bundles an `assert` shim that is not callable, so `Template.expand` throws "assert is not a function" in every
 * browser (the product builds cards in the browser: SPFx, Teams, workbench). test/cards/expand.test.ts checks that this
 * expander gives exactly the library's output (run in Node, where the library works) for every template.
 * Anything else (functions, operators, `$when`) is refused with an error naming the expression, never guessed.
 */

/** JSON value of a template or its data. */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const BINDING = /\$\{([^}]*)\}/g;
const PATH = /^\s*(\$root\.)?([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*$/;

/** Resolves a binding path in the current scope (or `$root.`) ; undefined when absent. */
function resolve(expr: string, scope: Json, root: Json): Json | undefined {
  const m = PATH.exec(expr);
  if (!m) throw new Error(`card template: unsupported expression '\${${expr}}' (only names and dotted paths)`);
  let value: Json | undefined = m[1] ? root : scope;
  for (const part of m[2].split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = Object.prototype.hasOwnProperty.call(value, part) ? value[part] : undefined;
  }
  return value;
}

/** A string: a lone binding keeps the value's type; bindings inside text become text; absent values stay as written. */
function expandString(text: string, scope: Json, root: Json): Json {
  const lone = /^\$\{([^}]*)\}$/.exec(text);
  if (lone) {
    const value = resolve(lone[1], scope, root);
    return value === undefined ? text : value;
  }
  return text.replace(BINDING, (whole, expr: string) => {
    const value = resolve(expr, scope, root);
    return value === undefined ? whole : typeof value === 'string' ? value : JSON.stringify(value);
  });
}

/** Expands one node; an object with `$data` bound to an array becomes one copy per element (spliced by the caller). */
function expandNode(node: Json, scope: Json, root: Json): Json[] | Json {
  if (typeof node === 'string') return expandString(node, scope, root);
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.flatMap((n) => toList(expandNode(n, scope, root), n));
  if ('$when' in node) throw new Error("card template: '$when' is not supported");
  if ('$data' in node) {
    const { $data, ...rest } = node;
    const bound = typeof $data === 'string' ? expandString($data, scope, root) : $data;
    const scopes = Array.isArray(bound) ? bound : [bound];
    return scopes.map((s) => expandObject(rest, s, root));
  }
  return expandObject(node, scope, root);
}

function expandObject(node: { [key: string]: Json }, scope: Json, root: Json): Json {
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    const expanded = expandNode(value, scope, root);
    // `$data` under a property that is not an array yields the first copy (the library does the same).
    out[key] = isRepeated(value) ? ((expanded as Json[])[0] ?? null) : (expanded as Json);
  }
  return out;
}

function isRepeated(node: Json): boolean {
  return node !== null && typeof node === 'object' && !Array.isArray(node) && '$data' in node;
}

function toList(expanded: Json[] | Json, source: Json): Json[] {
  return isRepeated(source) ? (expanded as Json[]) : [expanded as Json];
}

/** Expands `template` with `data` (the `$root`); the template is not modified. */
export function expandCardTemplate<T>(template: unknown, data: unknown): T {
  const root = JSON.parse(JSON.stringify(data)) as Json;
  return expandNode(JSON.parse(JSON.stringify(template)) as Json, root, root) as T;
}
