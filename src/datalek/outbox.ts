/**
 * The datalek submit flow, host-neutral (web part, command set, Teams tab and workbench run the same code):
 * store the report in the Datalekregister FIRST (AVG art. 33(5): every breach documented), then mail the completed
 * form to the other party's breach address and its 1st and 2nd contact (bijlage 2, stap 1; art. 9.6), then post the
 * card in the privacy officers' channel (bijlage 2). Each outcome is appended to the Datalekverloop before moving on,
 * and read back before any resend, so a retry never sends the same mail or card twice. The reporter adds records but
 * cannot change the report or a record: what was sent is read from records nobody rewrites.
 */
import type { AgreementConfig } from '../domain/agreement/schema';
import {
  buildDatalekOutgoingMail,
  fromRegisterRow,
  toRegisterRow,
  validateDatalek,
  type DatalekFieldError,
  type DatalekReport,
} from '../domain/datalek';
import type { BreachEntry, BreachRegister, ChannelPoster, ChannelRef, MailSender, SiteDirectory } from '../ports';
import { checkPrivacyChannel } from './channelCheck';
import {
  DELIVERY_STEPS,
  NotSentError,
  mayHaveArrived,
  needsConfirmation,
  readDelivery,
  type DatalekDelivery,
  type DeliveryOutcome,
  type DeliveryStep,
} from './delivery';

/** The ports the flow uses (a subset of `Services`). */
export interface DatalekDeps {
  config: AgreementConfig;
  breaches: BreachRegister;
  mail: MailSender;
  channel: ChannelPoster;
  /** Who the privacy officers and owners are (their groups), to check the channel's members. */
  site: Pick<SiteDirectory, 'groupMembers'>;
  host: { siteUrl: string; privacyChannel?: ChannelRef; reminderChannel?: ChannelRef };
  /** Clock; defaults to the system clock. */
  now?: () => Date;
}

/** What a posted card step records beside its message id: full card or notice, where, and why. */
interface CardSent {
  ref: string;
  kind: 'full' | 'notice';
  channel: string;
  reason?: string;
}

/** What one delivery run ended with. */
export interface DeliveryResult {
  id: number;
  report: DatalekReport;
  delivery: DatalekDelivery;
  /** Steps sent but whose success could not be written to the register yet (a retry records them, never resends). */
  unrecorded: DeliveryStep[];
  /** Register write failures during this run (the report itself is stored). */
  registerErrors: string[];
}

/** Outcome of {@link DatalekOutbox.submit}: validation errors (nothing stored) or the stored report and its delivery. */
export type SubmitResult =
  | { ok: false; errors: DatalekFieldError[]; warnings: DatalekFieldError[] }
  | ({ ok: true; warnings: DatalekFieldError[] } & DeliveryResult);

/** A stored report that no longer validates (edited by hand on the list); shown, never sent. */
export class StoredReportInvalidError extends Error {
  /** Names the report and every field problem. */
  public constructor(
    readonly id: number,
    readonly errors: DatalekFieldError[],
  ) {
    super(
      `Datalekmelding ${id} in het register is ongeldig: ${errors.map((e) => `${e.field}: ${e.nl} (${e.article})`).join('; ')}`,
    );
    this.name = 'StoredReportInvalidError';
  }
}

/** Link to a report in the Datalekregister (the card's "open" action). */
export function reportLink(siteUrl: string, id: number): string {
  return `${siteUrl.replace(/\/+$/, '')}/Lists/Datalekregister/DispForm.aspx?ID=${id}`;
}

/**
 * Submits and delivers datalek reports. Keep one instance per page: it remembers steps that were sent but could not be
 * recorded yet, so a retry in the same session records them instead of sending again.
 */
export class DatalekOutbox {
  private readonly sentButUnrecorded = new Map<string, DeliveryOutcome>();

  public constructor(private readonly deps: DatalekDeps) {}

  private now(): Date {
    return this.deps.now ? this.deps.now() : new Date();
  }

  /**
   * Validates, stores the report first, then sends mail and card; nothing is sent when storing fails (it throws).
   * `clientKey` (one per draft) makes a repeated submit after a lost answer find the stored report instead of storing
   * (and mailing) it a second time.
   */
  public async submit(input: unknown, options: { clientKey?: string } = {}): Promise<SubmitResult> {
    const { config, breaches } = this.deps;
    const validation = validateDatalek(input, this.now(), config);
    if (!validation.ok) return validation;
    const row = toRegisterRow(validation.value, config);
    const clientKey = options.clientKey;
    const existing = clientKey ? await this.findByClientKey(clientKey) : undefined;
    // AVG art. 33(5): the register item exists before anything leaves the organisation.
    const stored =
      existing ??
      (await breaches.create({ ...row, form: { ...row.form, ...(clientKey ? { clientKey } : {}) } }));
    if (stored.id === undefined) throw new Error('Het Datalekregister gaf geen id terug voor de nieuwe melding.');
    const result = await this.deliver(stored.id);
    return { ok: true, warnings: validation.warnings, ...result };
  }

  /** A report stored earlier from the same draft (the reporter's newest reports are searched). */
  private async findByClientKey(clientKey: string): Promise<BreachEntry | undefined> {
    const page = await this.deps.breaches.list();
    return page.items.find((e) => e.form.clientKey === clientKey);
  }

  /**
   * Sends what was not sent yet. A step that may already have arrived (`uncertain`, or a `sending` left behind) is
   * skipped unless the caller passes it in `confirmResend` after a person checked it did not arrive.
   */
  public async deliver(id: number, confirmResend: readonly DeliveryStep[] = []): Promise<DeliveryResult> {
    const registerErrors: string[] = [];
    let entry = await this.deps.breaches.get(id);
    const report = this.validStored(entry);
    for (const step of DELIVERY_STEPS) {
      const key = `${id}:${step}`;
      const remembered = this.sentButUnrecorded.get(key);
      const stored = readDelivery(entry.form)[step];
      if (stored?.state === 'sent') {
        this.sentButUnrecorded.delete(key);
        continue;
      }
      if (remembered) {
        // Sent earlier in this session; only the record is missing.
        if (await this.tryRecord(id, step, remembered, registerErrors)) this.sentButUnrecorded.delete(key);
        continue;
      }
      if (needsConfirmation(stored) && !confirmResend.includes(step)) continue;
      const marked = await this.tryRecord(id, step, { state: 'sending', at: this.now().toISOString() }, registerErrors);
      if (!marked) continue; // could not mark the attempt: do not send unrecorded
      const attempts = stored && 'attempts' in stored ? stored.attempts + 1 : 1;
      let outcome: DeliveryOutcome;
      try {
        const sent = step === 'mail' ? await this.sendMail(report) : await this.postCard(report, id);
        outcome = { state: 'sent', at: this.now().toISOString(), ...sent };
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        outcome = {
          state: mayHaveArrived(e) ? 'uncertain' : 'failed',
          at: this.now().toISOString(),
          message,
          attempts,
        };
      }
      if (outcome.state === 'sent') this.sentButUnrecorded.set(key, outcome);
      if (await this.tryRecord(id, step, outcome, registerErrors)) this.sentButUnrecorded.delete(key);
    }
    entry = await this.deps.breaches.get(id);
    const delivery = readDelivery(entry.form);
    const unrecorded = DELIVERY_STEPS.filter((s) => this.sentButUnrecorded.has(`${id}:${s}`));
    for (const s of unrecorded) delivery[s] = this.sentButUnrecorded.get(`${id}:${s}`);
    return { id, report: this.validStored(entry), delivery, unrecorded, registerErrors };
  }

  /** Records a procedure step the reporter did (bijlage 2: phoned a contact, confirmed the call in writing). */
  public async recordProcedure(
    id: number,
    step: 'phoned' | 'callConfirmed',
    phonedContact?: string,
  ): Promise<DatalekReport> {
    await this.deps.breaches.appendEvent({
      reportId: id,
      step,
      outcome: 'done',
      at: this.now().toISOString(),
      details: step === 'phoned' && phonedContact ? { contact: phonedContact } : {},
    });
    return this.validStored(await this.deps.breaches.get(id));
  }

  private validStored(entry: BreachEntry): DatalekReport {
    const v = fromRegisterRow(entry as BreachEntry & { id: number }, this.now(), this.deps.config);
    if (!v.ok) throw new StoredReportInvalidError(entry.id ?? 0, v.errors);
    return v.value;
  }

  private async sendMail(report: DatalekReport): Promise<Record<string, never>> {
    // Dutch: the agreement and the other party's procedure are Dutch (bijlage 2b).
    const mail = buildDatalekOutgoingMail(report, this.deps.config, 'nl');
    if (mail.to.length === 0)
      throw new NotSentError(
        'Geen ontvangers: de configuratie noemt geen datalekadres of contactpersonen (bijlage 2a).',
      );
    await this.deps.mail.send({ to: mail.to, subject: mail.subject, blocks: mail.blocks, saveToSentItems: true });
    return {};
  }

  /**
   * Posts the breach card. The full card (description, personal data, data subjects, consequences, measures) goes only
   * to a private channel whose members are all privacy officers of the configuration or owners, checked with Graph
   * right before posting. Otherwise a card without personal data that links to the report goes to that channel, or,
   * when the poster cannot even read it (not a member of the private channel), to the reminder channel; the outcome
   * says which and why, and a privacy officer can post the full card later (annex 2; art. 9.6).
   */
  private async postCard(report: DatalekReport, id: number): Promise<CardSent> {
    const channel = this.deps.host.privacyChannel;
    if (!channel)
      throw new NotSentError(
        'Geen kanaal van de privacy officers geconfigureerd (space.teamId en space.channelId, bijlage 2); de kaart is niet geplaatst.',
      );
    const verdict = await checkPrivacyChannel(this.deps, channel);
    // The card builder pulls in adaptive-expressions (large): loaded only when a card is actually posted.
    const cards = await import(/* webpackChunkName: 'datalek-card' */ '../cards/datalekCard');
    const link = reportLink(this.deps.host.siteUrl, id);
    let card;
    let target = channel;
    try {
      if (verdict.full) {
        card = cards.buildDatalekCard(report, this.deps.config, link, { now: this.now() });
      } else {
        if (!verdict.readable) {
          if (!this.deps.host.reminderChannel)
            throw new NotSentError(
              `De kaart is niet geplaatst: ${verdict.reason}, en er is geen algemeen kanaal (space.reminderChannelId) voor een kaart zonder persoonsgegevens.`,
            );
          target = this.deps.host.reminderChannel;
        }
        card = cards.buildDatalekNoticeCard(report, this.deps.config, link, verdict.reason, { now: this.now() });
      }
    } catch (e) {
      throw e instanceof NotSentError ? e : new NotSentError(e instanceof Error ? e.message : String(e));
    }
    const posted = await this.deps.channel.postCard(target, card, { subject: 'Melding (mogelijk) datalek' });
    return {
      ref: posted.id,
      kind: verdict.full ? 'full' : 'notice',
      channel: target.channelId,
      ...(verdict.full ? {} : { reason: verdict.reason }),
    };
  }

  /**
   * Posts the full card for a report whose card went out without personal data (a privacy officer who is a member of
   * the privacy officers' private channel does this); refused when the channel still does not pass the check.
   */
  public async postFullCard(id: number): Promise<DeliveryResult> {
    const entry = await this.deps.breaches.get(id);
    const report = this.validStored(entry);
    const channel = this.deps.host.privacyChannel;
    if (!channel) throw new NotSentError('Geen kanaal van de privacy officers geconfigureerd (space.channelId).');
    const verdict = await checkPrivacyChannel(this.deps, channel);
    if (!verdict.full) throw new NotSentError(`De volledige kaart is niet geplaatst: ${verdict.reason}.`);
    const { buildDatalekCard } = await import(/* webpackChunkName: 'datalek-card' */ '../cards/datalekCard');
    const card = buildDatalekCard(report, this.deps.config, reportLink(this.deps.host.siteUrl, id), { now: this.now() });
    const posted = await this.deps.channel.postCard(channel, card, { subject: 'Melding (mogelijk) datalek' });
    const errors: string[] = [];
    await this.tryRecord(id, 'card', { state: 'sent', at: this.now().toISOString(), ref: posted.id, kind: 'full', channel: channel.channelId }, errors);
    const after = await this.deps.breaches.get(id);
    return { id, report: this.validStored(after), delivery: readDelivery(after.form), unrecorded: [], registerErrors: errors };
  }

  /** Appends one step's outcome to the Datalekverloop; on failure notes the error and returns false. */
  private async tryRecord(id: number, step: DeliveryStep, outcome: DeliveryOutcome, errors: string[]): Promise<boolean> {
    const { state, at, ...details } = outcome;
    try {
      await this.deps.breaches.appendEvent({ reportId: id, step, outcome: state, at, details });
      return true;
    } catch (e) {
      errors.push(e instanceof Error ? e.message : String(e));
      return false;
    }
  }
}
