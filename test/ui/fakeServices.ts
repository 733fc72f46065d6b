import { readFileSync } from 'fs';
import { join } from 'path';
import { loadAgreement } from '../../src/domain/agreement/load';
import type { AgreementConfig } from '../../src/domain/agreement/schema';
import type { DocumentQuery, ExchangeDocument, Page, Services, SiteUser, UserProfile } from '../../src/ports';

/** The shipped IGJ–CIBG configuration, validated by the real loader (a broken file fails the UI tests too). */
export function igjCibg(): AgreementConfig {
  const result = loadAgreement(JSON.parse(readFileSync(join(__dirname, '../../config/agreements/igj-cibg.json'), 'utf8')));
  if (!result.ok) throw new Error(`igj-cibg.json does not load: ${JSON.stringify(result.errors)}`);
  return result.config;
}

/** A user profile as the Directory port returns it. */
export function profile(over: Partial<UserProfile> = {}): UserProfile {
  return {
    id: 'u1',
    displayName: 'Sanne de Vries',
    email: 'sanne.devries@igj.example',
    jobTitle: 'Inspecteur',
    businessPhone: null,
    mobilePhone: null,
    party: 'igj',
    ...over,
  };
}

/** A document as the DocumentStore port returns it. */
export function doc(over: Partial<ExchangeDocument> & { id: number; name: string }): ExchangeDocument {
  return {
    serverRelativeUrl: `/sites/samenwerkingsruimte/Uitwisseling/${over.name}`,
    toetsstatus: 'Toegestaan',
    categories: [],
    confidential: false,
    created: '2025-11-01T10:00:00Z',
    modified: '2025-11-02T10:00:00Z',
    etag: '"1"',
    ...over,
  };
}

/** An error shaped like PnPjs's HttpRequestError (it carries the HTTP status). */
export function httpError(status: number, message = `HTTP ${status}`): Error & { status: number } {
  return Object.assign(new Error(message), { status });
}

/** Fakes of the ports the Overzicht tab uses. */
export interface OverviewFakes {
  config?: AgreementConfig;
  currentUser?: () => Promise<UserProfile>;
  list?: (q: DocumentQuery) => Promise<Page<ExchangeDocument>>;
  /** The site user (SiteDirectory), for components that ask who is in the space's groups. */
  siteUser?: SiteUser;
}

/** A member of the space, in the IGJ staff group. */
export function staffUser(over: Partial<SiteUser> = {}): SiteUser {
  return {
    id: 7,
    loginName: 'i:0#.f|membership|sanne.devries@igj.example',
    displayName: 'Sanne de Vries',
    email: 'sanne.devries@igj.example',
    isSiteAdmin: false,
    groups: ['IGJ Medewerkers'],
    groupKeys: ['igj-medewerkers'],
    party: 'igj',
    ...over,
  };
}

/**
 * A Services bundle with the given fakes; touching any other port throws, so a component that starts using a port
 * its test did not expect fails loudly instead of silently getting undefined.
 */
export function fakeServices(f: OverviewFakes): Services & { calls: DocumentQuery[] } {
  const calls: DocumentQuery[] = [];
  const known: Record<string, unknown> = {
    config: f.config ?? igjCibg(),
    directory: { currentUser: f.currentUser ?? (async () => profile()) },
    ...(f.siteUser ? { site: { currentUser: async () => f.siteUser, groupMembers: async () => [] } } : {}),
    documents: {
      list: async (q: DocumentQuery) => {
        calls.push(q);
        return f.list ? f.list(q) : { items: [] };
      },
    },
    calls,
  };
  return new Proxy(known, {
    get(target, prop) {
      if (typeof prop === 'string' && prop in target) return target[prop];
      if (prop === 'then' || typeof prop === 'symbol') return undefined;
      throw new Error(`the test did not fake services.${String(prop)}`);
    },
  }) as unknown as Services & { calls: DocumentQuery[] };
}
