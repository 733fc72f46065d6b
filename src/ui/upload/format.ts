/** Small formatting helpers of the upload dialog. */
import type { FindingSummary } from '../../domain/scan';
import type { Strings } from '../../loc';
import { format } from '../../loc/text';

/** Bytes as 'B', 'KB' or 'MB' with one decimal (Dutch decimal comma when the strings are Dutch). */
export function formatBytes(bytes: number, t: Strings): string {
  const [value, unit] =
    bytes < 1024 ? [bytes, 'B'] : bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / 1024 / 1024, 'MB'];
  const shown = unit === 'B' ? String(value) : value.toFixed(1);
  return `${t.lang === 'nl' ? shown.replace('.', ',') : shown} ${unit}`;
}

/** Findings as words: '3 BSN-nummers, 1 e-mailadres' (kinds and counts only). */
export function describeFindings(findings: ReadonlyArray<FindingSummary>, t: Strings): string {
  return findings
    .map((f) => {
      const [one, many] = t[`uploadKind_${f.kind}`].split('|');
      return `${f.count} ${f.count === 1 ? one : (many ?? one)}`;
    })
    .join(', ');
}

/** `format` re-exported so components import one helper module. */
export { format };
