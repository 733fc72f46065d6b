import { Select, ToggleButton } from '@fluentui/react-components';
import * as React from 'react';
import type { DemoIdentity } from '../session';
import { FaultSelect } from './FaultSelect';
import type { Prefs } from './prefs';
import { useWorkbenchStyles } from './useWorkbenchStyles';

/** Value of the identity switcher for "no identity" (anonymous: the emulator answers 401). */
export const ANONYMOUS = '';

/** Props of {@link TopBar}. */
export interface TopBarProps {
  identities: DemoIdentity[];
  identity: string | null;
  onIdentity: (key: string) => void;
  prefs: Prefs;
  onPrefs: (prefs: Prefs) => void;
}

const PANES: { key: NonNullable<Prefs['pane']>; label: string }[] = [
  { key: 'kanaal', label: 'Kanaal' },
  { key: 'postvak', label: 'Postvak' },
  { key: 'agenda', label: 'Agenda' },
];

/** The workbench's own bar: who you are (demo identity), how the product looks (theme, language), faults, which pane is open. */
export function TopBar(props: TopBarProps): React.ReactElement {
  const styles = useWorkbenchStyles();
  const { prefs } = props;
  return (
    <header className={styles.bar}>
      <span className={styles.brand}>Samenwerkingsruimte · lokale workbench</span>
      <label className={styles.field}>
        <span className={styles.label}>Aangemeld als</span>
        <Select data-testid="identity" style={{ minWidth: 300 }} value={props.identity ?? ANONYMOUS} onChange={(_, d) => props.onIdentity(d.value)}>
          {props.identities.map((u) => (
            <option key={u.key} value={u.key}>
              {u.displayName} — {u.role}
            </option>
          ))}
          <option value={ANONYMOUS}>Niemand (niet aangemeld)</option>
        </Select>
      </label>
      <label className={styles.field}>
        <span className={styles.label}>Thema</span>
        <Select value={prefs.theme} onChange={(_, d) => props.onPrefs({ ...prefs, theme: d.value as Prefs['theme'] })}>
          <option value="web">SharePoint</option>
          <option value="teamsLight">Teams licht</option>
          <option value="teamsDark">Teams donker</option>
        </Select>
      </label>
      <label className={styles.field}>
        <span className={styles.label}>Taal</span>
        <Select value={prefs.locale} onChange={(_, d) => props.onPrefs({ ...prefs, locale: d.value as Prefs['locale'] })}>
          <option value="nl-NL">Nederlands</option>
          <option value="en-US">English</option>
        </Select>
      </label>
      <FaultSelect />
      <div className={styles.panes} role="group" aria-label="Zijpanelen">
        {PANES.map((p) => (
          <ToggleButton
            key={p.key}
            size="small"
            checked={prefs.pane === p.key}
            onClick={() => props.onPrefs({ ...prefs, pane: prefs.pane === p.key ? null : p.key })}
          >
            {p.label}
          </ToggleButton>
        ))}
      </div>
    </header>
  );
}
