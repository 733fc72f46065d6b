import { Checkbox, Label, Text, useId } from '@fluentui/react-components';
import * as React from 'react';
import { recipientNames } from '../../domain/agreement/recipients';
import { useServices, useStrings } from '../services';
import { recipientChoice, type Draft } from './draft';
import { format } from './format';
import { useUploadStyles } from './useUploadStyles';

/** Props of {@link RecipientField}. */
export interface RecipientFieldProps {
  draft: Draft;
  /** The uploader's party: the sender, never a recipient. */
  party: string | null;
  onChange: (patch: Partial<Draft>) => void;
  disabled: boolean;
}

/**
 * "Met welke partijen deelt u het document?" (art. 8, 9.5): a checkbox per party the purpose allows, the purpose's only
 * choice ticked beforehand. Only the ticked parties will read the file: its folder grants only them, so SharePoint, not
 * this screen, keeps everyone else out. A combination without a folder is named here and refused by the check.
 */
export function RecipientField(props: RecipientFieldProps): React.ReactElement | null {
  const t = useStrings();
  const styles = useUploadStyles();
  const { config } = useServices();
  const labelId = useId('recipients');
  const hintId = useId('recipients-hint');
  const { draft: d, party, onChange, disabled } = props;
  const choice = recipientChoice(config, d, party);
  if (!choice.asked) return null;
  if (choice.choices.length === 0)
    return (
      <Text className={styles.problem} data-testid="recipients-none">
        {t.uploadRecipientsNone}
      </Text>
    );
  const lang = t.lang === 'en' ? 'en' : 'nl';
  return (
    // Not a Field: a Field hands its one control id to every checkbox inside it, so no label would be unique.
    <div role="group" aria-labelledby={labelId} aria-describedby={hintId} className={styles.section}>
      <Label id={labelId} required>
        {t.uploadRecipients}
      </Label>
      <div data-testid="recipients" className={styles.checkboxes}>
        {choice.parties.map((key) => {
          const p = config.parties.find((x) => x.key === key);
          return (
            <Checkbox
              key={key}
              value={key}
              disabled={disabled}
              checked={choice.chosen.includes(key)}
              label={p?.shortName ?? key}
              title={p?.name}
              data-recipient={key}
              onChange={(_, v) =>
                onChange({
                  recipients: v.checked ? [...choice.chosen, key] : choice.chosen.filter((k) => k !== key),
                })
              }
            />
          );
        })}
      </div>
      <Text id={hintId} size={200} className={styles.muted}>
        {t.uploadRecipientsHint}
      </Text>
      {choice.chosen.length > 0 && !choice.valid && (
        <Text className={styles.problem} data-testid="recipients-unavailable">
          {format(t.uploadRecipientsUnavailable, {
            choices: choice.choices.map((c) => recipientNames(config, c, lang)).join('; '),
          })}
        </Text>
      )}
    </div>
  );
}
