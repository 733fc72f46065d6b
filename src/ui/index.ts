export { App, type AppProps } from './App';
export { AppFrame, type HostInfo } from './AppFrame';
export { AppLoader, type AppLoaderProps } from './AppLoader';
export { ServicesProvider, useServices, StringsProvider, useStrings, loadStrings } from './services';
export { loadTheme, themeFor, themeNameFromTeams, type ThemeName } from './theme';
export { HostCommandProvider, useHostCommand, type CommandItem, type HostCommand } from './command';
