import * as React from 'react';
import type { Services } from '../ports';
import { AppFrame, type HostInfo } from './AppFrame';
import { Dashboard } from './dashboard/Dashboard';
import { ServicesGate } from './ServicesGate';

/** Props of {@link AppLoader}. */
export interface AppLoaderProps {
  /** Builds the services, e.g. `() => createServices(deps)`; it loads the agreement configuration from the site. */
  load: () => Promise<Services>;
  host?: HostInfo;
}

/**
 * The product's root for hosts that build their services asynchronously (every host does: `createServices` reads the
 * configuration from the site first): the dashboard, once the services are built and the person is in the space
 * ({@link ServicesGate} shows the spinner, a refusal or an invalid configuration until then). A host command opens
 * {@link import('./CommandLoader').CommandLoader} instead.
 */
export function AppLoader(props: AppLoaderProps): React.ReactElement {
  const host = props.host ?? {};
  return (
    <AppFrame host={host}>
      <ServicesGate load={props.load}>
        <Dashboard initialTab={host.initialTab} />
      </ServicesGate>
    </AppFrame>
  );
}
