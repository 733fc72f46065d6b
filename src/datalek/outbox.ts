/**
 * The datalek submit flow, host-neutral (web part, command set, Teams tab and workbench run the same code):
 * store the report in the Datalekregister FIRST (AVG art. 33(5): every breach documented), then mail the completed
 * form to the other party's breach address and its 1st and 2nd contact (bijlage 2, stap 1; art. 9.6), then post the
 * card in the privacy officers' channel (bijlage 2). Each outcome is recorded on the register item before moving on,
 * and checked before any resend, so a retry never sends the same mail or card twice.
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
import type { BreachEntry, BreachRegister, ChannelPoster, ChannelRef, MailSender } from '../ports';
import { ConcurrencyError } from '../ports/documents';
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
  host: { siteUrl: string; privacyChannel?: ChannelRef };
  /** Clock; defaults to the system clock. */
  now?: () => Date;
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
      (await breaches.create({ ...row, form: { ...row.form, delivery: {}, ...(clientKey ? { clientKey } : {}) } }));
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
        const recorded = await this.tryRecord(id, step, remembered, registerErrors);
        if (recorded) {
          entry = recorded;
          this.sentButUnrecorded.delete(key);
        }
        continue;
      }
      if (needsConfirmation(stored) && !confirmResend.includes(step)) continue;
      const before = await this.tryRecord(id, step, { state: 'sending', at: this.now().toISOString() }, registerErrors);
      if (before === undefined) continue; // could not mark the attempt: do not send unrecorded
      entry = before;
      const attempts = stored && 'attempts' in stored ? stored.attempts + 1 : 1;
      let outcome: DeliveryOutcome;
      try {
        const ref = step === 'mail' ? await this.sendMail(report) : await this.postCard(report, id);
        outcome = { state: 'sent', at: this.now().toISOString(), ...(ref ? { ref } : {}) };
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
      const after = await this.tryRecord(id, step, outcome, registerErrors);
      if (after) {
        entry = after;
        this.sentButUnrecorded.delete(key);
      }
    }
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
    const at = this.now().toISOString();
    const entry = await this.patchForm(id, (form) => {
      const procedure = { ...((form.procedure as Record<string, unknown> | undefined) ?? {}) };
      if (step === 'phoned') {
        procedure.phonedAt = at;
        if (phonedContact) procedure.phonedContact = phonedContact;
      } else procedure.callConfirmedAt = at;
      return { ...form, procedure };
    });
    return this.validStored(entry);
  }

  private validStored(entry: BreachEntry): DatalekReport {
    const v = fromRegisterRow(entry as BreachEntry & { id: number }, this.now(), this.deps.config);
    if (!v.ok) throw new StoredReportInvalidError(entry.id ?? 0, v.errors);
    return v.value;
  }

  private async sendMail(report: DatalekReport): Promise<undefined> {
    // Dutch: the agreement and the other party's procedure are Dutch (bijlage 2b).
    const mail = buildDatalekOutgoingMail(report, this.deps.config, 'nl');
    if (mail.to.length === 0)
      throw new NotSentError(
        'Geen ontvangers: de configuratie noemt geen datalekadres of contactpersonen (bijlage 2a).',
      );
    await this.deps.mail.send({ to: mail.to, subject: mail.subject, blocks: mail.blocks, saveToSentItems: true });
    return undefined;
  }

  private async postCard(report: DatalekReport, id: number): Promise<string> {
    const channel = this.deps.host.privacyChannel;
    if (!channel)
      throw new NotSentError(
        'Geen kanaal van de privacy officers geconfigureerd (space.teamId en space.channelId, bijlage 2); de kaart is niet geplaatst.',
      );
    // The card builder pulls in adaptive-expressions (large): loaded only when a card is actually posted.
    const { buildDatalekCard } = await import(/* webpackChunkName: 'datalek-card' */ '../cards/datalekCard');
    let card;
    try {
      card = buildDatalekCard(report, this.deps.config, reportLink(this.deps.host.siteUrl, id), { now: this.now() });
    } catch (e) {
      throw new NotSentError(e instanceof Error ? e.message : String(e));
    }
    const posted = await this.deps.channel.postCard(channel, card, { subject: 'Melding (mogelijk) datalek' });
    return posted.id;
  }

  /** Writes one step's outcome; on failure notes the error and returns undefined (the caller decides what that means). */
  private async tryRecord(
    id: number,
    step: DeliveryStep,
    outcome: DeliveryOutcome,
    errors: string[],
  ): Promise<BreachEntry | undefined> {
    try {
      return await this.patchForm(id, (form) => {
        const delivery = { ...((form.delivery as Record<string, unknown> | undefined) ?? {}), [step]: outcome };
        const next: Record<string, unknown> = { ...form, delivery };
        // bijlage 2, stap 1 done: the procedure records when the form was mailed.
        if (step === 'mail' && outcome.state === 'sent')
          next.procedure = {
            ...((form.procedure as Record<string, unknown> | undefined) ?? {}),
            formMailedAt: outcome.at,
          };
        return next;
      });
    } catch (e) {
      errors.push(e instanceof Error ? e.message : String(e));
      return undefined;
    }
  }

  /** Read-modify-write of the item's form with its etag; one re-read when someone else changed it meanwhile. */
  private async patchForm(
    id: number,
    change: (form: Record<string, unknown>) => Record<string, unknown>,
  ): Promise<BreachEntry> {
    for (let attempt = 0; ; attempt++) {
      const current = await this.deps.breaches.get(id);
      try {
        return await this.deps.breaches.update(id, { form: change(current.form) }, current.etag);
      } catch (e) {
        if (!(e instanceof ConcurrencyError) || attempt >= 2) throw e;
      }
    }
  }
}
