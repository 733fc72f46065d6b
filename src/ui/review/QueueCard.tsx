import { Button, Field, MessageBar, MessageBarBody, Text, Textarea } from '@fluentui/react-components';
import * as React from 'react';
import type { SiteUser } from '../../ports';
import { reviewDocument, type QueueEntry } from '../../review';
import { errorMessage } from '../common/errors';
import { formatDate } from '../overview/formatDate';
import { useServices, useStrings } from '../services';
import { format } from '../upload/format';
import { CheckDetails } from './CheckDetails';
import { useReviewStyles } from './useReviewStyles';

/** Props of {@link QueueCard}. */
export interface QueueCardProps {
  entry: QueueEntry;
  reviewer: SiteUser;
  /** After a decision: the verdict and whether the uploader's record got the note. */
  onReviewed: (verdict: 'approved' | 'rejected', uploaderInformed: boolean) => void;
}

/** One file in review: who shared it, the check as recorded, a note, approve / reject (art. 9.2). */
export function QueueCard(props: QueueCardProps): React.ReactElement {
  const t = useStrings();
  const styles = useReviewStyles();
  const services = useServices();
  const { document: doc, record } = props.entry;
  const [note, setNote] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | undefined>(undefined);
  const [open, setOpen] = React.useState(false);
  const decide = (verdict: 'approved' | 'rejected'): void => {
    setBusy(true);
    setError(undefined);
    reviewDocument(
      { config: services.config, documents: services.documents, audit: services.audit, reviewer: props.reviewer },
      doc,
      verdict,
      note,
    ).then(
      (r) => props.onReviewed(verdict, r.uploaderInformed),
      (e: unknown) => {
        setError(errorMessage(e));
        setBusy(false);
      },
    );
  };
  const who = record?.user.displayName ?? doc.uploader?.displayName ?? doc.author?.displayName ?? '—';
  return (
    <li className={styles.card} data-review={doc.name}>
      <div className={styles.head}>
        <Text className={styles.name}>{doc.name}</Text>
        <Text className={styles.muted}>{format(t.rvSharedOn, { name: who, date: formatDate(record?.at ?? doc.created) })}</Text>
      </div>
      {record ? (
        <>
          <div>
            <Button size="small" onClick={() => setOpen(!open)} aria-expanded={open}>
              {t.reviewShowCheck}
            </Button>
          </div>
          {open && <CheckDetails record={record} />}
        </>
      ) : (
        <MessageBar intent="warning">
          <MessageBarBody>{t.rvNoRecord}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={t.reviewNote}>
        <Textarea data-testid="review-note" value={note} disabled={busy} onChange={(_, d) => setNote(d.value)} maxLength={2000} />
      </Field>
      {error && (
        <MessageBar intent="error" data-testid="review-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => decide('approved')} data-testid="approve">
          {t.reviewApprove}
        </Button>
        <Button disabled={busy} onClick={() => decide('rejected')} data-testid="reject">
          {t.reviewReject}
        </Button>
      </div>
    </li>
  );
}
