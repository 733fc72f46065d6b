import { Spinner, Tab, TabList, Title2, type SelectTabData } from '@fluentui/react-components';
import * as React from 'react';
import { useStrings } from '../services';
import { dashboardTabs } from './tabs';
import { useDashboardStyles } from './useDashboardStyles';

// issue 7: the banner for due or overdue meetings also runs the post-once reminder check; its own small chunk.
const OverlegBanner = React.lazy(() => import(/* webpackChunkName: 'overleg-banner' */ '../overleg/OverlegBanner'));
// issue 4: the warning for files put in the library around "Delen met toets", with "Nu classificeren"; own chunk.
const UnclassifiedBanner = React.lazy(() => import(/* webpackChunkName: 'catch-banner' */ '../catch/UnclassifiedBanner'));
// issue 16: what SharePoint cannot refuse must be evident: integrity, configuration change, breach channel; own chunk.
const TrustBanners = React.lazy(() => import(/* webpackChunkName: 'trust-banners' */ '../trust/TrustBanners'));

/** Props of {@link Dashboard}. */
export interface DashboardProps {
  /** Key of the tab shown first; the first tab when absent or unknown. */
  initialTab?: string;
}

/** The Samenwerkingsruimte dashboard: a title and one tab per working feature. */
export function Dashboard(props: DashboardProps): React.ReactElement {
  const styles = useDashboardStyles();
  const t = useStrings();
  const first = dashboardTabs.find((tab) => tab.key === props.initialTab) ?? dashboardTabs[0];
  const [selected, setSelected] = React.useState(first.key);
  const active = dashboardTabs.find((tab) => tab.key === selected) ?? first;
  const Active = active.component;
  const onTabSelect = React.useCallback((_: unknown, data: SelectTabData) => setSelected(String(data.value)), []);
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Title2 as="h1">{t.appTitle}</Title2>
      </header>
      <React.Suspense fallback={null}>
        <OverlegBanner onOpen={() => setSelected('overleg')} />
      </React.Suspense>
      <React.Suspense fallback={null}>
        <UnclassifiedBanner />
      </React.Suspense>
      <React.Suspense fallback={null}>
        <TrustBanners />
      </React.Suspense>
      <TabList selectedValue={active.key} onTabSelect={onTabSelect} aria-label={t.tabsLabel}>
        {dashboardTabs.map((tab) => (
          <Tab key={tab.key} value={tab.key} id={`tab-${tab.key}`}>
            {t[tab.label]}
          </Tab>
        ))}
      </TabList>
      <div className={styles.panel} role="tabpanel" aria-labelledby={`tab-${active.key}`}>
        <React.Suspense fallback={<Spinner label={t.loading} />}>
          <Active />
        </React.Suspense>
      </div>
    </div>
  );
}
