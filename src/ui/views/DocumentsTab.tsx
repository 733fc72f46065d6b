import { Body1, Tab, TabList, type SelectTabData } from '@fluentui/react-components';
import * as React from 'react';
import { Failure } from '../common/Failure';
import { useServices, useStrings } from '../services';
import { DocumentTable } from './DocumentTable';
import { FilterBar } from './FilterBar';
import { useDocumentViews } from './useDocumentViews';
import { useViewsStyles } from './useViewsStyles';
import { availableViews, type DocumentView, type SortField, type ViewState } from './viewQueries';

/**
 * The "Documenten" tab: the library's provisioned views (Werkafspraken art. 11, DVA's per year art. 12, Te
 * classificeren, In review, Vertrouwelijk, Bewaartermijn verlopen, Mijn gedeelde stukken) with filters on party, year
 * and classification, sorting on indexed columns and paging. SharePoint's permissions decide which rows a person sees.
 */
export default function DocumentsTab(): React.ReactElement {
  const services = useServices();
  const t = useStrings();
  const styles = useViewsStyles();
  const views = React.useMemo(() => availableViews(services.config), [services.config]);
  const [state, setState] = React.useState<ViewState>({ view: views[0], pageTokens: [] });
  const { result, reload } = useDocumentViews(state);

  const onView = React.useCallback(
    (_: unknown, d: SelectTabData) =>
      // A new view starts at its first page in its own order; the filters stay, as in SharePoint's filter pane.
      setState((s) => ({ ...s, view: d.value as DocumentView, sort: undefined, pageTokens: [] })),
    [],
  );
  const onFilter = React.useCallback(
    (patch: Partial<Pick<ViewState, 'party' | 'year' | 'classification'>>) =>
      setState((s) => ({ ...s, ...patch, pageTokens: [] })),
    [],
  );
  const onSort = React.useCallback(
    (field: SortField) =>
      setState((s) => ({
        ...s,
        sort: { field, ascending: s.sort?.field === field ? !s.sort.ascending : field !== 'modified' },
        pageTokens: [],
      })),
    [],
  );
  const next = result.status === 'ok' ? result.page.nextPageToken : undefined;
  const onNext = React.useCallback(
    () => next && setState((s) => ({ ...s, pageTokens: [...s.pageTokens, next] })),
    [next],
  );
  const onPrevious = React.useCallback(() => setState((s) => ({ ...s, pageTokens: s.pageTokens.slice(0, -1) })), []);

  return (
    <div className={styles.root} data-testid="documents-tab">
      <TabList selectedValue={state.view} onTabSelect={onView} aria-label={t.viewsLabel} size="small">
        {views.map((v) => (
          <Tab key={v} value={v} data-view={v}>
            {t[`view_${v}`]}
          </Tab>
        ))}
      </TabList>
      <Body1 className={styles.help}>{t[`viewHelp_${state.view}`]}</Body1>
      <FilterBar state={state} onChange={onFilter} />
      {result.status === 'error' ? (
        <Failure error={result.error} onRetry={reload} />
      ) : (
        <DocumentTable
          view={state.view}
          page={result.status === 'ok' ? result.page : undefined}
          sort={state.sort}
          onSort={onSort}
          pageNumber={state.pageTokens.length + 1}
          onNext={next ? onNext : undefined}
          onPrevious={state.pageTokens.length > 0 ? onPrevious : undefined}
        />
      )}
    </div>
  );
}
