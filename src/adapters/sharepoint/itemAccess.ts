/** Applies an {@link AccessPlan} to one list item: reset to inherited, or unique with exactly the plan's grants. */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/security/item';
import type { IItem } from '@pnp/sp/items';
import type { AgreementConfig } from '../../domain/agreement/schema';
import type { AccessPlan } from '../../provisioning/permissions';
import { RoleResolver } from '../../provisioning/steps/roles';

/** Resolves group principal ids by configured key, once per adapter instance. */
export class ItemAccess {
  private readonly groupIds = new Map<string, number>();
  private readonly roles: RoleResolver;

  public constructor(
    private readonly sp: SPFI,
    private readonly config: AgreementConfig,
  ) {
    this.roles = new RoleResolver(sp);
  }

  /** Makes the item's permissions match the plan. */
  public async apply(item: IItem, plan: AccessPlan, uploaderId?: number): Promise<void> {
    const info: { HasUniqueRoleAssignments: boolean } = await item.select('HasUniqueRoleAssignments')();
    if (plan.inherit) {
      if (info.HasUniqueRoleAssignments) await item.resetRoleInheritance();
      return;
    }
    // Start from a clean slate so nobody keeps access from an earlier state (art. 9.2, 10.1).
    if (info.HasUniqueRoleAssignments) await item.resetRoleInheritance();
    await item.breakRoleInheritance(false, true);
    for (const grant of plan.grants) {
      await item.roleAssignments.add(await this.groupId(grant.group), await this.roles.id(grant.role));
    }
    if (plan.uploaderRole && uploaderId !== undefined) {
      await item.roleAssignments.add(uploaderId, await this.roles.id(plan.uploaderRole));
    }
  }

  /** Principal id of a configured group. */
  private async groupId(key: string): Promise<number> {
    const known = this.groupIds.get(key);
    if (known !== undefined) return known;
    const group = this.config.groups.find((g) => g.key === key);
    if (!group) throw new Error(`Onbekende groep '${key}' (configuratie: groups).`);
    const row: { Id: number } = await this.sp.web.siteGroups.getByName(group.name).select('Id')();
    this.groupIds.set(key, row.Id);
    return row.Id;
  }
}
