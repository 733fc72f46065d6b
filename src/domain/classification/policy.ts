/**
 * Classification policy: ordered sensitivity levels, levels never allowed in the space, the minimum level per category
 * of personal data, and which levels are restricted (readable only by the autorisatielijst groups, art. 10.1).
 */
import type { Bilingual, Citation } from '../common/types';
import type { AgreementConfig, ClassificationLevel, ForbiddenLevel } from '../agreement/schema';

/** The parts of the configuration the policy reads. */
export type ClassificationConfig = Pick<AgreementConfig, 'classification' | 'rules' | 'categories'>;

/** The levels from least to most sensitive. */
export function orderedLevels(config: ClassificationConfig): ClassificationLevel[] {
  return [...config.classification.levels].sort((a, b) => a.rank - b.rank);
}

/** The allowed level with this key, if any. */
export function findLevel(config: ClassificationConfig, key: string): ClassificationLevel | undefined {
  return config.classification.levels.find((l) => l.key === key);
}

/** The forbidden level with this key, if the key names one (e.g. Stg. Geheim). */
export function forbiddenLevel(config: ClassificationConfig, key: string): ForbiddenLevel | undefined {
  return config.classification.forbidden.find((l) => l.key === key);
}

/** True when documents at this level get unique permissions for the autorisatielijst groups only (art. 10.1). */
export function isRestricted(config: ClassificationConfig, key: string): boolean {
  return findLevel(config, key)?.restricted ?? false;
}

/** Negative when level `a` is less sensitive than `b`, 0 when equal; throws on unknown keys (a programming error). */
export function compareLevels(config: ClassificationConfig, a: string, b: string): number {
  const la = findLevel(config, a);
  const lb = findLevel(config, b);
  if (!la || !lb) throw new RangeError(`unknown classification level: ${!la ? a : b}`);
  return la.rank - lb.rank;
}

/** A minimum level required by one category that is present. */
export interface MinimumRequirement {
  category: string;
  level: ClassificationLevel;
  source: Citation;
}

/** The strictest minimum level over the given categories (to pre-select in the dialog), if any applies. */
export function minimumLevelFor(
  config: ClassificationConfig,
  categories: ReadonlyArray<string>,
): MinimumRequirement | undefined {
  let best: MinimumRequirement | undefined;
  for (const rule of config.rules.minimumClassification) {
    if (!categories.includes(rule.category)) continue;
    const level = findLevel(config, rule.level);
    if (level && (!best || level.rank > best.level.rank))
      best = { category: rule.category, level, source: rule.source };
  }
  return best;
}

/** One reason a chosen level is not acceptable. */
export interface ClassificationProblem extends Bilingual {
  code: 'forbidden_level' | 'unknown_level' | 'below_minimum';
  source: Citation;
  category?: string;
}

/** Every problem with storing a document at `levelKey` holding these categories; empty means acceptable. */
export function classificationProblems(
  config: ClassificationConfig,
  levelKey: string,
  categories: ReadonlyArray<string>,
): ClassificationProblem[] {
  const forbidden = forbiddenLevel(config, levelKey);
  if (forbidden)
    return [
      {
        code: 'forbidden_level',
        source: forbidden.source,
        nl: `'${forbidden.label}' mag nooit in deze ruimte: ${forbidden.reason}`,
        en: `'${forbidden.label}' may never be stored in this space: ${forbidden.reasonEn ?? forbidden.reason}`,
      },
    ];
  const level = findLevel(config, levelKey);
  if (!level)
    return [
      {
        code: 'unknown_level',
        source: 'art. 9.3, 10.1',
        nl: `classificatie '${levelKey}' is onbekend; kies een niveau uit de lijst`,
        en: `classification '${levelKey}' is unknown; choose a level from the list`,
      },
    ];
  const problems: ClassificationProblem[] = [];
  for (const rule of config.rules.minimumClassification) {
    if (!categories.includes(rule.category)) continue;
    const minimum = findLevel(config, rule.level);
    if (!minimum || level.rank >= minimum.rank) continue;
    const label = config.categories.find((c) => c.key === rule.category)?.label ?? rule.category;
    problems.push({
      code: 'below_minimum',
      source: rule.source,
      category: rule.category,
      nl: `'${label}' vraagt minstens '${minimum.label}', gekozen is '${level.label}'`,
      en: `'${label}' needs at least '${minimum.label}', '${level.label}' was chosen`,
    });
  }
  return problems;
}
