export { ServicesProvider, useServices, type ServicesProviderProps } from './ServicesContext';
export { loadStrings, registerStrings, StringsProvider, useStrings, type StringsProviderProps } from './StringsContext';
