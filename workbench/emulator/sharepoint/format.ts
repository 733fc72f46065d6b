import type { EmulatorResponse } from '../types';
import type { SpContext } from './context';

const MINIMAL = 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8';
const VERBOSE = 'application/json;odata=verbose;charset=utf-8';

/** Converts a minimal-metadata entity (`odata.type`, `odata.id`, `odata.etag`) to verbose form with `__metadata`. */
export function toVerbose(entity: Record<string, unknown>): Record<string, unknown> {
  if ('__metadata' in entity) return entity;
  const out: Record<string, unknown> = {};
  const meta: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entity)) {
    if (k === 'odata.type') meta.type = v;
    else if (k === 'odata.id') {
      meta.id = v;
      meta.uri = v;
    } else if (k === 'odata.etag') meta.etag = v;
    else if (k === 'odata.editLink' || k === 'odata.metadata') continue;
    else if (Array.isArray(v))
      out[k] = { results: v.map((x) => (x && typeof x === 'object' ? toVerbose(x as Record<string, unknown>) : x)) };
    else if (v && typeof v === 'object' && 'odata.type' in (v as object))
      out[k] = toVerbose(v as Record<string, unknown>);
    else out[k] = v;
  }
  return Object.keys(meta).length ? { __metadata: meta, ...out } : out;
}

/** An entity answer (200 unless told), honouring `$select` on top-level properties. */
export function entity(
  ctx: SpContext,
  body: Record<string, unknown>,
  opts: { status?: number; select?: string | null; etag?: string } = {},
): EmulatorResponse {
  let shaped = body;
  if (opts.select) shaped = project(body, opts.select);
  const headers: Record<string, string> = { 'content-type': ctx.verbose ? VERBOSE : MINIMAL };
  if (opts.etag) headers.etag = opts.etag;
  return {
    status: opts.status ?? 200,
    headers,
    body: ctx.verbose ? { d: toVerbose(shaped) } : { 'odata.metadata': `${ctx.webUrl}/_api/$metadata`, ...shaped },
  };
}

/** A collection answer with an optional next link (`odata.nextLink`, or `__next` in verbose). */
export function collection(
  ctx: SpContext,
  values: Record<string, unknown>[],
  opts: { nextLink?: string; select?: string | null } = {},
): EmulatorResponse {
  const shaped = opts.select ? values.map((v) => project(v, opts.select!)) : values;
  if (ctx.verbose) {
    const d: Record<string, unknown> = { results: shaped.map(toVerbose) };
    if (opts.nextLink) d.__next = opts.nextLink;
    return { status: 200, headers: { 'content-type': VERBOSE }, body: { d } };
  }
  const body: Record<string, unknown> = { 'odata.metadata': `${ctx.webUrl}/_api/$metadata`, value: shaped };
  if (opts.nextLink) body['odata.nextLink'] = opts.nextLink;
  return { status: 200, headers: { 'content-type': MINIMAL }, body };
}

/** A primitive answer, `{"value": …}` (verbose: `{"d":{"Name": …}}`). */
export function primitive(ctx: SpContext, name: string, value: unknown): EmulatorResponse {
  return ctx.verbose
    ? { status: 200, headers: { 'content-type': VERBOSE }, body: { d: { [name]: value } } }
    : {
        status: 200,
        headers: { 'content-type': MINIMAL },
        body: {
          'odata.metadata': `${ctx.webUrl}/_api/$metadata#Edm.${typeof value === 'number' ? 'Int32' : 'String'}`,
          value,
        },
      };
}

/** 204 No Content, with an ETag when the object has one. */
export function noContent(etag?: string): EmulatorResponse {
  return { status: 204, headers: etag ? { etag } : {} };
}

/** 200 with an empty body (what SharePoint answers to DELETE and most void POSTs). */
export function emptyOk(): EmulatorResponse {
  return { status: 200, headers: { 'content-type': MINIMAL }, body: '' };
}

/** Keeps the `odata.*` keys and the selected properties (first path segment) of an entity. */
export function project(body: Record<string, unknown>, select: string): Record<string, unknown> {
  const paths = select
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (paths.includes('*')) return body;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k.startsWith('odata.') || k === '__metadata') {
      out[k] = v;
      continue;
    }
    const mine = paths.filter((p) => p.split('/')[0].toLowerCase() === k.toLowerCase());
    if (!mine.length) continue;
    const subs = mine.map((p) => p.split('/').slice(1).join('/')).filter(Boolean);
    if (!subs.length || mine.some((p) => !p.includes('/'))) out[k] = v;
    else if (Array.isArray(v))
      out[k] = v.map((x) => (x && typeof x === 'object' ? project(x as Record<string, unknown>, subs.join(',')) : x));
    else if (v && typeof v === 'object') out[k] = project(v as Record<string, unknown>, subs.join(','));
    else out[k] = v;
  }
  return out;
}
