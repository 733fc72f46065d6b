import * as React from 'react';
import type { Services } from '../ports';
import { SITE_OWNERS } from '../provisioning/names';
import { Failure } from './common/LazyFailure';
import { Busy } from './common/Busy';
import { useAsync } from './common/useAsync';
import { ServicesProvider, useStrings } from './services';

/** Props of {@link ServicesGate}. */
export interface ServicesGateProps {
  /** Builds the services, e.g. `() => createServices(deps)`; it loads the agreement configuration from the site. */
  load: () => Promise<Services>;
  /** What to show once the services are built and the person is in the space. */
  children?: React.ReactNode;
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

/**
 * Builds the services and shows its children with them. While loading it shows a spinner; a refusal (art. 10.1: not
 * on the autorisatielijst), a missing sign-in or an invalid configuration (fields named) is shown instead, with a retry
 * where one can help.
 */
export function ServicesGate(props: ServicesGateProps): React.ReactElement {
  const t = useStrings();
  const { load: build } = props;
  const load = React.useCallback(() => loadForMember(build), [build]);
  const services = useAsync(load, [load]);
  if (services.status === 'loading') return <Busy label={t.loading} />;
  if (services.status === 'error') {
    return (
      <div style={{ padding: 16 }}>
        <Failure error={services.error} onRetry={services.reload} />
      </div>
    );
  }
  return <ServicesProvider services={services.value}>{props.children}</ServicesProvider>;
}
