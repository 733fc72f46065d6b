/** Workbench-only display preferences, kept in localStorage so a reload (identity switch) keeps them. */
export interface Prefs {
  pane: 'kanaal' | 'postvak' | 'agenda' | null;
  theme: 'web' | 'teamsLight' | 'teamsDark';
  locale: 'nl-NL' | 'en-US';
  mailbox?: string;
  calendar?: string;
}

const KEY = 'samenwerkingsruimte.workbench.prefs';
const DEFAULTS: Prefs = { pane: null, theme: 'web', locale: 'nl-NL' };

/** The saved preferences, with defaults for anything missing or malformed. */
export function loadPrefs(): Prefs {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Prefs>;
    return { ...DEFAULTS, ...raw };
  } catch {
    return { ...DEFAULTS };
  }
}

/** Saves the preferences. */
export function savePrefs(prefs: Prefs): void {
  localStorage.setItem(KEY, JSON.stringify(prefs));
}
