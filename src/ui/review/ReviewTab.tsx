import { MessageBar, MessageBarBody, Spinner, Subtitle2, Text } from '@fluentui/react-components';
import * as React from 'react';
import type { Services, SiteUser } from '../../ports';
import { loadOutcomes, loadQueue, mayExport, reviewerParties, type OutcomeEntry, type QueueEntry } from '../../review';
import { ExportPanel } from '../audit/ExportPanel';
import { Failure } from '../common/Failure';
import { useAsync } from '../common/useAsync';
import { useServices, useStrings } from '../services';
import { Outcomes } from './Outcomes';
import { QueueCard } from './QueueCard';
import { useFocusTargetStyles } from '../common/focusAfter';
import { useReviewStyles } from './useReviewStyles';

/** What the tab shows: the viewer, their queue (privacy officers only) and their own files' outcomes. */
interface TabData {
  user: SiteUser;
  queue: QueueEntry[] | null;
  outcomes: OutcomeEntry[];
}

/** Loads everything the tab shows in parallel (each list security-trimmed by SharePoint). */
async function load(services: Services): Promise<TabData> {
  const user = await services.site.currentUser();
  const reviewer = reviewerParties(services.config, user).length > 0;
  const [queue, outcomes] = await Promise.all([
    reviewer ? loadQueue(services, user) : Promise.resolve(null),
    user.party ? loadOutcomes({ ...services, userId: user.id }) : Promise.resolve([]),
  ]);
  return { user, queue, outcomes };
}

/**
 * The "Review" tab: the privacy officer's queue of their own party's files in review (art. 9.2), the uploader's
 * outcomes with the privacy officer's note, and the Verantwoording export (AVG art. 5(2)). After a decision its card
 * is gone, so focus moves to the message that says what was decided (WCAG 2.4.3), never to the page's body.
 */
export function ReviewTab(): React.ReactElement {
  const t = useStrings();
  const styles = useReviewStyles();
  const focusStyles = useFocusTargetStyles();
  const services = useServices();
  const data = useAsync(() => load(services), [services]);
  const [done, setDone] = React.useState<{ text: string; warn: boolean } | undefined>(undefined);
  const doneMessage = React.useRef<HTMLDivElement>(null);
  // After a decision the tab loads again (a spinner in its place): the message is focused once the new queue is shown.
  const focusDone = React.useRef<'no' | 'before-reload' | 'reloading'>('no');
  React.useEffect(() => {
    if (focusDone.current === 'before-reload' && data.status === 'loading') focusDone.current = 'reloading';
    else if (focusDone.current === 'reloading' && data.status !== 'loading') {
      focusDone.current = 'no';
      doneMessage.current?.focus();
    }
  }, [done, data.status]);
  if (data.status === 'loading') return <Spinner label={t.loading} />;
  if (data.status === 'error') return <Failure error={data.error} onRetry={data.reload} />;
  const { user, queue, outcomes } = data.value;
  return (
    <div className={styles.panel} data-testid="review-tab">
      <Text as="p">{t.reviewIntro}</Text>
      {done && (
        <MessageBar
          ref={doneMessage}
          tabIndex={-1}
          className={focusStyles.focusTarget}
          intent={done.warn ? 'warning' : 'success'}
          data-testid="review-done"
        >
          <MessageBarBody>{done.text}</MessageBarBody>
        </MessageBar>
      )}
      {queue && (
        <section className={styles.section} aria-label={t.rvQueueTitle} data-testid="review-queue">
          <Subtitle2 as="h3">{t.rvQueueTitle}</Subtitle2>
          {queue.length === 0 ? (
            <Text data-testid="review-empty">{t.reviewEmpty}</Text>
          ) : (
            <ul className={styles.list}>
              {queue.map((entry) => (
                <QueueCard
                  key={entry.document.id}
                  entry={entry}
                  reviewer={user}
                  onReviewed={(verdict, informed) => {
                    const text = `${entry.document.name}: ${t[`reviewDone_${verdict}`]}`;
                    focusDone.current = 'before-reload';
                    setDone({ text: informed ? text : `${text} ${t.rvInformFailed}`, warn: !informed });
                    data.reload();
                  }}
                />
              ))}
            </ul>
          )}
        </section>
      )}
      {user.party && (
        <section className={styles.section} aria-label={t.rvOutcomesTitle}>
          <Subtitle2 as="h3">{t.rvOutcomesTitle}</Subtitle2>
          <Outcomes entries={outcomes} />
        </section>
      )}
      {mayExport(services.config, user) && <ExportPanel user={user} />}
    </div>
  );
}

/** Default export for `React.lazy`. */
export default ReviewTab;
