import * as React from 'react';
import type { Services } from '../../ports';

const ServicesContext = React.createContext<Services | undefined>(undefined);

/** Props of {@link ServicesProvider}. */
export interface ServicesProviderProps {
  services: Services;
  children?: React.ReactNode;
}

/** Hands the host's adapters (built once at its composition root) to every component below it. */
export function ServicesProvider(props: ServicesProviderProps): React.ReactElement {
  return <ServicesContext.Provider value={props.services}>{props.children}</ServicesContext.Provider>;
}

/** The ports of the current host; throws when a component is rendered outside a {@link ServicesProvider}. */
export function useServices(): Services {
  const services = React.useContext(ServicesContext);
  if (!services) throw new Error('useServices() needs a <ServicesProvider> above the component (see src/ui/App.tsx).');
  return services;
}
