/**
 * The datalek submit flow, host-neutral (web part, command set, Teams tab and workbench run the same code):
 * store the report in the Datalekregister FIRST (AVG art. 33(5): every breach documented), then mail the completed
 * form to the other party's breach address and its 1st and 2nd contact (bijlage 2, stap 1; art. 9.6), then post the
 * card in the privacy officers' channel (bijlage 2). Each outcome is appended to the Datalekverloop before moving on,
 * and read back before any resend, so a retry never sends the same mail or card twice. The reporter adds records but
 * cannot change the report or a record: what was sent is read from records nobody rewrites.
 *
 * A send whose answer got lost may have arrived. Every mail and card therefore carries a tracking key (the same for
 * every attempt of one report's mail or card, {@link deliveryKey}): the mail as a Graph extended property, the card as
 * the id of its first element. Before anything is sent again the outbox looks it up (the sender's Sent Items and
 * Drafts, the channel's newest messages): found is sent; absent (after {@link LookupPolicy.settleMs}) is sent once more
 * with the same key; only when Graph cannot answer does the step stay `uncertain`, with why, for a person to decide.
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
import type {
  AdaptiveCardJson,
  BreachEntry,
  BreachEvent,
  BreachRegister,
  ChannelPoster,
  ChannelRef,
  MailSender,
  PostedChannelMessage,
  SiteDirectory,
} from '../ports';
import { checkPrivacyChannel } from './channelCheck';
import {
  DELIVERY_STEPS,
  NotSentError,
  deliveryKey,
  fullCardKey,
  mayHaveLanded,
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
  /**
   * Who the privacy officers and owners are (their groups), to check the channel's members; and, when the host has it,
   * who is signed in (a mail can only be looked up in its sender's own mailbox).
   */
  site: Pick<SiteDirectory, 'groupMembers'> & Partial<Pick<SiteDirectory, 'currentUser'>>;
  host: { siteUrl: string; privacyChannel?: ChannelRef; reminderChannel?: ChannelRef };
  /** Clock; defaults to the system clock. */
  now?: () => Date;
  /** Pause between looks after a lost answer; defaults to a timer (tests pass one that advances their clock). */
  delay?: (ms: number) => Promise<void>;
  /** How long and how often to look for a notification whose answer was lost; defaults {@link DEFAULT_LOOKUP_POLICY}. */
  lookup?: Partial<LookupPolicy>;
}

/**
 * When "not found" may be believed. Microsoft documents no bound: sendMail answers 202 once Exchange saved the message
 * in the sender's Drafts, and moves it to Sent Items after transport took it ("Send mail by using the Microsoft Graph
 * API"); Teams stores a channel message before answering 201. The outbox looks in Sent Items and Drafts, so a mail
 * Exchange accepted is found at once; the wait covers a request the service was still handling when the client gave
 * up (a Graph call here has at most 30 s, DEFAULT_GRAPH_TIMEOUT_MS).
 */
export interface LookupPolicy {
  /** Only this long after an attempt began does "not found" mean "did not arrive" (and it is sent once more). */
  settleMs: number;
  /** Pauses between looks while the run that lost the answer waits for that moment; the last one repeats. */
  pollMs: readonly number[];
}

/** 45 s after the attempt (30 s call budget + 15 s); looks again after 2, 3, 5, 10, 15, 15 … s. */
export const DEFAULT_LOOKUP_POLICY: LookupPolicy = { settleMs: 45_000, pollMs: [2_000, 3_000, 5_000, 10_000, 15_000] };

/** What looking a notification up told. */
type Finding =
  | { kind: 'found'; outcome: Extract<DeliveryOutcome, { state: 'sent' }> }
  /** Nothing with its key where it would be. */
  | { kind: 'absent' }
  /** Graph could not tell (refused, failed, another person's mailbox), or a mail still waits in Drafts; `why` in Dutch. */
  | { kind: 'unknown' | 'queued'; why: string };

/** One attempt of a step, planned before it is recorded as `sending`: its key, where a card goes, how to send it. */
interface Plan {
  key: string;
  card?: { target: ChannelRef; kind: 'full' | 'notice'; reason?: string; body: AdaptiveCardJson };
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
  private readonly policy: LookupPolicy;

  public constructor(private readonly deps: DatalekDeps) {
    this.policy = { ...DEFAULT_LOOKUP_POLICY, ...(deps.lookup ?? {}) };
  }

  private now(): Date {
    return this.deps.now ? this.deps.now() : new Date();
  }

  private delay(ms: number): Promise<void> {
    return this.deps.delay ? this.deps.delay(ms) : new Promise((resolve) => setTimeout(resolve, ms));
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
   * looked up first: found is recorded as sent; not found, once {@link LookupPolicy.settleMs} passed since the attempt,
   * is sent once more with the same key; where Graph cannot tell it stays `uncertain` with why, unless the caller
   * passes it in `confirmResend` after a person checked it did not arrive (then it is sent, if still not found).
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
        if (await this.tryRecord(report, id, step, remembered, registerErrors)) this.sentButUnrecorded.delete(key);
        continue;
      }
      if (needsConfirmation(stored)) {
        const goOn = await this.resolve(report, id, step, stored!, entry.events ?? [], confirmResend.includes(step), registerErrors);
        if (!goOn) continue;
      }
      await this.attempt(report, id, step, registerErrors);
    }
    entry = await this.deps.breaches.get(id);
    const delivery = readDelivery(entry.form);
    const unrecorded = DELIVERY_STEPS.filter((s) => this.sentButUnrecorded.has(`${id}:${s}`));
    for (const s of unrecorded) delivery[s] = this.sentButUnrecorded.get(`${id}:${s}`);
    return { id, report: this.validStored(entry), delivery, unrecorded, registerErrors };
  }

  /**
   * A step that may have arrived, from an earlier run: looks once (no waiting). Found: recorded as sent. Not found
   * after the settle time, or confirmed by a person: true (send once more). Graph cannot tell: recorded why, unless a
   * person confirmed. Not found yet within the settle time: left as it is for a later retry.
   */
  private async resolve(
    report: DatalekReport,
    id: number,
    step: DeliveryStep,
    stored: DeliveryOutcome,
    events: readonly BreachEvent[],
    confirmed: boolean,
    errors: string[],
  ): Promise<boolean> {
    const last = lastAttempt(events, step);
    const since = last?.at || stored.at || this.now().toISOString();
    const finding = await this.look(id, step, last, since, false);
    if (finding.kind === 'found') {
      await this.recordSent(report, id, step, finding.outcome, errors);
      return false;
    }
    if (confirmed) return true;
    // "Not found" only means something for an attempt that carried the key (not one from before the keys, nor a
    // report's own legacy claim): otherwise nobody can tell.
    const keyed = last?.details.key === deliveryKey(this.deps.host.siteUrl, id, step);
    if (finding.kind === 'absent' && keyed) return this.ageMs(since) >= this.policy.settleMs;
    const message =
      finding.kind === 'absent'
        ? `Niet na te gaan of ${stepNoun(step)} is aangekomen: verstuurd zonder kenmerk om op te zoeken (van vóór deze versie). Controleer het zelf en vink aan wat opnieuw moet.`
        : finding.why;
    // Recorded once per reason: a retry that learns nothing new adds nothing to the course.
    if (stored.state !== 'uncertain' || !stored.message.startsWith(message)) {
      const attempts = 'attempts' in stored ? stored.attempts : 1;
      await this.tryRecord(report, id, step, { state: 'uncertain', at: this.now().toISOString(), message, attempts }, errors);
    }
    return false;
  }

  /**
   * Sends a step: plans it (checks, builds the card), records `sending` with its key, sends. When no answer comes back
   * it looks the notification up, waiting up to the settle time: found is sent, absent is sent once more (same key),
   * anything else stays `uncertain` with what the send said and why it could not be told.
   */
  private async attempt(report: DatalekReport, id: number, step: DeliveryStep, errors: string[]): Promise<void> {
    for (let round = 0; round < 2; round++) {
      let plan: Plan;
      try {
        plan = await this.plan(report, id, step);
      } catch (e) {
        await this.tryRecord(report, id, step, { state: 'failed', at: this.now().toISOString(), message: errorText(e), attempts: 1 }, errors);
        return;
      }
      const startedAt = this.now().toISOString();
      const sending: DeliveryOutcome = {
        state: 'sending',
        at: startedAt,
        key: plan.key,
        ...(plan.card
          ? {
              team: plan.card.target.teamId,
              channel: plan.card.target.channelId,
              kind: plan.card.kind,
              ...(plan.card.reason ? { reason: plan.card.reason } : {}),
            }
          : {}),
      };
      if (!(await this.tryRecord(report, id, step, sending, errors))) return; // could not mark the attempt: do not send unrecorded
      let sentError: unknown;
      try {
        const sent = step === 'mail' ? await this.sendMail(report, plan.key) : await this.postCard(plan);
        await this.recordSent(report, id, step, { state: 'sent', at: this.now().toISOString(), ...sent }, errors);
        return;
      } catch (e) {
        sentError = e;
      }
      const message = errorText(sentError);
      if (!mayHaveLanded(sentError)) {
        await this.tryRecord(report, id, step, { state: 'failed', at: this.now().toISOString(), message, attempts: 1 }, errors);
        return;
      }
      // No answer (or a 5xx after the service may have taken it): it may have arrived. Look before anything else is sent.
      const attemptRecord = { at: startedAt, details: sending as Record<string, unknown> };
      const finding = await this.look(id, step, attemptRecord, startedAt, true);
      if (finding.kind === 'found') {
        await this.recordSent(report, id, step, finding.outcome, errors);
        return;
      }
      if (finding.kind === 'absent' && round === 0) continue; // did not arrive: send it once more, same key
      const why =
        finding.kind === 'absent'
          ? `Ook de tweede keer kwam er geen antwoord, en ${stepNoun(step)} is (nog) niet gevonden; "Opnieuw proberen" zoekt opnieuw en verstuurt alleen wat dan nog ontbreekt.`
          : finding.why;
      await this.tryRecord(report, id, step, { state: 'uncertain', at: this.now().toISOString(), message: `${why} (Verzendfout: ${message})`, attempts: 1 }, errors);
      return;
    }
  }

  /** Records a sent step; if the record fails, remembers it so the next retry records it instead of sending. */
  private async recordSent(
    report: DatalekReport,
    id: number,
    step: DeliveryStep,
    outcome: DeliveryOutcome,
    errors: string[],
  ): Promise<void> {
    const key = `${id}:${step}`;
    this.sentButUnrecorded.set(key, outcome);
    if (await this.tryRecord(report, id, step, outcome, errors)) this.sentButUnrecorded.delete(key);
  }

  /** Milliseconds since an ISO instant (0 for a malformed one: then nothing counts as settled). */
  private ageMs(iso: string): number {
    const t = Date.parse(iso);
    return Number.isFinite(t) ? this.now().getTime() - t : 0;
  }

  /**
   * Looks a notification up. With `wait`, an absent (or still queued) one is looked for again after the policy's
   * pauses until the settle time since `since` has passed; without, once.
   */
  private async look(
    id: number,
    step: DeliveryStep,
    attempt: AttemptRecord | undefined,
    since: string,
    wait: boolean,
  ): Promise<Finding> {
    for (let pause = 0; ; pause++) {
      const finding = step === 'mail' ? await this.lookForMail(id, attempt) : await this.lookForCard(id, attempt, since);
      if (finding.kind === 'found' || finding.kind === 'unknown' || !wait) return finding;
      const remaining = this.policy.settleMs - this.ageMs(since);
      if (remaining <= 0) return finding;
      const pauses = this.policy.pollMs.length ? this.policy.pollMs : [remaining];
      await this.delay(Math.max(0, Math.min(remaining, pauses[Math.min(pause, pauses.length - 1)])));
    }
  }

  /** The mail in its sender's Sent Items (sent) or Drafts (accepted, not yet sent); only the sender can look. */
  private async lookForMail(id: number, attempt: AttemptRecord | undefined): Promise<Finding> {
    const mail = this.deps.mail;
    const place = 'de Verzonden items van wie hem verstuurde';
    if (typeof mail.findSent !== 'function')
      return { kind: 'unknown', why: `Niet na te gaan of de mail is aangekomen: deze omgeving kan ${place} niet lezen. Controleer het daar zelf.` };
    const sender = attempt?.author;
    if (sender?.id && this.deps.site.currentUser) {
      const me = await this.deps.site.currentUser().catch(() => undefined);
      if (me && me.id !== sender.id)
        return {
          kind: 'unknown',
          why: `De mail ging uit de mailbox van ${sender.displayName || sender.email || 'een ander'}; alleen die kan in de eigen Verzonden items nagaan of hij is verstuurd.`,
        };
    }
    try {
      const found = await mail.findSent(deliveryKey(this.deps.host.siteUrl, id, 'mail'));
      if (found.state === 'sent')
        return { kind: 'found', outcome: { state: 'sent', at: this.now().toISOString(), ref: found.id, foundBy: 'lookup' } };
      if (found.state === 'queued')
        return {
          kind: 'queued',
          why: 'Exchange heeft de mail aangenomen maar nog niet verstuurd (hij staat nog in Concepten); "Opnieuw proberen" kijkt later opnieuw en verstuurt hem niet nog eens.',
        };
      return { kind: 'absent' };
    } catch (e) {
      return { kind: 'unknown', why: unavailableWhy(e, 'de mail', place) };
    }
  }

  /**
   * The card among the newest messages of the channel it went to (recorded with the attempt), or of every channel it
   * could have gone to (an attempt recorded before the channel was); any channel Graph could not read makes it unknown.
   */
  private async lookForCard(id: number, attempt: AttemptRecord | undefined, since: string): Promise<Finding> {
    const poster = this.deps.channel;
    const place = 'het kanaal';
    if (typeof poster.findCard !== 'function')
      return { kind: 'unknown', why: `Niet na te gaan of de kaart is geplaatst: deze omgeving kan ${place} niet lezen. Controleer het daar zelf.` };
    const d = attempt?.details ?? {};
    const recorded =
      typeof d.team === 'string' && typeof d.channel === 'string' ? { teamId: d.team, channelId: d.channel } : undefined;
    const candidates = recorded
      ? [recorded]
      : [this.deps.host.privacyChannel, this.deps.host.reminderChannel].filter(
          (c, i, all): c is ChannelRef => !!c && all.findIndex((o) => o?.teamId === c.teamId && o?.channelId === c.channelId) === i,
        );
    const cardId = deliveryKey(this.deps.host.siteUrl, id, 'card');
    let why: string | undefined;
    for (const channel of candidates) {
      try {
        const found = await poster.findCard(channel, cardId, { since });
        if (found) {
          const kind = d.kind === 'full' || d.kind === 'notice' ? d.kind : undefined;
          return {
            kind: 'found',
            outcome: {
              state: 'sent',
              at: this.now().toISOString(),
              ref: found.id,
              channel: channel.channelId,
              ...(kind ? { kind } : {}),
              ...(kind === 'notice' && typeof d.reason === 'string' ? { reason: d.reason } : {}),
              foundBy: 'lookup',
            },
          };
        }
      } catch (e) {
        why ??= unavailableWhy(e, 'de kaart', place);
      }
    }
    if (candidates.length === 0)
      return { kind: 'unknown', why: 'Niet na te gaan of de kaart is geplaatst: er is geen kanaal geconfigureerd om in te kijken.' };
    return why ? { kind: 'unknown', why } : { kind: 'absent' };
  }

  /** Records a procedure step the reporter did (bijlage 2: phoned a contact, confirmed the call in writing). */
  public async recordProcedure(
    id: number,
    step: 'phoned' | 'callConfirmed',
    phonedContact?: string,
  ): Promise<DatalekReport> {
    const report = this.validStored(await this.deps.breaches.get(id));
    await this.deps.breaches.appendEvent({
      reportId: id,
      party: report.reportingParty,
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

  /** Plans an attempt: the mail's key; for the card the channel check, the target and the card itself. */
  private async plan(report: DatalekReport, id: number, step: DeliveryStep): Promise<Plan> {
    const key = deliveryKey(this.deps.host.siteUrl, id, step);
    if (step === 'mail') return { key };
    return { key, card: await this.planCard(report, id, key) };
  }

  private async sendMail(report: DatalekReport, trackingKey: string): Promise<Record<string, never>> {
    // Dutch: the agreement and the other party's procedure are Dutch (bijlage 2b).
    const mail = buildDatalekOutgoingMail(report, this.deps.config, 'nl');
    if (mail.to.length === 0)
      throw new NotSentError(
        'Geen ontvangers: de configuratie noemt geen datalekadres of contactpersonen (bijlage 2a).',
      );
    await this.deps.mail.send({ to: mail.to, subject: mail.subject, blocks: mail.blocks, saveToSentItems: true, trackingKey });
    return {};
  }

  /**
   * Plans the breach card. The full card (description, personal data, data subjects, consequences, measures) goes only
   * to a private channel whose members are all privacy officers of the configuration or owners, checked with Graph
   * right before posting. Otherwise a card without personal data that links to the report goes to that channel, or,
   * when the poster cannot even read it (not a member of the private channel), to the reminder channel; the outcome
   * says which and why, and a privacy officer can post the full card later (annex 2; art. 9.6). The card carries
   * `cardId` (its first element's id), so it can be found again.
   */
  private async planCard(report: DatalekReport, id: number, cardId: string): Promise<NonNullable<Plan['card']>> {
    const channel = this.deps.host.privacyChannel;
    if (!channel)
      throw new NotSentError(
        'Geen kanaal van de privacy officers geconfigureerd (space.teamId en space.channelId, bijlage 2); de kaart is niet geplaatst.',
      );
    const verdict = await checkPrivacyChannel(this.deps, channel);
    // The card builder pulls in adaptive-expressions (large): loaded only when a card is actually posted.
    const cards = await import(/* webpackChunkName: 'datalek-card' */ '../cards/datalekCard');
    const link = reportLink(this.deps.host.siteUrl, id);
    try {
      if (verdict.full) {
        return { target: channel, kind: 'full', body: cards.buildDatalekCard(report, this.deps.config, link, { now: this.now(), cardId }) };
      }
      let target = channel;
      if (!verdict.readable) {
        if (!this.deps.host.reminderChannel)
          throw new NotSentError(
            `De kaart is niet geplaatst: ${verdict.reason}, en er is geen algemeen kanaal (space.reminderChannelId) voor een kaart zonder persoonsgegevens.`,
          );
        target = this.deps.host.reminderChannel;
      }
      const body = cards.buildDatalekNoticeCard(report, this.deps.config, link, verdict.reason, { now: this.now(), cardId });
      return { target, kind: 'notice', reason: verdict.reason, body };
    } catch (e) {
      throw e instanceof NotSentError ? e : new NotSentError(e instanceof Error ? e.message : String(e));
    }
  }

  /** Posts a planned card. */
  private async postCard(plan: Plan): Promise<CardSent> {
    const card = plan.card!;
    const posted = await this.deps.channel.postCard(card.target, card.body, { subject: 'Melding (mogelijk) datalek' });
    return {
      ref: posted.id,
      kind: card.kind,
      channel: card.target.channelId,
      ...(card.reason !== undefined ? { reason: card.reason } : {}),
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
    // The full card has a key of its own, so pressing again after a lost answer records the card that arrived instead
    // of posting it twice. Where the channel cannot be read the card is posted: the officer asked for it, and a second
    // copy in the officers' own channel harms less than none.
    const cardId = fullCardKey(this.deps.host.siteUrl, id);
    const found = await this.findOwnCard(channel, cardId, entry.reportedAt || this.now().toISOString());
    let ref = found?.id;
    if (!ref) {
      const { buildDatalekCard } = await import(/* webpackChunkName: 'datalek-card' */ '../cards/datalekCard');
      const card = buildDatalekCard(report, this.deps.config, reportLink(this.deps.host.siteUrl, id), { now: this.now(), cardId });
      ref = (await this.deps.channel.postCard(channel, card, { subject: 'Melding (mogelijk) datalek' })).id;
    }
    const errors: string[] = [];
    const outcome: DeliveryOutcome = {
      state: 'sent',
      at: this.now().toISOString(),
      ref,
      kind: 'full',
      channel: channel.channelId,
      ...(found ? { foundBy: 'lookup' as const } : {}),
    };
    await this.tryRecord(report, id, 'card', outcome, errors);
    const after = await this.deps.breaches.get(id);
    return { id, report: this.validStored(after), delivery: readDelivery(after.form), unrecorded: [], registerErrors: errors };
  }

  /** The card with this key among the channel's messages since `since`; undefined when absent or Graph cannot tell. */
  private async findOwnCard(channel: ChannelRef, cardId: string, since: string): Promise<PostedChannelMessage | undefined> {
    if (typeof this.deps.channel.findCard !== 'function') return undefined;
    try {
      return await this.deps.channel.findCard(channel, cardId, { since });
    } catch {
      return undefined;
    }
  }

  /** Appends one step's outcome to the Datalekverloop; on failure notes the error and returns false. */
  private async tryRecord(
    report: Pick<DatalekReport, 'reportingParty'>,
    id: number,
    step: DeliveryStep,
    outcome: DeliveryOutcome,
    errors: string[],
  ): Promise<boolean> {
    const { state, at, ...details } = outcome;
    try {
      await this.deps.breaches.appendEvent({ reportId: id, party: report.reportingParty, step, outcome: state, at, details });
      return true;
    } catch (e) {
      errors.push(e instanceof Error ? e.message : String(e));
      return false;
    }
  }
}

/** The attempt a lookup is about: the step's newest `sending` record (who wrote it, when, and its details). */
type AttemptRecord = Pick<BreachEvent, 'at' | 'author' | 'details'>;

function lastAttempt(events: readonly BreachEvent[], step: DeliveryStep): AttemptRecord | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.step === step && e.outcome === 'sending') return e;
  }
  return undefined;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function stepNoun(step: DeliveryStep): string {
  return step === 'mail' ? 'de mail' : 'de kaart';
}

/**
 * Why Graph could not tell whether `what` arrived (Dutch, for the person who must decide): a missing permission is
 * named; otherwise Graph's own answer.
 */
function unavailableWhy(e: unknown, what: string, place: string): string {
  const err = (e ?? {}) as { permission?: unknown; status?: unknown; message?: unknown };
  const detail = typeof err.message === 'string' ? err.message : String(e);
  if (typeof err.permission === 'string' && err.permission)
    return (
      `Niet na te gaan of ${what} is aangekomen: Graph weigert het lezen van ${place}; ` +
      `de machtiging ${err.permission} ontbreekt of is niet goedgekeurd (API-toegang in het SharePoint-beheercentrum). ` +
      `Controleer het zelf in ${place} en vink aan dat het niet is aangekomen. (${detail})`
    );
  return `Niet na te gaan of ${what} is aangekomen: Graph gaf geen bruikbaar antwoord (${detail}). "Opnieuw proberen" zoekt het opnieuw; controleer het anders zelf in ${place}.`;
}
