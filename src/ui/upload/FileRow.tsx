import { Badge, Button, ProgressBar, Spinner, Text } from '@fluentui/react-components';
import * as React from 'react';
import { pick } from '../../domain/common/types';
import type { Decision } from '../../domain/doelbinding';
import { summariseFindings } from '../../domain/scan';
import { useServices, useStrings } from '../services';
import { describeFindings, format, formatBytes } from './format';
import type { FileEntry } from './useUploadFlow';
import { useUploadStyles } from './useUploadStyles';

/** Props of {@link FileRow}. */
export interface FileRowProps {
  entry: FileEntry;
  /** True while answers may still change (the file can be left out). */
  editable: boolean;
  onRemove: () => void;
  onRetry: () => void;
}

/** Badge colour per decision outcome. */
const OUTCOME_COLOR = { allowed: 'success', review: 'warning', refused: 'danger' } as const;

/** The decision with every reason and its article; what to change for a refusal. */
function DecisionView(props: { decision: Decision }): React.ReactElement {
  const t = useStrings();
  const styles = useUploadStyles();
  const { config } = useServices();
  const lang = t.lang === 'en' ? 'en' : 'nl';
  const { decision } = props;
  const party = config.parties.find((p) => p.key === decision.reviewParty)?.shortName ?? decision.reviewParty ?? '';
  // A refusal lists only what refuses, so nothing reads as permission; otherwise the informational 'allowed' reasons
  // follow, because they say on what basis the file is shared (legal basis, art. 10.1).
  const shown =
    decision.outcome === 'refused' ? decision.reasons.filter((r) => r.outcome === 'refused') : decision.reasons;
  const advice = shown.filter((r) => r.outcome === decision.outcome && r.advice);
  return (
    <div data-outcome={decision.outcome}>
      <Badge appearance="filled" color={OUTCOME_COLOR[decision.outcome]}>
        {format(t[`uploadOutcome_${decision.outcome}`], { party })}
      </Badge>
      <ul className={styles.reasons}>
        {shown.map((r) => (
          <li key={r.code + r.nl} data-reason={r.code} data-reason-outcome={r.outcome}>
            <span className={styles.article}>{r.source}</span>: {pick(r, lang)}
          </li>
        ))}
      </ul>
      {decision.outcome !== 'allowed' &&
        advice.map((r) => (
          <Text as="p" key={`advice-${r.code}`} data-advice={r.code}>
            {format(t.uploadAdvice, { advice: r.advice ? pick(r.advice, lang) : '' })}
          </Text>
        ))}
    </div>
  );
}

/** One picked file: size, bad-input problems, scan findings, decision, progress and result. */
export function FileRow(props: FileRowProps): React.ReactElement {
  const t = useStrings();
  const styles = useUploadStyles();
  const lang = t.lang === 'en' ? 'en' : 'nl';
  const { entry } = props;
  const { result, progress, scan } = entry;
  const findings = scan ? summariseFindings(scan) : [];
  const state =
    entry.problems.length > 0
      ? 'invalid'
      : (result?.state ?? (entry.busy ? 'uploading' : entry.decision?.outcome === 'refused' ? 'refused' : undefined));
  const stateLabel =
    state === 'done' && result?.decision.outcome === 'review'
      ? t.uploadState_doneReview
      : state
        ? t[`uploadState_${state}`]
        : undefined;
  return (
    <li className={styles.file} data-file={entry.file.name} data-state={state ?? 'pending'}>
      <div className={styles.fileHead}>
        <span className={styles.fileName}>{entry.file.name}</span>
        <span className={styles.muted}>{formatBytes(entry.file.size, t)}</span>
        {stateLabel && (
          <Badge
            appearance="tint"
            color={
              state === 'done'
                ? 'success'
                : state === 'uploading'
                  ? 'brand'
                  : state === 'incomplete'
                    ? 'warning'
                    : 'danger'
            }
            data-testid="file-state"
          >
            {stateLabel}
          </Badge>
        )}
        {props.editable && !result && (
          <Button
            size="small"
            appearance="subtle"
            onClick={props.onRemove}
            aria-label={format(t.uploadRemoveNamed, { name: entry.file.name })}
          >
            {t.uploadRemove}
          </Button>
        )}
      </div>
      {entry.problems.map((p) => (
        <Text key={p.code} data-problem={p.code} className={styles.problem}>
          {pick(p, lang)}
        </Text>
      ))}
      {entry.problems.length === 0 && entry.scanning && (
        <Spinner size="tiny" label={t.uploadScanning} labelPosition="after" />
      )}
      {entry.problems.length === 0 && scan && (
        <Text data-testid="scan" data-scan={scan.unsupported ? 'unsupported' : findings.length > 0 ? 'found' : 'clean'}>
          {scan.unsupported
            ? format(t.uploadNotScanned, {
                reason: (lang === 'en' ? scan.unsupported.en : scan.unsupported.nl) ?? scan.unsupported.reason,
              })
            : findings.length > 0
              ? format(t.uploadFound, { list: describeFindings(findings, t) })
              : t.uploadNothingFound}
        </Text>
      )}
      {entry.decision && <DecisionView decision={entry.decision} />}
      {(entry.busy || progress) && !result?.problems.length && progress && (
        <div>
          <ProgressBar value={progress.totalBytes ? progress.bytesSent / progress.totalBytes : 0} thickness="large" />
          <Text size={200} className={styles.muted}>
            {format(t.uploadProgress, {
              sent: formatBytes(progress.bytesSent, t),
              total: formatBytes(progress.totalBytes, t),
            })}
            {progress.retries > 0 && ` · ${format(t.uploadRetries, { count: progress.retries })}`}
          </Text>
        </div>
      )}
      {result?.problems.map((p, i) => (
        <Text key={i} data-result-problem className={styles.problem}>
          {pick(p, lang)}
        </Text>
      ))}
      {(result?.state === 'failed' || result?.state === 'incomplete') && (
        <div>
          <Button size="small" onClick={props.onRetry} disabled={entry.busy}>
            {t.uploadRetry}
          </Button>
        </div>
      )}
    </li>
  );
}
