import { Button, Field, MessageBar, MessageBarBody, Select, Subtitle2, Text } from '@fluentui/react-components';
import * as React from 'react';
import { parseIsoDate } from '../../domain/common/dates';
import type { SiteUser } from '../../ports';
import { collectAuditRecords, exportFileName, periodBounds, seesAllRecords, verantwoordingCsv, type CsvSeparator } from '../../review';
import { integrityForExport } from '../../integrity';
import { DateTextField } from '../common/DateTextField';
import { FailureText } from '../common/ProblemText';
import { useServices, useStrings } from '../services';
import { format } from '../upload/format';
import { useReviewStyles } from '../review/useReviewStyles';

/** Props of {@link ExportPanel}. */
export interface ExportPanelProps {
  user: SiteUser;
}

/** Hands text to the browser as a file download. */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A bound of the period: empty, or a date the field could read (YYYY-MM-DD). */
const isDateOrEmpty = (value: string): boolean => value === '' || parseIsoDate(value) !== undefined;

/**
 * "Verantwoording": every Toetslog decision the person may read as a CSV (AVG art. 5(2)), optionally for a period;
 * read page by page on the indexed Tijdstip column, so a log past 5,000 records is exported whole.
 */
export function ExportPanel(props: ExportPanelProps): React.ReactElement {
  const t = useStrings();
  const styles = useReviewStyles();
  const services = useServices();
  const [from, setFrom] = React.useState('');
  const [to, setTo] = React.useState('');
  const [separator, setSeparator] = React.useState<CsvSeparator>(';');
  const [progress, setProgress] = React.useState<number | undefined>(undefined);
  const [done, setDone] = React.useState<string | undefined>(undefined);
  const [error, setError] = React.useState<unknown>(undefined);
  // a bound typed so that it cannot be read as a date is refused at the field, never run as "no bound"
  // text the field could not read: marked in error, and the field says what was typed and how to type it
  const unread = (value: string): { validationState?: 'error' } => (isDateOrEmpty(value) ? {} : { validationState: 'error' });
  const run = (): void => {
    setError(undefined);
    setDone(undefined);
    setProgress(0);
    collectAuditRecords(services.audit, {
      ...periodBounds(from || undefined, to || undefined),
      onProgress: setProgress,
    })
      .then(async (records) => ({
        records,
        // Privacy officers and owners read what the check needs; the others' export holds their own records only.
        integrity: seesAllRecords(services.config, props.user) ? await integrityForExport(services, records) : undefined,
      }))
      .then(
      ({ records, integrity }) => {
        const file = exportFileName(services.config, new Date());
        download(verantwoordingCsv(services.config, records, separator, integrity), file);
        setDone(
          format(t.exportDone, { count: records.length, file }) +
            (integrity
              ? ` ${format(t.exportAnomalies, { count: integrity.anomalies.length })}` +
                (integrity.unchecked.length ? ` ${format(t.trustIntegrityUnchecked, { what: integrity.unchecked.join('; ') })}` : '')
              : ''),
        );
        setProgress(undefined);
      },
      (e: unknown) => {
        setError(e);
        setProgress(undefined);
      },
    );
  };
  return (
    <section className={styles.section} data-testid="export-panel" aria-label={t.exportTitle}>
      <Subtitle2 as="h3">{t.exportTitle}</Subtitle2>
      <Text size={200}>{t.exportContents}</Text>
      <Text size={200} className={styles.muted} data-testid="export-scope">
        {seesAllRecords(services.config, props.user) ? t.exportScopeAll : t.exportScopeOwn}
      </Text>
      <div className={styles.row}>
        <DateTextField kind="date" label={t.exportFrom} {...unread(from)} value={from} onChange={setFrom} inputTestId="export-from" />
        <DateTextField kind="date" label={t.exportTo} {...unread(to)} value={to} onChange={setTo} inputTestId="export-to" />
        <Field label={t.exportSeparator}>
          <Select value={separator} onChange={(_, d) => setSeparator(d.value as CsvSeparator)} data-testid="export-separator">
            <option value=";">{t.exportSepSemicolon}</option>
            <option value=",">{t.exportSepComma}</option>
          </Select>
        </Field>
        <Button onClick={run} disabled={progress !== undefined || !isDateOrEmpty(from) || !isDateOrEmpty(to)} data-testid="export-csv">
          {t.exportButton}
        </Button>
      </div>
      {progress !== undefined && <Text>{format(t.exportBusy, { count: progress })}</Text>}
      {done && (
        <MessageBar intent="success" data-testid="export-done">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {error !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>
            <FailureText error={error} />
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
