import { Text } from '@fluentui/react-components';
import * as React from 'react';
import type { OutcomeEntry } from '../../review';
import { formatDate } from '../overview/formatDate';
import { useStrings } from '../services';
import { isDraftVersion } from '../views/DraftBadge';
import { format } from '../upload/format';
import { useReviewStyles } from './useReviewStyles';

/** Props of {@link Outcomes}. */
export interface OutcomesProps {
  entries: OutcomeEntry[];
}

/**
 * The uploader's own shared files with their status and, after a review, the privacy officer's decision and note
 * (read from the uploader's own Toetslog record, the only records the log shows them).
 */
export function Outcomes(props: OutcomesProps): React.ReactElement {
  const t = useStrings();
  const styles = useReviewStyles();
  if (props.entries.length === 0) return <Text className={styles.muted}>{t.rvOutcomesEmpty}</Text>;
  return (
    <table className={styles.table} data-testid="outcomes">
      <tbody>
        {props.entries.map(({ document: doc, record }) => {
          const review = record?.review;
          return (
            <tr key={doc.id} data-outcome-file={doc.name} data-status={doc.toetsstatus}>
              <td className={styles.cell}>
                <Text className={styles.name}>{doc.name}</Text>
                <br />
                <Text size={200} className={styles.muted}>
                  {formatDate(doc.modified)}
                </Text>
              </td>
              <td className={styles.cell}>
                <Text className={doc.toetsstatus === 'Afgewezen' ? styles.rejected : undefined} data-testid="outcome-status">
                  {doc.toetsstatus === 'Toegestaan' && isDraftVersion(doc.version)
                    ? t.rvStatus_unpublished
                    : t[`rvStatus_${doc.toetsstatus}`]}
                </Text>
                {review && (
                  <>
                    <br />
                    {review.decision === 'goedgekeurd' && (
                      <Text size={200}>{format(t.rvApprovedAfterReview, { name: review.by.displayName })}. </Text>
                    )}
                    {review.note && (
                      <Text size={200} data-testid="outcome-note">
                        {format(t.rvOutcomeNote, { name: review.by.displayName, note: review.note })}
                      </Text>
                    )}
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
