import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** The themes a host can ask for: SharePoint ('web'), or the Teams client theme of the moment. */
export type ThemeName = 'web' | 'teamsLight' | 'teamsDark' | 'teamsHighContrast';

/** Maps a Teams client theme name ('default', 'dark', 'contrast') to a {@link ThemeName}. */
export function themeNameFromTeams(teamsTheme: string | undefined): ThemeName {
  if (teamsTheme === 'dark') return 'teamsDark';
  if (teamsTheme === 'contrast') return 'teamsHighContrast';
  return 'teamsLight';
}

/** The Fluent v9 theme for a {@link ThemeName}; unknown names get the SharePoint (web) theme. */
export function themeFor(name: ThemeName | undefined): Theme {
  switch (name) {
    case 'teamsLight':
      return teamsLightTheme;
    case 'teamsDark':
      return teamsDarkTheme;
    case 'teamsHighContrast':
      return teamsHighContrastTheme;
    default:
      return webLightTheme;
  }
}
