import { Button, Checkbox, MessageBar, MessageBarBody, Select, Subtitle2, Text } from '@fluentui/react-components';
import * as React from 'react';
import {
  DEFAULT_LOOKUP_POLICY,
  DELIVERY_STEPS,
  deliveryComplete,
  needsConfirmation,
  type DatalekDelivery,
  type DeliveryResult,
  type DeliveryStep,
} from '../../datalek';
import {
  deadline72h,
  formatAmsterdam,
  formatRemaining,
  procedureChecklist,
  type DatalekReport,
} from '../../domain/datalek';
import { format } from '../../loc/text';
import { FailureText } from '../common/ProblemText';
import { useServices, useStrings } from '../services';
import { outboxFor } from './outboxFor';
import { useDatalekStyles } from './useDatalekStyles';
import { useNow } from './useNow';

/** The 72-hour clock of AVG art. 33(1) for the controller party, as text. */
export function ClockText(props: { report: DatalekReport }): React.ReactElement {
  const t = useStrings();
  const styles = useDatalekStyles();
  const { config } = useServices();
  const now = useNow();
  const lang = t.lang === 'en' ? 'en' : 'nl';
  const r = props.report;
  if (!r.discoveredAt) return <Text>{t.datalekClockUnknown}</Text>;
  if (r.apDecision) return <Text data-testid="datalek-clock">{t.datalekClockDecided}</Text>;
  const d = deadline72h(r.discoveredAt, now);
  const controller = config.parties.find((p) => p.key === r.controllerParty)?.shortName ?? r.controllerParty;
  return (
    <Text
      data-testid="datalek-clock"
      className={d.overdue || d.remainingMs < 24 * 3_600_000 ? styles.bad : styles.warn}
    >
      {format(t.datalekClock, {
        party: controller,
        due: formatAmsterdam(new Date(d.dueAt), lang),
        remaining: formatRemaining(d, lang),
      })}
    </Text>
  );
}

/** Props of {@link DeliveryPanel}. */
export interface DeliveryPanelProps {
  id: number;
  report: DatalekReport;
  delivery: DatalekDelivery;
  /** Called with the new state after a retry or a recorded procedure step. */
  onUpdate: (result: { report: DatalekReport; delivery?: DatalekDelivery }) => void;
  /** Extra problems to show (register writes that failed during the last run). */
  registerErrors?: string[];
  unrecorded?: DeliveryStep[];
  /** The reporter may record the procedure steps; others (privacy officers) see them read-only. Default true. */
  reporterView?: boolean;
}

/**
 * What went out for a stored report (mail to the other party, card to the privacy officers) with a retry that never
 * resends what was sent, and the reporter's checklist for the rest of bijlage 2 (phone a contact, confirm in writing).
 */
export function DeliveryPanel(props: DeliveryPanelProps): React.ReactElement {
  const t = useStrings();
  const styles = useDatalekStyles();
  const services = useServices();
  const outbox = outboxFor(services);
  const lang = t.lang === 'en' ? 'en' : 'nl';
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const [confirm, setConfirm] = React.useState<DeliveryStep[]>([]);
  const [problems, setProblems] = React.useState<string[]>(props.registerErrors ?? []);
  const [contact, setContact] = React.useState('');
  const [unrecorded, setUnrecorded] = React.useState<DeliveryStep[]>(props.unrecorded ?? []);
  React.useEffect(() => setUnrecorded(props.unrecorded ?? []), [props.unrecorded]);
  const { delivery, report } = props;
  const reporterView = props.reporterView ?? true;
  // Ticks so that a step that may have arrived becomes retryable once the outbox may look it up and conclude.
  const now = useNow(5_000);

  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const retry = (): Promise<void> =>
    run(async () => {
      const r: DeliveryResult = await outbox.deliver(props.id, confirm);
      setConfirm([]);
      setProblems(r.registerErrors);
      setUnrecorded(r.unrecorded);
      props.onUpdate({ report: r.report, delivery: r.delivery });
    });
  const postFull = (): Promise<void> =>
    run(async () => {
      const r = await outbox.postFullCard(props.id);
      setProblems(r.registerErrors);
      props.onUpdate({ report: r.report, delivery: r.delivery });
    });
  const record = (step: 'phoned' | 'callConfirmed'): Promise<void> =>
    run(async () => {
      const next = await outbox.recordProcedure(props.id, step, step === 'phoned' ? contact : undefined);
      props.onUpdate({ report: next });
    });
  const stepLabel = (s: DeliveryStep): string => (s === 'mail' ? t.datalekStepMail : t.datalekStepCard);
  const stateText = (s: DeliveryStep): string => {
    const o = delivery[s];
    if (!o) return t.datalekStateNotYet;
    const at = o.at ? formatAmsterdam(new Date(o.at), lang) : '';
    if (o.state === 'sent' && o.kind === 'notice')
      return format(t.datalekStateSentNotice, { at, reason: o.reason ?? '' });
    if (o.state === 'sent') return format(t.datalekStateSent, { at });
    if (o.state === 'sending') return format(t.datalekStateSending, { at });
    if (o.state === 'failed') return format(t.datalekStateFailed, { at, message: o.message, attempts: o.attempts });
    return format(t.datalekStateUncertain, { at, message: o.message });
  };
  const complete = deliveryComplete(delivery) && unrecorded.length === 0;
  // A step that may have arrived is looked up by the retry (the sender's Sent Items, the channel); "not found" only
  // counts once the attempt is settled, so until then the retry waits, unless a person confirmed it did not arrive.
  const lookupFrom = (s: DeliveryStep): number => {
    const t = Date.parse(delivery[s]?.at ?? '');
    return Number.isFinite(t) ? t + DEFAULT_LOOKUP_POLICY.settleMs : 0;
  };
  const awaiting = DELIVERY_STEPS.filter(
    (s) => needsConfirmation(delivery[s]) && !confirm.includes(s) && now.getTime() < lookupFrom(s),
  );
  const actionable =
    unrecorded.length > 0 || DELIVERY_STEPS.some((s) => delivery[s]?.state !== 'sent' && !awaiting.includes(s));
  const checklist = procedureChecklist(report, services.config, lang);
  const phones = checklist.find((s) => s.key === 'phoned')?.phoneNumbers ?? [];
  return (
    <div className={styles.panel}>
      <section className={styles.section} data-testid="datalek-delivery">
        <Subtitle2 as="h3">{t.datalekDeliveryTitle}</Subtitle2>
        <ul className={styles.list}>
          {DELIVERY_STEPS.map((s) => (
            <li key={s} data-step={s} data-state={delivery[s]?.state ?? 'none'}>
              <Text weight="semibold">{stepLabel(s)}: </Text>
              <Text className={delivery[s]?.state === 'sent' ? styles.ok : delivery[s] ? styles.bad : styles.muted}>
                {stateText(s)}
              </Text>
              {awaiting.includes(s) && (
                <Text className={styles.muted} data-testid={`datalek-lookup-${s}`}>
                  {format(t.datalekLookupFrom, { at: formatAmsterdam(new Date(lookupFrom(s)), lang) })}
                </Text>
              )}
              {needsConfirmation(delivery[s]) && (
                <Checkbox
                  data-testid={`datalek-confirm-${s}`}
                  label={t.datalekConfirmResend}
                  checked={confirm.includes(s)}
                  onChange={(_, d) => setConfirm((c) => (d.checked ? [...c, s] : c.filter((x) => x !== s)))}
                />
              )}
            </li>
          ))}
        </ul>
        {!reporterView && delivery.card?.state === 'sent' && delivery.card.kind === 'notice' && (
          <div className={styles.actions}>
            <Button
              data-testid="datalek-full-card"
              disabled={busy}
              onClick={() => {
                postFull().catch(() => undefined);
              }}
            >
              {t.datalekPostFullCard}
            </Button>
          </div>
        )}
        {unrecorded.length > 0 && <Text className={styles.warn}>{t.datalekUnrecorded}</Text>}
        {problems.map((p, i) => (
          <Text key={i} className={styles.warn}>
            {format(t.datalekRegisterWriteFailed, { message: p })}
          </Text>
        ))}
        {!complete && (
          <div className={styles.actions}>
            <Button
              appearance="primary"
              data-testid="datalek-retry"
              disabled={busy || !actionable}
              onClick={() => {
                retry().catch(() => undefined);
              }}
            >
              {t.datalekRetry}
            </Button>
          </div>
        )}
        {!complete && !actionable && <Text className={styles.warn}>{t.datalekConfirmFirst}</Text>}
        {error !== undefined && (
          <MessageBar intent="error">
            <MessageBarBody>
              <FailureText error={error} />
            </MessageBarBody>
          </MessageBar>
        )}
      </section>

      <section className={styles.section} data-testid="datalek-checklist">
        <Subtitle2 as="h3">{reporterView ? t.datalekChecklistTitle : t.datalekChecklistTitleOthers}</Subtitle2>
        <ClockText report={report} />
        <ol className={styles.list}>
          {checklist.map((step) => (
            <li key={step.key} data-step={step.key} data-done={step.done ? 'true' : 'false'}>
              <Text className={step.done ? styles.ok : undefined}>
                {step.done ? '✓ ' : ''}
                {step.text} ({step.article}){step.doneAt ? ` — ${formatAmsterdam(new Date(step.doneAt), lang)}` : ''}
              </Text>
              {step.key === 'phoned' && (
                <ul className={styles.list} data-testid="datalek-phone-numbers">
                  {phones.map((p) => (
                    <li key={`${p.party}-${p.order}`}>
                      <Text>{`${p.party} ${format(t.datalekContactOrder, { order: p.order })}: ${p.name}, ${p.phone}`}</Text>
                    </li>
                  ))}
                </ul>
              )}
              {reporterView && step.key === 'phoned' && !step.done && (
                <div className={styles.actions}>
                  <Select aria-label={t.datalekWhoPhoned} value={contact} onChange={(_, d) => setContact(d.value)}>
                    <option value="">{t.datalekWhoPhoned}</option>
                    {phones.map((p) => (
                      <option key={`${p.party}-${p.order}`} value={p.name}>
                        {p.name}
                      </option>
                    ))}
                  </Select>
                  <Button
                    data-testid="datalek-phoned"
                    disabled={busy || !contact}
                    onClick={() => {
                      record('phoned').catch(() => undefined);
                    }}
                  >
                    {t.datalekMarkPhoned}
                  </Button>
                </div>
              )}
              {reporterView && step.key === 'callConfirmed' && !step.done && report.procedure.phonedAt && (
                <Button
                  data-testid="datalek-confirmed"
                  disabled={busy}
                  onClick={() => {
                    record('callConfirmed').catch(() => undefined);
                  }}
                >
                  {t.datalekMarkConfirmed}
                </Button>
              )}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
