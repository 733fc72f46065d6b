import {
  Button,
  Card,
  CardHeader,
  Dropdown,
  Field,
  Input,
  Link,
  Option,
  Subtitle2,
  Text,
} from '@fluentui/react-components';
import * as React from 'react';
import {
  allowedNext,
  ownersOf,
  type RegisterError,
  type RegisterRecord,
  type RegisterStatus,
} from '../../domain/register';
import { format } from '../../loc/text';
import { Failure } from '../common/Failure';
import { useFocusAfter, useFocusTargetStyles } from '../common/focusAfter';
import { OutcomeMessage } from '../common/OutcomeMessage';
import { useAsync } from '../common/useAsync';
import { formatDate } from '../overview/formatDate';
import { useServices, useStrings } from '../services';
import { ErrorList } from './ErrorList';
import { RecordTrace } from './RecordTrace';
import { stepStatus } from './registerActions';
import { useRegisterStyles } from './useRegisterStyles';

/** Props of {@link RecordDetail}. */
export interface RecordDetailProps {
  id: number;
  onEdit: (record: RegisterRecord) => void;
  onChanged: () => void;
  onClose: () => void;
  /** Opened right after the form saved it: says so, with focus on that message (the form's dialog is gone). */
  saved?: boolean;
}

/** One register record: its facts, owner (art. 12 for DVA's, art. 5 otherwise), linked documents and status history. */
export function RecordDetail(props: RecordDetailProps): React.ReactElement {
  const services = useServices();
  const t = useStrings();
  const styles = useRegisterStyles();
  const loaded = useAsync(async () => {
    const record = await services.agreements.get(props.id);
    // What a change refers to (art. 13.2–13.3): the version it supersedes and the bestuurlijk overleg that agreed it.
    const [superseded, meeting] = await Promise.all([
      record.supersedesId !== undefined
        ? services.agreements.get(record.supersedesId).catch(() => undefined)
        : undefined,
      record.meetingId !== undefined
        ? services.meetings.list().then(
            (ms) => ms.find((m) => m.id === record.meetingId),
            () => undefined,
          )
        : undefined,
    ]);
    return {
      record,
      superseded: superseded ? `${superseded.title}${superseded.version ? ` (${superseded.version})` : ''}` : undefined,
      meeting: meeting ? `${meeting.title}, ${formatDate(meeting.date)} (${meeting.status})` : undefined,
    };
  }, [services, props.id]);
  const [to, setTo] = React.useState<RegisterStatus | undefined>();
  const [note, setNote] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [errors, setErrors] = React.useState<RegisterError[]>([]);
  const [message, setMessage] = React.useState<string | undefined>(props.saved ? t.registerSaved : undefined);
  const [failure, setFailure] = React.useState<unknown>();
  // after a step, focus on what it brought: the refusal, the failure, or the message that the step was taken (its
  // button is disabled once the step is taken, which would drop focus to the page)
  const focus = useFocusAfter<'errors' | 'failure' | 'done'>();
  const focusStyles = useFocusTargetStyles();
  React.useEffect(() => {
    if (props.saved) focus.focusNext('done');
  }, [focus, props.saved]);
  if (loaded.status === 'loading') return <Text>{t.loading}</Text>;
  if (loaded.status === 'error') return <Failure error={loaded.error} onRetry={loaded.reload} />;
  const r = loaded.value.record;
  const next = allowedNext(r);
  const apply = async (): Promise<void> => {
    if (!to) return;
    setBusy(true);
    setErrors([]);
    setMessage(undefined);
    setFailure(undefined);
    try {
      const outcome = await stepStatus(services, r, to, note.trim());
      if (!outcome.ok) {
        focus.focusNext('errors');
        setErrors(outcome.errors);
      } else {
        focus.focusNext('done');
        const done = format(t.registerStepDone, { status: to });
        setMessage(
          outcome.superseded ? `${done} ${format(t.registerSupersededUpdated, { title: outcome.superseded.title })}` : done,
        );
        setTo(undefined);
        setNote('');
        loaded.refresh();
        props.onChanged();
      }
    } catch (e) {
      focus.focusNext('failure');
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  const fact = (label: string, value: string | undefined): React.ReactElement => (
    <>
      <dt className={styles.term}>{label}</dt>
      <dd style={{ margin: 0 }}>{value || t.unknownValue}</dd>
    </>
  );
  const date = (v?: string): string | undefined => (v ? formatDate(v) : undefined);
  return (
    <Card data-testid="record-detail" aria-labelledby="record-title">
      <CardHeader
        header={
          <Subtitle2 as="h2" id="record-title">
            {r.title}
          </Subtitle2>
        }
        description={<Text>{`${t[`kind_${r.kind}`]} · ${r.status}`}</Text>}
        action={
          <div className={styles.toolbar}>
            <Button onClick={() => props.onEdit(r)} data-testid="record-edit">
              {t.registerEdit}
            </Button>
            <Button appearance="subtle" onClick={props.onClose}>
              {t.registerClose}
            </Button>
          </div>
        }
      />
      <div className={styles.detail}>
        <section className={styles.section}>
          <dl className={styles.facts}>
            {fact(t.fieldVersion, r.version)}
            {fact(t.fieldSignedOn, date(r.signedOn))}
            {fact(t.fieldSignedAt, r.signedAt)}
            {fact(t.fieldStaatscourant, r.staatscourant)}
            {fact(t.fieldPublishedOn, date(r.publishedOn))}
            {fact(t.fieldEffectiveFrom, date(r.effectiveFrom))}
            {fact(t.fieldEvaluationDue, date(r.evaluationDue))}
            {fact(t.fieldExpiresOn, date(r.expiresOn))}
            {r.supersedesId !== undefined && fact(t.fieldSupersedes, loaded.value.superseded ?? `#${r.supersedesId}`)}
            {r.meetingId !== undefined && fact(t.fieldMeeting, loaded.value.meeting ?? `#${r.meetingId}`)}
          </dl>
        </section>
        <section className={styles.section} data-testid="record-owners">
          <Subtitle2 as="h3">{t.registerDetailOwners}</Subtitle2>
          <ul className={styles.list}>
            {ownersOf(r, services.config).map((o) => (
              <li key={o.party}>
                {`${o.partyName}: ${o.functionTitle}${o.person ? ` (${o.person})` : ''} — ${o.article}`}
              </li>
            ))}
          </ul>
          <Subtitle2 as="h3">{t.registerDetailDocuments}</Subtitle2>
          {r.documents.length === 0 ? (
            <Text>{t.registerDetailNoDocuments}</Text>
          ) : (
            <ul className={styles.list} data-testid="record-documents">
              {r.documents.map((url) => (
                <li key={url}>
                  <Link href={url}>{decodeURIComponent(url.slice(url.lastIndexOf('/') + 1))}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className={styles.section} data-testid="record-history">
          <Subtitle2 as="h3">{t.registerDetailHistory}</Subtitle2>
          {r.history.length === 0 ? (
            <Text>{t.registerDetailNoHistory}</Text>
          ) : (
            <ol className={styles.list}>
              {r.history.map((h, i) => (
                <li key={i}>
                  {`${formatDate(h.at)} — ${h.status}${h.by ? ` ${format(t.registerBy, { name: h.by })}` : ''}${h.note ? `: ${h.note}` : ''}`}
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
      {next.length === 0 ? (
        <Text>{t.registerStepNone}</Text>
      ) : (
        <div className={styles.step}>
          <Field label={t.registerStep}>
            <Dropdown
              data-testid="record-step"
              placeholder={t.registerStepPlaceholder}
              value={to ?? ''}
              selectedOptions={to ? [to] : []}
              onOptionSelect={(_, d) => setTo(d.optionValue as RegisterStatus)}
            >
              {next.map((s) => (
                <Option key={s} value={s}>
                  {s}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label={t.registerStepNote}>
            <Input value={note} onChange={(_, d) => setNote(d.value)} />
          </Field>
          <Button appearance="primary" disabled={!to || busy} onClick={apply} data-testid="record-step-apply">
            {t.registerStepApply}
          </Button>
        </div>
      )}
      {errors.length > 0 && (
        <OutcomeMessage target={focus.target('errors')} role="alert" intent="error" data-testid="record-errors">
          <ErrorList errors={errors} />
        </OutcomeMessage>
      )}
      {message && (
        <OutcomeMessage target={focus.target('done')} role="status" intent="success" data-testid="record-step-done">
          {message}
        </OutcomeMessage>
      )}
      {failure !== undefined && (
        <div ref={focus.target('failure')} tabIndex={-1} className={focusStyles.focusTarget}>
          <Failure error={failure} />
        </div>
      )}
      {r.id !== undefined && <RecordTrace id={r.id} etag={r.etag} />}
    </Card>
  );
}
