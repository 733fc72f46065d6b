/** Counts per kind for the UI, which words them ('3 BSN-nummers gevonden'); never values, never positions. */
import type { FindingKind, ScanResult, UnreadPart } from './types';

/** One line of the UI summary. */
export interface FindingSummary {
  kind: FindingKind;
  count: number;
}

/** Counts per kind that occurred, in the scanner's canonical order; empty when nothing was found. */
export function summariseFindings(result: ScanResult): FindingSummary[] {
  return result.findings.filter((f) => f.count > 0).map((f) => ({ kind: f.kind, count: f.count }));
}

/** True when the scan found anything that points at personal data (seed 004: warn before upload). */
export function hasFindings(result: ScanResult): boolean {
  return result.findings.some((f) => f.count > 0);
}

/** True when the whole file was read: nothing unsupported, no part unread (only then can "nothing found" hold). */
export function isFullyRead(result: ScanResult): boolean {
  return !result.unsupported && (result.unread?.length ?? 0) === 0;
}

/** '2', '2 en 5', '2, 3 en 5' (Dutch) or '2, 3 and 5' (English). */
function list(numbers: number[], and: string): string {
  if (numbers.length === 1) return String(numbers[0]);
  return `${numbers.slice(0, -1).join(', ')} ${and} ${numbers[numbers.length - 1]}`;
}

/**
 * What was not read, in words, one sentence per reason: 'pagina 2 van 5 niet gelezen: de pagina is een afbeelding
 * (scan) …', 'pagina's 2 en 3 van 5 niet gelezen: …', 'afbeelding niet gelezen: …', or the sentence of the part.
 */
export function describeUnread(result: ScanResult, lang: 'nl' | 'en'): string[] {
  if (result.unsupported) return [(lang === 'en' ? result.unsupported.en : result.unsupported.nl) ?? result.unsupported.reason];
  const groups = new Map<string, UnreadPart[]>();
  for (const p of result.unread ?? []) {
    const key = `${p.kind}|${p.code}|${p.of ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.values()].map((parts) => {
    const p = parts[0];
    const why = lang === 'en' ? p.en : p.nl;
    if (p.kind === 'page') {
      const pages = parts.map((x) => x.page as number);
      if (lang === 'en') return `page${pages.length > 1 ? 's' : ''} ${list(pages, 'and')} of ${p.of} not read: ${why}`;
      return `pagina${pages.length > 1 ? "'s" : ''} ${list(pages, 'en')} van ${p.of} niet gelezen: ${why}`;
    }
    if (p.kind === 'image') return lang === 'en' ? `image not read: ${why}` : `afbeelding niet gelezen: ${why}`;
    return why;
  });
}
