/** @jest-environment jsdom */
/**
 * The typed date field: day first whatever the browser's language, says how it read the text, hands on the value as
 * YYYY-MM-DD / YYYY-MM-DDTHH:mm / HH:mm, unreadable text as typed (so the caller's check names the field), '' when empty.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import * as React from 'react';
import { AppFrame } from '../../../src/ui/AppFrame';
import { strings } from '../../../src/loc';
import { DateTextField, unreadFieldText, type DateTextFieldProps } from '../../../src/ui/common/DateTextField';

function hintOf(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

/** The field as a caller holds it: the value in state, every handed-on value recorded. */
function Holder(props: { kind: DateTextFieldProps['kind']; initial: string; seen: string[]; reset?: string }): React.ReactElement {
  const [value, setValue] = React.useState(props.initial);
  return (
    <>
      <DateTextField
        kind={props.kind}
        label="Datum"
        inputTestId="field"
        note="Extra uitleg."
        value={value}
        onChange={(v) => {
          props.seen.push(v);
          setValue(v);
        }}
      />
      <button onClick={() => setValue(props.reset ?? '')}>reset</button>
    </>
  );
}

async function show(kind: DateTextFieldProps['kind'], initial: string, seen: string[], locale = 'nl-NL'): Promise<HTMLInputElement> {
  render(
    <AppFrame host={{ locale }}>
      <Holder kind={kind} initial={initial} seen={seen} reset="2027-03-04" />
    </AppFrame>,
  );
  return (await screen.findByTestId('field')) as HTMLInputElement;
}

it('shows a stored date day first and reads a typed one day first', async () => {
  const seen: string[] = [];
  const input = await show('date', '2026-11-20', seen);
  expect(input.value).toBe('20-11-2026');
  expect(input.type).toBe('text');
  expect(hintOf(input)).toContain('Gelezen als vrijdag 20 november 2026. Extra uitleg.');
  fireEvent.change(input, { target: { value: '2-1-2026' } });
  expect(seen).toEqual(['2026-01-02']);
  expect(input.value).toBe('2-1-2026'); // what was typed stays
  expect(hintOf(input)).toContain('Gelezen als vrijdag 2 januari 2026');
});

it('hands on unreadable text as typed and an emptied box as empty, saying how to type it', async () => {
  const seen: string[] = [];
  const input = await show('date', '', seen);
  expect(hintOf(input)).toContain('Typ de datum als dd-mm-jjjj');
  fireEvent.change(input, { target: { value: '31-4-2026' } });
  fireEvent.change(input, { target: { value: '  ' } });
  expect(seen).toEqual(['31-4-2026', '']);
  expect(hintOf(input)).toContain('Typ de datum als dd-mm-jjjj');
});

it('takes a value set from outside (a reset) into the box', async () => {
  const seen: string[] = [];
  const input = await show('date', '2026-11-20', seen);
  fireEvent.change(input, { target: { value: '5-5-2026' } });
  fireEvent.click(screen.getByRole('button', { name: 'reset' }));
  expect(input.value).toBe('04-03-2027');
});

it('reads a moment and a time of day, also with the English strings', async () => {
  const seen: string[] = [];
  const moment = await show('dateTime', '', seen, 'en-US');
  fireEvent.change(moment, { target: { value: '2-1-2026 9.30' } });
  expect(seen).toEqual(['2026-01-02T09:30']);
  expect(hintOf(moment)).toMatch(/Read as Friday,? 2 January 2026 09:30/);
});

it('reads a time of day as HH:mm', async () => {
  const seen: string[] = [];
  const time = await show('time', '10:00', seen);
  expect(time.value).toBe('10:00');
  fireEvent.change(time, { target: { value: '1430' } });
  expect(seen).toEqual(['14:30']);
  expect(hintOf(time)).toContain('Gelezen als 14:30');
  fireEvent.change(time, { target: { value: '25:00' } });
  expect(hintOf(time)).toContain('Typ de tijd als uu:mm');
});

it('under a field its caller marks in error, text it could not read is named as typed with how to type it', async () => {
  // the caller's check names the stored form; the person typed day first and should read that
  const stored = "'31-02-2026' is geen datum (JJJJ-MM-DD).";
  function Checked(props: { initial: string }): React.ReactElement {
    const [value, setValue] = React.useState(props.initial);
    return (
      <DateTextField
        kind="date"
        label="Ondertekend op"
        inputTestId="field"
        validationState="error"
        validationMessage={/^\d{4}-\d{2}-\d{2}$/.test(value) ? 'ligt na de publicatiedatum' : stored}
        value={value}
        onChange={setValue}
      />
    );
  }
  render(
    <AppFrame host={{ locale: 'nl-NL' }}>
      <Checked initial="" />
    </AppFrame>,
  );
  const input = (await screen.findByTestId('field')) as HTMLInputElement;
  fireEvent.change(input, { target: { value: '31-02-2026' } });
  expect(hintOf(input)).toContain("'31-02-2026': geen datum zoals dd-mm-jjjj");
  expect(hintOf(input)).not.toContain('JJJJ-MM-DD');
  // a date it read keeps the caller's own message
  fireEvent.change(input, { target: { value: '2-1-2026' } });
  expect(hintOf(input)).toContain('ligt na de publicatiedatum');
});

it('unreadFieldText names the field and what was typed, only for text that could not be read', () => {
  const nlNL = strings('nl-NL');
  const enUS = strings('en-US');
  expect(unreadFieldText(nlNL, 'time', 'Begintijd', '25:00')).toBe("Begintijd: '25:00': geen tijd zoals uu:mm");
  expect(unreadFieldText(enUS, 'dateTime', 'Notified at', '2-1-2026')).toBe(
    "Notified at: '2-1-2026': not a date and time like dd-mm-yyyy hh:mm",
  );
  expect(unreadFieldText(nlNL, 'date', 'Datum', '2026-01-02')).toBeUndefined();
  expect(unreadFieldText(nlNL, 'time', 'Eindtijd', '11:30')).toBeUndefined();
  expect(unreadFieldText(nlNL, 'date', 'Datum', ' ')).toBeUndefined();
});
