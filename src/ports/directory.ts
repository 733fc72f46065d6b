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

/** A person found in the directory by function title, e.g. to invite the art. 7.1 roles to the bestuurlijk overleg. */
export interface DirectoryPerson {
  /** Directory object id. */
  id: string;
  displayName: string;
  email: string;
  jobTitle: string;
  /** Party key from the e-mail domain, or null when the domain belongs to no party. */
  party: string | null;
}

/** Who is signed in, and who holds a function title. */
export interface Directory {
  /** The signed-in user's profile, with the party derived from the e-mail domain. */
  currentUser(): Promise<UserProfile>;
  /**
   * People whose job title equals one of `titles` (the directory compares case-insensitively), each person once.
   * Rejects with an Error naming the failure (e.g. a missing directory permission), never with a partial answer.
   */
  findByJobTitles(titles: readonly string[]): Promise<DirectoryPerson[]>;
}
