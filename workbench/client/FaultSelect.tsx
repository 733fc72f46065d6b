import { Select } from '@fluentui/react-components';
import * as React from 'react';
import { applyFaults, FAULT_PRESETS, presetOf, readFaults } from './faults';
import { useWorkbenchStyles } from './useWorkbenchStyles';

const CUSTOM = 'anders';

/**
 * "Storingen": turns the emulator's fault injection on for the product's SharePoint and Graph calls, to see how the
 * product behaves when the service throttles, fails or is slow. The workbench page and panes are never affected.
 */
export function FaultSelect(): React.ReactElement {
  const styles = useWorkbenchStyles();
  const [value, setValue] = React.useState<string>('geen');
  const [problem, setProblem] = React.useState<string | null>(null);
  React.useEffect(() => {
    readFaults().then(
      (settings) => setValue(presetOf(settings)?.key ?? CUSTOM),
      (e: unknown) => setProblem(e instanceof Error ? e.message : String(e)),
    );
  }, []);
  const onChange = (key: string): void => {
    const preset = FAULT_PRESETS.find((p) => p.key === key);
    if (!preset) return;
    applyFaults(preset).then(
      () => {
        setValue(key);
        setProblem(null);
      },
      (e: unknown) => setProblem(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <label className={styles.field} title={problem ?? undefined}>
      <span className={styles.label}>Storingen{problem ? ' (!)' : ''}</span>
      <Select data-testid="faults" value={value} onChange={(_, d) => onChange(d.value)}>
        {FAULT_PRESETS.map((p) => (
          <option key={p.key} value={p.key}>
            {p.label}
          </option>
        ))}
        {value === CUSTOM && (
          <option value={CUSTOM} disabled>
            Ingesteld door een test
          </option>
        )}
      </Select>
    </label>
  );
}
