import type { Directory, DirectoryPerson, PartyDomains, UserProfile } from '../../ports/directory';
import { callGraph, type GraphCallOptions, type GraphClientLike } from './client';
import { partyKeyForExactDomain } from '../../domain/agreement/queries';

interface GraphUser {
  id?: string;
  displayName?: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
  jobTitle?: string | null;
  businessPhones?: string[] | null;
  mobilePhone?: string | null;
}

const SELECT = 'id,displayName,mail,userPrincipalName,jobTitle,businessPhones,mobilePhone';
const PERSON_SELECT = 'id,displayName,mail,userPrincipalName,jobTitle';
/** Graph's largest page of users; a function title is held by a handful of people, so one page suffices. */
const USERS_TOP = 999;

/**
 * {@link Directory} over Graph `/me` (User.Read) and `/users?$filter=jobTitle eq '…'` (User.Read.All: other users'
 * job titles are not in User.ReadBasic.All); the party comes from the agreement configuration's e-mail domains.
 */
export class GraphDirectory implements Directory {
  /** `parties` may be a function, because the agreement configuration is read from the site after start-up. */
  constructor(
    private readonly client: GraphClientLike,
    private readonly parties: PartyDomains | (() => PartyDomains | Promise<PartyDomains>),
    private readonly options: GraphCallOptions = {},
  ) {}

  /** Reads `/me` and maps it to the domain profile. */
  async currentUser(): Promise<UserProfile> {
    const me = (await callGraph(this.client, 'GET', `/me?$select=${SELECT}`, undefined, this.options)) as GraphUser;
    if (!me || typeof me.id !== 'string') throw new Error('Graph /me answered without an id.');
    // Accounts without a mailbox have no `mail`; the sign-in name is then the best address we have.
    const email = me.mail || me.userPrincipalName || '';
    const parties = typeof this.parties === 'function' ? await this.parties() : this.parties;
    return {
      id: me.id,
      displayName: me.displayName ?? email,
      email,
      jobTitle: me.jobTitle ?? null,
      businessPhone: me.businessPhones?.[0] ?? null,
      mobilePhone: me.mobilePhone ?? null,
      party: partyKeyForExactDomain(email, parties),
    };
  }

  /** One `$filter=jobTitle eq` query per distinct title (Graph's default filter on jobTitle; no advanced query needed). */
  async findByJobTitles(titles: readonly string[]): Promise<DirectoryPerson[]> {
    const distinct = [...new Map(titles.map((t) => [t.trim().toLowerCase(), t.trim()])).values()].filter(Boolean);
    const parties = typeof this.parties === 'function' ? await this.parties() : this.parties;
    const found = new Map<string, DirectoryPerson>();
    for (const title of distinct) {
      // OData string literal: a single quote is doubled; the whole filter is URL-encoded once.
      const filter = encodeURIComponent(`jobTitle eq '${title.replace(/'/g, "''")}'`);
      const path = `/users?$filter=${filter}&$select=${PERSON_SELECT}&$top=${USERS_TOP}`;
      const res = (await callGraph(this.client, 'GET', path, undefined, this.options)) as { value?: GraphUser[] };
      if (!res || !Array.isArray(res.value)) throw new Error(`Graph GET /users answered without a value list.`);
      for (const u of res.value) {
        const email = u.mail || u.userPrincipalName || '';
        if (typeof u.id !== 'string' || !email || found.has(u.id)) continue;
        found.set(u.id, {
          id: u.id,
          displayName: u.displayName ?? email,
          email,
          jobTitle: u.jobTitle ?? title,
          party: partyKeyForExactDomain(email, parties),
        });
      }
    }
    return [...found.values()];
  }
}
