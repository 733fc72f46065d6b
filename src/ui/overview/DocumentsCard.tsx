import { mergeClasses, Subtitle2, Text } from '@fluentui/react-components';
import * as React from 'react';
import { format } from '../../loc/text';
import { Panel, PanelHeader, Pill, PlainLink } from '../common/light';
import { DraftBadge } from '../views/DraftBadge';
import { useStrings } from '../services';
import type { DocumentRow } from './documentLabels';
import { formatDate } from './formatDate';
import { useOverviewStyles } from './useOverviewStyles';

/** Props of {@link DocumentsCard}. */
export interface DocumentsCardProps {
  /** The rows the caller may read, or 'denied' when the library itself is closed to them (art. 10.1). */
  documents: { rows: DocumentRow[]; more: boolean } | 'denied';
}

/** The documents of the exchange library the signed-in person may see; SharePoint's permissions decide which. */
export function DocumentsCard(props: DocumentsCardProps): React.ReactElement {
  const t = useStrings();
  const styles = useOverviewStyles();
  const docs = props.documents;
  const dash = t.unknownValue;
  const count = docs === 'denied' ? 0 : docs.rows.length;
  return (
    <Panel className={mergeClasses(styles.card, styles.wide)} aria-labelledby="documents-title" data-testid="documents">
      <PanelHeader
        header={
          <Subtitle2 id="documents-title" as="h2">
            {t.overviewDocuments}
          </Subtitle2>
        }
        description={
          count > 0 ? (
            <Text>{format(docs !== 'denied' && docs.more ? t.overviewDocumentsFirst : t.overviewDocumentsCount, { count })}</Text>
          ) : undefined
        }
      />
      {docs === 'denied' ? (
        <Text data-testid="documents-denied">{t.overviewDocumentsNoAccess}</Text>
      ) : count === 0 ? (
        <Text data-testid="documents-empty">{t.overviewNoDocuments}</Text>
      ) : (
        // A plain table in Fluent's small-table look: Fluent's Table would bring its icons and navigation along.
        <table aria-labelledby="documents-title" className={mergeClasses(styles.table, styles.plainTable)}>
          <thead>
            <tr>
              <th className={styles.th}>{t.colName}</th>
              <th className={styles.th}>{t.colType}</th>
              <th className={styles.th}>{t.colClassification}</th>
              <th className={styles.th}>{t.colParty}</th>
              <th className={styles.th}>{t.colStatus}</th>
              <th className={styles.th}>{t.colModified}</th>
            </tr>
          </thead>
          <tbody>
            {docs.rows.map((d) => (
              <tr key={d.id} data-document={d.name} className={styles.tr}>
                <td className={styles.td}>
                  <PlainLink href={d.url}>{d.name}</PlainLink>
                </td>
                <td className={styles.td}>{d.documentType ?? dash}</td>
                <td className={styles.td}>
                  {d.restricted ? (
                    <Pill tone="danger" className={styles.nowrap}>
                      {d.classification ?? dash}
                    </Pill>
                  ) : (
                    d.classification ?? dash
                  )}
                </td>
                <td className={styles.td}>{d.party ?? dash}</td>
                <td className={styles.td}>
                  {d.toetsstatus} <DraftBadge version={d.version} party={d.owner ?? d.party ?? dash} />
                </td>
                <td className={mergeClasses(styles.td, styles.nowrap)}>{formatDate(d.modified)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
