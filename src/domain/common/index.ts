/** Public surface of the shared domain types. */
export type { Citation, Lang, Bilingual, Result } from './types';
export { ok, err, pick } from './types';
export { fileNameProblems, MAX_NAME_CHARS, MAX_PATH_CHARS, type NameProblem } from './fileNames';
export {
  describeFailure,
  failureKind,
  problemOf,
  readableOf,
  ReadableFailure,
  statusOf,
  technicalDetail,
  type DescribedFailure,
  type FailureKind,
  type Problem,
  type ReadableError,
} from './failure';
