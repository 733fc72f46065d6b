/** Shared small types for the pure domain layer (no I/O). */

/**
 * A citation of the article or seed a rule comes from, e.g. `'art. 9.6 (samenwerkingsovereenkomst)'` or
 * `'seed 004 §Bewaartermijnen'`. Shown to users verbatim, because they work by those articles.
 */
export type Citation = string;

/** UI language: Dutch first, English complete. */
export type Lang = 'nl' | 'en';

/** A text in Dutch with its English variant. */
export interface Bilingual {
  nl: string;
  en: string;
}

/** Success with a value, or failure with an error; the domain returns these instead of throwing. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

/** Builds a successful {@link Result}. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** Builds a failed {@link Result}. */
export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}

/** Picks the text for a language from a {@link Bilingual}. */
export function pick(text: Bilingual, lang: Lang): string {
  return lang === 'en' ? text.en : text.nl;
}
