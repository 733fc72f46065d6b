import { Badge, Button, ProgressBar, Spinner, Text } from '@fluentui/react-components';
import * as React from 'react';
import { pick } from '../../domain/common/types';
import type { Decision } from '../../domain/doelbinding';
import { describeUnread, summariseFindings, type ScanProgress } from '../../domain/scan';
import type { Remedy } from '../../upload';
import { ProblemText } from '../common/ProblemText';
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
  /** Stops the file's scan: a long OCR or a large file can always be cancelled. */
  onCancelScan?: () => void;
}

/** Badge colour per decision outcome. */
const OUTCOME_COLOR = { allowed: 'success', review: 'warning', refused: 'danger' } as const;

/** What helps when trying again cannot (a refusal by name, size or permission). */
const REMEDY_TEXT = {
  rename: 'uploadRemedyRename',
  'other-file': 'uploadRemedyOtherFile',
  'ask-beheerder': 'uploadRemedyAskBeheerder',
} as const satisfies Record<Exclude<Remedy, 'retry'>, string>;

/**
 * The decision with every reason and its article; what to change for a refusal. `notShared`: the file failed after
 * the decision, so the badge no longer says it will be shared.
 */
function DecisionView(props: { decision: Decision; notShared?: boolean }): React.ReactElement {
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
      {props.notShared && decision.outcome !== 'refused' ? (
        <Badge appearance="outline" color="informative" data-testid="outcome-not-shared">
          {t[`uploadOutcomeFailed_${decision.outcome}`]}
        </Badge>
      ) : (
        <Badge appearance="filled" color={OUTCOME_COLOR[decision.outcome]}>
          {format(t[`uploadOutcome_${decision.outcome}`], { party })}
        </Badge>
      )}
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

/** The scan under way: bytes of a text file, or the page (and its OCR) of a PDF or image, and a way to stop it. */
function ScanProgressView(props: { name: string; progress?: ScanProgress; onCancel?: () => void }): React.ReactElement {
  const t = useStrings();
  const styles = useUploadStyles();
  const p = props.progress;
  let value: number | undefined;
  let label = t.uploadScanning;
  if (p?.kind === 'bytes' && p.total > 0) {
    value = p.done / p.total;
    label = format(t.uploadScanBytes, { done: formatBytes(p.done, t), total: formatBytes(p.total, t) });
  } else if (p?.kind === 'page') {
    const fraction = p.fraction ?? 0;
    value = (p.page - 1 + (p.ocr ? fraction : 0)) / p.of;
    const percent = Math.round(fraction * 100);
    label = !p.ocr
      ? format(t.uploadScanPage, { page: p.page, of: p.of })
      : p.of === 1 && p.page === 1
        ? format(t.uploadScanImage, { percent })
        : format(t.uploadScanOcr, { page: p.page, of: p.of, percent });
  }
  return (
    <div data-testid="scan-progress" data-scan-kind={p?.kind ?? 'starting'}>
      {value === undefined ? (
        <Spinner size="tiny" label={label} labelPosition="after" />
      ) : (
        <>
          <ProgressBar value={value} thickness="medium" aria-label={label} />
          <Text size={200} className={styles.muted}>
            {label}
          </Text>
        </>
      )}
      {props.onCancel && (
        <Button
          size="small"
          appearance="subtle"
          onClick={props.onCancel}
          data-testid="scan-cancel"
          aria-label={format(t.uploadScanCancelNamed, { name: props.name })}
        >
          {t.uploadScanCancel}
        </Button>
      )}
    </div>
  );
}

/** What the scan read: findings, what it could not read, and whether OCR read it. */
function ScanSummary(props: { entry: FileEntry }): React.ReactElement {
  const t = useStrings();
  const lang = t.lang === 'en' ? 'en' : 'nl';
  const scan = props.entry.scan as NonNullable<FileEntry['scan']>;
  const findings = summariseFindings(scan);
  const partial = !scan.unsupported && (scan.unread?.length ?? 0) > 0;
  const state = scan.unsupported ? 'unsupported' : partial ? 'partial' : findings.length > 0 ? 'found' : 'clean';
  return (
    <Text data-testid="scan" data-scan={state}>
      {scan.unsupported
        ? format(t.uploadNotScanned, {
            reason: (lang === 'en' ? scan.unsupported.en : scan.unsupported.nl) ?? scan.unsupported.reason,
          })
        : findings.length > 0
          ? format(t.uploadFound, { list: describeFindings(findings, t) })
          : partial
            ? ''
            : t.uploadNothingFound}
      {partial && (
        <span data-testid="scan-unread">
          {findings.length > 0 ? ' · ' : ''}
          {format(t.uploadPartlyRead, { list: describeUnread(scan, lang).join('; ') })}
        </span>
      )}
      {scan.ocr && <span data-testid="scan-ocr"> · {t.uploadOcrRead}</span>}
    </Text>
  );
}

/** One picked file: size, bad-input problems, scan findings, decision, progress and result. */
export function FileRow(props: FileRowProps): React.ReactElement {
  const t = useStrings();
  const styles = useUploadStyles();
  const lang = t.lang === 'en' ? 'en' : 'nl';
  const { entry } = props;
  const { result, progress, scan } = entry;
  const state =
    entry.problems.length > 0
      ? 'invalid'
      : (result?.state ?? (entry.busy ? 'uploading' : entry.decision?.outcome === 'refused' ? 'refused' : undefined));
  // A failure that trying again cannot mend (a refusal by name, size or permission) says what helps instead.
  const remedy = result?.remedy && result.remedy !== 'retry' ? result.remedy : undefined;
  const stateLabel =
    state === 'done' && result?.decision.outcome === 'review'
      ? t.uploadState_doneReview
      : state === 'failed' && remedy
        ? t.uploadState_failedFinal
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
        <ScanProgressView name={entry.file.name} progress={entry.scanProgress} onCancel={props.onCancelScan} />
      )}
      {entry.problems.length === 0 && scan && <ScanSummary entry={entry} />}
      {entry.decision && <DecisionView decision={entry.decision} notShared={result?.state === 'failed'} />}
      {(entry.busy || progress) && !result?.problems.length && progress && (
        <div>
          {/* WCAG 4.1.2 (axe aria-progressbar-name): the bar is named after the file it uploads. */}
          <ProgressBar
            value={progress.totalBytes ? progress.bytesSent / progress.totalBytes : 0}
            thickness="large"
            aria-label={format(t.uploadProgressLabel, { name: entry.file.name })}
          />
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
        <div key={i} data-result-problem className={styles.problem}>
          <ProblemText problem={p} />
        </div>
      ))}
      {remedy && (result?.state === 'failed' || result?.state === 'incomplete') && (
        <Text data-remedy={remedy}>{t[REMEDY_TEXT[remedy]]}</Text>
      )}
      {!remedy && (result?.state === 'failed' || result?.state === 'incomplete') && (
        <div>
          <Button size="small" onClick={props.onRetry} disabled={entry.busy}>
            {t.uploadRetry}
          </Button>
        </div>
      )}
    </li>
  );
}
