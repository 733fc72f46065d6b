/**
 * What the first render needs of src/loc without the whole of it (issue 13): src/loc/index imports both languages'
 * tables; the dashboard loads only the table of the host's language (StringsContext). Same behaviour as
 * src/loc/index `toLocale` and `format`.
 */
import type { Locale } from '../../loc/types';

/** Normalises a host locale ('nl-NL', 'en', 'en-GB', …) to a supported one; Dutch is the default. */
export function toLocale(value: string | undefined): Locale {
  const v = (value ?? '').toLowerCase();
  return v.startsWith('en') ? 'en-us' : 'nl-nl';
}

/** Fills `{name}` placeholders in a string; an unknown placeholder stays visible so a missing value is noticed. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
