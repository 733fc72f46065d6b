/** SiteDirectory port: who the current user is in the site and which site groups they are in. */

/** The signed-in user as the site sees them. */
export interface SiteUser {
  id: number;
  loginName: string;
  displayName: string;
  email: string;
  isSiteAdmin: boolean;
  /** Site group titles. */
  groups: string[];
  /** Group keys from the configuration the user is in (art. 1e autorisatielijst). */
  groupKeys: string[];
  /** Party key derived from the e-mail domain, or null for an outsider. */
  party: string | null;
}

/** Site users and groups. */
export interface SiteDirectory {
  /** The current user with group memberships. */
  currentUser(): Promise<SiteUser>;
  /** Resolves (and ensures) a site user by login name or e-mail; returns the site user id. */
  ensureUser(loginOrEmail: string): Promise<number>;
  /** Adds a user to a configured group (by group key); no-op when already a member. */
  addToGroup(groupKey: string, loginOrEmail: string): Promise<void>;
  /** Members of a configured group (by group key). */
  groupMembers(groupKey: string): Promise<Array<{ id: number; displayName: string; email: string }>>;
}
