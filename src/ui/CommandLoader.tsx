import * as React from 'react';
import type { StringKey } from '../loc';
import type { Services } from '../ports';
import { AppFrame, type HostInfo } from './AppFrame';
import { HostCommandProvider, type HostCommand } from './command';
import { Busy } from './common/Busy';
import { ServicesGate } from './ServicesGate';
import { useStrings } from './services';

/** Props of {@link CommandLoader}. */
export interface CommandLoaderProps {
  /** Builds the services (see {@link ServicesGate}). */
  load: () => Promise<Services>;
  /** The command to open, as plain data. */
  command: HostCommand;
  host?: Omit<HostInfo, 'command'>;
}

/**
 * What each host command opens: the panel that handles it (the Delen tab's share panel, the Datalek tab's form,
 * pre-filled from the selected documents), without the dashboard around it. The same lazy chunks as the dashboard's
 * tabs, so a page that shows both loads each panel once.
 */
const PANELS: Record<HostCommand['kind'], { label: StringKey; component: React.ComponentType }> = {
  delen: { label: 'tabDelen', component: React.lazy(() => import(/* webpackChunkName: 'delen' */ './upload/SharePanel')) },
  datalek: { label: 'tabDatalek', component: React.lazy(() => import(/* webpackChunkName: 'datalek' */ './datalek/DatalekTab')) },
};

/**
 * The product's root for a host command (the command set's "Delen met toets" and "Datalek melden"): the command's
 * panel once the services are built, and nothing of the dashboard, so the dialog loads only what it shows.
 */
export function CommandLoader(props: CommandLoaderProps): React.ReactElement {
  const { command } = props;
  return (
    <AppFrame host={props.host ?? {}}>
      <ServicesGate load={props.load}>
        <HostCommandProvider command={command}>
          <CommandPanel kind={command.kind} />
        </HostCommandProvider>
      </ServicesGate>
    </AppFrame>
  );
}

function CommandPanel(props: { kind: HostCommand['kind'] }): React.ReactElement {
  const t = useStrings();
  const panel = PANELS[props.kind];
  const Panel = panel.component;
  return (
    <div role="region" aria-label={t[panel.label]} data-command-panel={props.kind}>
      <React.Suspense fallback={<Busy label={t.loading} />}>
        <Panel />
      </React.Suspense>
    </div>
  );
}
