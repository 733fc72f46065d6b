import {
  Badge,
  Card,
  CardHeader,
  Link,
  mergeClasses,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import * as React from 'react';
import { format } from '../../loc';
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
    <Card className={mergeClasses(styles.card, styles.wide)} aria-labelledby="documents-title" data-testid="documents">
      <CardHeader
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
        <Table size="small" aria-labelledby="documents-title" className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.colName}</TableHeaderCell>
              <TableHeaderCell>{t.colType}</TableHeaderCell>
              <TableHeaderCell>{t.colClassification}</TableHeaderCell>
              <TableHeaderCell>{t.colParty}</TableHeaderCell>
              <TableHeaderCell>{t.colStatus}</TableHeaderCell>
              <TableHeaderCell>{t.colModified}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {docs.rows.map((d) => (
              <TableRow key={d.id} data-document={d.name}>
                <TableCell>
                  <Link href={d.url}>{d.name}</Link>
                </TableCell>
                <TableCell>{d.documentType ?? dash}</TableCell>
                <TableCell>
                  {d.restricted ? (
                    <Badge appearance="tint" color="danger" className={styles.nowrap}>
                      {d.classification ?? dash}
                    </Badge>
                  ) : (
                    d.classification ?? dash
                  )}
                </TableCell>
                <TableCell>{d.party ?? dash}</TableCell>
                <TableCell>
                  {d.toetsstatus} <DraftBadge version={d.version} party={d.owner ?? d.party ?? dash} />
                </TableCell>
                <TableCell className={styles.nowrap}>{formatDate(d.modified)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
