/** Public surface of the classification policy. */
export {
  orderedLevels,
  findLevel,
  forbiddenLevel,
  isRestricted,
  compareLevels,
  minimumLevelFor,
  classificationProblems,
  type ClassificationConfig,
  type MinimumRequirement,
  type ClassificationProblem,
} from './policy';
