/** In-memory ports for the datalek flow: a register with etags, a mail sender and a channel that can be made to fail. */
import type {
  AdaptiveCardJson,
  BreachEntry,
  BreachRegister,
  ChannelPoster,
  ChannelRef,
  MailSender,
  OutgoingMail,
  Page,
  PostedChannelMessage,
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

/** A BreachRegister in memory: JSON round trip (like the list), etags, optional failing updates. */
export class MemoryBreachRegister implements BreachRegister {
  readonly items = new Map<number, BreachEntry>();
  private next = 1;
  updateFailures: Plan = [];
  createFailures: Plan = [];
  updates = 0;

  async create(entry: BreachEntry): Promise<BreachEntry> {
    const f = this.createFailures.shift();
    if (f) throw f;
    const id = this.next++;
    this.items.set(id, JSON.parse(JSON.stringify({ ...entry, id, etag: '"1"' })));
    return this.get(id);
  }
  async get(id: number): Promise<BreachEntry> {
    const e = this.items.get(id);
    if (!e) throw Object.assign(new Error(`item ${id} not found`), { status: 404 });
    return JSON.parse(JSON.stringify(e));
  }
  async list(): Promise<Page<BreachEntry>> {
    return { items: [...this.items.values()].reverse().map((e) => JSON.parse(JSON.stringify(e))) };
  }
  async update(id: number, patch: Partial<BreachEntry>, etag?: string): Promise<BreachEntry> {
    const f = this.updateFailures.shift();
    if (f) throw f;
    const cur = await this.get(id);
    if (etag && etag !== '*' && etag !== cur.etag) throw new ConcurrencyError(`item ${id} changed`);
    this.updates++;
    const version = Number(String(cur.etag).replace(/"/g, '')) + 1;
    this.items.set(id, JSON.parse(JSON.stringify({ ...cur, ...patch, id, etag: `"${version}"` })));
    return this.get(id);
  }
}

/** Records every mail; fails per plan. */
export class RecordingMail implements MailSender {
  readonly sent: OutgoingMail[] = [];
  failures: Plan = [];
  /** When true, the failure happens AFTER the mail was accepted (the answer got lost). */
  loseAnswer = false;
  async send(mail: OutgoingMail): Promise<void> {
    const f = this.failures.shift();
    if (f && !this.loseAnswer) throw f;
    this.sent.push(mail);
    if (f) throw f;
  }
}

/** Records every card; fails per plan. */
export class RecordingChannel implements ChannelPoster {
  readonly posted: Array<{ channel: ChannelRef; card: AdaptiveCardJson }> = [];
  failures: Plan = [];
  async postCard(channel: ChannelRef, card: AdaptiveCardJson): Promise<PostedChannelMessage> {
    const f = this.failures.shift();
    if (f) throw f;
    this.posted.push({ channel, card });
    return { id: `m${this.posted.length}`, createdAt: new Date().toISOString(), webUrl: null };
  }
}
