import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  mergeClasses,
  Select,
  Subtitle2,
  Text,
  Textarea,
} from '@fluentui/react-components';
import * as React from 'react';
import { readDelivery, recordDecisions } from '../../datalek';
import {
  DATALEK_STATUSES,
  STATUS_LABELS,
  datalekRows,
  type ApDecision,
  type DataSubjectsDecision,
  type DatalekFieldError,
  type DatalekStatus,
} from '../../domain/datalek';
import type { SiteUser } from '../../ports';
import { DateTextField } from '../common/DateTextField';
import { instantToLocal, localToInstant } from '../common/dateText';
import { useFocusAfter, useFocusTargetStyles } from '../common/focusAfter';
import { OutcomeMessage } from '../common/OutcomeMessage';
import { FailureText } from '../common/ProblemText';
import { datalekErrorMessage, datalekErrorText, datalekFormErrorText } from '../datalek/fieldLabels';
import { DeliveryPanel } from '../datalek/DeliveryPanel';
import { useDatalekStyles } from '../datalek/useDatalekStyles';
import { useServices, useStrings } from '../services';
import type { RegisterRow } from './registerRows';
import { ReportTrace } from './ReportTrace';

/** Props of {@link ReportDetail}. */
export interface ReportDetailProps {
  row: RegisterRow;
  /** The user is a privacy officer of the controller party (it decides on art. 33/34). */
  canDecide: boolean;
  user: SiteUser;
  onChanged: () => void;
}

type YesNo = '' | 'ja' | 'nee';
const yn = (v: boolean | undefined): YesNo => (v === undefined ? '' : v ? 'ja' : 'nee');

/** A decision's moment as the field read it, as an ISO instant; anything else as typed, so the check names the field. */
function fromLocal(v: string): string | undefined {
  return v ? (localToInstant(v) ?? v) : undefined;
}

/** One report: every field as text, what went out (with retry), and the controller's decisions with reasons. */
export function ReportDetail(props: ReportDetailProps): React.ReactElement {
  const t = useStrings();
  const styles = useDatalekStyles();
  const services = useServices();
  const lang = t.lang === 'en' ? 'en' : 'nl';
  const { row } = props;
  const report = row.report;
  const [status, setStatus] = React.useState<DatalekStatus>(row.entry.status);
  const [notify, setNotify] = React.useState<YesNo>(yn(report?.apDecision?.notify));
  const [apReason, setApReason] = React.useState(report?.apDecision?.reason ?? '');
  const [notifiedAt, setNotifiedAt] = React.useState(instantToLocal(report?.apDecision?.notifiedAt));
  const [apReference, setApReference] = React.useState(report?.apDecision?.apReference ?? '');
  const [inform, setInform] = React.useState<YesNo>(yn(report?.dataSubjectsDecision?.inform));
  const [subjectsReason, setSubjectsReason] = React.useState(report?.dataSubjectsDecision?.reason ?? '');
  const [informedAt, setInformedAt] = React.useState(instantToLocal(report?.dataSubjectsDecision?.informedAt));
  const [errors, setErrors] = React.useState<DatalekFieldError[]>([]);
  const [failure, setFailure] = React.useState<unknown>();
  const [busy, setBusy] = React.useState(false);
  const [saved, setSaved] = React.useState(false);
  // after "Opslaan", focus on what it brought: the refusal, the failure or the message that it was stored
  const focus = useFocusAfter<'errors' | 'failure' | 'saved'>();
  const focusStyles = useFocusTargetStyles();

  if (!report)
    return (
      <section className={styles.section} data-testid="datalek-detail">
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.datalekRegisterDamaged}</MessageBarTitle>
            <ul className={styles.list}>
              {row.problems.map((e, i) => (
                <li key={i}>{datalekErrorText(e, t)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      </section>
    );

  const message = (field: string): Record<string, unknown> => {
    const e = errors.filter((x) => x.field === field || x.field.startsWith(`${field}.`));
    return e.length
      ? { validationMessage: e.map((x) => `${datalekErrorMessage(x, t)} (${x.article})`).join('; '), validationState: 'error' }
      : {};
  };
  const save = async (): Promise<void> => {
    setBusy(true);
    setFailure(undefined);
    setSaved(false);
    const now = new Date().toISOString();
    const by = props.user.displayName;
    // A decision keeps its original moment and author unless its content changed.
    const ap: ApDecision | undefined =
      notify || apReason.trim()
        ? {
            notify: notify === 'ja',
            reason: apReason,
            decidedAt: now,
            decidedBy: by,
            ...(fromLocal(notifiedAt) ? { notifiedAt: fromLocal(notifiedAt) } : {}),
            ...(apReference.trim() ? { apReference: apReference.trim() } : {}),
          }
        : undefined;
    if (ap && !notify) (ap as unknown as Record<string, unknown>).notify = undefined;
    const prevAp = report.apDecision;
    if (ap && prevAp && prevAp.notify === ap.notify && prevAp.reason === ap.reason.trim()) {
      ap.decidedAt = prevAp.decidedAt;
      ap.decidedBy = prevAp.decidedBy;
    }
    const subjects: DataSubjectsDecision | undefined =
      inform || subjectsReason.trim()
        ? {
            inform: inform === 'ja',
            reason: subjectsReason,
            decidedAt: now,
            decidedBy: by,
            ...(fromLocal(informedAt) ? { informedAt: fromLocal(informedAt) } : {}),
          }
        : undefined;
    if (subjects && !inform) (subjects as unknown as Record<string, unknown>).inform = undefined;
    const prevSubjects = report.dataSubjectsDecision;
    if (
      subjects &&
      prevSubjects &&
      prevSubjects.inform === subjects.inform &&
      prevSubjects.reason === subjects.reason.trim()
    ) {
      subjects.decidedAt = prevSubjects.decidedAt;
      subjects.decidedBy = prevSubjects.decidedBy;
    }
    try {
      const r = await recordDecisions(services, row.entry, {
        status,
        ...(ap ? { apDecision: ap } : {}),
        ...(subjects ? { dataSubjectsDecision: subjects } : {}),
      });
      if (!r.ok) {
        focus.focusNext('errors');
        setErrors(r.errors);
        return;
      }
      focus.focusNext('saved');
      setErrors([]);
      setSaved(true);
      props.onChanged();
    } catch (e) {
      focus.focusNext('failure');
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.panel} data-testid="datalek-detail" data-report-id={row.entry.id}>
      <section className={styles.section}>
        <Subtitle2 as="h3">{row.entry.title}</Subtitle2>
        <dl className={styles.facts} data-testid="datalek-fields">
          {datalekRows(report, services.config, lang).map((r) => (
            <React.Fragment key={r.field.key}>
              <dt className={styles.factLabel}>{r.field.label[lang]}</dt>
              <dd className={styles.factValue}>{r.value || '–'}</dd>
            </React.Fragment>
          ))}
          <dt className={styles.factLabel}>{t.datalekRegisterDocuments}</dt>
          <dd className={styles.factValue}>{report.documents.map((d) => d.name || d.id).join('\n') || '–'}</dd>
        </dl>
      </section>

      <DeliveryPanel
        id={row.entry.id}
        report={report}
        delivery={readDelivery(row.entry.form)}
        reporterView={
          Boolean(row.entry.reporter?.email) &&
          row.entry.reporter?.email?.toLowerCase() === props.user.email.toLowerCase()
        }
        onUpdate={() => props.onChanged()}
      />

      {row.entry.id !== undefined && <ReportTrace id={row.entry.id} etag={row.entry.etag} />}

      <section className={styles.section} data-testid="datalek-decisions">
        <Subtitle2 as="h3">{t.datalekRegisterDecisionsTitle}</Subtitle2>
        <Text className={styles.muted}>
          {props.canDecide ? t.datalekRegisterDecisionsIntro : t.datalekRegisterDecisionsReadOnly}
        </Text>
        {errors.length > 0 && (
          <OutcomeMessage target={focus.target('errors')} role="alert" intent="error" data-testid="decision-errors">
            <ul className={styles.list}>
              {errors.map((e, i) => (
                <li key={i}>{datalekFormErrorText(e, t)}</li>
              ))}
            </ul>
          </OutcomeMessage>
        )}
        <div className={styles.grid}>
          <Field label={t.datalekRegisterStatus} {...message('status')}>
            <Select
              data-testid="decision-status"
              value={status}
              disabled={!props.canDecide || busy}
              onChange={(_, d) => setStatus(d.value as DatalekStatus)}
            >
              {DATALEK_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s][lang]}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Subtitle2 as="h4">{t.datalekRegisterApTitle}</Subtitle2>
        <div className={styles.grid}>
          <Field label={t.datalekRegisterApNotify} {...message('apDecision.notify')}>
            <Select
              data-testid="decision-ap-notify"
              value={notify}
              disabled={!props.canDecide || busy}
              onChange={(_, d) => setNotify(d.value as YesNo)}
            >
              <option value="">{t.datalekChoose}</option>
              <option value="ja">{t.datalekRegisterYes}</option>
              <option value="nee">{t.datalekRegisterNo}</option>
            </Select>
          </Field>
          <DateTextField
            kind="dateTime"
            label={t.datalekRegisterNotifiedAt}
            {...message('apDecision.notifiedAt')}
            inputTestId="decision-ap-notifiedAt"
            value={notifiedAt}
            disabled={!props.canDecide || busy}
            onChange={setNotifiedAt}
          />
          <Field label={t.datalekRegisterApReference}>
            <Input
              value={apReference}
              disabled={!props.canDecide || busy}
              onChange={(_, d) => setApReference(d.value)}
            />
          </Field>
        </div>
        <Field label={t.datalekRegisterReason} {...message('apDecision.reason')}>
          <Textarea
            data-testid="decision-ap-reason"
            value={apReason}
            disabled={!props.canDecide || busy}
            onChange={(_, d) => setApReason(d.value)}
          />
        </Field>
        {report.apDecision && (
          <Text
            className={styles.muted}
          >{`${t.datalekRegisterDecidedBy}: ${report.apDecision.decidedBy}, ${new Date(report.apDecision.decidedAt).toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL')}`}</Text>
        )}
        <Subtitle2 as="h4">{t.datalekRegisterSubjectsTitle}</Subtitle2>
        <div className={styles.grid}>
          <Field label={t.datalekRegisterSubjectsInform} {...message('dataSubjectsDecision.inform')}>
            <Select
              data-testid="decision-subjects-inform"
              value={inform}
              disabled={!props.canDecide || busy}
              onChange={(_, d) => setInform(d.value as YesNo)}
            >
              <option value="">{t.datalekChoose}</option>
              <option value="ja">{t.datalekRegisterYes}</option>
              <option value="nee">{t.datalekRegisterNo}</option>
            </Select>
          </Field>
          <DateTextField
            kind="dateTime"
            label={t.datalekRegisterInformedAt}
            {...message('dataSubjectsDecision.informedAt')}
            inputTestId="decision-subjects-informedAt"
            value={informedAt}
            disabled={!props.canDecide || busy}
            onChange={setInformedAt}
          />
        </div>
        <Field label={t.datalekRegisterReason} {...message('dataSubjectsDecision.reason')}>
          <Textarea
            data-testid="decision-subjects-reason"
            value={subjectsReason}
            disabled={!props.canDecide || busy}
            onChange={(_, d) => setSubjectsReason(d.value)}
          />
        </Field>
        {report.dataSubjectsDecision && (
          <Text
            className={styles.muted}
          >{`${t.datalekRegisterDecidedBy}: ${report.dataSubjectsDecision.decidedBy}, ${new Date(report.dataSubjectsDecision.decidedAt).toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL')}`}</Text>
        )}
        {props.canDecide && (
          <div className={styles.actions}>
            <Button
              appearance="primary"
              data-testid="decision-save"
              disabled={busy}
              onClick={() => {
                save().catch(() => undefined);
              }}
            >
              {t.datalekRegisterSave}
            </Button>
          </div>
        )}
        {saved && (
          <Text
            ref={focus.target('saved')}
            tabIndex={-1}
            role="status"
            className={mergeClasses(styles.ok, focusStyles.focusTarget)}
            data-testid="decision-saved"
          >
            {t.datalekRegisterSaved}
          </Text>
        )}
        {failure !== undefined && (
          <MessageBar ref={focus.target('failure')} tabIndex={-1} className={focusStyles.focusTarget} intent="error">
            <MessageBarBody>
              <FailureText error={failure} />
            </MessageBarBody>
          </MessageBar>
        )}
      </section>
    </div>
  );
}
