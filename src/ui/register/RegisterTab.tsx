import {
  Badge,
  Body1,
  Button,
  Link,
  Spinner,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TabList,
  Text,
  type SelectTabData,
} from '@fluentui/react-components';
import * as React from 'react';
import type { RegisterRecord } from '../../domain/register';
import { format } from '../../loc/text';
import type { AgreementView } from '../../ports/registers';
import { Failure } from '../common/Failure';
import { useReturnFocus } from '../common/focusAfter';
import { useAsync } from '../common/useAsync';
import { formatDate } from '../overview/formatDate';
import { useServices, useStrings } from '../services';
import { RecordDetail } from './RecordDetail';
import { RecordForm } from './RecordForm';
import { REGISTER_VIEWS } from './registerViews';
import { useRegisterStyles } from './useRegisterStyles';
import { partyLabel } from '../../domain/agreement/queries';

/** Badge colour of a status. */
function statusColor(status: RegisterRecord['status']): 'success' | 'warning' | 'informative' | 'subtle' {
  if (status === 'in werking') return 'success';
  if (status === 'te evalueren') return 'warning';
  if (status === 'vervangen' || status === 'beëindigd') return 'subtle';
  return 'informative';
}

/**
 * The "Register" tab: the agreements register (overeenkomstenregister) kept by the accounthouders (art. 5): the
 * agreement itself, werkafspraken (art. 11), DVA's (art. 12) and verwerkersovereenkomsten, with the views "Mijn
 * overeenkomsten", "Evaluatie nodig" (art. 13.2) and "DVA verloopt" (art. 12). SharePoint decides who may write.
 */
export default function RegisterTab(): React.ReactElement {
  const services = useServices();
  const t = useStrings();
  const styles = useRegisterStyles();
  const [view, setView] = React.useState<AgreementView>('mijn');
  const [tokens, setTokens] = React.useState<string[]>([]);
  const [openId, setOpenId] = React.useState<number | undefined>();
  const [editing, setEditing] = React.useState<RegisterRecord | 'new' | undefined>();
  // Bumped on every save, so the open record is read again (with its new etag) rather than shown stale.
  const [saves, setSaves] = React.useState(0);
  // The record the form just saved: its detail says so and takes focus.
  const [savedId, setSavedId] = React.useState<number>();
  // focus back to "Nieuwe registratie" or "Bewerken" when the form closes without saving
  const returnFocusTo = useReturnFocus(editing !== undefined);
  const token = tokens[tokens.length - 1];
  const page = useAsync(() => services.agreements.list(view, token), [services, view, token]);
  const onView = (_: unknown, d: SelectTabData): void => {
    setView(d.value as AgreementView);
    setTokens([]);
  };
  const onSaved = (r: RegisterRecord): void => {
    setEditing(undefined);
    setOpenId(r.id);
    setSavedId(r.id);
    setSaves((n) => n + 1);
    page.refresh();
  };
  const kindLabel = (k: RegisterRecord['kind']): string => t[`kind_${k}`];
  const partyNames = (keys: string[]): string =>
    keys.map((k) => partyLabel(services.config, k)).join(', ');
  return (
    <div className={styles.root} data-testid="register-tab">
      <TabList selectedValue={view} onTabSelect={onView} aria-label={t.registerViewsLabel} size="small">
        {REGISTER_VIEWS.map((v) => (
          <Tab key={v} value={v} data-register-view={v}>
            {t[`registerView_${v}`]}
          </Tab>
        ))}
      </TabList>
      <div className={styles.toolbar}>
        <Body1 className={styles.help}>{t[`registerViewHelp_${view}`]}</Body1>
        <Button
          appearance="primary"
          onClick={(e) => {
            returnFocusTo(e.currentTarget);
            setEditing('new');
          }}
          data-testid="register-new"
        >
          {t.registerNew}
        </Button>
      </div>
      {page.status === 'error' && <Failure error={page.error} onRetry={page.reload} />}
      {page.status === 'loading' && <Spinner size="small" label={t.loading} />}
      {page.status === 'ok' && (
        <>
          <Table
            size="small"
            className={styles.table}
            aria-label={t[`registerView_${view}`]}
            data-testid="register-table"
          >
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.fieldTitle}</TableHeaderCell>
                <TableHeaderCell>{t.fieldKind}</TableHeaderCell>
                <TableHeaderCell>{t.fieldStatus}</TableHeaderCell>
                <TableHeaderCell>{t.fieldParties}</TableHeaderCell>
                <TableHeaderCell>{t.fieldVersion}</TableHeaderCell>
                <TableHeaderCell>{t.fieldEffectiveFrom}</TableHeaderCell>
                <TableHeaderCell>{t.fieldEvaluationDue}</TableHeaderCell>
                <TableHeaderCell>{t.fieldExpiresOn}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.value.items.map((r) => (
                <TableRow key={r.id} data-record={r.title} aria-selected={r.id === openId}>
                  <TableCell>
                    <Link
                      as="button"
                      onClick={() => {
                        setOpenId(r.id);
                        setSavedId(undefined);
                      }}
                    >
                      {r.title}
                    </Link>
                  </TableCell>
                  <TableCell>{kindLabel(r.kind)}</TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={statusColor(r.status)} className={styles.nowrap}>
                      {r.status}
                    </Badge>
                  </TableCell>
                  <TableCell>{partyNames(r.parties)}</TableCell>
                  <TableCell>{r.version ?? t.unknownValue}</TableCell>
                  <TableCell className={styles.nowrap}>
                    {r.effectiveFrom ? formatDate(r.effectiveFrom) : t.unknownValue}
                  </TableCell>
                  <TableCell className={styles.nowrap}>
                    {r.evaluationDue ? formatDate(r.evaluationDue) : t.unknownValue}
                  </TableCell>
                  <TableCell className={styles.nowrap}>
                    {r.expiresOn ? formatDate(r.expiresOn) : t.unknownValue}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {page.value.items.length === 0 && <Text data-testid="register-empty">{t.registerEmpty}</Text>}
          <div className={styles.toolbar}>
            <Button disabled={tokens.length === 0} onClick={() => setTokens((s) => s.slice(0, -1))}>
              {t.pagePrevious}
            </Button>
            <Text>{format(t.pageNumber, { page: tokens.length + 1 })}</Text>
            <Button
              disabled={!page.value.nextPageToken}
              onClick={() =>
                page.status === 'ok' &&
                page.value.nextPageToken &&
                setTokens((s) => [...s, page.value.nextPageToken as string])
              }
            >
              {t.pageNext}
            </Button>
          </div>
        </>
      )}
      {openId !== undefined && (
        <RecordDetail
          key={`${openId}-${saves}`}
          id={openId}
          onEdit={(r) => {
            returnFocusTo(document.activeElement);
            setEditing(r);
          }}
          onChanged={() => page.refresh()}
          onClose={() => setOpenId(undefined)}
          saved={savedId === openId}
        />
      )}
      {editing && (
        <RecordForm
          initial={editing === 'new' ? undefined : editing}
          onSaved={onSaved}
          onCancel={() => setEditing(undefined)}
        />
      )}
    </div>
  );
}
