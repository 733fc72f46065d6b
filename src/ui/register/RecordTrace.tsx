import { MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Text } from '@fluentui/react-components';
import * as React from 'react';
import { recordTrace, type RecordChange, type RecordFinding, type RecordTraceLine } from '../../domain/register';
import type { Strings } from '../../loc';
import { format } from '../../loc/text';
import { useAsync } from '../common/useAsync';
import { VersionLines } from '../common/VersionLines';
import { useServices, useStrings } from '../services';
import { useRegisterStyles } from './useRegisterStyles';

/** Props of {@link RecordTrace}. */
export interface RecordTraceProps {
  id: number;
  /** The item's etag: a new one (after a step or an edit) reads the history again. */
  etag?: string;
}

function changeText(t: Strings, c: RecordChange, line: RecordTraceLine): string {
  switch (c) {
    case 'created':
      return t.registerTraceCreated;
    case 'earliest':
      return t.traceEarliest;
    case 'status':
      return format(t.registerTraceStatus, { status: line.status });
    default:
      return t.registerTraceStep;
  }
}

function findingText(t: Strings, f: RecordFinding): string {
  const values = {
    label: f.label,
    status: f.status ?? '',
    from: f.from ?? '',
    declared: f.declared ?? '',
    savedBy: f.savedBy?.displayName || t.traceNobody,
  };
  const template = {
    'status-without-step': t.registerTraceStatusWithoutStep,
    'status-skipped': t.registerTraceStatusSkipped,
    'extra-step': t.registerTraceExtraStep,
    'step-by-other': t.registerTraceStepByOther,
    'history-rewritten': t.registerTraceRewritten,
    'history-unreadable': t.registerTraceHistoryUnreadable,
    unchecked: t.registerTraceUnchecked,
  }[f.kind];
  return format(template, values);
}

/**
 * A register record's versions as SharePoint recorded them (src/domain/register/trace.ts): who saved each and when,
 * what it changed, and first what was done around the register's steps. A history that could not be read says the
 * steps' authors were not checked; it never shows as "nothing found".
 */
export function RecordTrace(props: RecordTraceProps): React.ReactElement {
  const t = useStrings();
  const styles = useRegisterStyles();
  const services = useServices();
  const trace = useAsync(() => services.agreements.versions(props.id).then(recordTrace), [services, props.id, props.etag]);
  const findings = trace.status === 'ok' ? trace.value.findings.filter((f) => f.kind !== 'unchecked') : [];
  const unchecked = trace.status === 'ok' ? trace.value.findings.filter((f) => f.kind === 'unchecked') : [];
  return (
    <section className={styles.section} data-testid="record-trace">
      <Subtitle2 as="h3">{t.traceTitle}</Subtitle2>
      <Text size={200}>{t.registerTraceIntro}</Text>
      {trace.status === 'loading' && <Text>{t.loading}</Text>}
      {trace.status === 'error' && (
        <MessageBar intent="warning" data-testid="record-trace-failed">
          <MessageBarBody>{t.registerTraceFailed}</MessageBarBody>
        </MessageBar>
      )}
      {findings.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="record-trace-findings">
          <MessageBarBody>
            <MessageBarTitle>{t.registerTraceFindingsTitle}</MessageBarTitle>
            <ul className={styles.list}>
              {findings.map((f, i) => (
                <li key={i}>{findingText(t, f)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {unchecked.length > 0 && (
        <Text size={200} data-testid="record-trace-unchecked">
          {unchecked.map((f) => findingText(t, f)).join(' ')}
        </Text>
      )}
      {trace.status === 'ok' && (
        <VersionLines
          lines={trace.value.lines}
          changes={(line) => line.changes.map((c) => changeText(t, c, line)).join(', ')}
          nothing={t.registerTraceOther}
          unreadable={t.registerTraceUnreadable}
          className={styles.list}
          data-testid="record-trace-versions"
        />
      )}
    </section>
  );
}
