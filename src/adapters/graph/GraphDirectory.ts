import type { Directory, PartyDomains, UserProfile } from '../../ports/directory';
import { callGraph, type GraphCallOptions, type GraphClientLike } from './client';
import { partyForEmail } from './partyForEmail';

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

/** {@link Directory} over Graph `/me`; the party comes from the agreement configuration's e-mail domains. */
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
      party: partyForEmail(email, parties),
    };
  }
}
