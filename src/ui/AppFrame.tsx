import { FluentProvider } from '@fluentui/react-components';
import * as React from 'react';
import type { HostCommand } from './command';
import { StringsProvider } from './services';
import { useTheme, type ThemeName } from './theme';

/** Neutral presentation facts a host passes; nothing in it says which host it is, and nothing branches on one. */
export interface HostInfo {
  /** UI locale as the host reports it ('nl-NL', 'en-US', …); Dutch by default. */
  locale?: string;
  /** Fluent theme: 'web' in SharePoint, the Teams client theme in Teams. */
  theme?: ThemeName;
  /** Tab shown first (e.g. from a deep link). */
  initialTab?: string;
  /** The host command that opened the UI (command set: "Datalek melden" with the selected documents). */
  command?: HostCommand;
}

/** Props of {@link AppFrame}. */
export interface AppFrameProps {
  host: HostInfo;
  children?: React.ReactNode;
}

/** Theme and strings around everything the product renders. */
export function AppFrame(props: AppFrameProps): React.ReactElement {
  const { host } = props;
  const theme = useTheme(host.theme);
  return (
    <FluentProvider theme={theme} style={{ height: '100%' }} lang={host.locale?.toLowerCase().startsWith('en') ? 'en' : 'nl'}>
      <StringsProvider locale={host.locale}>{props.children}</StringsProvider>
    </FluentProvider>
  );
}
