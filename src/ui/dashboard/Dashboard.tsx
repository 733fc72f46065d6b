import { Title2 } from '@fluentui/react-components';
import * as React from 'react';
import { Busy } from '../common/Busy';
import { TabBar } from '../common/light';
import { useStrings } from '../services';
import { FirstPaintProvider } from './firstPaint';
import { dashboardTabs } from './tabs';
import { useDashboardStyles } from './useDashboardStyles';

// The banner for due or overdue meetings also runs the post-once reminder check; its own small chunk.
const OverlegBanner = React.lazy(() => import(/* webpackChunkName: 'overleg-banner' */ '../overleg/OverlegBanner'));
// The warning for files put in the library around "Delen met toets", with "Nu classificeren"; own chunk.
const UnclassifiedBanner = React.lazy(() => import(/* webpackChunkName: 'catch-banner' */ '../catch/UnclassifiedBanner'));
// What SharePoint cannot refuse must be evident: integrity, configuration change, breach channel; own chunk.
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
  // The banners mount once the first tab's content is on screen (./firstPaint), or when another tab opens.
  const [painted, setPainted] = React.useState(first.key !== dashboardTabs[0].key);
  const reportPainted = React.useCallback(() => setPainted(true), []);
  const onSelect = React.useCallback((value: string) => {
    setSelected(value);
    setPainted(true);
  }, []);
  const tabs = React.useMemo(() => dashboardTabs.map((tab) => ({ value: tab.key, label: t[tab.label] })), [t]);
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Title2 as="h1">{t.appTitle}</Title2>
      </header>
      {painted && (
        <>
          <React.Suspense fallback={null}>
            <OverlegBanner onOpen={() => onSelect('overleg')} />
          </React.Suspense>
          <React.Suspense fallback={null}>
            <UnclassifiedBanner />
          </React.Suspense>
          <React.Suspense fallback={null}>
            <TrustBanners />
          </React.Suspense>
        </>
      )}
      <TabBar items={tabs} selected={active.key} onSelect={onSelect} aria-label={t.tabsLabel} idPrefix="tab-" panelId="dashboard-panel" />
      <div className={styles.panel} role="tabpanel" id="dashboard-panel" aria-labelledby={`tab-${active.key}`}>
        <FirstPaintProvider value={reportPainted}>
          <React.Suspense fallback={<Busy label={t.loading} />}>
            <Active />
          </React.Suspense>
        </FirstPaintProvider>
      </div>
    </div>
  );
}
