/** Test helper: reads the shipped agreement configurations from config/agreements/. */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { loadAgreement, type AgreementConfig } from '../../../src/domain/agreement';

/** Directory of the shipped configurations. */
export const AGREEMENTS_DIR = join(__dirname, '..', '..', '..', 'config', 'agreements');

/** File names of every shipped configuration. */
export function shippedFiles(): string[] {
  return readdirSync(AGREEMENTS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/** The raw JSON of a shipped configuration (a fresh copy each call, safe to mutate). */
export function rawConfig(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(AGREEMENTS_DIR, file), 'utf8')) as Record<string, unknown>;
}

/** A shipped configuration, validated; throws with the formatted errors when it does not load. */
export function shippedConfig(file: string): AgreementConfig {
  const result = loadAgreement(rawConfig(file));
  if (!result.ok) throw new Error(`${file}: ${result.errors.map((e) => `${e.path}: ${e.nl}`).join('; ')}`);
  return result.config;
}

/** Sets a value at a path like `parties[1].breachAddress` in a JSON object (creates nothing: the parent must exist). */
export function setAt(root: unknown, path: string, value: unknown): void {
  const parts = parsePath(path);
  const last = parts.pop();
  let node = root as Record<string | number, unknown>;
  for (const part of parts) node = node[part] as Record<string | number, unknown>;
  if (last === undefined || node === undefined) throw new Error(`bad path ${path}`);
  node[last] = value;
}

/** Removes the value at a path (an array element is spliced out). */
export function removeAt(root: unknown, path: string): void {
  const parts = parsePath(path);
  const last = parts.pop();
  let node = root as Record<string | number, unknown>;
  for (const part of parts) node = node[part] as Record<string | number, unknown>;
  if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
  else delete node[last as string];
}

/** Splits `a.b[1].c` into ['a', 'b', 1, 'c']. */
function parsePath(path: string): Array<string | number> {
  const parts: Array<string | number> = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return parts;
}
