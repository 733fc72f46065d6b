import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  Option,
} from '@fluentui/react-components';
import * as React from 'react';
import {
  AGREEMENT_ITSELF,
  REGISTER_KINDS,
  REGISTER_STATUSES,
  dvaYear,
  newRecord,
  withDerivedDates,
  type RegisterError,
  type RegisterKind,
  type RegisterRecord,
  type RegisterStatus,
} from '../../domain/register';
import { format } from '../../loc/text';
import { DateTextField } from '../common/DateTextField';
import { formatDateText } from '../common/dateText';
import { Failure } from '../common/Failure';
import { useFocusAfter, useFocusTargetStyles } from '../common/focusAfter';
import { OutcomeMessage } from '../common/OutcomeMessage';
import { useServices, useStrings } from '../services';
import { ErrorList } from './ErrorList';
import { fieldError } from './errorText';
import { saveRecord } from './registerActions';
import { useFormOptions } from './useFormOptions';
import { useRegisterStyles } from './useRegisterStyles';

/** Props of {@link RecordForm}. */
export interface RecordFormProps {
  /** The record to edit; a new record when absent. */
  initial?: RegisterRecord;
  onSaved: (record: RegisterRecord) => void;
  onCancel: () => void;
}

/** Date fields of the form, with their label keys. */
const DATES = [
  ['signedOn', 'fieldSignedOn'],
  ['publishedOn', 'fieldPublishedOn'],
  ['effectiveFrom', 'fieldEffectiveFrom'],
  ['evaluationDue', 'fieldEvaluationDue'],
  ['expiresOn', 'fieldExpiresOn'],
] as const;

/**
 * Create or edit a register record. The domain rules run before anything is stored; each refusal is shown at its field
 * with the article it comes from (art. 5, 12, 13.2–13.3, 14.1). The status of an existing record changes only by a
 * status step in the detail panel, so the history stays complete.
 */
export function RecordForm(props: RecordFormProps): React.ReactElement {
  const services = useServices();
  const { config } = services;
  const t = useStrings();
  const styles = useRegisterStyles();
  const [draft, setDraft] = React.useState<RegisterRecord>(props.initial ?? newRecord(config));
  const [errors, setErrors] = React.useState<RegisterError[]>([]);
  const [failure, setFailure] = React.useState<unknown>();
  const [busy, setBusy] = React.useState(false);
  const focus = useFocusAfter<'errors' | 'failure'>();
  const focusStyles = useFocusTargetStyles();
  const options = useFormOptions(draft.kind);
  const opts = options.status === 'ok' ? options.value : undefined;
  const derived = withDerivedDates(
    { ...draft, effectiveFrom: undefined, evaluationDue: undefined, expiresOn: undefined },
    config,
  );
  const set = (patch: Partial<RegisterRecord>): void => setDraft((d) => ({ ...d, ...patch }));
  const err = (field: string): { validationState: 'error' | 'none'; validationMessage?: string } => {
    const m = fieldError(errors, field, t.lang);
    return m ? { validationState: 'error', validationMessage: m } : { validationState: 'none' };
  };
  const itself = AGREEMENT_ITSELF.includes(draft.kind);
  const isNew = props.initial === undefined;

  const save = async (): Promise<void> => {
    setBusy(true);
    setErrors([]);
    setFailure(undefined);
    try {
      const clean: RegisterRecord = { ...draft };
      for (const [k] of DATES) if (!clean[k]) delete clean[k];
      const outcome = await saveRecord(services, props.initial, clean);
      if (outcome.ok) props.onSaved(outcome.record);
      else {
        focus.focusNext('errors');
        setErrors(outcome.errors);
      }
    } catch (e) {
      focus.focusNext('failure');
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const toggleParty = (key: string, on: boolean): void =>
    setDraft((d) => {
      const parties = on
        ? config.parties.map((p) => p.key).filter((k) => k === key || d.parties.includes(k))
        : d.parties.filter((k) => k !== key);
      const party = config.parties.find((p) => p.key === key);
      const accounthouders = { ...d.accounthouders };
      if (on && !accounthouders[key] && party)
        accounthouders[key] = { functionTitle: party.accounthouder.functionTitle };
      return { ...d, parties, accounthouders };
    });

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && props.onCancel()}>
      <DialogSurface
        aria-describedby={undefined}
        style={{ maxWidth: '960px', width: '95vw' }}
        data-testid="record-form"
      >
        <DialogBody>
          <DialogTitle>{isNew ? t.registerNewTitle : t.registerEditTitle}</DialogTitle>
          <DialogContent>
            {errors.length > 0 && (
              <OutcomeMessage target={focus.target('errors')} role="alert" intent="error" data-testid="form-errors">
                {format(t.registerRefused, { count: errors.length })}
                <ErrorList errors={errors} />
              </OutcomeMessage>
            )}
            {failure !== undefined && (
              <div ref={focus.target('failure')} tabIndex={-1} className={focusStyles.focusTarget}>
                <Failure error={failure} />
              </div>
            )}
            <div className={styles.form}>
              <Field label={t.fieldKind} {...err('kind')}>
                <Dropdown
                  data-testid="form-kind"
                  disabled={!isNew}
                  value={t[`kind_${draft.kind}`]}
                  selectedOptions={[draft.kind]}
                  onOptionSelect={(_, d) => set({ kind: d.optionValue as RegisterKind })}
                >
                  {REGISTER_KINDS.map((k) => (
                    <Option key={k} value={k}>
                      {t[`kind_${k}`]}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
              <Field label={t.fieldTitle} required {...err('title')} className={styles.wide}>
                <Input data-testid="form-title" value={draft.title} onChange={(_, d) => set({ title: d.value })} />
              </Field>
              <Field label={t.fieldStatus} {...err('status')}>
                <Dropdown
                  data-testid="form-status"
                  disabled={!isNew}
                  value={draft.status}
                  selectedOptions={[draft.status]}
                  onOptionSelect={(_, d) => set({ status: d.optionValue as RegisterStatus })}
                >
                  {REGISTER_STATUSES.map((s) => (
                    <Option key={s} value={s}>
                      {s}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
              <Field label={t.fieldVersion} {...err('version')}>
                <Input
                  data-testid="form-version"
                  value={draft.version ?? ''}
                  onChange={(_, d) => set({ version: d.value || undefined })}
                />
              </Field>
              {draft.kind === 'dva' && (
                <Field label={t.fieldYear} {...err('details.year')}>
                  <Input
                    data-testid="form-year"
                    inputMode="numeric"
                    value={
                      typeof draft.details.year === 'string' ? draft.details.year : (dvaYear(draft)?.toString() ?? '')
                    }
                    onChange={(_, d) =>
                      set({ details: { ...draft.details, year: /^\d{4}$/.test(d.value) ? Number(d.value) : d.value } })
                    }
                  />
                </Field>
              )}
              <Field label={t.fieldParties} {...err('parties')} className={styles.wide}>
                <div className={styles.toolbar}>
                  {config.parties.map((p) => (
                    <Checkbox
                      key={p.key}
                      label={p.shortName}
                      checked={draft.parties.includes(p.key)}
                      onChange={(_, d) => toggleParty(p.key, d.checked === true)}
                    />
                  ))}
                </div>
              </Field>
              {draft.parties.map((key) => {
                const party = config.parties.find((p) => p.key === key);
                const holder = draft.accounthouders[key] ?? { functionTitle: '' };
                const people = opts?.people[key] ?? [];
                const setHolder = (patch: Partial<typeof holder>): void =>
                  set({ accounthouders: { ...draft.accounthouders, [key]: { ...holder, ...patch } } });
                return (
                  <React.Fragment key={key}>
                    <Field
                      label={format(t.fieldAccounthouder, { party: party?.shortName ?? key })}
                      {...err('accounthouders')}
                    >
                      <Input value={holder.functionTitle} onChange={(_, d) => setHolder({ functionTitle: d.value })} />
                    </Field>
                    <Field label={t.fieldAccounthouderPerson}>
                      <Dropdown
                        value={holder.person?.displayName ?? t.fieldNone}
                        selectedOptions={[String(holder.person?.id ?? '')]}
                        onOptionSelect={(_, d) => {
                          const p = people.find((x) => String(x.id) === d.optionValue);
                          setHolder({
                            person: p ? { id: p.id, displayName: p.displayName, email: p.email } : undefined,
                          });
                        }}
                      >
                        <Option value="">{t.fieldNone}</Option>
                        {people.map((p) => (
                          <Option key={p.id} value={String(p.id)}>
                            {p.displayName}
                          </Option>
                        ))}
                      </Dropdown>
                    </Field>
                  </React.Fragment>
                );
              })}
              <Field label={t.fieldSignedAt} {...err('signedAt')}>
                <Input
                  data-testid="form-signedAt"
                  value={draft.signedAt ?? ''}
                  onChange={(_, d) => set({ signedAt: d.value || undefined })}
                />
              </Field>
              {itself && (
                <Field label={t.fieldStaatscourant} {...err('staatscourant')}>
                  <Input
                    data-testid="form-staatscourant"
                    value={draft.staatscourant ?? ''}
                    onChange={(_, d) => set({ staatscourant: d.value || undefined })}
                  />
                </Field>
              )}
              {DATES.filter(([k]) => itself || k !== 'publishedOn').map(([k, label]) => {
                const hint =
                  !draft[k] && derived[k] ? format(t.fieldDerived, { date: formatDateText(derived[k] as string) }) : undefined;
                return (
                  <DateTextField
                    key={k}
                    kind="date"
                    label={t[label]}
                    note={hint}
                    {...err(k)}
                    inputTestId={`form-${k}`}
                    value={draft[k] ?? ''}
                    onChange={(value) => set({ [k]: value || undefined })}
                  />
                );
              })}
              {itself && (
                <Field label={t.fieldSupersedes} {...err('supersedesId')}>
                  <Dropdown
                    data-testid="form-supersedes"
                    value={opts?.records.find((r) => r.id === draft.supersedesId)?.title ?? t.fieldNone}
                    selectedOptions={[String(draft.supersedesId ?? '')]}
                    onOptionSelect={(_, d) => set({ supersedesId: d.optionValue ? Number(d.optionValue) : undefined })}
                  >
                    <Option value="">{t.fieldNone}</Option>
                    {(opts?.records ?? [])
                      .filter((r) => r.id !== draft.id)
                      .map((r) => (
                        <Option key={r.id} value={String(r.id)} text={r.title}>
                          {`${r.title}${r.version ? ` (${r.version})` : ''}`}
                        </Option>
                      ))}
                  </Dropdown>
                </Field>
              )}
              {itself && (
                <Field label={t.fieldMeeting} {...err('meetingId')}>
                  <Dropdown
                    data-testid="form-meeting"
                    value={
                      opts?.meetings.find((m) => m.id === draft.meetingId)?.title ??
                      (draft.meetingId ? `#${draft.meetingId}` : t.fieldNone)
                    }
                    selectedOptions={[String(draft.meetingId ?? '')]}
                    onOptionSelect={(_, d) => set({ meetingId: d.optionValue ? Number(d.optionValue) : undefined })}
                  >
                    <Option value="">{t.fieldNone}</Option>
                    {(opts?.meetings ?? []).map((m) => (
                      <Option key={m.id} value={String(m.id)} text={m.title}>
                        {`${m.title} — ${m.date.slice(0, 10)} (${m.status})`}
                      </Option>
                    ))}
                  </Dropdown>
                </Field>
              )}
              <Field label={t.fieldDocuments} className={styles.wide}>
                <Dropdown
                  data-testid="form-documents"
                  multiselect
                  value={draft.documents.map((u) => decodeURIComponent(u.slice(u.lastIndexOf('/') + 1))).join(', ')}
                  selectedOptions={draft.documents}
                  onOptionSelect={(_, d) => set({ documents: d.selectedOptions })}
                >
                  {[
                    ...(opts?.documents ?? []),
                    ...draft.documents
                      .filter((u) => !(opts?.documents ?? []).some((d) => d.url === u))
                      .map((u) => ({ url: u, name: decodeURIComponent(u.slice(u.lastIndexOf('/') + 1)) })),
                  ].map((d) => (
                    <Option key={d.url} value={d.url}>
                      {d.name}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            </div>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy} onClick={save} data-testid="form-save">
              {t.registerSave}
            </Button>
            <Button onClick={props.onCancel}>{t.registerCancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
