/**
 * Everything the command set needs on its first click, as ONE lazy chunk (the page fetches none of it before): PnPjs,
 * the composition root and the dialog with the shared UI. Loaded as separate chunks in parallel they carried copies of
 * the modules they share; webpack still splits the large libraries (Fluent, PnPjs, zod) into chunks of their own that
 * load in parallel.
 */
export { spfi, SPFx } from '@pnp/sp';
export { createServices } from '../../composition/createServices';
export { openToetsDialog } from './components/openToetsDialog';
