import { Client } from '@microsoft/microsoft-graph-client';
import { spfi } from '@pnp/sp';
import { SPBrowser } from '@pnp/sp/behaviors/spbrowser';
import * as React from 'react';
import { createServices } from '../../src/composition/createServices';
import { AppLoader } from '../../src/ui/AppLoader';
import type { WorkbenchSession } from '../session';
import type { Prefs } from './prefs';

/** Props of {@link ProductArea}. */
export interface ProductAreaProps {
  session: WorkbenchSession;
  prefs: Prefs;
}

/**
 * The product, exactly as the SPFx shells compose it: PnPjs and the Graph client pointed at this origin, the SAME
 * createServices and the product root (AppLoader, which shows the dashboard once the services are built). Identity travels in the EmuAuth cookie, so nothing here (or below) knows it is a workbench.
 */
export function ProductArea(props: ProductAreaProps): React.ReactElement {
  const { siteUrl, teams } = props.session;
  const load = React.useCallback(() => {
    const origin = window.location.origin;
    return createServices({
      sp: spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl })),
      // The Graph client sends Authorization only to https URLs; over http the emulator reads the cookie instead.
      graph: Client.init({ baseUrl: `${origin}/`, defaultVersion: 'v1.0', authProvider: (done) => done(null, 'workbench') }),
      siteUrl,
      teams: teams ?? undefined,
    });
  }, [siteUrl, teams]);
  return <AppLoader load={load} host={{ theme: props.prefs.theme, locale: props.prefs.locale }} />;
}
