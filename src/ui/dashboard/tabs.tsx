import * as React from 'react';
import type { StringKey } from '../../loc';
import { COMMAND_PANELS } from '../commandPanels';
import { Overview } from '../overview/Overview';

/** One tab of the dashboard: a stable key, the string key of its label and the component it shows. */
export interface DashboardTab {
  key: string;
  label: StringKey;
  /** Heavy tabs load lazily (`React.lazy(() => import(...))`) so the first paint stays small. */
  component: React.ComponentType;
}

/**
 * The dashboard's tabs, in order. Only tabs that work are listed: a feature adds its tab here when it lands
 * (Documenten, Register, Datalekken, Overleg, Review), never as an empty placeholder.
 */
export const dashboardTabs: readonly DashboardTab[] = [
  { key: 'overzicht', label: 'tabOverview', component: Overview },
  // 'delen' is also the panel the command set's "Delen met toets" opens.
  { key: 'delen', ...COMMAND_PANELS.delen },
  // The privacy officer's review queue (art. 9.2), the uploader's outcome and the Toetslog export.
  { key: 'review', label: 'tabReview', component: React.lazy(() => import(/* webpackChunkName: 'review' */ '../review/ReviewTab')) },
  // The library views (art. 11, 12) and the agreements register (art. 5, 12–14), loaded on first use.
  { key: 'documenten', label: 'tabDocuments', component: React.lazy(() => import(/* webpackChunkName: 'documenten' */ '../views/DocumentsTab')) },
  { key: 'register', label: 'tabRegister', component: React.lazy(() => import(/* webpackChunkName: 'register' */ '../register/RegisterTab')) },
  // The meeting plan (art. 6, 7, 12, 13.2), planning and recording, loaded on first use.
  { key: 'overleg', label: 'tabOverleg', component: React.lazy(() => import(/* webpackChunkName: 'overleg' */ '../overleg/OverlegTab')) },
  // Report a datalek (art. 9.6, bijlage 2; also what the command set's "Datalek melden" opens) and the
  // privacy officers' Datalekregister (AVG art. 33(5)), loaded on first use.
  { key: 'datalek', ...COMMAND_PANELS.datalek },
  {
    key: 'datalekregister',
    label: 'tabDatalekregister',
    component: React.lazy(() => import(/* webpackChunkName: 'datalekregister' */ '../datalekRegister/RegisterTab')),
  },
];
