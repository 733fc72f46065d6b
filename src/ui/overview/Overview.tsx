import * as React from 'react';
import { Failure } from '../common/LazyFailure';
import { Busy } from '../common/Busy';
import { useReportFirstPaint } from '../dashboard/firstPaint';
import { useStrings } from '../services';
import { AgreementCard } from './AgreementCard';
import { documentRow } from './documentLabels';
import { DocumentsCard } from './DocumentsCard';
import { PartyCard } from './PartyCard';
import { useOverviewData } from './useOverviewData';
import { useOverviewStyles } from './useOverviewStyles';
import { YouCard } from './YouCard';

/** The Overzicht tab: the agreement, its parties and contacts, who you are, and the documents you may see. */
export function Overview(): React.ReactElement {
  const t = useStrings();
  const styles = useOverviewStyles();
  const data = useOverviewData();
  useReportFirstPaint(data.status !== 'loading');
  if (data.status === 'loading') return <Busy label={t.loading} />;
  if (data.status === 'error') return <Failure error={data.error} onRetry={data.reload} />;
  const { agreement, user, party, documents } = data.value;
  const rows = documents === 'denied' ? documents : { rows: documents.items.map((d) => documentRow(agreement, d)), more: documents.more };
  return (
    <div className={styles.grid}>
      <AgreementCard agreement={agreement} />
      <YouCard user={user} party={party} />
      {agreement.parties.map((p) => (
        <PartyCard key={p.key} party={p} isOwn={p.key === party?.key} />
      ))}
      <DocumentsCard documents={rows} />
    </div>
  );
}
