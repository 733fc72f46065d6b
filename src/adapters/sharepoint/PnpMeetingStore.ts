/** MeetingStore over PnPjs: the Overleggen list (art. 6, 7, 12, 13). */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import type { IList } from '@pnp/sp/lists';
import { randomId } from '../../domain/common/randomId';
import type { MeetingEntry, MeetingStore } from '../../ports/registers';
import { LISTS, MEETING } from '../../provisioning/names';
import { lit } from './documentQueries';
import { etagOf, parseJson } from './listRows';

/** Columns read. */
const SELECT = [
  'Id',
  'Title',
  MEETING.series,
  MEETING.date,
  MEETING.status,
  MEETING.minutes,
  MEETING.eventId,
  MEETING.details,
];

/** Maps a row to an entry. */
function toEntry(row: Record<string, unknown>): MeetingEntry {
  const minutes = row[MEETING.minutes] as { Url?: string } | null | undefined;
  return {
    id: Number(row.Id),
    series: String(row[MEETING.series]),
    title: String(row.Title ?? ''),
    date: String(row[MEETING.date]),
    status: row[MEETING.status] as MeetingEntry['status'],
    ...(minutes?.Url ? { minutesUrl: minutes.Url } : {}),
    ...(row[MEETING.eventId] ? { eventId: String(row[MEETING.eventId]) } : {}),
    details: parseJson<Record<string, unknown>>(row[MEETING.details], {}),
    etag: etagOf(row, `Overleg ${String(row.Id)}`),
  };
}

/** The write body for (part of) an entry. */
function toFields(e: Partial<MeetingEntry>): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  if (e.title !== undefined) f.Title = e.title.slice(0, 255);
  if (e.series !== undefined) f[MEETING.series] = e.series;
  if (e.date !== undefined) f[MEETING.date] = e.date;
  if (e.status !== undefined) f[MEETING.status] = e.status;
  if (e.minutesUrl !== undefined) f[MEETING.minutes] = { Url: e.minutesUrl, Description: 'Verslag' };
  if (e.eventId !== undefined) f[MEETING.eventId] = e.eventId;
  if (e.details !== undefined) f[MEETING.details] = JSON.stringify(e.details);
  return f;
}

/** The Overleggen list. */
export class PnpMeetingStore implements MeetingStore {
  public constructor(private readonly sp: SPFI) {}

  /** The list handle. */
  private get ref(): IList {
    return this.sp.web.lists.getByTitle(LISTS.meetings);
  }

  /** Meetings newest first (the list stays small: a handful per year), optionally of one series (indexed). */
  public async list(series?: string): Promise<MeetingEntry[]> {
    let items = this.ref.items
      .select(...SELECT)
      .orderBy(MEETING.date, false)
      .top(500);
    if (series) items = items.filter(`${MEETING.series} eq ${lit(series)}`);
    const rows: Array<Record<string, unknown>> = await items();
    return rows.map(toEntry);
  }

  /** One meeting's row. */
  private row(id: number): Promise<Record<string, unknown>> {
    return this.ref.items.getById(id).select(...SELECT)();
  }

  /** One meeting. */
  public async get(id: number): Promise<MeetingEntry> {
    return toEntry(await this.row(id));
  }

  /**
   * Creates a meeting. It carries an id of its own (`createId` in its details): the caller's key for this attempt, or
   * a fresh one. A caller's key is looked up first, and a meeting already holding it is returned (a repeat of the same
   * attempt). When the add fails in any way, the series is read back, and the meeting with this id is the one this add
   * made (it landed, its answer was lost), so it is not made twice; without it the error stands.
   */
  public async create(entry: MeetingEntry, createId?: string): Promise<MeetingEntry> {
    const own = (list: MeetingEntry[], id: string): MeetingEntry | undefined => list.find((m) => m.details.createId === id);
    if (createId) {
      const earlier = own(await this.list(entry.series), createId);
      if (earlier) return earlier;
    }
    const key = createId ?? randomId();
    try {
      const created: { Id: number } = await this.ref.items.add(toFields({ ...entry, details: { ...entry.details, createId: key } }));
      return await this.get(created.Id);
    } catch (e) {
      const landed = own(await this.list(entry.series), key);
      if (landed) return landed;
      throw e;
    }
  }

  /**
   * Updates with `If-Match: etag` (e.g. recording that it was held, with the verslag). Without an etag it throws before
   * any request (no blind overwrites); a stale etag is a ConcurrencyError unless the meeting already holds this very
   * change (a repeat after a lost answer).
   */
  public async update(id: number, patch: Partial<MeetingEntry>, etag: string | undefined): Promise<MeetingEntry> {
    const fields = toFields(patch);
    // The guarded write loads with the register adapters on the first update: the dashboard's first render reads
    // meetings (the Overleg banner) but writes none, so it does not fetch it.
    const { guardedUpdate, holdsFields } = await import(/* webpackChunkName: 'adapters' */ './guardedWrite');
    await guardedUpdate({
      method: 'PnpMeetingStore.update',
      what: `Overleg ${id}`,
      etag,
      send: (e) => this.ref.items.getById(id).update(fields, e),
      read: async () => {
        const now = toEntry(await this.row(id));
        return { etag: now.etag!, holdsWrite: holdsFields(fields, toFields(now)) };
      },
    });
    return this.get(id);
  }
}
