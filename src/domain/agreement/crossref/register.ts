/** Checks of the categories, the processing register (seed 003 annex 1) and the agreement rules. */
import { configError, type ConfigError } from '../errors';
import type { AgreementConfig } from '../schema';
import { checkRef, checkUnique, keysOf } from './helpers';

const CATEGORY: [string, string] = ['categorie', 'category'];
const PARTY: [string, string] = ['partij', 'party'];

/** Cross-checks categories, data subjects and processing activities. */
export function checkRegister(config: AgreementConfig, parties: ReadonlySet<string>): ConfigError[] {
  const errors: ConfigError[] = [];
  const categories = keysOf(config.categories);
  const subjects = keysOf(config.dataSubjectCategories);
  errors.push(
    ...checkUnique(
      config.categories,
      (c) => c.key,
      (i) => `categories[${i}].key`,
      CATEGORY,
    ),
  );
  errors.push(
    ...checkUnique(
      config.dataSubjectCategories,
      (c) => c.key,
      (i) => `dataSubjectCategories[${i}].key`,
      ['categorie betrokkenen', 'data-subject category'],
    ),
  );
  errors.push(
    ...checkUnique(
      config.documentTypes,
      (c) => c.key,
      (i) => `documentTypes[${i}].key`,
      ['documenttype', 'document type'],
    ),
  );
  if (config.categories.some((c) => c.healthTerm) && config.healthTerms.length === 0)
    errors.push(
      configError(
        'healthTerms',
        'health_terms_empty',
        'leeg, terwijl een categorie op gezondheidstermen wordt herkend',
        'empty, while a category is recognised by health terms',
      ),
    );
  errors.push(
    ...checkUnique(
      config.processingActivities,
      (a) => a.key,
      (i) => `processingActivities[${i}].key`,
      ['activiteit', 'activity'],
    ),
  );
  config.processingActivities.forEach((activity, i) => {
    const base = `processingActivities[${i}]`;
    activity.categories.forEach((c, j) =>
      errors.push(...checkRef(categories, c, `${base}.categories[${j}]`, 'unknown_category', CATEGORY)),
    );
    activity.dataSubjects.forEach((s, j) =>
      errors.push(
        ...checkRef(subjects, s, `${base}.dataSubjects[${j}]`, 'unknown_data_subject', [
          'categorie betrokkenen',
          'data-subject category',
        ]),
      ),
    );
    errors.push(...checkRef(parties, activity.controller, `${base}.controller`, 'unknown_party', PARTY));
    activity.recipients.forEach((r, j) =>
      errors.push(...checkRef(parties, r, `${base}.recipients[${j}]`, 'unknown_party', PARTY)),
    );
    if (activity.retention.years === undefined && activity.retention.months === undefined)
      errors.push(
        configError(
          `${base}.retention`,
          'retention_period_missing',
          'geef years of months op',
          'give years or months',
          'seed 004 §Bewaren',
        ),
      );
    // AVG art. 9(2) / art. 10: special or criminal data need an exception to the processing ban, named per activity.
    const sensitive = config.categories.filter((c) => activity.categories.includes(c.key) && (c.special || c.criminal));
    if (sensitive.length > 0 && activity.legalBasis.specialCategories === undefined)
      errors.push(
        configError(
          `${base}.legalBasis.specialCategories`,
          'special_basis_missing',
          `verplicht: ${sensitive.map((c) => c.key).join(', ')} is bijzonder of strafrechtelijk`,
          `required: ${sensitive.map((c) => c.key).join(', ')} is special or criminal data`,
          'AVG art. 9 lid 2, art. 10',
        ),
      );
  });
  return errors;
}

/** Cross-checks the agreement rules against categories, parties, levels and the register. */
export function checkRules(config: AgreementConfig, parties: ReadonlySet<string>): ConfigError[] {
  const errors: ConfigError[] = [];
  const categories = keysOf(config.categories);
  const levels = keysOf(config.classification.levels);
  const r = config.rules;
  r.blockedCategories.forEach((b, i) => {
    const base = `rules.blockedCategories[${i}]`;
    errors.push(...checkRef(categories, b.category, `${base}.category`, 'unknown_category', CATEGORY));
    errors.push(...checkRef(parties, b.recipient, `${base}.recipient`, 'unknown_party', PARTY));
    // The register may not promise what a rule forbids: an activity sending a blocked category to that recipient.
    config.processingActivities.forEach((a, j) => {
      if (a.categories.includes(b.category) && a.recipients.includes(b.recipient))
        errors.push(
          configError(
            `processingActivities[${j}].categories`,
            'blocked_in_register',
            `activiteit '${a.key}' stuurt '${b.category}' naar '${b.recipient}', wat rules.blockedCategories[${i}] verbiedt`,
            `activity '${a.key}' sends '${b.category}' to '${b.recipient}', which rules.blockedCategories[${i}] forbids`,
            b.source,
          ),
        );
    });
  });
  errors.push(
    ...checkUnique(
      r.blockedCategories,
      (b) => `${b.category}→${b.recipient}`,
      (i) => `rules.blockedCategories[${i}]`,
      ['regel', 'rule'],
    ),
  );
  r.consentRequired.forEach((c, i) =>
    errors.push(
      ...checkRef(categories, c.category, `rules.consentRequired[${i}].category`, 'unknown_category', CATEGORY),
    ),
  );
  errors.push(
    ...checkUnique(
      r.consentRequired,
      (c) => c.category,
      (i) => `rules.consentRequired[${i}].category`,
      CATEGORY,
    ),
  );
  r.alwaysReview.forEach((c, i) =>
    errors.push(...checkRef(categories, c.category, `rules.alwaysReview[${i}].category`, 'unknown_category', CATEGORY)),
  );
  r.minimumClassification.forEach((m, i) => {
    errors.push(
      ...checkRef(categories, m.category, `rules.minimumClassification[${i}].category`, 'unknown_category', CATEGORY),
    );
    errors.push(
      ...checkRef(levels, m.level, `rules.minimumClassification[${i}].level`, 'unknown_level', ['niveau', 'level']),
    );
  });
  errors.push(
    ...checkUnique(
      r.minimumClassification,
      (m) => m.category,
      (i) => `rules.minimumClassification[${i}].category`,
      CATEGORY,
    ),
  );
  return errors;
}

/** A DPIA marked done must say where it is (AVG art. 35; seed 001 §II.2). */
export function checkDpia(config: AgreementConfig): ConfigError[] {
  return config.processingActivities.flatMap((a, i) =>
    a.dpia?.status === 'uitgevoerd' && a.dpia.reference === undefined
      ? [
          configError(
            `processingActivities[${i}].dpia.reference`,
            'required',
            "verplicht bij status 'uitgevoerd': waar staat de DPIA?",
            "required with status 'uitgevoerd': where is the DPIA?",
            'AVG art. 35; seed 001 §II.2',
          ),
        ]
      : [],
  );
}
