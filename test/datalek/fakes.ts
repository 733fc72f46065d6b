/** In-memory ports for the datalek flow: a register with etags, a mail sender and a channel that can be made to fail. */
import { applyEvents } from '../../src/domain/datalek';
import {
  cardHasElementId,
  type AdaptiveCardJson,
  type BreachEntry,
  type BreachEvent,
  type BreachRegister,
  type BreachVersion,
  type PersonRef,
  type ChannelInspection,
  type ChannelPoster,
  type ChannelRef,
  type MailSender,
  type OutgoingMail,
  type Page,
  type PostedChannelMessage,
  type SentMailLookup,
  type SiteDirectory,
} from '../../src/ports';
import { ConcurrencyError } from '../../src/ports/documents';

/** A failure plan: each call takes the next entry; `undefined` lets it through. */
export type Plan = Array<Error | undefined>;

/** An error with an HTTP status, as the Graph adapter raises. */
export function httpFailure(status: number, message = `HTTP ${status}`): Error {
  return Object.assign(new Error(message), { status });
}

/** No answer at all (a dropped connection): the service may have received it. */
export function noAnswer(): Error {
  return Object.assign(new Error('Graph POST failed (no response NetworkError): socket hang up'), { status: 0 });
}

/**
 * A BreachRegister in memory: JSON round trip (like the list), etags, the append-only course of each report (applied
 * on read, as the SharePoint adapter does), optional failing writes.
 */
export class MemoryBreachRegister implements BreachRegister {
  readonly items = new Map<number, BreachEntry>();
  readonly log: BreachEvent[] = [];
  private next = 1;
  updateFailures: Plan = [];
  createFailures: Plan = [];
  eventFailures: Plan = [];
  updates = 0;
  /** Who SharePoint would record as each write's Editor (the signed-in user); tests switch it between writes. */
  actor: PersonRef = { id: 1, displayName: 'Melder' };
  /** Each item's versions, oldest first, as SharePoint keeps them (Editor, Created, the row's status and form). */
  readonly kept = new Map<number, BreachVersion[]>();

  private keep(id: number): void {
    const e = this.items.get(id) as BreachEntry;
    const all = this.kept.get(id) ?? [];
    all.push({
      label: `${all.length + 1}.0`,
      modified: new Date(Date.UTC(2026, 0, 1, 9, all.length)).toISOString(),
      editor: { ...this.actor },
      status: e.status,
      form: JSON.parse(JSON.stringify(e.form)) as Record<string, unknown>,
    });
    this.kept.set(id, all);
  }
  async versions(id: number): Promise<BreachVersion[]> {
    return [...(this.kept.get(id) ?? [])].reverse().map((v) => JSON.parse(JSON.stringify(v)) as BreachVersion);
  }

  async create(entry: BreachEntry): Promise<BreachEntry> {
    const f = this.createFailures.shift();
    if (f) throw f;
    const id = this.next++;
    this.items.set(id, JSON.parse(JSON.stringify({ ...entry, id, etag: '"1"' })));
    this.keep(id);
    return this.get(id);
  }
  async get(id: number): Promise<BreachEntry> {
    const e = this.items.get(id);
    if (!e) throw Object.assign(new Error(`item ${id} not found`), { status: 404 });
    const copy: BreachEntry = JSON.parse(JSON.stringify(e));
    const events = await this.events(id);
    return { ...copy, form: applyEvents(copy.form, events), events };
  }
  async list(): Promise<Page<BreachEntry>> {
    return { items: await Promise.all([...this.items.keys()].reverse().map((id) => this.get(id))) };
  }
  async appendEvent(event: BreachEvent): Promise<BreachEvent> {
    // As the adapter: a step belongs in its reporting party's own course list.
    if (!event.party) throw new Error(`Datalekverloop: geen partij voor melding ${event.reportId}`);
    const f = this.eventFailures.shift();
    if (f) throw f;
    const stored = { ...JSON.parse(JSON.stringify(event)), id: this.log.length + 1 };
    this.log.push(stored);
    return stored;
  }
  async events(reportId: number): Promise<BreachEvent[]> {
    return this.log.filter((e) => e.reportId === reportId).map((e) => JSON.parse(JSON.stringify(e)));
  }
  async update(id: number, patch: Partial<BreachEntry>, etag: string): Promise<BreachEntry> {
    const f = this.updateFailures.shift();
    if (f) throw f;
    const cur = await this.get(id);
    if (etag && etag !== '*' && etag !== cur.etag) throw new ConcurrencyError(`item ${id} changed`);
    this.updates++;
    const version = Number(String(cur.etag).replace(/"/g, '')) + 1;
    const { events: _e, ...stored } = { ...(this.items.get(id) as BreachEntry), ...patch };
    this.items.set(id, JSON.parse(JSON.stringify({ ...stored, id, etag: `"${version}"` })));
    this.keep(id);
    return this.get(id);
  }
}

/** Records every mail; fails per plan; finds a sent mail by its tracking key as Sent Items would. */
export class RecordingMail implements MailSender {
  readonly sent: OutgoingMail[] = [];
  failures: Plan = [];
  /** When true, the failure happens AFTER the mail was accepted (the answer got lost). */
  loseAnswer = false;
  /** Failures of the lookup, per call (e.g. a 403 without Mail.Read). */
  lookupFailures: Plan = [];
  /** Tracking keys whose mail waits in Drafts (accepted, not yet handed to transport). */
  readonly queued = new Set<string>();
  lookups = 0;
  async send(mail: OutgoingMail): Promise<void> {
    const f = this.failures.shift();
    if (f && !this.loseAnswer) throw f;
    this.sent.push(mail);
    if (f) throw f;
  }
  /** Set to undefined to model a sender that cannot look (the outbox then cannot tell). */
  findSent?: (trackingKey: string) => Promise<SentMailLookup> = async (trackingKey) => {
    this.lookups++;
    const f = this.lookupFailures.shift();
    if (f) throw f;
    const i = this.sent.findIndex((m) => m.trackingKey === trackingKey);
    if (i < 0) return { state: 'absent' };
    if (this.queued.has(trackingKey)) return { state: 'queued', id: `draft-${i + 1}` };
    return { state: 'sent', id: `sent-${i + 1}` };
  };
}

/** The privacy officers of the card fixture configuration, as their groups list them. */
export const FIXTURE_PRIVACY_OFFICERS = ['privacy@igj.nl', 'privacy@cibg.example'];

/** The site's groups: the privacy officer groups hold the fixture's officers; other groups are empty. */
export function fixtureSite(): Pick<SiteDirectory, 'groupMembers'> {
  return {
    groupMembers: async (key) =>
      key === 'igj-privacy'
        ? [{ id: 11, displayName: 'PO IGJ', email: FIXTURE_PRIVACY_OFFICERS[0] }]
        : key === 'cibg-privacy'
          ? [{ id: 12, displayName: 'PO CIBG', email: FIXTURE_PRIVACY_OFFICERS[1] }]
          : [],
  };
}

/** Records every card; fails per plan; answers `inspect` with `inspection` (a private channel of the officers). */
export class RecordingChannel implements ChannelPoster {
  readonly posted: Array<{ channel: ChannelRef; card: AdaptiveCardJson }> = [];
  failures: Plan = [];
  /** When true, the failure happens AFTER the card was posted (the answer got lost). */
  loseAnswer = false;
  /** Failures of the lookup, per call (e.g. a 403 without ChannelMessage.Read.All). */
  lookupFailures: Plan = [];
  lookups = 0;
  /** Set to undefined to model a poster that cannot look. */
  findCard?: (channel: ChannelRef, cardId: string) => Promise<PostedChannelMessage | undefined> = async (channel, cardId) => {
    this.lookups++;
    const f = this.lookupFailures.shift();
    if (f) throw f;
    const i = this.posted.findIndex(
      (p) => p.channel.teamId === channel.teamId && p.channel.channelId === channel.channelId && cardHasElementId(p.card, cardId),
    );
    return i < 0 ? undefined : { id: `m${i + 1}`, createdAt: new Date().toISOString(), webUrl: null };
  };
  inspection: ChannelInspection | Error = {
    membershipType: 'private',
    displayName: 'Privacy officers',
    members: FIXTURE_PRIVACY_OFFICERS.map((email) => ({ displayName: email, email, roles: [] })),
  };
  async inspect(): Promise<ChannelInspection> {
    if (this.inspection instanceof Error) throw this.inspection;
    return JSON.parse(JSON.stringify(this.inspection));
  }
  async postCard(channel: ChannelRef, card: AdaptiveCardJson): Promise<PostedChannelMessage> {
    const f = this.failures.shift();
    if (f && !this.loseAnswer) throw f;
    this.posted.push({ channel, card });
    if (f) throw f;
    return { id: `m${this.posted.length}`, createdAt: new Date().toISOString(), webUrl: null };
  }
}
