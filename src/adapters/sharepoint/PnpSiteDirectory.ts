/** SiteDirectory over PnPjs: current user with groups, ensureuser, group membership by configured group key. */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/site-users/web';
import '@pnp/sp/site-groups/web';
import type { AgreementConfig } from '../../domain/agreement/schema';
import type { SiteDirectory, SiteUser } from '../../ports/site';
import { partyKeyForExactDomain } from '../../domain/agreement/queries';
import { SITE_OWNERS } from '../../provisioning/names';

/** Site users and groups of the configured space. */
export class PnpSiteDirectory implements SiteDirectory {
  public constructor(
    private readonly sp: SPFI,
    private readonly config: AgreementConfig,
  ) {}

  /** The current user with group memberships, from `/_api/web/currentuser?$expand=Groups`. */
  public async currentUser(): Promise<SiteUser> {
    const u: {
      Id: number;
      LoginName: string;
      Title: string;
      Email: string;
      IsSiteAdmin: boolean;
      Groups: Array<{ Title: string }>;
    } = await this.sp.web.currentUser
      .select('Id', 'LoginName', 'Title', 'Email', 'IsSiteAdmin', 'Groups/Title')
      .expand('Groups')();
    const groups = (u.Groups ?? []).map((g) => g.Title);
    const lower = new Set(groups.map((g) => g.toLowerCase()));
    return {
      id: u.Id,
      loginName: u.LoginName,
      displayName: u.Title,
      email: u.Email,
      isSiteAdmin: u.IsSiteAdmin,
      groups,
      groupKeys: this.config.groups.filter((g) => lower.has(g.name.toLowerCase())).map((g) => g.key),
      // Same rule as the Graph directory: exact e-mail domain match, so both agree on a user's party.
      party: partyKeyForExactDomain(u.Email, this.config.parties),
    };
  }

  /** Ensures a user in the site and returns the site user id. */
  public async ensureUser(loginOrEmail: string): Promise<number> {
    const login = loginOrEmail.includes('|') ? loginOrEmail : `i:0#.f|membership|${loginOrEmail}`;
    const user = await this.sp.web.ensureUser(login);
    return (user as unknown as { Id: number }).Id;
  }

  /** Adds a user to a configured group; no-op when already a member. */
  public async addToGroup(groupKey: string, loginOrEmail: string): Promise<void> {
    const group = this.group(groupKey);
    const login = loginOrEmail.includes('|') ? loginOrEmail : `i:0#.f|membership|${loginOrEmail}`;
    const members: Array<{ LoginName: string }> = await this.sp.web.siteGroups
      .getByName(group)
      .users.select('LoginName')();
    if (members.some((m) => m.LoginName.toLowerCase() === login.toLowerCase())) return;
    await this.sp.web.siteGroups.getByName(group).users.add(login);
  }

  /**
   * Members of a configured group, or of the site's own Owners group (`$owners`). People only: a claim (the Team's
   * members, a security group) has no address and is left out.
   */
  public async groupMembers(groupKey: string): Promise<Array<{ id: number; displayName: string; email: string }>> {
    const group =
      groupKey === SITE_OWNERS ? this.sp.web.associatedOwnerGroup : this.sp.web.siteGroups.getByName(this.group(groupKey));
    const rows: Array<{ Id: number; Title: string; Email: string }> = await group.users.select('Id', 'Title', 'Email')();
    return rows.filter((r) => !!r.Email).map((r) => ({ id: r.Id, displayName: r.Title, email: r.Email }));
  }

  /** Group title for a configured key; a clear error for an unknown key. */
  private group(groupKey: string): string {
    const g = this.config.groups.find((x) => x.key === groupKey);
    if (!g) throw new Error(`Onbekende groep '${groupKey}' (configuratie: groups; art. 1e autorisatielijst).`);
    return g.name;
  }
}
