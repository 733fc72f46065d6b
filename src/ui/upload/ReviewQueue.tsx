import { Button, MessageBar, MessageBarBody, Spinner, Subtitle2, Text } from '@fluentui/react-components';
import * as React from 'react';
import type { AuditRecord, ExchangeDocument, Services, SiteUser } from '../../ports';
import { auditCsv, reviewToetsId } from '../../upload';
import { errorMessage } from '../common/errors';
import { Failure } from '../common/Failure';
import { useAsync } from '../common/useAsync';
import { useServices, useStrings } from '../services';
import { format } from './format';
import { ReviewItem } from './ReviewItem';
import { useUploadStyles } from './useUploadStyles';

/** What the tab shows: who is looking, the documents in review, and the viewer's own rejected documents with the note. */
interface QueueData {
  user: SiteUser;
  pending: ExchangeDocument[];
  rejected: Array<{ doc: ExchangeDocument; note: string | undefined }>;
}

/** Loads the queue (security-trimmed by SharePoint: a party's review folder is readable by that party only). */
async function loadQueue(services: Services): Promise<QueueData> {
  const [user, pending, mine] = await Promise.all([
    services.site.currentUser(),
    services.documents.list({ view: 'in-review', pageSize: 50 }),
    services.documents.list({ view: 'mijn-gedeelde-stukken', pageSize: 50, orderBy: { field: 'modified', ascending: false } }),
  ]);
  const rejected = await Promise.all(
    mine.items
      .filter((d) => d.toetsstatus === 'Afgewezen')
      .map(async (doc) => {
        // The uploader sees the privacy officer's note when the Toetslog lets them read it.
        const record = await services.audit.get(reviewToetsId(doc, 'rejected')).catch(() => null);
        return { doc, note: record?.reviewNote };
      }),
  );
  return { user, pending: pending.items, rejected };
}

/** Every Toetslog record the user may read, page by page. */
async function allRecords(services: Services): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  let token: string | undefined;
  do {
    const page = await services.audit.list(token, 500);
    records.push(...page.items);
    token = page.nextPageToken;
  } while (token);
  return records;
}

/** The "Review" tab: the privacy officer's queue (art. 9.2), the uploader's outcome, and the Toetslog export. */
export function ReviewQueue(): React.ReactElement {
  const t = useStrings();
  const styles = useUploadStyles();
  const services = useServices();
  const data = useAsync(() => loadQueue(services), [services]);
  const [done, setDone] = React.useState<string | undefined>(undefined);
  const [exportError, setExportError] = React.useState<string | undefined>(undefined);
  const exportCsv = (): void => {
    setExportError(undefined);
    allRecords(services).then(
      (records) => {
        const url = URL.createObjectURL(new Blob([auditCsv(records)], { type: 'text/csv;charset=utf-8' }));
        const a = document.createElement('a');
        a.href = url;
        a.download = `toetslog-${new Date().toISOString().slice(0, 10)}.csv`;
        a.click();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      },
      (e: unknown) => setExportError(errorMessage(e)),
    );
  };
  if (data.status === 'loading') return <Spinner label={t.loading} />;
  if (data.status === 'error') return <Failure error={data.error} onRetry={data.reload} />;
  const { user, pending, rejected } = data.value;
  return (
    <div className={styles.panel} data-testid="review-queue">
      <Text as="p">{t.reviewIntro}</Text>
      {done && (
        <MessageBar intent="success" data-testid="review-done">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {pending.length === 0 ? (
        <Text data-testid="review-empty">{t.reviewEmpty}</Text>
      ) : (
        <ul className={styles.files}>
          {pending.map((doc) => (
            <ReviewItem
              key={doc.id}
              doc={doc}
              user={user}
              onReviewed={(verdict) => {
                setDone(`${doc.name}: ${t[`reviewDone_${verdict}`]}`);
                data.reload();
              }}
            />
          ))}
        </ul>
      )}
      <Subtitle2 as="h3">{t.reviewMine}</Subtitle2>
      {rejected.length === 0 ? (
        <Text className={styles.muted}>{t.reviewMineEmpty}</Text>
      ) : (
        <ul className={styles.files}>
          {rejected.map(({ doc, note }) => (
            <li key={doc.id} className={styles.file} data-rejected={doc.name}>
              <span className={styles.fileName}>{doc.name}</span>
              <Text>{format(t.reviewRejectedNote, { note: note ?? '—' })}</Text>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.section}>
        <div>
          <Button onClick={exportCsv} data-testid="export-csv">
            {t.reviewExport}
          </Button>
        </div>
        <Text size={200} className={styles.muted}>
          {t.reviewExportHint}
        </Text>
        {exportError && (
          <MessageBar intent="error">
            <MessageBarBody>{exportError}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </div>
  );
}

/** Default export for `React.lazy`. */
export default ReviewQueue;
