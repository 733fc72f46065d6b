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
 * The uploader's own shared files with their status and, after a review, the privacy officer's decision and note (on
 * the file, which the privacy officer changed last); files waiting for review from the uploader's own Toetslog record.
 */
export function Outcomes(props: OutcomesProps): React.ReactElement {
  const t = useStrings();
  const styles = useReviewStyles();
  if (props.entries.length === 0) return <Text className={styles.muted}>{t.rvOutcomesEmpty}</Text>;
  return (
    <table className={styles.table} data-testid="outcomes">
      <tbody>
        {props.entries.map(({ document: doc, record }) => {
          const name = doc?.name ?? record?.fileName ?? '';
          const status = doc?.toetsstatus ?? 'In review';
          // After a review the privacy officer's note is on the file; they changed it last (SharePoint's Editor).
          const reviewedBy = record?.decision === 'review' && doc?.editor ? doc.editor.displayName : undefined;
          return (
            <tr key={doc ? `d${doc.id}` : `r${record?.toetsId ?? name}`} data-outcome-file={name} data-status={status}>
              <td className={styles.cell}>
                <Text className={styles.name}>{name}</Text>
                <br />
                <Text size={200} className={styles.muted}>
                  {formatDate(doc?.modified ?? record?.at ?? '')}
                </Text>
              </td>
              <td className={styles.cell}>
                <Text className={status === 'Afgewezen' ? styles.rejected : undefined} data-testid="outcome-status">
                  {status === 'Toegestaan' && isDraftVersion(doc?.version)
                    ? t.rvStatus_unpublished
                    : t[`rvStatus_${status}`]}
                </Text>
                {reviewedBy && (
                  <>
                    <br />
                    {status === 'Toegestaan' && (
                      <Text size={200}>{format(t.rvApprovedAfterReview, { name: reviewedBy })}. </Text>
                    )}
                    {doc?.reviewNote && (
                      <Text size={200} data-testid="outcome-note">
                        {format(t.rvOutcomeNote, { name: reviewedBy, note: doc.reviewNote })}
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
