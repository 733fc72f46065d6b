/** The fault presets of the workbench's "Storingen" control, sent to the emulator's `/_emulator/faults`. */
export interface FaultPreset {
  key: string;
  label: string;
  /** Emulator fault settings; empty clears every fault. */
  settings: Record<string, number>;
}

/** From none to unreliable: what SharePoint and Graph do on a bad day (throttling with Retry-After, 503s, resets). */
export const FAULT_PRESETS: FaultPreset[] = [
  { key: 'geen', label: 'Geen storingen', settings: {} },
  { key: 'traag', label: 'Traag (800 ms per verzoek)', settings: { latencyMs: 800 } },
  { key: 'throttling', label: 'Throttling (30% 429)', settings: { rate429: 0.3, retryAfterSeconds: 1 } },
  {
    key: 'onbetrouwbaar',
    label: 'Onbetrouwbaar (20% 503, 10% verbroken)',
    settings: { rate503: 0.2, rateReset: 0.1, retryAfterSeconds: 1 },
  },
  {
    key: 'antwoord-kwijt',
    label: 'Antwoord kwijt na opslaan (10% van de schrijfacties)',
    settings: { rateLostAnswer: 0.1 },
  },
];

/** The preset matching the emulator's current settings, or null for settings made elsewhere (e.g. a test). */
export function presetOf(settings: Record<string, unknown> | null): FaultPreset | null {
  const current = JSON.stringify(settings ?? {}, Object.keys(settings ?? {}).sort());
  return FAULT_PRESETS.find((p) => JSON.stringify(p.settings, Object.keys(p.settings).sort()) === current) ?? null;
}

/** Reads the emulator's fault settings. */
export async function readFaults(): Promise<Record<string, unknown> | null> {
  const res = await fetch('/_emulator/faults', { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`/_emulator/faults answered ${res.status}`);
  return ((await res.json()) as { settings: Record<string, unknown> | null }).settings;
}

/** Applies a preset; the emulator validates the settings and refuses bad ones with 400. */
export async function applyFaults(preset: FaultPreset): Promise<void> {
  const res = await fetch('/_emulator/faults', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(preset.settings),
  });
  if (!res.ok) throw new Error(`/_emulator/faults answered ${res.status}: ${await res.text()}`);
}
