import * as React from 'react';
import type { Services } from '../ports';
import { SITE_OWNERS } from '../provisioning/names';
import { AppFrame, type HostInfo } from './AppFrame';
import { HostCommandProvider, type HostCommand } from './command';
import { Failure } from './common/LazyFailure';
import { Busy } from './common/light';
import { useAsync } from './common/useAsync';
import { Dashboard } from './dashboard/Dashboard';
import { dashboardTabs } from './dashboard/tabs';
import { ServicesProvider, useStrings } from './services';

/** Props of {@link AppLoader}. */
export interface AppLoaderProps {
  /** Builds the services, e.g. `() => createServices(deps)`; it loads the agreement configuration from the site. */
  load: () => Promise<Services>;
  host?: HostInfo;
}

/**
 * The product's root for hosts that build their services asynchronously (every host does: `createServices` reads the
 * configuration from the site first). While loading it shows a spinner; a refusal (art. 10.1: not on the
 * autorisatielijst), a missing sign-in or an invalid configuration (fields named) is shown instead of the dashboard.
 */
export function AppLoader(props: AppLoaderProps): React.ReactElement {
  const host = props.host ?? {};
  return (
    <AppFrame host={host}>
      <Loaded load={props.load} initialTab={host.initialTab} command={host.command} />
    </AppFrame>
  );
}

/**
 * The services, once the signed-in person is known to be in the space: on the autorisatielijst (one of the agreement's
 * groups) or an owner. In a Team site every Team member reaches the site (the Team's Members group holds Edit on the
 * web) and may read the configuration, but someone in none of the agreement's groups has no part in it (art. 10.1):
 * SharePoint refuses them every governed list, and the screen says so instead of showing empty tabs.
 */
async function loadForMember(load: () => Promise<Services>): Promise<Services> {
  const services = await load();
  const user = await services.site.currentUser();
  if (user.isSiteAdmin || user.groupKeys.length > 0) return services;
  // Someone in none of the agreement's groups may still own the site (its Owners group): one look, only for them.
  const owners = await services.site.groupMembers(SITE_OWNERS).catch(() => []);
  if (owners.some((o) => o.id === user.id)) return services;
  throw Object.assign(new Error('Niet op de autorisatielijst van deze samenwerkingsruimte (art. 10.1).'), { code: 'denied' });
}

function Loaded(props: { load: () => Promise<Services>; initialTab?: string; command?: HostCommand }): React.ReactElement {
  const t = useStrings();
  const load = React.useCallback(() => loadForMember(props.load), [props.load]);
  const services = useAsync(load, [load]);
  if (services.status === 'loading') return <Busy label={t.loading} />;
  if (services.status === 'error') {
    return (
      <div style={{ padding: 16 }}>
        <Failure error={services.error} onRetry={services.reload} />
      </div>
    );
  }
  return (
    <ServicesProvider services={services.value}>
      <HostCommandProvider command={props.command}>
        {props.command ? <CommandPanel kind={props.command.kind} /> : <Dashboard initialTab={props.initialTab} />}
      </HostCommandProvider>
    </ServicesProvider>
  );
}

/**
 * What a host command opens: only the panel that handles it (the Delen tab's share panel, the Datalek
 * tab's form), without the dashboard around it: the command set's dialog shows the command, not the whole space.
 */
function CommandPanel(props: { kind: string }): React.ReactElement {
  const t = useStrings();
  const tab = dashboardTabs.find((x) => x.key === props.kind) ?? dashboardTabs[0];
  const Panel = tab.component;
  return (
    <div role="region" aria-label={t[tab.label]} data-command-panel={tab.key}>
      <React.Suspense fallback={<Busy label={t.loading} />}>
        <Panel />
      </React.Suspense>
    </div>
  );
}
