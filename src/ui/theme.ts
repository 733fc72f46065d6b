import { webLightTheme, type Theme } from '@fluentui/react-components';
import * as React from 'react';

/** The themes a host can ask for: SharePoint ('web'), or the Teams client theme of the moment. */
export type ThemeName = 'web' | 'teamsLight' | 'teamsDark' | 'teamsHighContrast';

/** Maps a Teams client theme name ('default', 'dark', 'contrast') to a {@link ThemeName}. */
export function themeNameFromTeams(teamsTheme: string | undefined): ThemeName {
  if (teamsTheme === 'dark') return 'teamsDark';
  if (teamsTheme === 'contrast') return 'teamsHighContrast';
  return 'teamsLight';
}

type TeamsThemes = typeof import('./teamsThemes');
let teams: TeamsThemes | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads what `name` needs: the Teams themes are their own chunk, so a SharePoint page carries only
 * SharePoint's (web) theme. Resolves at once for 'web' and when loaded before.
 */
export function loadTheme(name: ThemeName | undefined): Promise<void> {
  if (!name || name === 'web' || teams) return Promise.resolve();
  loading ??= import(/* webpackChunkName: 'teams-themes' */ './teamsThemes').then((m) => {
    teams = m;
  });
  return loading;
}

/**
 * The Fluent v9 theme for a {@link ThemeName}; unknown names get the SharePoint (web) theme, and so does a Teams theme
 * until {@link loadTheme} loaded it.
 */
export function themeFor(name: ThemeName | undefined): Theme {
  switch (name) {
    case 'teamsLight':
      return teams?.teamsLightTheme ?? webLightTheme;
    case 'teamsDark':
      return teams?.teamsDarkTheme ?? webLightTheme;
    case 'teamsHighContrast':
      return teams?.teamsHighContrastTheme ?? webLightTheme;
    default:
      return webLightTheme;
  }
}

/** The theme for `name`, re-rendering once a Teams theme has loaded (hosts that preload it never see the wait). */
export function useTheme(name: ThemeName | undefined): Theme {
  const [, setLoaded] = React.useState(0);
  React.useEffect(() => {
    let current = true;
    loadTheme(name)
      .then(() => current && setLoaded((n) => n + 1))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [name]);
  return themeFor(name);
}
