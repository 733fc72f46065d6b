import type { Party } from '../domain/agreement/schema';

/** The signed-in person as the product sees them (Graph `/me` in SharePoint, Teams and the workbench). */
export interface UserProfile {
  /** Directory object id. */
  id: string;
  displayName: string;
  /** Primary SMTP address (falls back to the sign-in name when the account has no mailbox). */
  email: string;
  jobTitle: string | null;
  /** First business phone; annex 2b asks the reporter's phone. */
  businessPhone: string | null;
  mobilePhone: string | null;
  /** Party (partij) key from the agreement configuration, or null: the e-mail domain belongs to no party (outsider). */
  party: string | null;
}

/** The parties' e-mail domains as the agreement configuration lists them (`parties[].emailDomains`). */
export type PartyDomains = ReadonlyArray<Pick<Party, 'key' | 'emailDomains'>>;

/** Who is signed in. */
export interface Directory {
  /** The signed-in user's profile, with the party derived from the e-mail domain. */
  currentUser(): Promise<UserProfile>;
}
