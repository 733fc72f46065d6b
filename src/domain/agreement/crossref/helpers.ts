/** Small helpers for cross-reference checks. */
import { configError, type ConfigError } from '../errors';

/** Reports every item whose key was already used earlier in the same list. */
export function checkUnique<T>(
  items: ReadonlyArray<T>,
  keyOf: (item: T) => string,
  pathOf: (index: number) => string,
  what: [string, string],
): ConfigError[] {
  const seen = new Map<string, number>();
  const errors: ConfigError[] = [];
  items.forEach((item, i) => {
    const key = keyOf(item);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else
      errors.push(
        configError(
          pathOf(i),
          'duplicate',
          `${what[0]} '${key}' komt dubbel voor (eerder op index ${first})`,
          `${what[1]} '${key}' is used twice (first at index ${first})`,
        ),
      );
  });
  return errors;
}

/** Reports a reference to a key that is not in `known`. */
export function checkRef(
  known: ReadonlySet<string>,
  key: string,
  path: string,
  code: string,
  what: [string, string],
): ConfigError[] {
  if (known.has(key)) return [];
  const list = [...known].join(', ') || '—';
  return [
    configError(
      path,
      code,
      `${what[0]} '${key}' bestaat niet (bekend: ${list})`,
      `${what[1]} '${key}' does not exist (known: ${list})`,
    ),
  ];
}

/** The set of keys of a keyed list. */
export function keysOf(items: ReadonlyArray<{ key: string }>): Set<string> {
  return new Set(items.map((i) => i.key));
}
