/** Loads an agreement configuration: zod shape first, then cross-references, every error with path and nl/en text. */
import { agreementSchema, type AgreementConfig } from './schema';
import { checkCrossReferences, checkWarnings } from './crossref';
import { configError, type ConfigError } from './errors';
import { translateZodIssues } from './zodIssues';

/** Re-exported so callers of the loader need one import. */
export type { ConfigError } from './errors';
export { formatConfigErrors } from './errors';

/** Outcome of {@link loadAgreement}. */
export type LoadResult =
  | { ok: true; config: AgreementConfig; warnings: ConfigError[] }
  | { ok: false; errors: ConfigError[] };

/** Validates parsed JSON as an agreement configuration; never throws. Warnings do not stop loading. */
export function loadAgreement(json: unknown): LoadResult {
  const parsed = agreementSchema.safeParse(json);
  if (!parsed.success) return { ok: false, errors: translateZodIssues(parsed.error.issues, json) };
  const errors = checkCrossReferences(parsed.data);
  return errors.length === 0
    ? { ok: true, config: parsed.data, warnings: checkWarnings(parsed.data) }
    : { ok: false, errors };
}

/** Parses and validates configuration text (e.g. Configuratie/Samenwerkingsruimte/agreement.json); never throws. */
export function loadAgreementText(text: string): LoadResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      errors: [configError('', 'invalid_json', `geen geldige JSON: ${detail}`, `not valid JSON: ${detail}`)],
    };
  }
  return loadAgreement(json);
}
