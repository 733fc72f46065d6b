/** Turns zod issues into {@link ConfigError}s with Dutch and English messages. */
import type { z } from 'zod';
import { configError, formatPath, type ConfigError } from './errors';

/** Dutch and English names of JSON types, for "expected …" messages. */
const TYPE_NAMES: Record<string, [string, string]> = {
  string: ['tekst', 'text'],
  number: ['getal', 'number'],
  int: ['geheel getal', 'whole number'],
  boolean: ['true of false', 'true or false'],
  object: ['object', 'object'],
  array: ['lijst', 'list'],
  null: ['null', 'null'],
  undefined: ['niets', 'nothing'],
};

/** Dutch and English descriptions of string formats. */
const FORMAT_NAMES: Record<string, [string, string]> = {
  email: ['geen geldig e-mailadres', 'not a valid e-mail address'],
  date: ['geen geldige datum (JJJJ-MM-DD)', 'not a valid date (YYYY-MM-DD)'],
  regex: ['heeft niet de juiste vorm', 'does not have the required form'],
};

/** The value at a path of the raw input, to tell "missing" from "wrong type". */
function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let node: unknown = root;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return node;
}

/** JSON type name of a value. */
function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** A readable hint of the required form of a key or phone number, from the path's last segment. */
function regexHint(path: string): [string, string] {
  if (/\.phone$/.test(path)) return ['geen geldig telefoonnummer', 'not a valid phone number'];
  if (/emailDomains\[\d+\]$/.test(path))
    return ['geen geldig domein (bijv. igj.nl)', 'not a valid domain (e.g. igj.nl)'];
  return [
    'geen geldige sleutel (kleine letters, cijfers, - of _)',
    'not a valid key (lower-case letters, digits, - or _)',
  ];
}

/** Translates one zod issue (several for unrecognized keys). */
function translate(issue: z.core.$ZodIssue, input: unknown): ConfigError[] {
  const path = formatPath(issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const actual = valueAt(input, issue.path);
      if (actual === undefined)
        return [configError(path, 'required', 'verplicht veld ontbreekt', 'required field is missing')];
      const [nl, en] = TYPE_NAMES[issue.expected] ?? [issue.expected, issue.expected];
      const [gotNl, gotEn] = TYPE_NAMES[typeOf(actual)] ?? [typeOf(actual), typeOf(actual)];
      return [configError(path, 'invalid_type', `verwacht ${nl}, gekregen ${gotNl}`, `expected ${en}, got ${gotEn}`)];
    }
    case 'invalid_format': {
      const [nl, en] = issue.format === 'regex' ? regexHint(path) : (FORMAT_NAMES[issue.format] ?? FORMAT_NAMES.regex);
      return [configError(path, `invalid_${issue.format}`, nl, en)];
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return [configError(path, 'empty', 'mag niet leeg zijn', 'must not be empty')];
      if (issue.origin === 'array')
        return [
          configError(path, 'too_few', `moet minstens ${min} item(s) bevatten`, `must hold at least ${min} item(s)`),
        ];
      return [configError(path, 'too_small', `moet minstens ${min} zijn`, `must be at least ${min}`)];
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'array')
        return [
          configError(path, 'too_many', `mag hoogstens ${max} item(s) bevatten`, `may hold at most ${max} item(s)`),
        ];
      return [configError(path, 'too_big', `mag hoogstens ${max} zijn`, `must be at most ${max}`)];
    }
    case 'invalid_value': {
      const options = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return [configError(path, 'invalid_value', `moet een van ${options} zijn`, `must be one of ${options}`)];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) =>
        configError(
          formatPath([...issue.path, key]),
          'unknown_field',
          'onbekend veld (typefout? gebruik _comment voor toelichting)',
          'unknown field (typo? use _comment for notes)',
        ),
      );
    default:
      return [configError(path, issue.code, `ongeldige waarde: ${issue.message}`, `invalid value: ${issue.message}`)];
  }
}

/** Translates all zod issues of a failed parse of `input`. */
export function translateZodIssues(issues: ReadonlyArray<z.core.$ZodIssue>, input: unknown): ConfigError[] {
  return issues.flatMap((issue) => translate(issue, input));
}
