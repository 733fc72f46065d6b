/**
 * A simulated Microsoft Teams client for the Teams tab, at the teams-js message boundary. Teams shows a SharePoint
 * tab as an iframe named `embedded-page-container` (which is how SPFx's `_BrowserUtilities.isTeamsHosted()` knows it
 * is in Teams) on `/_layouts/15/teamshostedapp.aspx`; the tab's teams-js (2.36.0, in sp-webpart-base's
 * `spfx-core-teamsenv-teamsJs-v2` chunk) talks to its parent window with `postMessage`. This page is that parent: it
 * answers `initialize` (frame context, client type, a Teams runtime configuration) and `getContext` (the legacy
 * Teams context: theme, locale, team and channel ids), and sends `themeChange` when the theme is switched, as the
 * Teams client does. Nothing of the product or of SPFx is changed; only the host side of the protocol is simulated.
 * Every message the tab sent is kept in `window.__teamsClient.messages` for the tests.
 */

interface TeamsClientConfig {
  tabUrl: string;
  theme: 'default' | 'dark' | 'contrast';
  locale: string;
  context: Record<string, unknown>;
}

interface TeamsMessage {
  id?: number;
  uuid?: string;
  func?: string;
  args?: unknown[];
}

/** The runtime a Teams web client declares (teams-js `versionAndPlatformAgnosticTeamsRuntimeConfig`, trimmed). */
const TEAMS_RUNTIME = {
  apiVersion: 4,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  isLegacyTeams: true,
  supports: {
    appInstallDialog: {},
    appEntity: {},
    call: {},
    chat: {},
    conversations: {},
    dialog: { card: { bot: {} }, url: { bot: {}, parentCommunication: {} }, update: {} },
    interactive: {},
    logs: {},
    menus: {},
    pages: { config: {}, backStack: {}, fullTrust: {}, tabs: {}, appButton: {} },
    remoteCamera: {},
    stageView: {},
    teams: { fullTrust: { joinedTeams: {} } },
    teamsCore: {},
    video: { sharedFrame: {} },
  },
};

const configEl = document.getElementById('teams-client-config');
const config = JSON.parse(configEl?.textContent ?? '{}') as TeamsClientConfig;
const record = { messages: [] as TeamsMessage[], theme: config.theme };
(window as unknown as { __teamsClient: typeof record }).__teamsClient = record;

const frame = document.createElement('iframe');
frame.name = 'embedded-page-container';
frame.title = 'Samenwerkingsruimte (Teams-tabblad)';
frame.src = config.tabUrl;
frame.setAttribute('data-testid', 'teams-tab');
document.getElementById('teams-stage')?.appendChild(frame);

const ownOrigin = window.location.origin;
const reply = (message: TeamsMessage, args: unknown[]): void => {
  frame.contentWindow?.postMessage({ id: message.id, uuid: message.uuid, args }, ownOrigin);
};
const legacyContext = (): Record<string, unknown> => ({ ...config.context, theme: record.theme, locale: config.locale });

window.addEventListener('message', (event: MessageEvent) => {
  if (event.source !== frame.contentWindow || event.origin !== ownOrigin) return;
  const message = event.data as TeamsMessage;
  if (!message || typeof message.func !== 'string') return;
  record.messages.push({ func: message.func, args: message.args });
  switch (message.func) {
    case 'initialize':
      reply(message, ['content', 'web', JSON.stringify(TEAMS_RUNTIME), '2.36.0']);
      break;
    case 'getContext':
      reply(message, [legacyContext()]);
      break;
    default:
      // Registrations ('registerHandler') and notifications need no answer from the host.
      break;
  }
});

/** Switches the Teams theme: the tab gets `themeChange`, as from the Teams client. */
function setTheme(theme: TeamsClientConfig['theme']): void {
  record.theme = theme;
  document.body.setAttribute('data-teams-theme', theme);
  frame.contentWindow?.postMessage({ func: 'themeChange', args: [theme] }, ownOrigin);
}
document.body.setAttribute('data-teams-theme', config.theme);
const select = document.getElementById('teams-theme') as HTMLSelectElement | null;
if (select) {
  select.value = config.theme;
  select.addEventListener('change', () => setTheme(select.value as TeamsClientConfig['theme']));
}
(window as unknown as { __setTeamsTheme: typeof setTheme }).__setTeamsTheme = setTheme;

export {};
