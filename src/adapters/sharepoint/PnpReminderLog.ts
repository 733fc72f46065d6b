/** ReminderLog over PnPjs: the Herinneringen list, whose unique key column makes a reminder card post once. */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import type { ReminderLog } from '../../ports/registers';
import { LISTS, REMINDER } from '../../provisioning/names';
import { lit } from './documentQueries';
import { httpStatus } from './errors';

/** The Herinneringen list. */
export class PnpReminderLog implements ReminderLog {
  public constructor(
    private readonly sp: SPFI,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Claims a key: SharePoint's unique-value constraint decides, so two page loads at once cannot both post. */
  public async claim(key: string, details: Record<string, unknown>): Promise<boolean> {
    const list = this.sp.web.lists.getByTitle(LISTS.reminders);
    const existing: unknown[] = await list.items
      .select('Id')
      .filter(`${REMINDER.key} eq ${lit(key)}`)
      .top(1)();
    if (existing.length > 0) return false;
    try {
      await list.items.add({
        Title: key.slice(0, 255),
        [REMINDER.key]: key,
        [REMINDER.postedAt]: this.now().toISOString(),
        [REMINDER.details]: JSON.stringify(details),
      });
      return true;
    } catch (e) {
      // A duplicate value is refused with 400 or 409 by SharePoint: someone else claimed it first.
      const status = httpStatus(e);
      if (status === 400 || status === 409) {
        const again: unknown[] = await list.items
          .select('Id')
          .filter(`${REMINDER.key} eq ${lit(key)}`)
          .top(1)();
        if (again.length > 0) return false;
      }
      throw e;
    }
  }

  /** Deletes the claim item(s) of `key` (a failed post must not block the reminder for good). */
  public async release(key: string): Promise<void> {
    const list = this.sp.web.lists.getByTitle(LISTS.reminders);
    const rows: Array<{ Id: number }> = await list.items
      .select('Id')
      .filter(`${REMINDER.key} eq ${lit(key)}`)
      .top(10)();
    for (const row of rows) await list.items.getById(row.Id).delete();
  }
}
