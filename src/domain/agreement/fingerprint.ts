/**
 * A fingerprint of an agreement configuration: one short hash per leaf value, by JSON path, so two versions can be
 * compared field by field without keeping the old text (art. 13.3: what changed must be shown to the accounthouders
 * who agree to it). Array entries that carry a `key` are addressed by it (`parties[igj].breachAddress`), others by
 * position. Not a security hash: the version itself is identified by the SHA-256 of the file. Pure.
 */

import { shortHash as fnv } from '../common/hash';
import { STAMP_KEY } from './stamp';

/** Path → short hash of the value at that path. */
export type ConfigFingerprint = Record<string, string>;

/** The fingerprint of a parsed configuration (comments, `_comment`, and the stamp are left out: they change no rule). */
export function fingerprint(value: unknown): ConfigFingerprint {
  const out: ConfigFingerprint = {};
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) {
      if (v.length === 0) out[path] = fnv('[]');
      v.forEach((item, i) => {
        const key = typeof item === 'object' && item !== null && typeof (item as { key?: unknown }).key === 'string'
          ? (item as { key: string }).key
          : String(i);
        walk(item, `${path}[${key}]`);
      });
      return;
    }
    if (typeof v === 'object' && v !== null) {
      // The stored file's validation stamp (./stamp) is no rule either.
      const entries = Object.entries(v).filter(([k]) => k !== '_comment' && !(path === '' && k === STAMP_KEY));
      if (entries.length === 0) out[path] = fnv('{}');
      for (const [k, child] of entries) walk(child, path ? `${path}.${k}` : k);
      return;
    }
    out[path] = fnv(JSON.stringify(v));
  };
  walk(value, '');
  return out;
}

/** The paths whose value differs between two fingerprints (added, removed or changed), sorted. */
export function changedPaths(before: ConfigFingerprint, after: ConfigFingerprint): string[] {
  const paths = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...paths].filter((p) => before[p] !== after[p]).sort();
}

/** Changed paths folded to their first two levels (`parties[igj].contacts[1].phone` → `parties[igj].contacts`), for display. */
export function summarisePaths(paths: readonly string[], depth = 2): string[] {
  const out = new Set<string>();
  for (const p of paths) {
    const parts = p.match(/[^.[\]]+(\[[^\]]*\])?/g) ?? [p];
    out.add(parts.slice(0, depth).join('.'));
  }
  return [...out].sort();
}
