import { Button, Spinner, Subtitle1, Text } from '@fluentui/react-components';
import * as React from 'react';
import { readDelivery } from '../../datalek';
import { STATUS_LABELS } from '../../domain/datalek';
import type { Services, SiteUser } from '../../ports';
import { Failure } from '../common/Failure';
import { useAsync } from '../common/useAsync';
import { ClockText } from '../datalek/DeliveryPanel';
import { useDatalekStyles } from '../datalek/useDatalekStyles';
import { useServices, useStrings } from '../services';
import { loadRegister, toRows, type RegisterRow } from './registerRows';
import { ReportDetail } from './ReportDetail';
import { partyLabel } from '../../domain/agreement/queries';

/** The parties whose privacy officer the user is (configured groups of kind 'privacy'). */
export function privacyPartiesOf(user: SiteUser, services: Pick<Services, 'config'>): string[] {
  return services.config.groups
    .filter((g) => g.kind === 'privacy' && g.party && user.groupKeys.includes(g.key))
    .map((g) => g.party as string);
}

/**
 * The Datalekregister for the privacy officers (AVG art. 33(5)): every report with its status, the controller's
 * 72-hour clock (AVG art. 33(1)) and what went out; opening a report shows all fields, the delivery with retry and
 * the decisions on the AP (art. 33) and the data subjects (art. 34).
 */
export default function RegisterTab(): React.ReactElement {
  const t = useStrings();
  const styles = useDatalekStyles();
  const services = useServices();
  const data = useAsync(() => loadRegister(services), [services]);
  const [openId, setOpenId] = React.useState<number>();
  // Older pages, fetched on request (the register pages by 30, newest first); a reload starts over.
  const [older, setOlder] = React.useState<{ rows: RegisterRow[]; next?: string; busy: boolean; error?: unknown }>({
    rows: [],
    busy: false,
  });
  React.useEffect(() => setOlder({ rows: [], busy: false }), [data.status]);
  if (data.status === 'loading') return <Spinner label={t.loading} />;
  if (data.status === 'error') return <Failure error={data.error} onRetry={data.reload} />;
  const { user } = data.value;
  // a report on the first page read again is shown once, from that page
  const firstIds = new Set(data.value.rows.map((r) => r.entry.id));
  const rows = [...data.value.rows, ...older.rows.filter((r) => !firstIds.has(r.entry.id))];
  const next = older.rows.length ? older.next : data.value.next;
  const loadMore = (): void => {
    if (!next) return;
    setOlder((o) => ({ ...o, busy: true, error: undefined }));
    services.breaches.list(next).then(
      (page) =>
        setOlder((o) => ({
          rows: [...o.rows, ...toRows(page.items, services)],
          next: page.nextPageToken,
          busy: false,
        })),
      (error: unknown) => setOlder((o) => ({ ...o, busy: false, error })),
    );
  };
  /** After a save in a report: the first page read again behind the screen, and the report itself if it came later. */
  const changed = (id: number): void => {
    data.refresh();
    if (!older.rows.some((r) => r.entry.id === id)) return;
    services.breaches.get(id).then(
      (entry) => {
        const [fresh] = toRows([entry], services);
        setOlder((o) => ({ ...o, rows: o.rows.map((r) => (r.entry.id === id ? fresh : r)) }));
      },
      () => undefined, // the row stays as read; a save on it is refused as a concurrent change, which says so
    );
  };
  const privacyParties = privacyPartiesOf(user, services);
  const lang = t.lang === 'en' ? 'en' : 'nl';
  const open = rows.find((r) => r.entry.id === openId);
  return (
    <div className={styles.panel} data-testid="datalekregister">
      <Subtitle1 as="h2">{t.datalekRegisterTitle}</Subtitle1>
      <Text className={styles.muted}>
        {privacyParties.length ? t.datalekRegisterIntroOfficer : t.datalekRegisterIntroReporter}
      </Text>
      {rows.length === 0 ? (
        <Text>{t.datalekRegisterEmpty}</Text>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.th}>{t.datalekRegisterColReport}</th>
              <th className={styles.th}>{t.datalekRegisterColStatus}</th>
              <th className={styles.th}>{t.datalekRegisterColController}</th>
              <th className={styles.th}>{t.datalekRegisterColClock}</th>
              <th className={styles.th}>{t.datalekRegisterColDelivery}</th>
              <th className={styles.th} />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const d = readDelivery(row.entry.form);
              return (
                <tr
                  key={row.entry.id}
                  data-testid="datalek-row"
                  data-id={row.entry.id}
                  className={row.entry.id === openId ? styles.selected : undefined}
                >
                  <td className={styles.td}>
                    <Text weight="semibold">{row.entry.title}</Text>
                    <br />
                    <Text className={styles.muted}>{row.entry.reporter?.displayName ?? ''}</Text>
                  </td>
                  <td className={styles.td} data-testid="datalek-status">
                    {STATUS_LABELS[row.entry.status]?.[lang] ?? row.entry.status}
                  </td>
                  <td className={styles.td}>{partyLabel(services.config, row.entry.controller)}</td>
                  <td className={styles.td}>
                    {row.report ? (
                      <ClockText report={row.report} />
                    ) : (
                      <Text className={styles.bad}>{t.datalekRegisterDamaged}</Text>
                    )}
                  </td>
                  <td className={styles.td} data-testid="datalek-row-delivery">
                    <Text className={d.mail?.state === 'sent' ? styles.ok : styles.bad}>
                      {`${t.datalekStepMail}: ${deliveryWord(d.mail?.state, t)}`}
                    </Text>
                    <br />
                    <Text className={d.card?.state === 'sent' ? styles.ok : styles.bad}>
                      {`${t.datalekStepCard}: ${deliveryWord(d.card?.state, t)}`}
                    </Text>
                  </td>
                  <td className={styles.td}>
                    <Button
                      size="small"
                      data-testid="datalek-open"
                      onClick={() => setOpenId(row.entry.id === openId ? undefined : row.entry.id)}
                    >
                      {row.entry.id === openId ? t.datalekRegisterClose : t.datalekRegisterOpen}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {next && (
        <div className={styles.actions}>
          <Button data-testid="datalek-more" disabled={older.busy} onClick={loadMore}>
            {t.datalekRegisterMore}
          </Button>
        </div>
      )}
      {older.error !== undefined && <Failure error={older.error} onRetry={loadMore} />}
      {open && (
        <ReportDetail
          key={open.entry.id}
          row={open}
          canDecide={Boolean(open.report && privacyParties.includes(open.report.controllerParty))}
          user={user}
          onChanged={() => changed(open.entry.id as number)}
        />
      )}
    </div>
  );
}

/** One word for a delivery state. */
function deliveryWord(state: string | undefined, t: ReturnType<typeof useStrings>): string {
  switch (state) {
    case 'sent':
      return t.datalekRegisterDeliverySent;
    case 'failed':
      return t.datalekRegisterDeliveryFailed;
    case 'uncertain':
    case 'sending':
      return t.datalekRegisterDeliveryUncertain;
    default:
      return t.datalekRegisterDeliveryNone;
  }
}
