import { enUS } from './en-us';
import { nlNL } from './nl-nl';
import type { Locale, Strings } from './types';

export type { Locale, StringKey, Strings } from './types';

const byLocale: Record<Locale, Strings> = { 'nl-nl': nlNL, 'en-us': enUS };

/** Normalises a host locale ('nl-NL', 'en', 'en-GB', …) to a supported one; Dutch is the default. */
export function toLocale(value: string | undefined): Locale {
  const v = (value ?? '').toLowerCase();
  return v.startsWith('en') ? 'en-us' : 'nl-nl';
}

/** The UI strings for a locale (any casing or region; unknown locales fall back to Dutch). */
export function strings(locale: string | undefined): Strings {
  return byLocale[toLocale(locale)];
}

/** Fills `{name}` placeholders in a string; an unknown placeholder stays visible so a missing value is noticed. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
