/** Public surface of the agreement configuration: schema, types, loader, error formatting, queries. */
export * from './schema';
export { loadAgreement, loadAgreementText, type LoadResult } from './load';
export { formatConfigErrors, formatPath, type ConfigError } from './errors';
