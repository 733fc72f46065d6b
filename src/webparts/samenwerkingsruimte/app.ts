/**
 * Everything the web part needs after its shell, as ONE lazy chunk: PnPjs, the composition root and the
 * shared UI. Loaded as separate chunks in parallel, the modules they share (the agreement's domain, the permission
 * names, the UI strings' context) were copied into each; one chunk carries each module once, and webpack still splits
 * the large libraries (Fluent, PnPjs, zod) into chunks of their own that load in parallel.
 */
export { spfi, SPFx } from '@pnp/sp';
export { createServices } from '../../composition/createServices';
export * from '../../ui';
