import { Badge, Select, Spinner, Subtitle2, Text } from '@fluentui/react-components';
import * as React from 'react';
import type { WorkbenchSession } from '../../session';
import { describeRecurrence, describeReminder } from './describeRecurrence';
import { htmlToText } from './htmlToText';
import { calendar, type CalendarEvent } from './readback';
import { usePaneStyles } from './usePaneStyles';
import { usePolling } from './usePolling';

const ATTENDANCE: Record<string, string> = { required: 'verplicht', optional: 'optioneel', resource: 'middel' };

/** Props of {@link CalendarPane}. */
export interface CalendarPaneProps {
  calendars: WorkbenchSession['calendars'];
  selected: string | undefined;
  onSelect: (owner: string) => void;
}

/** "Agenda": events in a user's or the Team's calendar with recurrence, reminder and whether the reminder really fires. */
export default function CalendarPane(props: CalendarPaneProps): React.ReactElement {
  const styles = usePaneStyles();
  const owner = props.selected && props.calendars.some((c) => c.owner === props.selected) ? props.selected : props.calendars[0]?.owner;
  return (
    <div className={styles.root} data-testid="pane-agenda">
      <div className={styles.toolbar}>
        <Subtitle2 as="h2">Agenda</Subtitle2>
        <Select aria-label="Agenda" value={owner} onChange={(_, d) => props.onSelect(d.value)}>
          {props.calendars.map((c) => (
            <option key={c.owner} value={c.owner}>
              {c.label}
            </option>
          ))}
        </Select>
      </div>
      {owner && <Events key={owner} owner={owner} />}
    </div>
  );
}

function Events(props: { owner: string }): React.ReactElement {
  const styles = usePaneStyles();
  const state = usePolling(() => calendar(props.owner), props.owner);
  if (state.status === 'loading') return <Spinner size="small" label="Agenda lezen…" />;
  if (state.status === 'error') return <Text className={styles.warn}>{state.message}</Text>;
  const { events, invitations } = state.value;
  if (events.length + invitations.length === 0) return <Text className={styles.meta}>Geen afspraken.</Text>;
  return (
    <>
      {events.map((e) => (
        <Event key={e.id} event={e} invited={false} />
      ))}
      {invitations.map((e) => (
        <Event key={`inv-${e.id}`} event={e} invited />
      ))}
    </>
  );
}

function Event(props: { event: CalendarEvent; invited: boolean }): React.ReactElement {
  const styles = usePaneStyles();
  const e = props.event;
  const fires = e._emulator?.reminderFires;
  const body = e.body.contentType === 'html' ? htmlToText(e.body.content) : e.body.content;
  return (
    <article className={styles.item} data-testid="calendar-event">
      <Text weight="semibold">
        {e.subject || '(geen onderwerp)'} {props.invited && <Badge appearance="outline">uitnodiging</Badge>}
      </Text>
      <dl className={`${styles.facts} ${styles.meta}`}>
        <dt>Wanneer</dt>
        <dd>
          {e.start.dateTime.slice(0, 16).replace('T', ' ')} – {e.end.dateTime.slice(0, 16).replace('T', ' ')} ({e.start.timeZone})
        </dd>
        {e.recurrence && (
          <>
            <dt>Herhaling</dt>
            <dd>{describeRecurrence(e.recurrence)}</dd>
          </>
        )}
        <dt>Herinnering</dt>
        <dd>
          {e.isReminderOn ? describeReminder(e.reminderMinutesBeforeStart) : 'uit'}
          {fires === false && <span className={styles.warn}> — gaat niet af: {e._emulator?.reason}</span>}
        </dd>
        <dt>Organisator</dt>
        <dd>{e.organizer.emailAddress.name ?? e.organizer.emailAddress.address}</dd>
        {e.attendees.length > 0 && (
          <>
            <dt>Deelnemers</dt>
            <dd>{e.attendees.map((a) => `${a.emailAddress.name ?? a.emailAddress.address} (${ATTENDANCE[a.type] ?? a.type})`).join(', ')}</dd>
          </>
        )}
        {e.location?.displayName && (
          <>
            <dt>Locatie</dt>
            <dd>{e.location.displayName}</dd>
          </>
        )}
      </dl>
      {body.trim() && <p className={styles.text}>{body}</p>}
    </article>
  );
}
