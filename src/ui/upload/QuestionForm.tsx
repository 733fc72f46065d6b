import {
  Checkbox,
  Field,
  Input,
  Label,
  Radio,
  RadioGroup,
  Select,
  Text,
  Textarea,
  useId,
} from '@fluentui/react-components';
import * as React from 'react';
import { minimumLevelFor, orderedLevels } from '../../domain/classification';
import { doelbindingQuestions, MIN_NECESSITY_CHARS } from '../../domain/doelbinding';
import { useServices, useStrings } from '../services';
import { answersOf, asksYear, type Draft, type YesNo } from './draft';
import { format } from './format';
import { RecipientField } from './RecipientField';
import { useUploadStyles } from './useUploadStyles';
import { partyLabel } from '../../domain/agreement/queries';

/** Props of {@link QuestionForm}. */
export interface QuestionFormProps {
  draft: Draft;
  onChange: (patch: Partial<Draft>) => void;
  disabled: boolean;
  /** The uploader's party: with it the recipients are asked (art. 8, 9.5); without it every other party receives. */
  party?: string | null;
}

/** A required yes/no radio pair with no default. */
function YesNoField(props: {
  label: string;
  value: YesNo;
  onChange: (v: YesNo) => void;
  name: string;
  disabled: boolean;
}): React.ReactElement {
  const t = useStrings();
  return (
    <Field label={props.label} required>
      <RadioGroup
        layout="horizontal"
        name={props.name}
        value={props.value}
        disabled={props.disabled}
        onChange={(_, d) => props.onChange(d.value as YesNo)}
      >
        <Radio value="yes" label={t.uploadYes} />
        <Radio value="no" label={t.uploadNo} />
      </RadioGroup>
    </Field>
  );
}

/**
 * Document type, classification (mandatory, no default) and the doelbinding questions (art. 8, 9): exactly those the
 * check needs for the answers so far (`doelbindingQuestions`), with the register's legal basis beside the purpose.
 */
export function QuestionForm(props: QuestionFormProps): React.ReactElement {
  const t = useStrings();
  const styles = useUploadStyles();
  const { config } = useServices();
  const { draft: d, onChange, disabled } = props;
  const categoriesLabel = useId('categories');
  const asked = new Set(doelbindingQuestions(config, answersOf(d)).map((q) => q.key));
  const consentSource =
    doelbindingQuestions(config, answersOf(d)).find((q) => q.key === 'consentRecorded')?.source ?? '';
  const activity = config.processingActivities.find((a) => a.key === d.activityKey);
  const minimum = d.personal === 'yes' ? minimumLevelFor(config, d.categories) : undefined;
  return (
    <div className={styles.section}>
      <div className={styles.grid}>
        <Field label={t.uploadDocumentType} required>
          <Select
            data-testid="documentType"
            value={d.documentType}
            disabled={disabled}
            onChange={(_, v) => onChange({ documentType: v.value })}
          >
            <option value="">{t.uploadChoose}</option>
            {config.documentTypes.map((dt) => (
              <option key={dt.key} value={dt.key}>
                {dt.label}
              </option>
            ))}
          </Select>
        </Field>
        {asksYear(config, d) && (
          <Field label={t.uploadYear} required>
            <Input
              data-testid="year"
              inputMode="numeric"
              value={d.year}
              disabled={disabled}
              onChange={(_, v) => onChange({ year: v.value })}
            />
          </Field>
        )}
      </div>
      <Field
        label={t.uploadClassification}
        required
        validationState={minimum ? 'warning' : 'none'}
        validationMessage={
          minimum
            ? format(t.uploadMinimumLevel, {
                category: config.categories.find((c) => c.key === minimum.category)?.label ?? minimum.category,
                level: minimum.level.label,
                source: minimum.source,
              })
            : undefined
        }
      >
        <RadioGroup
          data-testid="classification"
          value={d.classification}
          disabled={disabled}
          onChange={(_, v) => onChange({ classification: v.value })}
        >
          {orderedLevels(config).map((l) => (
            <Radio
              key={l.key}
              value={l.key}
              label={l.restricted ? `${l.label} — ${t.uploadRestrictedHint}` : l.label}
            />
          ))}
        </RadioGroup>
      </Field>
      <Checkbox
        data-testid="confidential"
        checked={d.confidential}
        disabled={disabled}
        label={t.uploadConfidential}
        onChange={(_, v) => onChange({ confidential: v.checked === true })}
      />
      <YesNoField
        name="personal"
        label={t.uploadPersonalData}
        value={d.personal}
        disabled={disabled}
        onChange={(personal) => onChange({ personal, recipients: null })}
      />
      {asked.has('activityKey') && (
        <Field label={t.uploadActivity} required>
          <Select
            data-testid="activity"
            value={d.activityKey}
            disabled={disabled}
            onChange={(_, v) => onChange({ activityKey: v.value, recipients: null })}
          >
            <option value="">{t.uploadChoose}</option>
            {config.processingActivities.map((a) => (
              <option key={a.key} value={a.key}>
                {a.service}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {asked.has('activityKey') && activity && (
        <div className={styles.register} data-testid="register">
          <Text block>
            {format(t.uploadLegalBasis, {
              basis: [
                `AVG art. ${activity.legalBasis.avg}`,
                activity.legalBasis.law,
                activity.legalBasis.specialCategories,
              ]
                .filter(Boolean)
                .join('; '),
            })}
          </Text>
          <Text block>{format(t.uploadController, { party: partyLabel(config, activity.controller) })}</Text>
          <Text block>{format(t.uploadPurposes, { purposes: activity.purposes.join('; ') })}</Text>
        </div>
      )}
      {props.party !== undefined && (
        <RecipientField draft={d} party={props.party} onChange={onChange} disabled={disabled} />
      )}
      {asked.has('categories') && (
        // Not a Field: a Field hands its one control id to every checkbox inside it, so no label would be unique.
        <div role="group" aria-labelledby={categoriesLabel} className={styles.section}>
          <Label id={categoriesLabel} required>
            {t.uploadCategories}
          </Label>
          <div data-testid="categories" className={styles.checkboxes}>
            {config.categories.map((c) => {
              const outside = activity !== undefined && !activity.categories.includes(c.key);
              return (
                <Checkbox
                  key={c.key}
                  value={c.key}
                  disabled={disabled}
                  checked={d.categories.includes(c.key)}
                  label={outside ? `${c.label} ${t.uploadCategoryOutside}` : c.label}
                  onChange={(_, v) =>
                    onChange({
                      categories: v.checked ? [...d.categories, c.key] : d.categories.filter((k) => k !== c.key),
                    })
                  }
                />
              );
            })}
          </div>
        </div>
      )}
      {asked.has('necessity') && (
        <Field label={t.uploadNecessity} required hint={format(t.uploadNecessityHint, { min: MIN_NECESSITY_CHARS })}>
          <Textarea
            data-testid="necessity"
            value={d.necessity}
            disabled={disabled}
            onChange={(_, v) => onChange({ necessity: v.value })}
          />
        </Field>
      )}
      {asked.has('lessDataPossible') && (
        <YesNoField
          name="lessData"
          label={t.uploadLessData}
          value={d.lessData}
          disabled={disabled}
          onChange={(lessData) => onChange({ lessData })}
        />
      )}
      {asked.has('consentRecorded') && (
        <YesNoField
          name="consent"
          label={format(t.uploadConsent, { source: consentSource })}
          value={d.consent}
          disabled={disabled}
          onChange={(consent) => onChange({ consent })}
        />
      )}
      {asked.has('consentReference') && (
        <Field label={t.uploadConsentReference} required>
          <Input
            value={d.consentReference}
            disabled={disabled}
            onChange={(_, v) => onChange({ consentReference: v.value })}
          />
        </Field>
      )}
      {asked.has('exceptionalCircumstances') && (
        <Field label={t.uploadExceptional} required>
          <Textarea value={d.exceptional} disabled={disabled} onChange={(_, v) => onChange({ exceptional: v.value })} />
        </Field>
      )}
    </div>
  );
}
