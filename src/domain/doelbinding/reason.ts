/** Building reasons and combining them into one outcome. */
import type { Bilingual, Citation } from '../common/types';
import type { Outcome, Reason } from './types';

/** Order of strictness: refused beats review beats allowed. */
const SEVERITY: Record<Outcome, number> = { allowed: 0, review: 1, refused: 2 };

/** Builds a {@link Reason}. */
export function reason(
  code: string,
  outcome: Outcome,
  source: Citation,
  nl: string,
  en: string,
  advice?: Bilingual,
): Reason {
  return advice ? { code, outcome, source, nl, en, advice } : { code, outcome, source, nl, en };
}

/** The strictest outcome of a set of reasons; no reasons is allowed. */
export function strictest(reasons: ReadonlyArray<Reason>): Outcome {
  return reasons.reduce<Outcome>((acc, r) => (SEVERITY[r.outcome] > SEVERITY[acc] ? r.outcome : acc), 'allowed');
}

/** Sorts reasons strictest first, keeping the rule order within one outcome. */
export function sortReasons(reasons: ReadonlyArray<Reason>): Reason[] {
  return reasons
    .map((r, i) => ({ r, i }))
    .sort((a, b) => SEVERITY[b.r.outcome] - SEVERITY[a.r.outcome] || a.i - b.i)
    .map(({ r }) => r);
}
