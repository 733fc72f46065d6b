/** The integrity check (AVG art. 5(2)): everything the other party reads backed by a record the right person wrote. */
export {
  FINDING_KINDS,
  checkFile,
  checkIntegrity,
  countByKind,
  recordChecks,
  type ChannelFile,
  type FindingKind,
  type ForeignContainer,
  type IntegrityFinding,
  type IntegrityInput,
  type MisplacedFile,
  type OutsideFolder,
  type SharedFile,
} from './check';
export {
  DEFAULT_BYTE_BUDGET,
  IntegrityChecker,
  hasPublishedVersion,
  runIntegrityCheck,
  sharedChecker,
  type IntegrityDeps,
  type IntegrityOptions,
  type IntegrityReport,
} from './collect';
export { anomalyOf, integrityForExport, type ExportIntegrity } from './forExport';
