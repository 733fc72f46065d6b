/**
 * PnPjs and Graph clients for one demo identity in Node (seed, tests): the product's own PnPjs preset (SPBrowser) plus
 * a header behaviour carrying the identity, as the browser page carries it in the EmuAuth cookie.
 */
import { Client } from '@microsoft/microsoft-graph-client';
import { InjectHeaders } from '@pnp/queryable';
import { spfi, SPBrowser, type SPFI } from '@pnp/sp';
import type { GraphClientLike } from '../../src/adapters/graph';

/** Header the emulator reads the identity from in Node requests. */
export const IDENTITY_HEADER = 'X-Emulator-User';

/** PnPjs for a site as one demo user (`beheerder` is the site collection admin). */
export function spForUser(siteUrl: string, userKey: string): SPFI {
  return spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl }), InjectHeaders({ [IDENTITY_HEADER]: userKey }));
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
