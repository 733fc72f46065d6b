/** The web part's setup ("Inrichten") chunk: loaded only on a site without an agreement configuration. */
export { SetupPanel, type SetupPanelProps, type Provision } from './SetupPanel';
export { provisionWith } from './provision';
