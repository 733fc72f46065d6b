import { Button, Field, Link, MessageBar, MessageBarBody, Text, Textarea } from '@fluentui/react-components';
import * as React from 'react';
import type { AgreementConfig } from '../../domain/agreement/schema';
import type { FindingSummary } from '../../domain/scan';
import type { StringKey, Strings } from '../../loc';
import type { AuditRecord, ExchangeDocument, SiteUser } from '../../ports';
import { mayReview, reviewDocument, type Verdict } from '../../upload';
import { errorMessage } from '../common/errors';
import { useServices, useStrings } from '../services';
import { describeFindings, format } from './format';
import { useUploadStyles } from './useUploadStyles';

/** Props of {@link ReviewItem}. */
export interface ReviewItemProps {
  doc: ExchangeDocument;
  user: SiteUser;
  onReviewed: (verdict: Verdict) => void;
}

/** Label string keys of the recorded answers, in the dialog's order. */
const ANSWER_LABELS: ReadonlyArray<[string, StringKey]> = [
  ['documentType', 'uploadDocumentType'],
  ['classification', 'uploadClassification'],
  ['confidential', 'uploadConfidential'],
  ['year', 'uploadYear'],
  ['containsPersonalData', 'uploadPersonalData'],
  ['activityKey', 'uploadActivity'],
  ['categories', 'uploadCategories'],
  ['necessity', 'uploadNecessity'],
  ['lessDataPossible', 'uploadLessData'],
  ['consentRecorded', 'uploadConsent'],
  ['consentReference', 'uploadConsentReference'],
  ['exceptionalCircumstances', 'uploadExceptional'],
];

/** The recorded answers as the person saw the questions: labels from the strings, values from the configuration. */
function answerRows(answers: Record<string, unknown>, config: AgreementConfig, t: Strings): Array<[string, string]> {
  const label = (list: ReadonlyArray<{ key: string; label?: string; service?: string }>, key: unknown): string => {
    const hit = list.find((x) => x.key === key);
    return hit?.label ?? hit?.service ?? String(key);
  };
  const value = (k: string, v: unknown): string => {
    if (typeof v === 'boolean') return v ? t.uploadYes : t.uploadNo;
    if (k === 'documentType') return label(config.documentTypes, v);
    if (k === 'classification') return label(config.classification.levels, v);
    if (k === 'activityKey') return label(config.processingActivities, v);
    if (k === 'categories' && Array.isArray(v)) return v.map((c) => label(config.categories, c)).join(', ');
    return v === undefined || v === null ? '—' : String(v);
  };
  return ANSWER_LABELS.filter(([k]) => k in answers).map(([k, key]) => [format(t[key], { source: '' }).replace(' ()', ''), value(k, answers[k])]);
}

/** The Toetslog record of the upload: answers, finding kinds and counts, reasons with articles. */
function CheckDetails(props: { record: AuditRecord | null | undefined }): React.ReactElement | null {
  const t = useStrings();
  const styles = useUploadStyles();
  const { config } = useServices();
  const r = props.record;
  if (!r) return null;
  return (
    <div className={styles.register} data-testid="review-record">
      <Text block weight="semibold">
        {t.reviewAnswers}
      </Text>
      <ul className={styles.reasons}>
        {answerRows(r.answers, config, t).map(([question, answer]) => (
          <li key={question}>
            {question} <strong>{answer}</strong>
          </li>
        ))}
      </ul>
      <Text block weight="semibold">
        {t.reviewFindings}
      </Text>
      <Text block data-findings={r.findings.map((f) => `${f.kind}:${f.count}`).join(',')}>
        {r.findings.length ? describeFindings(r.findings as FindingSummary[], t) : t.reviewNoFindings}
      </Text>
      <Text block weight="semibold">
        {t.reviewReasons}
      </Text>
      <ul className={styles.reasons}>
        {r.reasons.map((x, i) => (
          <li key={i}>
            <span className={styles.article}>{x.article}</span>: {x.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One document awaiting review: what was decided and why, and for its privacy officer approve/reject with a note. */
export function ReviewItem(props: ReviewItemProps): React.ReactElement {
  const t = useStrings();
  const styles = useUploadStyles();
  const services = useServices();
  const { doc, user } = props;
  const [record, setRecord] = React.useState<AuditRecord | null | undefined>(undefined);
  const [note, setNote] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | undefined>(undefined);
  const party = services.config.parties.find((p) => p.key === doc.party);
  const allowed = mayReview(services.config, user, doc);
  const showCheck = (): void => {
    if (doc.toetsId) services.audit.get(doc.toetsId).then(setRecord, (e: unknown) => setError(errorMessage(e)));
    else setRecord(null);
  };
  const decide = (verdict: Verdict): void => {
    setBusy(true);
    setError(undefined);
    reviewDocument({ config: services.config, documents: services.documents, audit: services.audit, user }, doc, verdict, note).then(
      () => props.onReviewed(verdict),
      (e: unknown) => {
        setBusy(false);
        setError(errorMessage(e));
      },
    );
  };
  return (
    <li className={styles.file} data-review={doc.name}>
      <div className={styles.fileHead}>
        <Link href={doc.serverRelativeUrl} target="_blank" className={styles.fileName}>
          {doc.name}
        </Link>
        <Text className={styles.muted}>
          {format(t.reviewSharedBy, { name: doc.uploader?.displayName ?? doc.author?.displayName ?? '—', party: party?.shortName ?? doc.party ?? '—' })}
        </Text>
        {record === undefined && (
          <Button size="small" onClick={showCheck}>
            {t.reviewShowCheck}
          </Button>
        )}
      </div>
      <CheckDetails record={record} />
      {allowed ? (
        <div className={styles.section}>
          <Field label={t.reviewNote}>
            <Textarea value={note} onChange={(_, v) => setNote(v.value)} data-testid="review-note" />
          </Field>
          <div className={styles.fileHead}>
            <Button appearance="primary" disabled={busy} onClick={() => decide('approved')} data-testid="approve">
              {t.reviewApprove}
            </Button>
            <Button disabled={busy} onClick={() => decide('rejected')} data-testid="reject">
              {t.reviewReject}
            </Button>
          </div>
        </div>
      ) : (
        <Text className={styles.muted}>{format(t.reviewNotYours, { party: party?.shortName ?? doc.party ?? '—' })}</Text>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </li>
  );
}
