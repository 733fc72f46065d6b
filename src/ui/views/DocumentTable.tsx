import {
  Badge,
  Button,
  Link,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import * as React from 'react';
import type { ExchangeDocument, Page } from '../../ports/documents';
import { format } from '../../loc/text';
import { formatDate } from '../overview/formatDate';
import { effectiveRecipients } from '../../domain/agreement/recipients';
import { owningPartyName } from '../../review/owner';
import { DraftBadge } from './DraftBadge';
import { useServices, useStrings } from '../services';
import { useViewsStyles } from './useViewsStyles';
import type { DocumentView, SortField } from './viewQueries';

/** Props of {@link DocumentTable}. */
export interface DocumentTableProps {
  view: DocumentView;
  /** Undefined while the page loads. */
  page?: Page<ExchangeDocument>;
  sort?: { field: SortField; ascending: boolean };
  onSort: (field: SortField) => void;
  pageNumber: number;
  onNext?: () => void;
  onPrevious?: () => void;
}

/** The rows of one view page; the DVA view is grouped per year (art. 12) as its SharePoint view is. */
export function DocumentTable(props: DocumentTableProps): React.ReactElement {
  const { config } = useServices();
  const t = useStrings();
  const styles = useViewsStyles();
  const dash = t.unknownValue;
  const docs = props.page?.items ?? [];
  const grouped = props.view === 'dva' && (!props.sort || props.sort.field === 'year');
  const direction = (f: SortField): 'ascending' | 'descending' | undefined =>
    props.sort?.field === f ? (props.sort.ascending ? 'ascending' : 'descending') : undefined;
  const sortable = (f: SortField, label: string): React.ReactElement => (
    <TableHeaderCell sortDirection={direction(f)} onClick={() => props.onSort(f)} data-sort={f}>
      {label}
    </TableHeaderCell>
  );
  const rows: React.ReactElement[] = [];
  let lastYear: number | undefined | null = null;
  for (const d of docs) {
    if (grouped && d.year !== lastYear) {
      lastYear = d.year;
      rows.push(
        <TableRow key={`year-${d.year ?? 'none'}`} className={styles.groupRow} data-year-group={d.year ?? ''}>
          <TableCell colSpan={9}>
            {d.year === undefined ? t.viewYearUnknown : format(t.viewYearGroup, { year: d.year })}
          </TableCell>
        </TableRow>,
      );
    }
    const level = config.classification.levels.find((l) => l.key === d.classification);
    const partyName = config.parties.find((p) => p.key === d.party)?.shortName ?? d.party ?? dash;
    // The draft's reader is the party whose folder holds it, also for a native upload without a Partij value.
    const ownerName = owningPartyName(config, d) ?? partyName;
    // art. 8, 9.5: who the file is shared with (none recorded: every other party, as before recipients were chosen).
    const recipients = d.party
      ? effectiveRecipients(config, d.party, d.recipients)
          .map((k) => config.parties.find((p) => p.key === k)?.shortName ?? k)
          .join(', ')
      : dash;
    const label = level?.label ?? d.classification ?? dash;
    rows.push(
      <TableRow key={d.id} data-document={d.name}>
        <TableCell>
          <Link href={d.serverRelativeUrl}>{d.name}</Link>
        </TableCell>
        <TableCell>
          {config.documentTypes.find((x) => x.key === d.documentType)?.label ?? d.documentType ?? dash}
        </TableCell>
        <TableCell>
          {level?.restricted || d.confidential ? (
            <Badge appearance="tint" color="danger" className={styles.nowrap}>
              {label}
            </Badge>
          ) : (
            label
          )}
        </TableCell>
        <TableCell>{partyName}</TableCell>
        <TableCell data-recipients={d.recipients?.join(' ') ?? ''}>{recipients}</TableCell>
        <TableCell>{d.year ?? dash}</TableCell>
        <TableCell>
          {d.toetsstatus}{' '}
          <DraftBadge version={d.version} party={ownerName} />
        </TableCell>
        <TableCell className={styles.nowrap}>{d.retainUntil ? formatDate(d.retainUntil) : dash}</TableCell>
        <TableCell className={styles.nowrap}>{formatDate(d.modified)}</TableCell>
      </TableRow>,
    );
  }
  return (
    <>
      <div className={styles.tableWrap}>
        <Table
          size="small"
          sortable
          className={styles.table}
          aria-label={t[`view_${props.view}`]}
          data-testid="view-table"
          data-view={props.view}
          aria-busy={!props.page}
        >
          <TableHeader>
            <TableRow>
              <TableHeaderCell sortable={false}>{t.colName}</TableHeaderCell>
              <TableHeaderCell sortable={false}>{t.colType}</TableHeaderCell>
              <TableHeaderCell sortable={false}>{t.colClassification}</TableHeaderCell>
              <TableHeaderCell sortable={false}>{t.colParty}</TableHeaderCell>
              <TableHeaderCell sortable={false}>{t.colRecipients}</TableHeaderCell>
              {sortable('year', t.colYear)}
              <TableHeaderCell sortable={false}>{t.colStatus}</TableHeaderCell>
              {sortable('retainUntil', t.colRetainUntil)}
              {sortable('modified', t.colModified)}
            </TableRow>
          </TableHeader>
          <TableBody>{rows}</TableBody>
        </Table>
      </div>
      {!props.page && <Spinner size="small" label={t.loading} />}
      {props.page && docs.length === 0 && <Text data-testid="view-empty">{t.viewEmpty}</Text>}
      <div className={styles.pager}>
        <Button disabled={!props.onPrevious} onClick={props.onPrevious} data-testid="page-previous">
          {t.pagePrevious}
        </Button>
        <Text data-testid="page-number">{format(t.pageNumber, { page: props.pageNumber })}</Text>
        <Button disabled={!props.onNext} onClick={props.onNext} data-testid="page-next">
          {t.pageNext}
        </Button>
      </div>
    </>
  );
}
