import * as React from 'react';
import type { Locale, Strings } from '../../loc/types';
import { toLocale } from '../../loc/text';

/**
 * The UI strings of one language, loaded when first needed: each language's table is its own chunk, so a
 * page carries only the strings of its host's language.
 */
const tables: Partial<Record<Locale, Strings>> = {};
const loading: Partial<Record<Locale, Promise<Strings>>> = {};

/** Loads the strings for a host locale (any casing or region; unknown locales get Dutch). */
export function loadStrings(locale: string | undefined): Promise<Strings> {
  const l = toLocale(locale);
  const ready = tables[l];
  if (ready) return Promise.resolve(ready);
  const pending =
    loading[l] ??
    (l === 'en-us'
      ? import(/* webpackChunkName: 'strings-en' */ '../../loc/en-us').then((m) => m.enUS)
      : import(/* webpackChunkName: 'strings-nl' */ '../../loc/nl-nl').then((m) => m.nlNL)
    ).then((table) => {
      tables[l] = table;
      return table;
    });
  loading[l] = pending;
  pending.catch(() => {
    delete loading[l];
  });
  return pending;
}

/** Makes a table available at once (for screens whose chunk carries the strings anyway, e.g. "Inrichten"). */
export function registerStrings(locale: Locale, table: Strings): void {
  tables[locale] = table;
}

const StringsContext = React.createContext<Strings | undefined>(undefined);

/** Props of {@link StringsProvider}. */
export interface StringsProviderProps {
  locale: string | undefined;
  children?: React.ReactNode;
}

/**
 * Provides the UI strings for the host's locale (Dutch unless the host says English). Renders its children once the
 * language's table is loaded (at once when a host loaded it before, see {@link loadStrings}).
 */
export function StringsProvider(props: StringsProviderProps): React.ReactElement | null {
  const locale = toLocale(props.locale);
  const [value, setValue] = React.useState<Strings | undefined>(() => tables[locale]);
  React.useEffect(() => {
    let current = true;
    if (tables[locale]) setValue(tables[locale]);
    else
      loadStrings(locale)
        .then((t) => current && setValue(t))
        .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [locale]);
  // While another language loads (a host switching language), the one shown so far stays.
  const shown = tables[locale] ?? value;
  if (!shown) return null;
  return <StringsContext.Provider value={shown}>{props.children}</StringsContext.Provider>;
}

/** The UI strings of the current locale (inside a {@link StringsProvider}). */
export function useStrings(): Strings {
  const value = React.useContext(StringsContext);
  if (!value) throw new Error('useStrings() needs a StringsProvider above it (src/ui/AppFrame).');
  return value;
}
