/** Word tokens: maximal runs of letters, digits and combining marks. */
import { isWordChar } from './chars';

/** Index just after the word that starts at `i`. */
export function wordEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && isWordChar(text.charCodeAt(j))) j++;
  return j;
}

/** True when `c` may sit between the words of a multi-word term: whitespace, hyphen, slash. */
export function isTermGap(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 45 || c === 47;
}
