/**
 * A failure as a person reads it: one sentence in their language that says what to do, and the technical detail
 * (SharePoint's or Graph's own words, the HTTP status) behind a "Technische details" toggle, never in the sentence.
 * Shared by every screen that shows a failure.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import * as React from 'react';
import { describeFailure, type Problem } from '../../domain/common/failure';
import { pick } from '../../domain/common/types';
import { useStrings } from '../services';

const useStyles = makeStyles({
  details: { marginTop: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase200 },
  summary: { cursor: 'pointer', color: tokens.colorNeutralForeground2 },
  detail: {
    display: 'block',
    margin: `${tokens.spacingVerticalXS} 0 0`,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorNeutralForeground2,
  },
});

/** The technical detail behind a native disclosure toggle (keyboard and screen readers know it); nothing without one. */
export function FailureDetails(props: { detail?: string }): React.ReactElement | null {
  const t = useStrings();
  const styles = useStyles();
  if (!props.detail) return null;
  return (
    <details className={styles.details} data-testid="failure-details">
      <summary className={styles.summary}>{t.failureDetails}</summary>
      <code className={styles.detail}>{props.detail}</code>
    </details>
  );
}

/** A flow's problem line (a sentence in both languages, the detail apart): the sentence, then the toggle. */
export function ProblemText(props: { problem: Problem }): React.ReactElement {
  const t = useStrings();
  const lang = t.lang === 'en' ? 'en' : 'nl';
  return (
    <>
      <span data-problem-text>{pick(props.problem, lang)}</span>
      <FailureDetails detail={props.problem.detail} />
    </>
  );
}

/** An error thrown by a port or a flow, as a person reads it (see src/domain/common/failure.ts). */
export function FailureText(props: { error: unknown }): React.ReactElement {
  const f = describeFailure(props.error);
  return <ProblemText problem={{ ...f.text, ...(f.detail ? { detail: f.detail } : {}) }} />;
}
