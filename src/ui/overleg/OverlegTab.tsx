import {
  Badge,
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import * as React from 'react';
import { toToday } from '../../domain/overleg';
import { canPlan, loadPlan, type PlanRow } from '../../overleg';
import { Failure } from '../common/Failure';
import { useReturnFocus } from '../common/focusAfter';
import { useAsync } from '../common/useAsync';
import { formatDate } from '../overview/formatDate';
import { useServices, useStrings } from '../services';
import { notifyPlanChanged } from './events';
import { pick, statusText } from './labels';
import { PlanDialog } from './PlanDialog';
import { RecordDialog } from './RecordDialog';
import { useOverlegStyles } from './useOverlegStyles';

type Open = { kind: 'plan' | 'record'; row: PlanRow } | null;

/**
 * The Overleg tab: per configured series when it was last held, when it is next due (art. 6, 7, 12, 13.2),
 * its status and the planned meeting; accounthouders plan a meeting or record one that took place.
 */
export default function OverlegTab(): React.ReactElement {
  const services = useServices();
  const t = useStrings();
  const styles = useOverlegStyles();
  const state = useAsync(async () => {
    const today = toToday(new Date());
    const [plan, me] = await Promise.all([loadPlan(services, today), services.directory.currentUser()]);
    return { plan, me, mayPlan: canPlan(services.config, me) };
  }, [services]);
  const [open, setOpen] = React.useState<Open>(null);
  // focus goes back to the row's button that opened the dialog when it closes
  const returnFocusTo = useReturnFocus(open !== null);
  const show = (next: NonNullable<Open>, button: HTMLElement): void => {
    returnFocusTo(button);
    setOpen(next);
  };
  const { refresh } = state;
  // after a change the plan is read again behind the table, so the button that opened the dialog stays and takes focus
  // back (reading from 'loading' would remove it and drop focus to the page)
  const close = React.useCallback(
    (changed: boolean) => {
      setOpen(null);
      if (changed) {
        refresh();
        notifyPlanChanged();
      }
    },
    [refresh],
  );
  if (state.status === 'loading') return <Spinner label={t.loading} />;
  if (state.status === 'error') return <Failure error={state.error} onRetry={state.reload} />;
  const { plan, me, mayPlan } = state.value;
  const notes = [...new Map(plan.rows.flatMap((r) => r.item.notes).map((n) => [n.code + n.nl, n])).values()];
  return (
    <div className={styles.root} data-testid="overleg">
      <Body1>{t.overlegIntro}</Body1>
      {notes.map((n) => (
        <MessageBar key={n.code + n.nl} intent="info" layout="multiline">
          <MessageBarBody>
            {pick(t, n)} ({n.article})
          </MessageBarBody>
        </MessageBar>
      ))}
      <Table className={styles.table} aria-label={t.tabOverleg}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.overlegColSeries}</TableHeaderCell>
            <TableHeaderCell>{t.overlegColLastHeld}</TableHeaderCell>
            <TableHeaderCell>{t.overlegColNextDue}</TableHeaderCell>
            <TableHeaderCell>{t.overlegColStatus}</TableHeaderCell>
            <TableHeaderCell>{t.overlegColPlanned}</TableHeaderCell>
            {mayPlan && <TableHeaderCell>{t.overlegColActions}</TableHeaderCell>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {plan.rows.map((row) => (
            <TableRow key={row.item.meetingKey} data-meeting={row.item.meetingKey} data-status={row.item.status}>
              <TableCell>
                {row.item.title} <span className={styles.muted}>({row.item.source})</span>
              </TableCell>
              <TableCell className={styles.nowrap}>
                {row.item.lastHeld ? formatDate(row.item.lastHeld) : t.overlegNever}
              </TableCell>
              <TableCell className={styles.nowrap}>{formatDate(row.item.nextDue)}</TableCell>
              <TableCell>
                <Badge
                  appearance="tint"
                  color={row.item.status === 'overdue' ? 'danger' : row.item.status === 'due-soon' ? 'warning' : 'success'}
                >
                  {statusText(t, row.item)}
                </Badge>
              </TableCell>
              <TableCell className={styles.nowrap}>{row.planned ? formatDate(row.planned.date) : '—'}</TableCell>
              {mayPlan && (
                <TableCell>
                  <div className={styles.actions}>
                    <Button
                      size="small"
                      aria-label={`${t.overlegPlan}: ${row.item.title}`}
                      onClick={(e) => show({ kind: 'plan', row }, e.currentTarget)}
                    >
                      {t.overlegPlan}
                    </Button>
                    <Button
                      size="small"
                      appearance="subtle"
                      aria-label={`${t.overlegRecord}: ${row.item.title}`}
                      onClick={(e) => show({ kind: 'record', row }, e.currentTarget)}
                    >
                      {t.overlegRecord}
                    </Button>
                  </div>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {!mayPlan && <Body1 className={styles.muted}>{t.overlegReadOnly}</Body1>}
      {open?.kind === 'plan' && <PlanDialog row={open.row} today={plan.today} me={me} onClose={close} />}
      {open?.kind === 'record' && <RecordDialog row={open.row} today={plan.today} onClose={close} />}
    </div>
  );
}
