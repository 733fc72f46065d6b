import * as React from 'react';

/** A document the host had selected when its command was pressed (the library's list view). */
export interface CommandItem {
  /** List item id. */
  id: number;
  /** File name. */
  name: string;
  /** Server-relative URL. */
  serverRelativeUrl: string;
}

/** What a host's command asks the shared UI to do, as plain data (the command set passes it in `HostInfo.command`). */
export type HostCommand = { kind: 'delen' } | { kind: 'datalek'; items: CommandItem[] };

const CommandContext = React.createContext<HostCommand | undefined>(undefined);

/** Props of {@link HostCommandProvider}. */
export interface HostCommandProviderProps {
  command: HostCommand | undefined;
  children?: React.ReactNode;
}

/** Hands the host's command (if any) to the tab that handles it. */
export function HostCommandProvider(props: HostCommandProviderProps): React.ReactElement {
  return <CommandContext.Provider value={props.command}>{props.children}</CommandContext.Provider>;
}

/** The command the host opened the UI with, or undefined. */
export function useHostCommand(): HostCommand | undefined {
  return React.useContext(CommandContext);
}
