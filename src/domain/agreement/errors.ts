/** Configuration errors with a JSON path, a stable code and a Dutch + English message. */
import type { Citation, Lang } from '../common/types';

/** One thing wrong with an agreement configuration, e.g. path `parties[1].breachAddress`, code `invalid_email`. */
export interface ConfigError {
  /** JSON path in the configuration, e.g. `parties[1].breachAddress`; `''` is the whole document. */
  path: string;
  /** Stable machine code, e.g. `required`, `invalid_email`, `unknown_party`. */
  code: string;
  /** Dutch message, without the path. */
  nl: string;
  /** English message, without the path. */
  en: string;
  /** Article or seed the broken rule comes from, when one applies (e.g. 'art. 9.6'). */
  source?: Citation;
}

/** Renders a JSON path array as `parties[1].breachAddress`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** Which article a configuration path belongs to, so errors can cite it (checked in order, first match wins). */
const PATH_SOURCES: ReadonlyArray<[RegExp, Citation]> = [
  [/^parties\[\d+\]\.breachAddress/, 'art. 9.6'],
  [/^parties\[\d+\]\.accounthouder/, 'art. 5'],
  [/^parties\[\d+\]\.contacts/, 'art. 5, bijlage 2a'],
  [/^parties\[\d+\]\.address/, 'bijlage 2a'],
  [/^parties\[\d+\]\.privacyOfficer/, 'art. 9.2'],
  [/^parties\[\d+\]\.dvaOwner/, 'art. 12'],
  [/^agreement\.(staatscourant|effectiveFrom|effectiveRule|indefinite|endsOn)/, 'art. 14.1'],
  [/^agreement\.evaluationAfterMonths/, 'art. 13.2'],
  [/^agreement\.(version|supersedes|signatories|signedOn|signedAt)/, 'art. 13.3'],
  [/^classification\.forbidden/, 'art. 9.3 (BIO)'],
  [/^classification/, 'art. 9.3, 10.1'],
  [/^processingActivities/, 'seed 003 bijlage 1'],
  [/^meetings\[\d+\]\.mandatoryTopics/, 'art. 6.2'],
  [/^meetings\[\d+\]\.requiredAttendees/, 'art. 7.1'],
  [/^autorisatielijst/, 'art. 1e, 10.1'],
];

/** The article a configuration path belongs to, if any. */
export function sourceForPath(path: string): Citation | undefined {
  for (const [pattern, source] of PATH_SOURCES) if (pattern.test(path)) return source;
  return undefined;
}

/** Builds a {@link ConfigError}, citing the article of the path unless a source is given. */
export function configError(path: string, code: string, nl: string, en: string, source?: Citation): ConfigError {
  const cited = source ?? sourceForPath(path);
  return cited ? { path, code, nl, en, source: cited } : { path, code, nl, en };
}

/** One line per error, e.g. `parties[1].breachAddress: geen geldig e-mailadres (art. 9.6)`. */
export function formatConfigErrors(errors: ReadonlyArray<ConfigError>, lang: Lang): string[] {
  return errors.map((e) => {
    const message = lang === 'en' ? e.en : e.nl;
    const where = e.path === '' ? '(document)' : e.path;
    return e.source ? `${where}: ${message} (${e.source})` : `${where}: ${message}`;
  });
}
