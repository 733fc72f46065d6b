/** The datalek flow over the ports (host-neutral): submit, deliver with retry, procedure steps, register decisions. */
export {
  DELIVERY_STEPS,
  NotSentError,
  deliveryComplete,
  deliveryKey,
  mayHaveArrived,
  mayHaveLanded,
  needsConfirmation,
  readDelivery,
  type DatalekDelivery,
  type DeliveryOutcome,
  type DeliveryStep,
} from './delivery';
export {
  DEFAULT_LOOKUP_POLICY,
  DatalekOutbox,
  StoredReportInvalidError,
  reportLink,
  type DatalekDeps,
  type LookupPolicy,
  type DeliveryResult,
  type SubmitResult,
} from './outbox';
export { recordDecisions, type DecisionChange, type DecisionResult } from './decisions';
export {
  TRACED_DECISIONS,
  reportTrace,
  type DecisionMismatch,
  type ReportTrace,
  type TraceChange,
  type TraceLine,
  type TracedDecision,
} from './trace';
