import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
} from '@fluentui/react-components';
import * as React from 'react';
import { format } from '../../loc/text';
import { randomId } from '../../domain/common/randomId';
import type { AgendaItem, MeetingAttendee, PlannedMeeting } from '../../domain/overleg';
import { confirmPlan, proposeFromDirectory, type ConfirmedPlan, type PlanRow } from '../../overleg';
import type { UserProfile } from '../../ports';
import { DateTextField, unreadFieldText } from '../common/DateTextField';
import { useFocusAfter } from '../common/focusAfter';
import { OutcomeMessage } from '../common/OutcomeMessage';
import { useAsync } from '../common/useAsync';
import { formatDate } from '../overview/formatDate';
import { useServices, useStrings } from '../services';
import { downloadIcs } from './downloadIcs';
import { failureText, pick } from './labels';
import { useOverlegStyles } from './useOverlegStyles';

/** Props of {@link PlanDialog}. */
export interface PlanDialogProps {
  row: PlanRow;
  today: string;
  me: UserProfile;
  /** Called with true when a meeting was planned. */
  onClose: (changed: boolean) => void;
}

/**
 * "Plannen": the proposed date (on or before the due date), attendees by function title (art. 7.1; a missing role is
 * warned), the agenda with the mandatory topics (art. 6.2) that cannot be removed; confirm creates the yearly event
 * with reminder in the organiser's calendar, "Download .ics" gives the same meeting for people outside the tenant.
 */
export function PlanDialog(props: PlanDialogProps): React.ReactElement {
  const services = useServices();
  const t = useStrings();
  const { row, today } = props;
  const proposal = useAsync(() => proposeFromDirectory(services, row.item, today), [services, row.item, today]);
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && props.onClose(false)}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{format(t.overlegPlanTitle, { title: row.item.title })}</DialogTitle>
          {proposal.status === 'loading' && (
            <DialogContent>
              <Spinner label={t.loading} />
            </DialogContent>
          )}
          {proposal.status === 'error' && (
            <DialogContent>
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>{failureText(t, proposal.error)}</MessageBarBody>
              </MessageBar>
            </DialogContent>
          )}
          {proposal.status === 'ok' && !proposal.value.ok && (
            <DialogContent>
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>{pick(t, proposal.value.error)}</MessageBarBody>
              </MessageBar>
            </DialogContent>
          )}
          {proposal.status === 'ok' && proposal.value.ok && (
            <PlanForm {...props} initial={proposal.value.meeting} warnings={proposal.value.warnings.map((w) => `${pick(t, w)} (${w.article})`)} directoryError={proposal.value.directoryError} />
          )}
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

interface PlanFormProps extends PlanDialogProps {
  initial: PlannedMeeting;
  warnings: string[];
  directoryError?: string;
}

function PlanForm(props: PlanFormProps): React.ReactElement {
  const services = useServices();
  const t = useStrings();
  const styles = useOverlegStyles();
  const { initial } = props;
  const [date, setDate] = React.useState(initial.start.slice(0, 10));
  const [startTime, setStartTime] = React.useState(initial.start.slice(11, 16));
  const [endTime, setEndTime] = React.useState(initial.end.slice(11, 16));
  const [attendees, setAttendees] = React.useState<MeetingAttendee[]>(initial.attendees);
  const [agenda, setAgenda] = React.useState<AgendaItem[]>(initial.agenda);
  const [newAttendee, setNewAttendee] = React.useState('');
  const [newTopic, setNewTopic] = React.useState('');
  const [moveReason, setMoveReason] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [done, setDone] = React.useState<ConfirmedPlan | null>(null);
  // one attempt while the dialog is open: confirming again after an error repeats it, never doubles it
  const [attemptId] = React.useState(randomId);
  // focus follows the answer: the error, or the message that the meeting is planned (the form and its button are gone)
  const focus = useFocusAfter<'error' | 'done'>();
  // after "Verwijderen" (its button is gone): the remove button that took its place, else the list's last, else the
  // field that adds one
  const lists = { attendees: React.useRef<HTMLUListElement>(null), agenda: React.useRef<HTMLOListElement>(null) };
  const adders = { attendees: React.useRef<HTMLInputElement>(null), agenda: React.useRef<HTMLInputElement>(null) };
  const refocus = React.useRef<{ list: keyof typeof lists; index: number }>();
  React.useEffect(() => {
    const r = refocus.current;
    if (!r) return;
    refocus.current = undefined;
    const buttons = Array.from(lists[r.list].current?.querySelectorAll<HTMLElement>('[data-remove]') ?? []);
    (buttons[Math.min(r.index, buttons.length - 1)] ?? adders[r.list].current)?.focus();
  });
  const removing = (list: keyof typeof lists, button: HTMLElement): void => {
    const buttons = Array.from(lists[list].current?.querySelectorAll<HTMLElement>('[data-remove]') ?? []);
    refocus.current = { list, index: Math.max(0, buttons.indexOf(button)) };
  };
  /** Enter in an "add" field adds, as its button does. */
  const onEnter =
    (add: () => void): ((e: React.KeyboardEvent) => void) =>
    (e) => {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      add();
    };
  const meeting: PlannedMeeting = { ...initial, start: `${date}T${startTime}`, end: `${date}T${endTime}`, attendees, agenda };
  const addAttendee = (): void => {
    const email = newAttendee.trim();
    if (!email || attendees.some((a) => a.email.toLowerCase() === email.toLowerCase())) return;
    setAttendees([...attendees, { name: email, email, party: '', functionTitle: '', required: false, source: t.overlegAdded }]);
    setNewAttendee('');
  };
  const addTopic = (): void => {
    const label = newTopic.trim();
    if (!label) return;
    setAgenda([...agenda, { key: `extra-${agenda.length + 1}`, label, source: '', mandatory: false }]);
    setNewTopic('');
  };
  const confirm = async (): Promise<void> => {
    // a date or time the field could not read is named as typed (the plan's check names the stored form)
    const unread = [
      unreadFieldText(t, 'date', t.overlegDate, date),
      unreadFieldText(t, 'time', t.overlegStart, startTime),
      unreadFieldText(t, 'time', t.overlegEnd, endTime),
    ].filter(Boolean);
    if (unread.length) {
      focus.focusNext('error');
      setError(unread.join(' '));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const confirmed = await confirmPlan(services, meeting, props.today, { moveReason, attemptId });
      focus.focusNext('done');
      setDone(confirmed);
    } catch (e) {
      focus.focusNext('error');
      setError(failureText(t, e));
    } finally {
      setBusy(false);
    }
  };
  const ics = (): void => {
    setError(null);
    downloadIcs(meeting, props.me, services.host.siteUrl).catch((e: unknown) => setError(failureText(t, e)));
  };
  if (done) {
    const days = Math.min(...initial.reminderLeadDays);
    return (
      <>
        <DialogContent>
          <OutcomeMessage target={focus.target('done')} role="status" intent="success" data-testid="overleg-planned">
            {format(t.overlegPlannedDone, { date: formatDate(date), days })}{' '}
            {done.event.webLink && (
              <Link href={done.event.webLink} target="_blank" rel="noreferrer">
                {t.overlegOpenEvent}
              </Link>
            )}
          </OutcomeMessage>
        </DialogContent>
        <DialogActions>
          <Button onClick={ics}>{t.overlegDownloadIcs}</Button>
          <Button appearance="primary" onClick={() => props.onClose(true)}>
            {t.overlegClose}
          </Button>
        </DialogActions>
      </>
    );
  }
  return (
    <>
      <DialogContent className={styles.form}>
        {props.directoryError && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{format(t.overlegDirectoryError, { error: props.directoryError })}</MessageBarBody>
          </MessageBar>
        )}
        {props.warnings.length > 0 && (
          <MessageBar intent="warning" layout="multiline" data-testid="overleg-warnings">
            <MessageBarBody>
              <MessageBarTitle>{t.overlegWarnings}</MessageBarTitle>
              <ul className={styles.bannerList}>
                {props.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.row}>
          <DateTextField kind="date" label={t.overlegDate} value={date} onChange={setDate} inputTestId="overleg-date" />
          <DateTextField kind="time" label={t.overlegStart} value={startTime} onChange={setStartTime} inputTestId="overleg-start" />
          <DateTextField kind="time" label={t.overlegEnd} value={endTime} onChange={setEndTime} inputTestId="overleg-end" />
        </div>
        {initial.kind === 'evaluatie' && (
          <Field label={t.overlegMoveReason}>
            <Input value={moveReason} onChange={(_, d) => setMoveReason(d.value)} />
          </Field>
        )}
        <Subtitle2 as="h3">{t.overlegAttendees}</Subtitle2>
        <ul ref={lists.attendees} className={styles.list} data-testid="overleg-attendees">
          {attendees.map((a) => (
            <li key={a.email} className={styles.item}>
              <Text>
                {a.name} {a.functionTitle && <span className={styles.muted}>— {a.functionTitle}</span>}
              </Text>
              <Badge appearance="tint" color={a.required ? 'brand' : 'informative'}>
                {a.required ? format(t.overlegRequired, { source: a.source }) : format(t.overlegSuggested, { source: a.source })}
              </Badge>
              <Button
                size="small"
                appearance="subtle"
                data-remove
                aria-label={`${t.overlegRemove}: ${a.name}`}
                onClick={(e) => {
                  removing('attendees', e.currentTarget);
                  setAttendees(attendees.filter((x) => x !== a));
                }}
              >
                {t.overlegRemove}
              </Button>
            </li>
          ))}
        </ul>
        <div className={styles.row}>
          <Field label={t.overlegAddAttendee} className={styles.grow}>
            <Input
              ref={adders.attendees}
              type="email"
              value={newAttendee}
              onChange={(_, d) => setNewAttendee(d.value)}
              onKeyDown={onEnter(addAttendee)}
            />
          </Field>
          <Button onClick={addAttendee}>{t.overlegAdd}</Button>
        </div>
        <Subtitle2 as="h3">{t.overlegAgenda}</Subtitle2>
        <ol ref={lists.agenda} className={styles.list} data-testid="overleg-agenda">
          {agenda.map((a) => (
            <li key={a.key} className={styles.item}>
              <Text>{a.label}</Text>
              {a.mandatory ? (
                <Badge appearance="tint" color="brand">
                  {format(t.overlegMandatory, { source: a.source })}
                </Badge>
              ) : (
                <Button
                  size="small"
                  appearance="subtle"
                  data-remove
                  aria-label={`${t.overlegRemove}: ${a.label}`}
                  onClick={(e) => {
                    removing('agenda', e.currentTarget);
                    setAgenda(agenda.filter((x) => x !== a));
                  }}
                >
                  {t.overlegRemove}
                </Button>
              )}
            </li>
          ))}
        </ol>
        <div className={styles.row}>
          <Field label={t.overlegAddTopic} className={styles.grow}>
            <Input
              ref={adders.agenda}
              value={newTopic}
              onChange={(_, d) => setNewTopic(d.value)}
              onKeyDown={onEnter(addTopic)}
            />
          </Field>
          <Button onClick={addTopic}>{t.overlegAdd}</Button>
        </div>
        {error && (
          <OutcomeMessage target={focus.target('error')} role="alert" intent="error" data-testid="overleg-error">
            {error}
          </OutcomeMessage>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={() => props.onClose(false)}>{t.overlegCancel}</Button>
        <Button onClick={ics}>{t.overlegDownloadIcs}</Button>
        <Button appearance="primary" disabled={busy} onClick={() => confirm().catch(() => undefined)}>
          {busy ? <Spinner size="tiny" /> : t.overlegConfirm}
        </Button>
      </DialogActions>
    </>
  );
}
