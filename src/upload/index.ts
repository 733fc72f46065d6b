/**
 * The upload path: validate → scan → decide → Toetslog → the resumable steps of place.ts, so a file never lands
 * silently half, also after a lost answer.
 */
export * from './status';
export {
  validateFiles,
  nameProblems,
  sizeProblems,
  MAX_NAME_CHARS,
  type FileProblem,
  type PickedFile,
} from './validate';
export {
  decideFile,
  findingCounts,
  recipientsOf,
  recipientReasons,
  mayStoreRestricted,
  type ShareForm,
  type Uploader,
} from './decide';
export { metadataFor, auditRecordFor } from './records';
export {
  checkPicked,
  scanPicked,
  inProcessRunner,
  type ReadableFile,
  type ScanRunner,
  type PickedScanControl,
} from './prepare';
export {
  decide,
  shareFile,
  repair,
  randomToetsId,
  remedyOf,
  type Remedy,
  type ShareDeps,
  type ShareItem,
  type ShareResult,
} from './share';
export {
  placeUpload,
  placeDocument,
  placeRecord,
  mergeMetadata,
  carries,
  outcomeUnknown,
  UPLOAD_STEPS,
  type UploadStep,
  type StepProgress,
  type PlaceDeps,
  type PlaceOps,
  type PlaceExistingOps,
  type PlaceOutcome,
  type UploadPlan,
} from './place';
