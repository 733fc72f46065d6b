/** Small CAML builders for view queries, escaping values so a configured label never breaks the XML. */

/** Escapes text for use inside CAML XML. */
export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** `<Eq>` on a field with a literal value. */
export function eq(field: string, type: string, value: string): string {
  return `<Eq><FieldRef Name='${field}'/><Value Type='${type}'>${xmlEscape(value)}</Value></Eq>`;
}

/** A comparison with inner value XML (e.g. `<Today/>`, `<UserID/>`) that is not escaped. */
export function cmp(
  op: 'Eq' | 'Neq' | 'Lt' | 'Leq' | 'Gt' | 'Geq',
  field: string,
  type: string,
  valueXml: string,
  lookupId = false,
): string {
  const ref = lookupId ? `<FieldRef Name='${field}' LookupId='TRUE'/>` : `<FieldRef Name='${field}'/>`;
  return `<${op}>${ref}<Value Type='${type}'>${valueXml}</Value></${op}>`;
}

/** Nests conditions pairwise, as CAML requires exactly two children per `<And>`/`<Or>`. */
function nest(op: 'And' | 'Or', parts: readonly string[]): string {
  if (parts.length === 0) throw new Error(`CAML <${op}> needs at least one condition`);
  return parts.reduce((acc, part) => `<${op}>${acc}${part}</${op}>`);
}

/** `<And>` of one or more conditions. */
export function and(...parts: string[]): string {
  return nest('And', parts);
}

/** `<Or>` of one or more conditions. */
export function or(...parts: string[]): string {
  return nest('Or', parts);
}

/** Equality on any of several values of one field (an `<Or>` of `<Eq>`s on the same indexed column). */
export function anyOf(field: string, type: string, values: readonly string[]): string {
  return or(...values.map((v) => eq(field, type, v)));
}

/** `<Where>` wrapper. */
export function where(condition: string): string {
  return `<Where>${condition}</Where>`;
}

/** `<OrderBy>` on one or more fields. */
export function orderBy(...fields: Array<[string, boolean]>): string {
  return `<OrderBy>${fields.map(([f, asc]) => `<FieldRef Name='${f}' Ascending='${asc ? 'TRUE' : 'FALSE'}'/>`).join('')}</OrderBy>`;
}

/** `<GroupBy>` on one field, collapsed. */
export function groupBy(field: string, ascending: boolean): string {
  return `<GroupBy Collapse='TRUE' GroupLimit='30'><FieldRef Name='${field}' Ascending='${ascending ? 'TRUE' : 'FALSE'}'/></GroupBy>`;
}
