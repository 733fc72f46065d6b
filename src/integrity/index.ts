/** The integrity check (AVG art. 5(2)): every file the other party reads backed by a record the right person wrote. */
export {
  checkFile,
  checkIntegrity,
  recordChecks,
  type ChannelFile,
  type FindingKind,
  type IntegrityFinding,
  type IntegrityInput,
  type SharedFile,
} from './check';
export { hasPublishedVersion, runIntegrityCheck, type IntegrityDeps, type IntegrityOptions, type IntegrityReport } from './collect';
export { integrityForExport, type ExportIntegrity } from './forExport';
