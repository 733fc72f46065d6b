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
  MessageBar,
  MessageBarBody,
  Spinner,
} from '@fluentui/react-components';
import * as React from 'react';
import { addMonthsIso } from '../../domain/overleg';
import { format } from '../../loc/text';
import { recordHeld, type PlanRow } from '../../overleg';
import { DateTextField } from '../common/DateTextField';
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
  const save = async (): Promise<void> => {
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
      setSaved(true);
    } catch (e) {
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
              <MessageBar intent="success" layout="multiline" data-testid="overleg-recorded">
                <MessageBarBody>
                  {format(t.overlegSaved, { date: formatDate(addMonthsIso(heldOn, row.item.everyMonths)) })}
                </MessageBarBody>
              </MessageBar>
            ) : (
              <>
                <DateTextField kind="date" label={t.overlegHeldOn} required value={heldOn} onChange={setHeldOn} />
                <Field label={t.overlegMinutesUrl} required>
                  <Input type="url" value={minutesUrl} placeholder="https://" onChange={(_, d) => setMinutesUrl(d.value)} />
                </Field>
                {error && (
                  <MessageBar intent="error" layout="multiline" data-testid="overleg-error">
                    <MessageBarBody>{error}</MessageBarBody>
                  </MessageBar>
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
