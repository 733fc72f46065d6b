import { Button, Field, MessageBar, MessageBarBody, Text, Textarea } from '@fluentui/react-components';
import * as React from 'react';
import { effectiveRecipients, recipientNames } from '../../domain/agreement/recipients';
import type { SiteUser } from '../../ports';
import { reviewDocument, type QueueEntry } from '../../review';
import { FailureText } from '../common/ProblemText';
import { formatDate } from '../overview/formatDate';
import { useServices, useStrings } from '../services';
import { format } from '../upload/format';
import { CheckDetails } from './CheckDetails';
import { useFocusTargetStyles } from '../common/focusAfter';
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
  const focusStyles = useFocusTargetStyles();
  const services = useServices();
  const { document: doc, record } = props.entry;
  const [note, setNote] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>(undefined);
  const [open, setOpen] = React.useState(false);
  const errorMessage = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (error !== undefined) errorMessage.current?.focus();
  }, [error]);
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
        setError(e);
        setBusy(false);
      },
    );
  };
  const who = record?.user.displayName ?? doc.uploader?.displayName ?? doc.author?.displayName ?? '—';
  // art. 8, 9.5: who reads it once approved, as the uploader's record holds it (the approval never widens it).
  const recipients = doc.party
    ? recipientNames(
        services.config,
        effectiveRecipients(services.config, doc.party, record?.recipients ?? doc.recipients),
        t.lang === 'en' ? 'en' : 'nl',
      )
    : '';
  return (
    <li className={styles.card} data-review={doc.name}>
      <div className={styles.head}>
        <Text className={styles.name}>{doc.name}</Text>
        <Text className={styles.muted}>{format(t.rvSharedOn, { name: who, date: formatDate(record?.at ?? doc.created) })}</Text>
        {recipients && (
          <Text className={styles.muted} data-testid="review-recipients">
            {format(t.rvRecipients, { parties: recipients })}
          </Text>
        )}
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
      {error !== undefined && (
        <MessageBar ref={errorMessage} tabIndex={-1} className={focusStyles.focusTarget} intent="error" data-testid="review-error">
          <MessageBarBody>
            <FailureText error={error} />
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        {/* Focusable while the decision is written: focus stays on the pressed button until the outcome takes it. */}
        <Button appearance="primary" disabledFocusable={busy} onClick={() => decide('approved')} data-testid="approve">
          {t.reviewApprove}
        </Button>
        <Button disabledFocusable={busy} onClick={() => decide('rejected')} data-testid="reject">
          {t.reviewReject}
        </Button>
      </div>
    </li>
  );
}
