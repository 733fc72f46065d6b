/** Public surface of the agreement configuration: schema, types, loader, error formatting, lookups. */
export * from './schema';
export { loadAgreement, loadAgreementText, type LoadResult } from './load';
export { formatConfigErrors, formatPath, type ConfigError } from './errors';
export { agreementJsonSchema } from './jsonSchema';
export {
  partyByKey,
  otherParties,
  partyForEmail,
  normalizeFunctionTitle,
  sameFunctionTitle,
  groupsForFunctionTitle,
  isAuthorised,
  privacyOfficerGroup,
  activityByKey,
  categoryByKey,
  activitiesForSharing,
  effectiveDate,
} from './queries';
export {
  ALL_SUBSETS_UP_TO,
  allOthers,
  effectiveRecipients,
  hasRecipientFolder,
  isAllOthers,
  isRecipientChoice,
  orderedRecipients,
  preselectedRecipients,
  purposeRecipients,
  recipientChoices,
  recipientNames,
  recipientSets,
  recipientsKey,
  sameRecipients,
} from './recipients';
export { changedPaths, fingerprint, summarisePaths, type ConfigFingerprint } from './fingerprint';
