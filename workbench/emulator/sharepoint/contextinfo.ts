import type { EmulatorResponse } from '../types';
import { notImplemented } from './errors';
import { type SpContext, SITE_PATH } from './context';
import { entity } from './format';
import { DIGEST_TIMEOUT_SECONDS, makeDigest } from './digest';
import { webMeta } from './store';
import type { SpCall } from './nodes';

/** `POST /_api/contextinfo`: answered top-level (PnPjs reads FormDigestValue from the root object). */
export function contextInfo(ctx: SpContext, call: SpCall): EmulatorResponse {
  if (call.method !== 'POST') throw notImplemented(call.method, call.path);
  const body = {
    'odata.metadata': `${ctx.webUrl}/_api/$metadata#SP.ContextWebInformation`,
    FormDigestTimeoutSeconds: DIGEST_TIMEOUT_SECONDS,
    FormDigestValue: makeDigest(ctx.db, ctx.user.loginName, ctx.now()),
    LibraryVersion: '16.0.25000.12003',
    SiteFullUrl: ctx.webUrl,
    SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0'],
    WebFullUrl: ctx.webUrl,
  };
  if (ctx.verbose) {
    const { 'odata.metadata': _m, ...rest } = body;
    return {
      status: 200,
      headers: { 'content-type': 'application/json;odata=verbose;charset=utf-8' },
      body: {
        d: {
          GetContextWebInformation: {
            __metadata: { type: 'SP.ContextWebInformation' },
            ...rest,
            SupportedSchemaVersions: { results: rest.SupportedSchemaVersions },
          },
        },
      },
    };
  }
  return {
    status: 200,
    headers: { 'content-type': 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8' },
    body,
  };
}

/** `_api/site`: the site collection object (read only). */
export function siteRoute(ctx: SpContext, call: SpCall): EmulatorResponse {
  if (call.segments.length === 1 && call.method === 'GET') {
    return entity(
      ctx,
      {
        'odata.type': 'SP.Site',
        'odata.id': `${ctx.webUrl}/_api/site`,
        'odata.editLink': 'site',
        Id: webMeta(ctx.db, 'site_id'),
        ServerRelativeUrl: SITE_PATH,
        Url: ctx.webUrl,
        ReadOnly: false,
      },
      { select: call.query.get('$select') },
    );
  }
  throw notImplemented(call.method, call.path);
}
