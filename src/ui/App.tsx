import * as React from 'react';
import type { Services } from '../ports';
import { AppFrame, type HostInfo } from './AppFrame';
import { HostCommandProvider } from './command';
import { Dashboard } from './dashboard/Dashboard';
import { ServicesProvider } from './services';

export type { HostInfo } from './AppFrame';

/** Props of {@link App}: the host's adapters (built once at its composition root) and {@link HostInfo}. */
export interface AppProps {
  services: Services;
  host?: HostInfo;
}

/** The product's root component, rendered the same way by the SPFx web part, the Teams tab and the local workbench. */
export function App(props: AppProps): React.ReactElement {
  const host = props.host ?? {};
  return (
    <AppFrame host={host}>
      <ServicesProvider services={props.services}>
        <HostCommandProvider command={host.command}>
          {/* A command opens the tab keyed like it ('datalek'), whatever initialTab says. */}
          <Dashboard initialTab={host.command?.kind ?? host.initialTab} />
        </HostCommandProvider>
      </ServicesProvider>
    </AppFrame>
  );
}
