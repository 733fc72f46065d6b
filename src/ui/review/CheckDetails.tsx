import { Text } from '@fluentui/react-components';
import * as React from 'react';
import { FINDING_KINDS, type FindingKind } from '../../domain/scan';
import type { AuditRecord } from '../../ports';
import { describeFindings } from '../upload/format';
import { useServices, useStrings } from '../services';
import { useReviewStyles } from './useReviewStyles';

/** Props of {@link CheckDetails}. */
export interface CheckDetailsProps {
  record: AuditRecord;
}

/** A yes/no answer in the UI language. */
function yesNo(v: unknown, yes: string, no: string): string {
  return v === true ? yes : v === false ? no : '—';
}

/**
 * The uploader's answers, the scan's findings (kinds and counts only, never values) and the reasons of the decision,
 * as the Toetslog holds them: what the privacy officer weighs (art. 9.2).
 */
export function CheckDetails(props: CheckDetailsProps): React.ReactElement {
  const t = useStrings();
  const styles = useReviewStyles();
  const { config } = useServices();
  const a = props.record.answers;
  const label = (list: ReadonlyArray<{ key: string; label: string }>, key: unknown): string =>
    list.find((x) => x.key === key)?.label ?? (typeof key === 'string' ? key : '—');
  const activity = config.processingActivities.find((p) => p.key === (props.record.activity ?? a.activityKey));
  const rows: Array<[string, string]> = [
    [t.rvDocumentType, label(config.documentTypes, a.documentType)],
    [t.rvClassification, label(config.classification.levels, a.classification)],
    [t.rvPersonal, yesNo(a.containsPersonalData, t.rvYes, t.rvNo)],
  ];
  if (a.containsPersonalData === true) {
    rows.push(
      [t.rvActivity, activity ? activity.service : '—'],
      [t.rvCategories, Array.isArray(a.categories) ? a.categories.map((c) => label(config.categories, c)).join(', ') : '—'],
      [t.rvNecessity, typeof a.necessity === 'string' && a.necessity ? a.necessity : '—'],
      [t.rvLessData, yesNo(a.lessDataPossible, t.rvYes, t.rvNo)],
    );
    if (a.consentRecorded !== undefined) rows.push([t.rvConsent, yesNo(a.consentRecorded, t.rvYes, t.rvNo)]);
  }
  rows.push([t.rvRuleVersion, props.record.ruleVersion]);
  const findings = props.record.findings
    .filter((f) => f.count > 0 && (FINDING_KINDS as readonly string[]).includes(f.kind))
    .map((f) => ({ kind: f.kind as FindingKind, count: f.count }));
  return (
    <div data-testid="review-record">
      <Text weight="semibold" block>{t.reviewAnswers}</Text>
      <dl className={styles.facts}>
        {rows.map(([term, value]) => (
          <React.Fragment key={term}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </React.Fragment>
        ))}
      </dl>
      <Text weight="semibold" block>{t.reviewFindings}</Text>
      <Text as="p" block data-testid="findings">
        {findings.length === 0 ? t.reviewNoFindings : describeFindings(findings, t)}
      </Text>
      {props.record.reasons.length > 0 && (
        <>
          <Text weight="semibold" block>{t.reviewReasons}</Text>
          <ul className={styles.reasons}>
            {props.record.reasons.map((r, i) => (
              <li key={i}>
                <strong>{r.article}</strong> {r.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
