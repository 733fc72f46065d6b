import { FluentProvider, Spinner, webLightTheme } from '@fluentui/react-components';
import * as React from 'react';
import type { WorkbenchSession } from '../session';
import { currentIdentity, setIdentity } from './identity';
import { loadPrefs, savePrefs, type Prefs } from './prefs';
import { ProductArea } from './ProductArea';
import { TopBar } from './TopBar';
import { useWorkbenchStyles } from './useWorkbenchStyles';

// The panes load on first use, so the product's first paint does not wait for the Adaptive Cards renderer.
const ChannelPane = React.lazy(() => import('./panes/ChannelPane'));
const MailPane = React.lazy(() => import('./panes/MailPane'));
const CalendarPane = React.lazy(() => import('./panes/CalendarPane'));

/** Props of {@link Workbench}. */
export interface WorkbenchProps {
  session: WorkbenchSession;
}

/** The workbench page: top bar, the product as every host renders it, and the Kanaal/Postvak/Agenda pane. */
export function Workbench(props: WorkbenchProps): React.ReactElement {
  const styles = useWorkbenchStyles();
  const { session } = props;
  const [prefs, setPrefsState] = React.useState<Prefs>(loadPrefs);
  const setPrefs = React.useCallback((next: Prefs) => {
    savePrefs(next);
    setPrefsState(next);
  }, []);
  const onIdentity = React.useCallback((key: string) => {
    setIdentity(key);
    // Signing in as someone else starts a fresh page, as it does in SharePoint: PnPjs keeps the form digest of the
    // previous user in module scope, and every cached answer belonged to them.
    window.location.reload();
  }, []);
  return (
    <FluentProvider theme={webLightTheme} className={styles.page}>
      <TopBar identities={session.identities} identity={currentIdentity()} onIdentity={onIdentity} prefs={prefs} onPrefs={setPrefs} />
      <div className={styles.body}>
        <main className={styles.product} data-testid="product">
          <ProductArea session={session} prefs={prefs} />
        </main>
        {prefs.pane && (
          <aside className={styles.side} aria-label="Zijpaneel">
            <React.Suspense fallback={<Spinner size="small" />}>
              {prefs.pane === 'kanaal' && <ChannelPane channels={session.channels} />}
              {prefs.pane === 'postvak' && (
                <MailPane mailboxes={session.mailboxes} selected={prefs.mailbox} onSelect={(mailbox) => setPrefs({ ...prefs, mailbox })} />
              )}
              {prefs.pane === 'agenda' && (
                <CalendarPane calendars={session.calendars} selected={prefs.calendar} onSelect={(calendar) => setPrefs({ ...prefs, calendar })} />
              )}
            </React.Suspense>
          </aside>
        )}
      </div>
    </FluentProvider>
  );
}
