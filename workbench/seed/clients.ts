/**
 * PnPjs and Graph clients for one demo identity in Node (seed, tests): the product's own PnPjs preset (SPBrowser) plus
 * a header behaviour carrying the identity, as the browser page carries it in the EmuAuth cookie.
 */
import { Client } from '@microsoft/microsoft-graph-client';
import { combine, dateAdd, type TimelinePipe } from '@pnp/core';
import { InjectHeaders, JSONParse, type IQueryableInternal, type Queryable } from '@pnp/queryable';
import { BatchNever } from '@pnp/sp/batching';
import { extractWebUrl, spfi, SPBrowser, spPost, SPQueryable, type ISPQueryable, type SPFI } from '@pnp/sp';
import type { GraphClientLike } from '../../src/adapters/graph';

/** Header the emulator reads the identity from in Node requests. */
export const IDENTITY_HEADER = 'X-Emulator-User';

/**
 * A form digest per identity. PnPjs caches digests per web URL for the whole process, which is right in a browser
 * (one user per page) but would hand one identity's digest to another in a Node process that acts as several users;
 * SharePoint refuses that (403), so each identity gets its own digest before PnPjs's RequestDigest looks.
 */
function PerIdentityDigest(): TimelinePipe<Queryable> {
  const cache = new Map<string, { value: string; expiration: Date }>();
  return (instance: Queryable) => {
    instance.on.pre.prepend(async function (
      this: IQueryableInternal,
      url: string,
      init: RequestInit,
      result: unknown,
    ): Promise<[string, RequestInit, unknown]> {
      const headers = (init.headers ?? {}) as Record<string, string>;
      if (/get/i.test(init.method ?? 'GET') || headers['X-PnPjs-NoDigest'] || headers['X-RequestDigest']) {
        return [url, init, result];
      }
      const webUrl = extractWebUrl(url);
      let digest = cache.get(webUrl);
      if (digest === undefined || digest.expiration < new Date()) {
        const info: { FormDigestValue: string; FormDigestTimeoutSeconds: number } = await spPost(
          SPQueryable([this as unknown as ISPQueryable, combine(webUrl, '_api/contextinfo')]).using(
            JSONParse(),
            BatchNever(),
          ),
          { headers: { Accept: 'application/json', 'X-PnPjs-NoDigest': '1' } },
        );
        const fresh = {
          value: info.FormDigestValue,
          expiration: dateAdd(new Date(), 'second', info.FormDigestTimeoutSeconds - 60) ?? new Date(),
        };
        cache.set(webUrl, fresh);
        digest = fresh;
      }
      init.headers = { ...headers, 'X-RequestDigest': digest.value };
      return [url, init, result];
    });
    return instance;
  };
}

/** PnPjs for a site as one demo user (`beheerder` is the site collection admin). */
export function spForUser(siteUrl: string, userKey: string): SPFI {
  return spfi(siteUrl).using(
    SPBrowser({ baseUrl: siteUrl }),
    InjectHeaders({ [IDENTITY_HEADER]: userKey }),
    PerIdentityDigest(),
  );
}

/** The Graph client (as SPFx's MSGraphClientV3 is) pointed at the emulator's `/v1.0` as one demo user. */
export function graphForUser(origin: string, userKey: string): GraphClientLike & Client {
  return Client.init({
    baseUrl: `${origin.replace(/\/$/, '')}/`,
    defaultVersion: 'v1.0',
    // The Graph client sends Authorization only over https; the emulator identifies by header instead.
    authProvider: (done) => done(null, 'emulator'),
    fetchOptions: { headers: { [IDENTITY_HEADER]: userKey } },
  });
}
