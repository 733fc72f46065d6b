import type { EmulatorRequest } from '../types';
import { GraphValidationError } from './errors';

/** How a Graph collection pages: its default and largest page size, and which query option its nextLink carries. */
export interface PagingRule {
  defaultTop: number;
  maxTop: number;
  /** Events page with `$skip`; channel messages with an opaque `$skiptoken`. */
  cursor: '$skip' | '$skiptoken';
}

/**
 * One page of a collection as Graph answers it: `value`, plus an absolute `@odata.nextLink` while more remain
 * (clients follow it verbatim).
 */
export function pageOf<T>(
  items: T[],
  req: EmulatorRequest,
  rule: PagingRule,
  context: string,
): Record<string, unknown> {
  const top = parseCount(req.query.get('$top'), '$top', rule.defaultTop, 1, rule.maxTop);
  const offset =
    rule.cursor === '$skip'
      ? parseCount(req.query.get('$skip'), '$skip', 0, 0, Number.MAX_SAFE_INTEGER)
      : decodeToken(req.query.get('$skiptoken'));
  const body: Record<string, unknown> = { '@odata.context': context, value: items.slice(offset, offset + top) };
  if (offset + top < items.length) {
    const next = new URLSearchParams(req.query);
    next.set('$top', String(top));
    next.set(rule.cursor, rule.cursor === '$skip' ? String(offset + top) : encodeToken(offset + top));
    body['@odata.nextLink'] = `${req.origin}${req.path}?${next.toString()}`;
  }
  return body;
}

function parseCount(raw: string | null, name: string, fallback: number, min: number, max: number): number {
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) {
    throw new GraphValidationError(
      `Invalid value '${raw}' for query option ${name}: expected ${min}…${max}.`,
      'BadRequest',
    );
  }
  return n;
}

function encodeToken(offset: number): string {
  return Buffer.from(`emu-offset:${offset}`).toString('base64url');
}

function decodeToken(raw: string | null): number {
  if (raw === null) return 0;
  const m = /^emu-offset:(\d+)$/.exec(Buffer.from(raw, 'base64url').toString('utf8'));
  if (!m) throw new GraphValidationError(`The $skiptoken '${raw}' is not valid.`, 'BadRequest');
  return Number(m[1]);
}
