/**
 * Single-value extended properties on messages, as Graph documents them:
 * - id formats "{type} {guid} Name {name}", "{type} {guid} Id {id}" and "{type} {proptag}" (Outlook extended
 *   properties overview, https://learn.microsoft.com/en-us/graph/api/resources/extended-properties-overview);
 * - created "in a new resource instance" by including `singleValueExtendedProperties` in the request that creates it
 *   (https://learn.microsoft.com/en-us/graph/api/singlevaluelegacyextendedproperty-post-singlevalueextendedproperties);
 * - found with `$filter=singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…')`: the Name part of the
 *   id compares case-sensitively, the value case-insensitively, and the matching messages come back without the
 *   property (https://learn.microsoft.com/en-us/graph/api/singlevaluelegacyextendedproperty-get).
 */
import { GraphValidationError, invalid } from './errors';
import { isObject } from './json';

/** A stored single-value extended property. */
export interface ExtendedProperty {
  id: string;
  value: string;
}

/** The MAPI property types Graph names in extended property ids (single-value). */
const TYPES = ['String', 'Integer', 'Long', 'Boolean', 'SystemTime', 'Binary', 'Double', 'Float', 'Short', 'CLSID', 'Currency', 'ApplicationTime', 'Null', 'Object', 'Error'];

/** A parsed id: type, namespace GUID (lower case) or proptag, and the name or numeric id. */
interface ParsedId {
  type: string;
  guid?: string;
  name?: string;
  numeric?: number;
  proptag?: number;
}

const NAMED = /^(\w+)\s+\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?\s+(Name|Id)\s+(.+)$/i;
const PROPTAG = /^(\w+)\s+(0x[0-9a-f]{1,8})$/i;

/** Parses an extended property id; null when it follows none of the documented formats. */
export function parsePropertyId(id: string): ParsedId | null {
  const trimmed = id.trim();
  let m = NAMED.exec(trimmed);
  if (m) {
    const type = TYPES.find((t) => t.toLowerCase() === m![1].toLowerCase());
    if (!type) return null;
    if (m[3].toLowerCase() === 'name') return { type, guid: m[2].toLowerCase(), name: m[4] };
    const numeric = Number(m[4]);
    return Number.isInteger(numeric) ? { type, guid: m[2].toLowerCase(), numeric } : null;
  }
  m = PROPTAG.exec(trimmed);
  if (m) {
    const type = TYPES.find((t) => t.toLowerCase() === m![1].toLowerCase());
    return type ? { type, proptag: Number(m[2]) } : null;
  }
  return null;
}

/** Two ids name the same property: type and GUID case-insensitively, the string Name case-sensitively. */
export function samePropertyId(a: ParsedId, b: ParsedId): boolean {
  return (
    a.type === b.type &&
    a.guid === b.guid &&
    a.name === b.name &&
    a.numeric === b.numeric &&
    a.proptag === b.proptag
  );
}

/** Validates `message.singleValueExtendedProperties` of a create request; 400 naming the property when malformed. */
export function parseExtendedProperties(value: unknown, field: string): ExtendedProperty[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) invalid(field, 'must be an array of singleValueLegacyExtendedProperty.');
  return value.map((p: unknown, i: number) => {
    const at = `${field}[${i}]`;
    if (!isObject(p)) invalid(at, 'must be an object with id and value.');
    if (typeof p.id !== 'string' || !parsePropertyId(p.id))
      invalid(`${at}.id`, `'${String(p.id)}' is not an extended property id ("{type} {guid} Name {name}", "{type} {guid} Id {id}" or "{type} {proptag}").`);
    if (typeof p.value !== 'string') invalid(`${at}.value`, 'is required (a string).');
    return { id: p.id, value: p.value };
  });
}

/** `singleValueExtendedProperties/Any(x: x/id eq '…' and x/value eq '…')`, the one filter form implemented. */
const ANY_EQ =
  /^\s*singleValueExtendedProperties\/any\(\s*([a-z_]\w*)\s*:\s*\1\/id\s+eq\s+'((?:[^']|'')*)'\s+and\s+\1\/value\s+eq\s+'((?:[^']|'')*)'\s*\)\s*$/i;

/** A parsed extended-property filter. */
export interface ExtendedPropertyFilter {
  id: ParsedId;
  value: string;
}

/**
 * Parses the filter; null when it is another form (the caller answers 501: Graph supports more, the emulator does not
 * model it). A malformed property id is Graph's 400.
 */
export function parseExtendedPropertyFilter(filter: string): ExtendedPropertyFilter | null {
  const m = ANY_EQ.exec(filter);
  if (!m) return null;
  const rawId = m[2].replace(/''/g, "'");
  const id = parsePropertyId(rawId);
  if (!id) throw new GraphValidationError(`'${rawId}' is not a valid extended property id.`, 'ErrorInvalidProperty');
  return { id, value: m[3].replace(/''/g, "'") };
}

/** True when a stored message has the property with the value (value compared case-insensitively, as Graph does). */
export function matchesFilter(stored: unknown, f: ExtendedPropertyFilter): boolean {
  if (!Array.isArray(stored)) return false;
  return stored.some((p: unknown) => {
    if (!isObject(p) || typeof p.id !== 'string' || typeof p.value !== 'string') return false;
    const id = parsePropertyId(p.id);
    return !!id && samePropertyId(id, f.id) && p.value.toLowerCase() === f.value.toLowerCase();
  });
}
