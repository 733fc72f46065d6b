/** ReminderLog over PnPjs: the Herinneringen list, whose unique key column makes a reminder card post once. */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import type { ReminderLog } from '../../ports/registers';
import { LISTS, REMINDER } from '../../provisioning/names';
import { lit } from './documentQueries';
import { httpStatus } from './errors';
import { guardedDelete } from './guardedWrite';
import { etagOf } from './listRows';

/** The Herinneringen list. */
export class PnpReminderLog implements ReminderLog {
  public constructor(
    private readonly sp: SPFI,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The claims this writer made and has not given back: the item and the etag SharePoint answered the add with. */
  private readonly claims = new Map<string, { id: number; etag: string }>();

  /** Claims a key: SharePoint's unique-value constraint decides, so two page loads at once cannot both post. */
  public async claim(key: string, details: Record<string, unknown>): Promise<boolean> {
    const list = this.sp.web.lists.getByTitle(LISTS.reminders);
    const existing: unknown[] = await list.items
      .select('Id')
      .filter(`${REMINDER.key} eq ${lit(key)}`)
      .top(1)();
    if (existing.length > 0) return false;
    try {
      const created: Record<string, unknown> = await list.items.add({
        Title: key.slice(0, 255),
        [REMINDER.key]: key,
        [REMINDER.postedAt]: this.now().toISOString(),
        [REMINDER.details]: JSON.stringify(details),
      });
      this.claims.set(key, { id: Number(created.Id), etag: etagOf(created, `Herinnering '${key}'`) });
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

  /**
   * Gives back this writer's own claim of `key` (a failed post must not block the reminder for good): the item it
   * added, deleted with the etag the add answered, so a claim someone changed since is kept (ConcurrencyError). A key
   * this writer did not claim is not its to give back: nothing is sent.
   */
  public async release(key: string): Promise<void> {
    const claim = this.claims.get(key);
    if (!claim) return;
    const item = this.sp.web.lists.getByTitle(LISTS.reminders).items.getById(claim.id);
    await guardedDelete({
      method: 'PnpReminderLog.release',
      what: `Herinnering '${key}'`,
      etag: claim.etag,
      send: (e) => item.delete(e),
      read: async () => ({ etag: etagOf(await item.select('Id')(), `Herinnering '${key}'`), holdsWrite: false }),
    });
    this.claims.delete(key);
  }
}
