import { enUS } from '../../src/loc/en-us';
import { format, strings, toLocale } from '../../src/loc';
import { nlNL } from '../../src/loc/nl-nl';

describe('UI strings', () => {
  it('nl-nl and en-us have identical key sets', () => {
    expect(Object.keys(enUS).sort()).toEqual(Object.keys(nlNL).sort());
  });

  it('has no empty string in either language', () => {
    for (const table of [nlNL, enUS] as Record<string, string>[]) {
      for (const [key, value] of Object.entries(table)) expect({ key, empty: value.trim() === '' }).toEqual({ key, empty: false });
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (s: string): string[] => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(nlNL) as (keyof typeof nlNL)[]) {
      expect({ key, en: placeholders(enUS[key]) }).toEqual({ key, en: placeholders(nlNL[key]) });
    }
  });

  it('picks a language from a host locale, Dutch by default', () => {
    expect(toLocale('en-GB')).toBe('en-us');
    expect(toLocale('nl-NL')).toBe('nl-nl');
    expect(toLocale(undefined)).toBe('nl-nl');
    expect(strings('EN-us').tabOverview).toBe('Overview');
    expect(strings('fr-FR').tabOverview).toBe('Overzicht');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{count} van {total}', { count: 3 })).toBe('3 van {total}');
  });
});
