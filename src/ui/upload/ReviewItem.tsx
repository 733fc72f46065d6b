import { Button, Field, Link, MessageBar, MessageBarBody, Text, Textarea } from '@fluentui/react-components';
import * as React from 'react';
import type { AuditRecord, ExchangeDocument, SiteUser } from '../../ports';
import { mayReview, reviewDocument, type Verdict } from '../../upload';
import { errorMessage } from '../common/errors';
import { useServices, useStrings } from '../services';
import { format } from './format';
import { useUploadStyles } from './useUploadStyles';

/** Props of {@link ReviewItem}. */
export interface ReviewItemProps {
  doc: ExchangeDocument;
  user: SiteUser;
  onReviewed: (verdict: Verdict) => void;
}

/** The Toetslog record of the upload: answers, finding kinds and counts, reasons with articles. */
function CheckDetails(props: { record: AuditRecord | null | undefined }): React.ReactElement | null {
  const t = useStrings();
  const styles = useUploadStyles();
  const r = props.record;
  if (!r) return null;
  return (
    <div className={styles.register} data-testid="review-record">
      <Text block weight="semibold">
        {t.reviewAnswers}
      </Text>
      <ul className={styles.reasons}>
        {Object.entries(r.answers).map(([k, v]) => (
          <li key={k}>
            {k}: {Array.isArray(v) ? v.join(', ') : String(v)}
          </li>
        ))}
      </ul>
      <Text block weight="semibold">
        {t.reviewFindings}
      </Text>
      <Text block>{r.findings.length ? r.findings.map((f) => `${f.kind}: ${f.count}`).join(', ') : t.reviewNoFindings}</Text>
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
