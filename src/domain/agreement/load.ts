/** Loads an agreement configuration: zod shape first, then cross-references, every error with path and nl/en text. */
import { agreementSchema, type AgreementConfig } from './schema';
import { checkCrossReferences, checkWarnings } from './crossref';
import { configError, type ConfigError } from './errors';
import { withoutStamp } from './stamp';
import { translateZodIssues } from './zodIssues';

/** Re-exported so callers of the loader need one import. */
export type { ConfigError } from './errors';
export { formatConfigErrors } from './errors';

/** Outcome of {@link loadAgreement}. */
export type LoadResult =
  | { ok: true; config: AgreementConfig; warnings: ConfigError[] }
  | { ok: false; errors: ConfigError[] };

/**
 * Validates parsed JSON as an agreement configuration; never throws. Warnings do not stop loading. A stored file's
 * validation stamp (./stamp) is left out: the whole content is validated, whatever the stamp says.
 */
export function loadAgreement(stored: unknown): LoadResult {
  const json = withoutStamp(stored);
  const parsed = agreementSchema.safeParse(json);
  if (!parsed.success) return { ok: false, errors: citeMeetingSources(translateZodIssues(parsed.error.issues, json), json) };
  const errors = citeMeetingSources(checkCrossReferences(parsed.data), json);
  return errors.length === 0
    ? { ok: true, config: parsed.data, warnings: checkWarnings(parsed.data) }
    : { ok: false, errors };
}

/**
 * An error about a meeting's attendees cites that meeting's own article (`meetings[i].source`: art. 6.1 for the
 * ambtelijk overleg, art. 7.1 for the bestuurlijk), not one article for every meeting; the path table's default stays
 * when the meeting names none.
 */
function citeMeetingSources(errors: ConfigError[], json: unknown): ConfigError[] {
  const meetings = (json as { meetings?: unknown } | null)?.meetings;
  if (!Array.isArray(meetings)) return errors;
  return errors.map((e) => {
    const m = /^meetings\[(\d+)\]\.requiredAttendees/.exec(e.path);
    const source = m ? (meetings[Number(m[1])] as { source?: unknown } | undefined)?.source : undefined;
    return typeof source === 'string' && source.trim() !== '' ? { ...e, source } : e;
  });
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
