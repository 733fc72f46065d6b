import { enUS } from './en-us';
import { nlNL } from './nl-nl';
import { toLocale } from './text';
import type { Locale, Strings } from './types';

export { format, toLocale } from './text';

export type { Locale, StringKey, Strings } from './types';

const byLocale: Record<Locale, Strings> = { 'nl-nl': nlNL, 'en-us': enUS };

/** The UI strings for a locale (any casing or region; unknown locales fall back to Dutch). */
export function strings(locale: string | undefined): Strings {
  return byLocale[toLocale(locale)];
}
