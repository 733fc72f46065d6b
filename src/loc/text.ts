/**
 * What a screen needs of src/loc without the tables: src/loc/index imports both languages' tables, and a
 * page loads only the table of its host's language (src/ui/services/StringsContext). Import from here in src/.
 */
import type { Locale } from './types';

/** Normalises a host locale ('nl-NL', 'en', 'en-GB', …) to a supported one; Dutch is the default. */
export function toLocale(value: string | undefined): Locale {
  const v = (value ?? '').toLowerCase();
  return v.startsWith('en') ? 'en-us' : 'nl-nl';
}

/** Fills `{name}` placeholders in a string; an unknown placeholder stays visible so a missing value is noticed. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
