/** Public surface of the datalek (personal-data breach) domain: model, validation, pre-fill, deadline, recipients, mail. */
export * from './types';
export {
  DATALEK_FIELDS,
  SCALE_LABELS,
  STATUS_LABELS,
  ANSWER_LABELS,
  fieldInfo,
  LONG_TEXT_MAX,
  SHORT_TEXT_MAX,
  type DatalekFieldInfo,
} from './fields';
export { validateDatalek, MAX_SCALE, type DatalekValidation } from './validate';
export {
  prefillDatalek,
  type DatalekPrefill,
  type DatalekReporter,
  type PrefillDocument,
  type PrefillInput,
  type PrefillNote,
} from './prefill';
export { deadline72h, formatRemaining, AP_DEADLINE_HOURS, type Deadline72h } from './deadline';
export { recipientsFor, partiesToInform, breachContacts, type DatalekRecipient } from './recipients';
export {
  renderDatalekMail,
  buildDatalekOutgoingMail,
  datalekRows,
  type DatalekMail,
  type DatalekMailBlock,
} from './mail';
export { containsMarkup, escapeHtml } from './markup';
export { amsterdamDate, formatAmsterdam, formatIsoDate, parseIsoDateTime, AGREEMENT_TIME_ZONE } from './zone';
export { toRegisterRow, fromRegisterRow, type DatalekRegisterRow } from './register';
export { procedureChecklist, type ChecklistStep } from './checklist';
export { applyEvents, type DatalekEvent } from './events';
export { privacyChannelVerdict, type ChannelAudience, type ChannelFacts, type ChannelVerdict } from './channel';
