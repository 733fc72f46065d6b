/** The upload path (issue 4): validate → scan → decide → Toetslog → upload with metadata and permissions. */
export * from './status';
export {
  validateFiles,
  nameProblems,
  sizeProblems,
  MAX_NAME_CHARS,
  type FileProblem,
  type PickedFile,
} from './validate';
export { decideFile, findingCounts, recipientsOf, mayStoreRestricted, type ShareForm, type Uploader } from './decide';
export { metadataFor, auditRecordFor } from './records';
export { checkPicked, scanPicked, type ReadableFile } from './prepare';
export { decide, shareFile, repair, randomToetsId, type ShareDeps, type ShareItem, type ShareResult } from './share';
