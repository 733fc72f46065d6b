import { MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Text } from '@fluentui/react-components';
import * as React from 'react';
import { reportTrace, type TraceChange, type TraceLine } from '../../datalek';
import { STATUS_LABELS, type DatalekStatus } from '../../domain/datalek';
import type { Strings } from '../../loc';
import { format } from '../../loc/text';
import { useAsync } from '../common/useAsync';
import { VersionLines } from '../common/VersionLines';
import { useDatalekStyles } from '../datalek/useDatalekStyles';
import { useServices, useStrings } from '../services';

/** Props of {@link ReportTrace}. */
export interface ReportTraceProps {
  id: number;
  /** The item's etag: a new one (after a save) reads the history again. */
  etag?: string;
}

const DECISION_TITLE = { apDecision: 'datalekRegisterApTitle', dataSubjectsDecision: 'datalekRegisterSubjectsTitle' } as const;

function changeText(t: Strings, c: TraceChange, line: TraceLine, lang: 'nl' | 'en'): string {
  switch (c) {
    case 'created':
      return t.datalekTraceCreated;
    case 'earliest':
      return t.traceEarliest;
    case 'status':
      return format(t.datalekTraceStatus, { status: STATUS_LABELS[line.status as DatalekStatus]?.[lang] ?? line.status });
    case 'apDecision':
      return t.datalekTraceAp;
    case 'dataSubjectsDecision':
      return t.datalekTraceSubjects;
    default:
      return t.datalekTraceFacts;
  }
}

/**
 * A report's versions as SharePoint recorded them (src/datalek/trace.ts): who saved each and when, what it changed,
 * and, first, any decision whose stated author is not who saved it. A history that could not be read says that the
 * authors were not checked; it never shows as "nothing found".
 */
export function ReportTrace(props: ReportTraceProps): React.ReactElement {
  const t = useStrings();
  const styles = useDatalekStyles();
  const services = useServices();
  const lang = t.lang === 'en' ? 'en' : 'nl';
  const trace = useAsync(() => services.breaches.versions(props.id).then(reportTrace), [services, props.id, props.etag]);
  return (
    <section className={styles.section} data-testid="datalek-trace">
      <Subtitle2 as="h3">{t.traceTitle}</Subtitle2>
      <Text className={styles.muted}>{t.datalekTraceIntro}</Text>
      {trace.status === 'loading' && <Text>{t.loading}</Text>}
      {trace.status === 'error' && (
        <MessageBar intent="warning" data-testid="datalek-trace-failed">
          <MessageBarBody>{t.datalekTraceFailed}</MessageBarBody>
        </MessageBar>
      )}
      {trace.status === 'ok' && trace.value.mismatches.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="datalek-trace-mismatch">
          <MessageBarBody>
            <MessageBarTitle>{t.datalekTraceMismatchTitle}</MessageBarTitle>
            <ul className={styles.list}>
              {trace.value.mismatches.map((m) => (
                <li key={m.decision}>
                  {format(t.datalekTraceMismatch, {
                    decision: t[DECISION_TITLE[m.decision]],
                    declared: m.declared,
                    savedBy: m.savedBy?.displayName || t.traceNobody,
                    label: m.label,
                  })}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {trace.status === 'ok' && trace.value.unchecked.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="datalek-trace-unchecked">
          <MessageBarBody>
            {trace.value.unchecked.map((d) => format(t.datalekTraceUnchecked, { decision: t[DECISION_TITLE[d]] })).join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}
      {trace.status === 'ok' && (
        <VersionLines
          lines={trace.value.lines}
          changes={(line) => line.changes.map((c) => changeText(t, c, line, lang)).join(', ')}
          nothing={t.datalekTraceNothing}
          unreadable={t.datalekTraceUnreadable}
          className={styles.list}
          data-testid="datalek-trace-versions"
        />
      )}
    </section>
  );
}
