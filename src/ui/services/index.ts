export { ServicesProvider, useServices, type ServicesProviderProps } from './ServicesContext';
export { StringsProvider, useStrings, type StringsProviderProps } from './StringsContext';
