import { Checkbox, Field, Input, Select, Subtitle2, Text, Textarea } from '@fluentui/react-components';
import * as React from 'react';
import {
  ANSWER_LABELS,
  DATALEK_FIELDS,
  SCALE_LABELS,
  fieldInfo,
  type DatalekFieldError,
  type DatalekReport,
} from '../../domain/datalek';
import { format } from '../../loc/text';
import type { ExchangeDocument } from '../../ports';
import { useServices, useStrings } from '../services';
import { typedHint } from '../common/DateTextField';
import { datalekErrorMessage } from './fieldLabels';
import type { DatalekFormValues, TextField } from './formValues';
import { useDatalekStyles } from './useDatalekStyles';

/** Props of {@link DatalekForm}. */
export interface DatalekFormProps {
  values: DatalekFormValues;
  onChange: (patch: Partial<DatalekFormValues>) => void;
  errors: DatalekFieldError[];
  warnings: DatalekFieldError[];
  disabled: boolean;
  /** Library documents the person can pick (security-trimmed by SharePoint). */
  library: ExchangeDocument[];
  onToggleDocument: (doc: ExchangeDocument, selected: boolean) => void;
}

/** A document's validation error in words: a missing processing activity names the document and what to do. */
function documentError(e: DatalekFieldError, v: DatalekFormValues, lang: 'nl' | 'en', noActivity: string): string {
  const m = /^documents\[(\d+)\]\.activityKey$/.exec(e.field);
  const doc = m ? v.documents[Number(m[1])] : undefined;
  if (doc && e.code === 'required') return `${format(noActivity, { name: doc.name || doc.id })} (${e.article})`;
  return `${e.field}: ${e[lang]} (${e.article})`;
}

/** Long free-text fields get a multi-line box. */
const LONG: ReadonlySet<string> = new Set(
  DATALEK_FIELDS.filter((f) => (f.maxLength ?? 0) > 300).map((f) => String(f.key)),
);

/**
 * Every field of bijlage 2b plus the AP extras (AVG art. 33(3)), each with its label, the article it comes from and
 * the validation message beside it. Everything typed is shown as text (React text nodes), never as HTML.
 */
export function DatalekForm(props: DatalekFormProps): React.ReactElement {
  const t = useStrings();
  const styles = useDatalekStyles();
  const { config } = useServices();
  const lang = t.lang === 'en' ? 'en' : 'nl';
  const { values: v, onChange, disabled } = props;

  /** The messages for one field: errors first, then warnings (markup kept as text). */
  const message = (field: string): { text?: string; state?: 'error' | 'warning' } => {
    const e = props.errors.filter((x) => x.field === field);
    if (e.length) return { text: e.map((x) => `${datalekErrorMessage(x, t)} (${x.article})`).join('; '), state: 'error' };
    const w = props.warnings.filter((x) => x.field === field);
    if (w.length) return { text: w.map((x) => `${x[lang]} (${x.article})`).join('; '), state: 'warning' };
    return {};
  };
  const label = (key: keyof DatalekReport): string => {
    const info = fieldInfo(key);
    return info ? `${info.label[lang]} (${info.article})` : String(key);
  };
  const fieldProps = (key: string, l: string, required: boolean): Record<string, unknown> => {
    const m = message(key);
    return {
      label: l,
      required,
      ...(m.text ? { validationMessage: m.text, validationState: m.state } : {}),
      'data-field': key,
    };
  };
  const text = (key: TextField, required = true): React.ReactElement => {
    const Box = LONG.has(key) ? Textarea : Input;
    return (
      <Field key={key} {...fieldProps(key, label(key), required)}>
        <Box
          data-testid={`datalek-${key}`}
          value={v[key]}
          disabled={disabled}
          resize={LONG.has(key) ? 'vertical' : undefined}
          onChange={(_: unknown, d: { value: string }) => onChange({ [key]: d.value } as Partial<DatalekFormValues>)}
        />
      </Field>
    );
  };
  const answer = (key: 'ongoing' | 'crossBorder' | 'dataSubjectsInformed', options: string[]): React.ReactElement => (
    <Field {...fieldProps(key, label(key), true)}>
      <Select
        data-testid={`datalek-${key}`}
        value={v[key]}
        disabled={disabled}
        onChange={(_, d) => onChange({ [key]: d.value } as Partial<DatalekFormValues>)}
      >
        <option value="">{t.datalekChoose}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {ANSWER_LABELS[o]?.[lang] ?? o}
          </option>
        ))}
      </Select>
    </Field>
  );
  const party = (key: 'reportingParty' | 'controllerParty', l: string): React.ReactElement => (
    <Field {...fieldProps(key, l, true)}>
      <Select
        data-testid={`datalek-${key}`}
        value={v[key]}
        disabled={disabled}
        onChange={(_, d) => {
          const patch: Partial<DatalekFormValues> = { [key]: d.value };
          // The organisation name follows the reporting party (bijlage 2b "Meldende partij").
          if (key === 'reportingParty')
            patch.reportingOrganisation = config.parties.find((p) => p.key === d.value)?.name ?? '';
          onChange(patch);
        }}
      >
        <option value="">{t.datalekChoose}</option>
        {config.parties.map((p) => (
          <option key={p.key} value={p.key}>
            {p.name}
          </option>
        ))}
      </Select>
    </Field>
  );
  const docErrors = props.errors.filter((e) => e.field.startsWith('documents'));
  const chosen = new Set(v.documents.map((d) => d.id));
  return (
    <div className={styles.panel} data-testid="datalek-form">
      <section className={styles.section}>
        <Subtitle2 as="h3">{t.datalekDocuments}</Subtitle2>
        <Text className={styles.muted}>{t.datalekDocumentsHint}</Text>
        <div className={styles.docs} data-testid="datalek-documents">
          {props.library.length === 0 && <Text className={styles.muted}>{t.datalekNoDocuments}</Text>}
          {props.library.map((doc) => {
            const activity = config.processingActivities.find((a) => a.key === doc.activity);
            return (
              <Checkbox
                key={doc.id}
                data-document={doc.name}
                checked={chosen.has(String(doc.id))}
                disabled={disabled}
                onChange={(_, d) => props.onToggleDocument(doc, d.checked === true)}
                label={`${doc.name} — ${activity ? activity.service : t.datalekNoActivity}`}
              />
            );
          })}
        </div>
        {docErrors.map((e, i) => (
          <Text key={i} className={styles.bad} data-testid="datalek-document-error">
            {documentError(e, v, lang, t.datalekDocNoActivity)}
          </Text>
        ))}
      </section>

      <section className={styles.section}>
        <Subtitle2 as="h3">{t.datalekSectionReporter}</Subtitle2>
        <div className={styles.grid}>
          {party('reportingParty', `${t.datalekReportingParty} (bijlage 2b)`)}
          {text('reportingOrganisation')}
          {text('contactName')}
          {text('contactFunction')}
          {text('contactPhone')}
          {text('contactEmail')}
        </div>
      </section>

      <section className={styles.section}>
        <Subtitle2 as="h3">{t.datalekSectionBreach}</Subtitle2>
        <div className={styles.grid}>
          <Field label={label('reportedAt')}>
            <Text data-testid="datalek-reportedAt">{t.datalekReportedAtNow}</Text>
          </Field>
          {/* Text, day first, not type="date": a browser's date box takes keys in its own language's order and only
              holds a value once every part is filled, so what a person types there can silently not take. */}
          <Field
            {...fieldProps('breachDate', label('breachDate'), true)}
            hint={typedHint(t, 'date', v.breachDate)}
          >
            <Input
              data-testid="datalek-breachDate"
              value={v.breachDate}
              disabled={disabled}
              autoComplete="off"
              onChange={(_, d) => onChange({ breachDate: d.value })}
            />
          </Field>
          <Checkbox
            data-testid="datalek-breachDatePresumed"
            label={t.datalekPresumed}
            checked={v.breachDatePresumed}
            disabled={disabled}
            onChange={(_, d) => onChange({ breachDatePresumed: d.checked === true })}
          />
          <Field
            {...fieldProps('discoveredAt', label('discoveredAt'), true)}
            hint={`${typedHint(t, 'dateTime', v.discoveredAt)} ${t.datalekDiscoveredHint}`}
          >
            <Input
              data-testid="datalek-discoveredAt"
              value={v.discoveredAt}
              disabled={disabled}
              autoComplete="off"
              onChange={(_, d) => onChange({ discoveredAt: d.value })}
            />
          </Field>
        </div>
        {text('description')}
        {text('affectedPersonalData')}
        {text('affectedDataSubjects')}
        <div className={styles.grid}>
          {(['scaleDataSubjects', 'scaleFiles'] as const).map((key) => (
            <Field
              key={key}
              {...fieldProps(
                key,
                `${SCALE_LABELS[key === 'scaleFiles' ? 'files' : 'dataSubjects'][lang]} (bijlage 2b)`,
                false,
              )}
              hint={t.datalekScaleHint}
            >
              <Input
                inputMode="numeric"
                data-testid={`datalek-${key}`}
                value={v[key]}
                disabled={disabled}
                onChange={(_, d) => onChange({ [key]: d.value } as Partial<DatalekFormValues>)}
              />
            </Field>
          ))}
        </div>
        {text('scaleDescription', false)}
        {text('consequences')}
        {text('measures')}
      </section>

      <section className={styles.section}>
        <Subtitle2 as="h3">{t.datalekSectionAp}</Subtitle2>
        <div className={styles.grid}>
          {answer('ongoing', ['ja', 'nee', 'onbekend'])}
          {answer('dataSubjectsInformed', ['ja', 'nee', 'wordt-geinformeerd', 'onbekend'])}
          {answer('crossBorder', ['ja', 'nee', 'onbekend'])}
          {party('controllerParty', label('controllerParty'))}
        </div>
        {text('measuresBefore')}
        {text('crossBorderDetails', v.crossBorder === 'ja')}
      </section>
    </div>
  );
}
