import * as React from 'react';
import { strings, type Strings } from '../../loc';

const StringsContext = React.createContext<Strings>(strings('nl-nl'));

/** Props of {@link StringsProvider}. */
export interface StringsProviderProps {
  locale: string | undefined;
  children?: React.ReactNode;
}

/** Provides the UI strings for the host's locale (Dutch unless the host says English). */
export function StringsProvider(props: StringsProviderProps): React.ReactElement {
  const value = React.useMemo(() => strings(props.locale), [props.locale]);
  return <StringsContext.Provider value={value}>{props.children}</StringsContext.Provider>;
}

/** The UI strings of the current locale. */
export function useStrings(): Strings {
  return React.useContext(StringsContext);
}
