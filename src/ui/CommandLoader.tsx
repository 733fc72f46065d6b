import * as React from 'react';
import type { Services } from '../ports';
import { AppFrame, type HostInfo } from './AppFrame';
import { HostCommandProvider, type HostCommand } from './command';
import { COMMAND_PANELS } from './commandPanels';
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
  const panel = COMMAND_PANELS[props.kind];
  const Panel = panel.component;
  return (
    <div role="region" aria-label={t[panel.label]} data-command-panel={props.kind}>
      <React.Suspense fallback={<Busy label={t.loading} />}>
        <Panel />
      </React.Suspense>
    </div>
  );
}
