import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Spinner,
} from '@fluentui/react-components';
import * as React from 'react';
import { addMonthsIso } from '../../domain/overleg';
import { format } from '../../loc/text';
import { recordHeld, type PlanRow } from '../../overleg';
import { DateTextField, unreadFieldText } from '../common/DateTextField';
import { useFocusAfter } from '../common/focusAfter';
import { OutcomeMessage } from '../common/OutcomeMessage';
import { formatDate } from '../overview/formatDate';
import { useServices, useStrings } from '../services';
import { failureText } from './labels';
import { useOverlegStyles } from './useOverlegStyles';

/** Props of {@link RecordDialog}. */
export interface RecordDialogProps {
  row: PlanRow;
  today: string;
  /** Called with true when the meeting was recorded. */
  onClose: (changed: boolean) => void;
}

/** "Vastleggen": the date a meeting took place and the link to its verslag; the schedule then counts from that date. */
export function RecordDialog(props: RecordDialogProps): React.ReactElement {
  const services = useServices();
  const t = useStrings();
  const styles = useOverlegStyles();
  const { row, today } = props;
  const planned = row.planned;
  // A planned meeting that has come is the likely one; otherwise today.
  const [heldOn, setHeldOn] = React.useState(planned && planned.date.slice(0, 10) <= today ? planned.date.slice(0, 10) : today);
  const [minutesUrl, setMinutesUrl] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [saved, setSaved] = React.useState(false);
  // focus follows the answer: the error, or the message that it was recorded (the form and its button are gone)
  const focus = useFocusAfter<'error' | 'saved'>();
  const save = async (): Promise<void> => {
    // a date the field could not read is named as typed, day first (the check below names the stored form)
    const unread = unreadFieldText(t, 'date', t.overlegHeldOn, heldOn);
    if (unread) {
      focus.focusNext('error');
      setError(unread);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const usePlanned = planned?.id !== undefined && planned.date.slice(0, 10) <= today;
      await recordHeld(
        services,
        {
          meetingKey: row.item.meetingKey,
          heldOn,
          minutesUrl,
          ...(usePlanned ? { plannedId: planned.id, plannedEtag: planned.etag } : {}),
        },
        today,
      );
      focus.focusNext('saved');
      setSaved(true);
    } catch (e) {
      focus.focusNext('error');
      setError(failureText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && props.onClose(saved)}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{format(t.overlegRecordTitle, { title: row.item.title })}</DialogTitle>
          <DialogContent className={styles.form}>
            {saved ? (
              <OutcomeMessage target={focus.target('saved')} role="status" intent="success" data-testid="overleg-recorded">
                {format(t.overlegSaved, { date: formatDate(addMonthsIso(heldOn, row.item.everyMonths)) })}
              </OutcomeMessage>
            ) : (
              <>
                <DateTextField
                  kind="date"
                  label={t.overlegHeldOn}
                  required
                  value={heldOn}
                  onChange={setHeldOn}
                  inputTestId="overleg-heldOn"
                />
                <Field label={t.overlegMinutesUrl} required>
                  <Input type="url" value={minutesUrl} placeholder="https://" onChange={(_, d) => setMinutesUrl(d.value)} />
                </Field>
                {error && (
                  <OutcomeMessage target={focus.target('error')} role="alert" intent="error" data-testid="overleg-error">
                    {error}
                  </OutcomeMessage>
                )}
              </>
            )}
          </DialogContent>
          <DialogActions>
            {saved ? (
              <Button appearance="primary" onClick={() => props.onClose(true)}>
                {t.overlegClose}
              </Button>
            ) : (
              <>
                <Button onClick={() => props.onClose(false)}>{t.overlegCancel}</Button>
                <Button
                  appearance="primary"
                  disabled={busy}
                  data-testid="overleg-record-save"
                  onClick={() => save().catch(() => undefined)}
                >
                  {busy ? <Spinner size="tiny" /> : t.overlegRecord}
                </Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
