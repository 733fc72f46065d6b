/** ReminderLog over PnPjs: the Herinneringen list, whose unique key column makes a reminder card post once. */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { randomId } from '../../domain/common/randomId';
import type { ReminderLog } from '../../ports/registers';
import { LISTS, REMINDER } from '../../provisioning/names';
import { lit } from './documentQueries';
import { guardedDelete } from './guardedWrite';
import { etagOf, parseJson } from './listRows';

/** The Herinneringen list. */
export class PnpReminderLog implements ReminderLog {
  public constructor(
    private readonly sp: SPFI,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The claims this writer made and has not given back: the item and the etag SharePoint answered the add with. */
  private readonly claims = new Map<string, { id: number; etag: string }>();

  /**
   * Claims a key: SharePoint's unique-value constraint decides, so two page loads at once cannot both post. The claim
   * carries an id of its own (`claimId` in its details): when the add fails in any way, the key is read back, and a
   * claim with this id is this writer's (the add landed and its answer was lost: the card is posted, not lost); one
   * with another id is someone else's; none means nothing was claimed and the error stands.
   */
  public async claim(key: string, details: Record<string, unknown>): Promise<boolean> {
    const list = this.sp.web.lists.getByTitle(LISTS.reminders);
    const find = async (): Promise<Record<string, unknown> | undefined> => {
      const rows: Array<Record<string, unknown>> = await list.items
        .select('Id', REMINDER.details)
        .filter(`${REMINDER.key} eq ${lit(key)}`)
        .top(1)();
      return rows[0];
    };
    if (await find()) return false;
    const claimId = randomId();
    try {
      const created: Record<string, unknown> = await list.items.add({
        Title: key.slice(0, 255),
        [REMINDER.key]: key,
        [REMINDER.postedAt]: this.now().toISOString(),
        [REMINDER.details]: JSON.stringify({ ...details, claimId }),
      });
      this.claims.set(key, { id: Number(created.Id), etag: etagOf(created, `Herinnering '${key}'`) });
      return true;
    } catch (e) {
      // A duplicate value is refused with 400 or 409 by SharePoint; a lost answer has no status at all.
      const there = await find();
      if (!there) throw e;
      if (parseJson<{ claimId?: unknown }>(there[REMINDER.details], {}).claimId !== claimId) return false;
      this.claims.set(key, { id: Number(there.Id), etag: etagOf(there, `Herinnering '${key}'`) });
      return true;
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
