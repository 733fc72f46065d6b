/**
 * Health terms from the agreement configuration (`healthTerms`): matched as whole words, case-insensitive and
 * diacritics-tolerant ('Patiëntendossier' = 'patientendossier'). Multi-word terms ('medisch dossier') match across
 * whitespace, hyphens and slashes, so a line break inside the term does not hide it. AVG art. 9: health data is a
 * special category, which is why these words are worth a warning at all.
 */
import { fold, isTermGap, wordEnd } from './chars';

/** Compiled terms: first folded word → remaining folded words of each term starting with it (longest first). */
export type HealthTermIndex = ReadonlyMap<string, readonly string[][]>;

const SPLIT = /[^\p{L}\p{N}]+/u;

/**
 * Accented forms of the vowels (and y, n, c): the scanner's term search (src/domain/scan/scanner.ts, and its
 * WebAssembly walk) finds 'patiënt' as well as 'patient' through them.
 */
export const ACCENTS: Readonly<Record<string, string>> = {
  a: 'a\u00e0-\u00e5',
  e: 'e\u00e8-\u00eb',
  i: 'i\u00ec-\u00ef',
  o: 'o\u00f2-\u00f6',
  u: 'u\u00f9-\u00fc',
  y: 'y\u00fd\u00ff',
  n: 'n\u00f1',
  c: 'c\u00e7',
};

/** Builds the lookup from the configured terms; blank terms are ignored. */
export function compileHealthTerms(terms: readonly string[]): HealthTermIndex {
  const index = new Map<string, string[][]>();
  for (const term of terms) {
    const words = fold(term)
      .split(SPLIT)
      .filter((w) => w.length > 0);
    if (words.length === 0) continue;
    const list = index.get(words[0]) ?? [];
    list.push(words.slice(1));
    index.set(words[0], list);
  }
  index.forEach((list) => list.sort((x, y) => y.length - x.length));
  return index;
}

const MAX_GAP = 3;

/**
 * Given a word [start, end) whose folded form is `first`, returns the end of the longest configured term that
 * starts there, or -1. Looks ahead only as many words as the longest term has, so the scan stays linear.
 */
export function matchHealthTerm(text: string, end: number, first: string, index: HealthTermIndex): number {
  const rests = index.get(first);
  if (!rests) return -1;
  for (const rest of rests) {
    let p = end;
    let ok = true;
    for (const want of rest) {
      let gap = 0;
      while (gap < MAX_GAP && isTermGap(text.charCodeAt(p + gap))) gap++;
      if (gap === 0) {
        ok = false;
        break;
      }
      const q = wordEnd(text, p + gap);
      if (q - (p + gap) > want.length * 2 + 8 || fold(text.slice(p + gap, q)) !== want) {
        ok = false;
        break;
      }
      p = q;
    }
    if (ok) return p;
  }
  return -1;
}
