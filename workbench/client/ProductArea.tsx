import { Client } from '@microsoft/microsoft-graph-client';
import { spfi } from '@pnp/sp';
import { dateAdd } from '@pnp/core';
import { RequestDigest } from '@pnp/sp/behaviors/request-digest';
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
  const { siteUrl, teams, formDigest } = props.session;
  const load = React.useCallback(() => {
    const origin = window.location.origin;
    // As SPFx does with the SharePoint page's digest: the page's own digest first (no contextinfo request for the
    // first $batch: the first render makes at most 3 requests), PnPjs asks contextinfo itself once it has expired.
    // Registered before SPBrowser's RequestDigest, so it is the one that answers.
    // A digest is `0x<hex>,<issued>`; it expires `timeoutSeconds` after it was issued (a minute's margin).
    const issued = formDigest ? new Date(formDigest.value.slice(formDigest.value.indexOf(',') + 1).replace(/-0000$/, 'GMT')) : null;
    const pageDigest = RequestDigest(() =>
      formDigest && issued && !Number.isNaN(issued.getTime())
        ? { value: formDigest.value, expiration: dateAdd(issued, 'second', formDigest.timeoutSeconds - 60) ?? issued }
        : null,
    );
    return createServices({
      sp: spfi(siteUrl).using(pageDigest, SPBrowser({ baseUrl: siteUrl })),
      // The Graph client sends Authorization only to https URLs; over http the emulator reads the cookie instead.
      graph: Client.init({ baseUrl: `${origin}/`, defaultVersion: 'v1.0', authProvider: (done) => done(null, 'workbench') }),
      siteUrl,
      teams: teams ?? undefined,
    });
  }, [siteUrl, teams, formDigest]);
  return <AppLoader load={load} host={{ theme: props.prefs.theme, locale: props.prefs.locale }} />;
}
