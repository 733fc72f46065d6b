import * as React from 'react';
import type { StringKey } from '../loc';
import type { HostCommand } from './command';

/**
 * The panel each host command opens, loaded on first use: the Delen tab's share panel ("Delen met toets") and the
 * Datalek tab's form ("Datalek melden", pre-filled from the selected documents). The dashboard's tabs show the same
 * components, so a page that shows both loads each panel once.
 */
export const COMMAND_PANELS: Record<HostCommand['kind'], { label: StringKey; component: React.ComponentType }> = {
  delen: { label: 'tabDelen', component: React.lazy(() => import(/* webpackChunkName: 'delen' */ './upload/SharePanel')) },
  datalek: { label: 'tabDatalek', component: React.lazy(() => import(/* webpackChunkName: 'datalek' */ './datalek/DatalekTab')) },
};
