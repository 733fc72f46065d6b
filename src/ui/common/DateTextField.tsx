/**
 * A date, a date and time, or a time, typed as text, day first, in a Fluent Field (src/ui/common/dateText.ts says why
 * not the browser's own boxes: they take keys in the order of the browser's language and only hold a value once every
 * part is filled, so what a person types there can silently not take, or take as another day). The field shows how it
 * read the text ("Gelezen als vrijdag 20 november 2026") and hands the caller the value as YYYY-MM-DD,
 * YYYY-MM-DDTHH:mm or HH:mm. Text it cannot read is handed on as typed, so the caller's check refuses it naming the
 * field; an empty box is ''. When the caller marks the field in error and the text is one it could not read, the
 * message says how to type it (day first) rather than the caller's, which names the stored form (JJJJ-MM-DD).
 */
import { Field, Input, type FieldProps } from '@fluentui/react-components';
import * as React from 'react';
import type { Strings } from '../../loc';
import { format } from '../../loc/text';
import { useStrings } from '../services';
import { describeParsed, formatDateText, parseDateText, parseDateTimeText, parseTimeText } from './dateText';

export interface DateTextFieldProps extends Omit<FieldProps, 'children' | 'hint' | 'onChange'> {
  kind: 'date' | 'dateTime' | 'time';
  /** The value: YYYY-MM-DD (date), YYYY-MM-DDTHH:mm (date and time) or HH:mm (time), '' when empty. */
  value: string;
  onChange(value: string): void;
  disabled?: boolean;
  /** data-testid of the text box. */
  inputTestId?: string;
  /** More to say under the field, after how it read the text. */
  note?: string;
}

type Kind = DateTextFieldProps['kind'];

const PARSE = { date: parseDateText, dateTime: parseDateTimeText, time: parseTimeText };

/** Under a typed date, moment or time: how it was read once it can be, until then how to type it. */
export function typedHint(t: Strings, kind: Kind, text: string): string {
  const parsed = PARSE[kind](text);
  if (!parsed) return { date: t.dateHint, dateTime: t.dateTimeHint, time: t.timeHint }[kind];
  return format(t.dateReadAs, { value: kind === 'time' ? parsed : describeParsed(parsed, t.lang === 'en' ? 'en' : 'nl') });
}

/** Under a field in error whose text could not be read: what was typed and how to type it. */
function unreadMessage(t: Strings, kind: Kind, text: string): string {
  return `'${text.trim()}': ${{ date: t.dateInvalid, dateTime: t.dateTimeInvalid, time: t.timeInvalid }[kind]}`;
}

/**
 * A field's value (as {@link DateTextField} handed it on) that is text it could not read: the sentence that names the
 * field and says how to type it, for a form that refuses before its check runs. Undefined for a read or empty value.
 */
export function unreadFieldText(t: Strings, kind: Kind, label: string, value: string): string | undefined {
  return value.trim() !== '' && !PARSE[kind](value) ? `${label}: ${unreadMessage(t, kind, value)}` : undefined;
}

/** The typed text as the caller's value: parsed, '' when blank, else the text itself. */
function valueOf(kind: Kind, text: string): string {
  return PARSE[kind](text) ?? text.trim();
}

export function DateTextField(props: DateTextFieldProps): React.ReactElement {
  const { kind, value, onChange, disabled, inputTestId, note, ...field } = props;
  const t = useStrings();
  const [text, setText] = React.useState(() => formatDateText(value));
  // a value set from outside (a reset, a reload) replaces the text; the value this field handed on does not
  if (valueOf(kind, text) !== value && formatDateText(value) !== text) setText(formatDateText(value));
  const read = typedHint(t, kind, text);
  const unread = field.validationState === 'error' && text.trim() !== '' && !PARSE[kind](text);
  return (
    <Field
      {...field}
      validationMessage={unread ? unreadMessage(t, kind, text) : field.validationMessage}
      hint={note ? `${read} ${note}` : read}
    >
      <Input
        data-testid={inputTestId}
        value={text}
        disabled={disabled}
        autoComplete="off"
        onChange={(_, d) => {
          setText(d.value);
          onChange(valueOf(kind, d.value));
        }}
      />
    </Field>
  );
}
