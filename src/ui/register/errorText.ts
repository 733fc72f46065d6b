/** Turns register errors into text per field, with the article the rule comes from. */
import type { RegisterError } from '../../domain/register';

/** One error as a sentence, e.g. "… koppel dat overleg. (art. 13.2)". */
export function errorText(e: RegisterError, lang: string): string {
  const text = lang === 'en' ? e.message.en : e.message.nl;
  return e.article ? `${text} (${e.article})` : text;
}

/** The errors of one field joined, or undefined when the field is fine. */
export function fieldError(errors: RegisterError[], field: string, lang: string): string | undefined {
  const mine = errors.filter((e) => e.field === field);
  return mine.length > 0 ? mine.map((e) => errorText(e, lang)).join(' ') : undefined;
}
