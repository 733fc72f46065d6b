import { Button, Dropdown, Field, Input, Option, type InputOnChangeData } from '@fluentui/react-components';
import * as React from 'react';
import { useServices, useStrings } from '../services';
import { useViewsStyles } from './useViewsStyles';
import type { ViewState } from './viewQueries';

/** Props of {@link FilterBar}. */
export interface FilterBarProps {
  state: ViewState;
  onChange: (patch: Partial<Pick<ViewState, 'party' | 'year' | 'classification'>>) => void;
}

/** Filters on party, year and classification (indexed columns, added after the view's own indexed filter). */
export function FilterBar(props: FilterBarProps): React.ReactElement {
  const { config } = useServices();
  const t = useStrings();
  const styles = useViewsStyles();
  const { state, onChange } = props;
  const [yearText, setYearText] = React.useState(state.year === undefined ? '' : String(state.year));
  const yearValid = yearText === '' || /^\d{4}$/.test(yearText);
  const onYear = (_: unknown, d: InputOnChangeData): void => {
    setYearText(d.value);
    if (d.value === '') onChange({ year: undefined });
    else if (/^\d{4}$/.test(d.value)) onChange({ year: Number(d.value) });
  };
  const partyName = config.parties.find((p) => p.key === state.party)?.shortName;
  const levelName = config.classification.levels.find((l) => l.key === state.classification)?.label;
  const any = state.party !== undefined || state.year !== undefined || state.classification !== undefined;
  return (
    <div className={styles.filters} data-testid="filters">
      <Field label={t.filterParty} className={styles.filter}>
        <Dropdown
          data-testid="filter-party"
          value={partyName ?? t.filterAll}
          selectedOptions={[state.party ?? '']}
          onOptionSelect={(_, d) => onChange({ party: d.optionValue || undefined })}
        >
          <Option value="">{t.filterAll}</Option>
          {config.parties.map((p) => (
            <Option key={p.key} value={p.key}>
              {p.shortName}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field
        label={t.filterYear}
        className={styles.year}
        validationState={yearValid ? 'none' : 'error'}
        validationMessage={yearValid ? undefined : t.viewYearInvalid}
      >
        <Input
          className={styles.yearInput}
          data-testid="filter-year"
          inputMode="numeric"
          value={yearText}
          onChange={onYear}
          placeholder={t.filterAll}
        />
      </Field>
      <Field label={t.filterClassification} className={styles.filter}>
        <Dropdown
          data-testid="filter-classification"
          value={levelName ?? t.filterAll}
          selectedOptions={[state.classification ?? '']}
          onOptionSelect={(_, d) => onChange({ classification: d.optionValue || undefined })}
        >
          <Option value="">{t.filterAll}</Option>
          {config.classification.levels.map((l) => (
            <Option key={l.key} value={l.key}>
              {l.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {any && (
        <Button
          appearance="subtle"
          onClick={() => {
            setYearText('');
            onChange({ party: undefined, year: undefined, classification: undefined });
          }}
        >
          {t.filterClear}
        </Button>
      )}
    </div>
  );
}
