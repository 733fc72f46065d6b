import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import * as React from 'react';
import { toToday } from '../../domain/overleg';
import { format } from '../../loc/text';
import { problemOf } from '../../domain/common/failure';
import { canPlan, checkReminders, loadPlan, type OverlegPlan, type ReminderOutcome } from '../../overleg';
import { ProblemText } from '../common/ProblemText';
import { formatDate } from '../overview/formatDate';
import { useServices, useStrings } from '../services';
import { onPlanChanged } from './events';
import { statusText } from './labels';
import { useOverlegStyles } from './useOverlegStyles';

/** Props of {@link OverlegBanner}. */
export interface OverlegBannerProps {
  /** Opens the Overleg tab. */
  onOpen: () => void;
}

/**
 * The dashboard banner when a meeting is due within its lead time or overdue. Those who plan meetings (the domain's
 * rule, `canPlan`: the accounthouders, art. 5, and the DVA owners, art. 12) see it as a warning, red when overdue, with
 * the way to the Overleg tab; everyone else can do nothing about it and sees a quiet notice of who plans it. Loading it
 * also runs the reminder check, which posts each due reminder card to the Team's channel once (claimed in the
 * Herinneringen list). People outside the parties see nothing (the lists refuse them anyway, art. 10.1).
 */
export default function OverlegBanner(props: OverlegBannerProps): React.ReactElement | null {
  const services = useServices();
  const t = useStrings();
  const styles = useOverlegStyles();
  const [plan, setPlan] = React.useState<OverlegPlan | null>(null);
  const [mayPlan, setMayPlan] = React.useState(false);
  const [failed, setFailed] = React.useState<ReminderOutcome[]>([]);
  const [generation, setGeneration] = React.useState(0);
  React.useEffect(() => onPlanChanged(() => setGeneration((g) => g + 1)), []);
  React.useEffect(() => {
    let current = true;
    (async () => {
      let loaded: OverlegPlan;
      try {
        const me = await services.directory.currentUser();
        if (!me.party) return;
        loaded = await loadPlan(services, toToday(new Date()));
        if (current) setMayPlan(canPlan(services.config, me));
      } catch {
        // A plan that cannot be read (e.g. no access, art. 10.1) shows in the Overleg tab itself, not twice.
        return;
      }
      if (!current) return;
      setPlan(loaded);
      // The reminder check is background work: it waits until the browser is idle, so it never competes with the
      // dashboard's first render (at most 3 requests) — the plan came in the same batch as the Overzicht.
      await whenIdle();
      if (!current) return;
      try {
        const outcomes = await checkReminders(services, loaded, { lang: t.lang === 'en' ? 'en' : 'nl' });
        if (current) setFailed(outcomes.filter((o) => o.result === 'failed'));
      } catch (e) {
        if (current) setFailed([{ meetingKey: '', key: 'check', result: 'failed', problem: problemOf(undefined, e) }]);
      }
    })().catch(() => undefined);
    return () => {
      current = false;
    };
  }, [services, generation, t.lang]);
  const due = plan?.rows.filter((r) => r.item.status !== 'ok') ?? [];
  if (due.length === 0 && failed.length === 0) return null;
  return (
    <div className={styles.banner}>
      {due.length > 0 && !mayPlan && (
        <Text size={200} className={styles.muted} data-testid="overleg-notice">
          {format(t.overlegNotice, { titles: due.map((r) => r.item.title).join(', ') })}
        </Text>
      )}
      {due.length > 0 && mayPlan && (
        <MessageBar
          intent={due.some((r) => r.item.status === 'overdue') ? 'error' : 'warning'}
          layout="multiline"
          data-testid="overleg-banner"
        >
          <MessageBarBody>
            <MessageBarTitle>{t.overlegBannerTitle}</MessageBarTitle>
            <ul className={styles.bannerList}>
              {due.map((r) => (
                <li key={r.item.meetingKey}>
                  {format(t.overlegBannerLine, {
                    title: r.item.title,
                    status: statusText(t, r.item),
                    date: formatDate(r.item.nextDue),
                    source: r.item.source,
                  })}
                  {r.planned ? ` — ${t.overlegColPlanned.toLowerCase()} ${formatDate(r.planned.date)}` : ''}
                </li>
              ))}
            </ul>
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={props.onOpen}>{t.overlegBannerOpen}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {failed.map((f) => (
        <MessageBar key={f.key} intent="warning" layout="multiline">
          <MessageBarBody>
            {t.overlegReminderFailed} {f.problem ? <ProblemText problem={f.problem} /> : null}
          </MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}

/** Resolves when the browser is idle (after pending rendering), or on the next macrotask where there is no idle callback. */
function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number })
      .requestIdleCallback;
    if (idle) idle(() => resolve(), { timeout: 2000 });
    else setTimeout(resolve, 0);
  });
}
