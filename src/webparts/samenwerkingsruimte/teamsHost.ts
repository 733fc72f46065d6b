import type { IMicrosoftTeams } from '@microsoft/sp-webpart-base';

/** What the product needs to know about the Teams host, as plain data (absent outside Teams). */
export interface TeamsHostInfo {
  /** The team's Microsoft 365 group id (Graph `teams/{id}`). */
  teamId?: string;
  /** The channel the tab is pinned to (absent in the personal app). */
  channelId?: string;
  /** Teams client theme: 'default', 'dark' or 'contrast'. */
  theme?: string;
  /** Teams client locale, e.g. 'nl-nl'. */
  locale?: string;
}

/**
 * Reads the Teams context through the teams-js SDK SPFx hands the web part. Outside Teams SPFx gives no SDK and this
 * returns undefined, so the shell needs no host check of its own.
 */
export async function readTeamsHost(teams: IMicrosoftTeams | undefined): Promise<TeamsHostInfo | undefined> {
  if (!teams) return undefined;
  const context = await teams.teamsJs.app.getContext();
  return {
    teamId: context.team?.groupId,
    channelId: context.channel?.id,
    theme: context.app.theme,
    locale: context.app.locale,
  };
}

/**
 * Calls `onTheme` whenever the Teams client switches theme. teams-js allows one handler per frame; only this web part
 * registers one, and it is a no-op outside Teams.
 */
export function watchTeamsTheme(teams: IMicrosoftTeams | undefined, onTheme: (theme: string) => void): void {
  teams?.teamsJs.app.registerOnThemeChangeHandler(onTheme);
}
