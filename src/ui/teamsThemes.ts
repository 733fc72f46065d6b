/** The Teams themes, loaded only in Teams (src/ui/theme.ts `loadTheme`). */
export { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
