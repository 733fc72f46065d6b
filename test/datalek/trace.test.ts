/**
 * A report's trace from SharePoint's version history: what each version changed and who saved it, and every decision
 * whose stated author (decidedBy, typed into the item) is not the person SharePoint recorded as saving it.
 */
import { reportTrace } from '../../src/datalek';
import type { BreachVersion } from '../../src/ports';

const SANNE = { id: 11, displayName: 'Sanne de Vries' };
const JOHAN = { id: 16, displayName: 'Johan Smit' };
const FATIMA = { id: 15, displayName: 'Fatima El Amrani' };

const facts = { description: 'Mail naar verkeerde ontvanger', breachDate: '2026-11-30' };
const ap = (decidedBy: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  notify: true,
  reason: 'Hoog risico.',
  decidedAt: '2026-12-01T10:00:00.000Z',
  decidedBy,
  ...extra,
});

/** Versions oldest first as written here, handed over newest first as SharePoint lists them. */
function history(...versions: Array<Omit<BreachVersion, 'label' | 'modified'>>): BreachVersion[] {
  return versions
    .map((v, i) => ({ label: `${i + 1}.0`, modified: `2026-12-0${i + 1}T09:00:00Z`, ...v }))
    .reverse();
}

it('lists every version newest first with what it changed and who saved it', () => {
  const trace = reportTrace(
    history(
      { editor: SANNE, status: 'gemeld aan wederpartij', form: facts },
      { editor: JOHAN, status: 'beoordeeld', form: { ...facts, apDecision: ap('Johan Smit') } },
      { editor: JOHAN, status: 'afgesloten', form: { ...facts, apDecision: ap('Johan Smit'), description: 'Aangevuld' } },
      { editor: JOHAN, status: 'afgesloten', form: { ...facts, apDecision: ap('Johan Smit'), description: 'Aangevuld' } },
    ),
  );
  expect(trace.lines.map((l) => [l.label, l.editor?.displayName, l.changes])).toEqual([
    ['4.0', 'Johan Smit', []],
    ['3.0', 'Johan Smit', ['status', 'facts']],
    ['2.0', 'Johan Smit', ['status', 'apDecision']],
    ['1.0', 'Sanne de Vries', ['created']],
  ]);
  expect(trace.mismatches).toEqual([]);
  expect(trace.unchecked).toEqual([]);
});

it('names a decision whose stated author is not who saved it, with the version that gave it its content', () => {
  // Fatima writes the JSON column over REST with Johan's name on the AP decision
  const trace = reportTrace(
    history(
      { editor: SANNE, status: 'gemeld aan wederpartij', form: facts },
      { editor: FATIMA, status: 'beoordeeld', form: { ...facts, apDecision: ap('Johan Smit') } },
    ),
  );
  expect(trace.mismatches).toEqual([{ decision: 'apDecision', declared: 'Johan Smit', label: '2.0', savedBy: FATIMA }]);
});

it('an author renamed later without a change of content is named too; a moment changed by another officer is not', () => {
  const renamed = reportTrace(
    history(
      { editor: JOHAN, status: 'beoordeeld', form: { ...facts, apDecision: ap('Johan Smit') } },
      { editor: FATIMA, status: 'beoordeeld', form: { ...facts, apDecision: ap('Fatima El Amrani') } },
    ),
  );
  expect(renamed.mismatches).toEqual([{ decision: 'apDecision', declared: 'Fatima El Amrani', label: '1.0', savedBy: JOHAN }]);
  // the register screen keeps the author of a decision whose choice and reason did not change
  const moment = reportTrace(
    history(
      { editor: JOHAN, status: 'beoordeeld', form: { ...facts, apDecision: ap('Johan Smit') } },
      {
        editor: FATIMA,
        status: 'beoordeeld',
        form: { ...facts, apDecision: ap('Johan Smit', { notifiedAt: '2026-12-02T08:00:00.000Z' }) },
      },
    ),
  );
  expect(moment.mismatches).toEqual([]);
  expect(moment.lines[0].changes).toEqual(['apDecision']);
});

it('a decision in the report as the reporter added it is named: reporters do not decide', () => {
  const trace = reportTrace(
    history({ editor: SANNE, status: 'gemeld aan wederpartij', form: { ...facts, dataSubjectsDecision: { inform: false, reason: 'Geen risico', decidedBy: 'Johan Smit' } } }),
  );
  expect(trace.mismatches).toEqual([{ decision: 'dataSubjectsDecision', declared: 'Johan Smit', label: '1.0', savedBy: SANNE }]);
});

it('a version without an editor, a trimmed history and an unreadable form are shown as such, never as matching', () => {
  const trace = reportTrace([
    { label: '7.0', modified: '2026-12-03T09:00:00Z', status: 'afgesloten', form: { ...facts, apDecision: ap('Johan Smit') } },
    { label: '6.0', modified: '2026-12-02T09:00:00Z', editor: JOHAN, status: 'beoordeeld' },
    { label: '5.0', modified: '2026-12-01T09:00:00Z', editor: SANNE, status: 'gemeld aan wederpartij', form: facts },
  ]);
  expect(trace.lines.map((l) => [l.label, l.changes, l.unreadable])).toEqual([
    ['7.0', ['status', 'apDecision', 'facts'], false],
    ['6.0', ['status', 'facts'], true],
    ['5.0', ['earliest'], false],
  ]);
  // 7.0 follows an unreadable version: the decision may be older, so who gave it is not known, and not claimed
  expect(trace.mismatches).toEqual([]);
  expect(trace.unchecked).toEqual(['apDecision']);
  // a version without an editor after readable ones: named, with nobody as the one who saved it
  const nobody = reportTrace(
    history(
      { editor: SANNE, status: 'gemeld aan wederpartij', form: facts },
      { status: 'beoordeeld', form: { ...facts, apDecision: ap('Johan Smit') } },
    ),
  );
  expect(nobody.mismatches).toEqual([{ decision: 'apDecision', declared: 'Johan Smit', label: '2.0' }]);
});

it('a history that starts later (a version limit) does not accuse whoever saved its first kept version', () => {
  // versions 1–4 were removed; 5.0 is a delivery write by the reporter that carries Johan's earlier decision
  const trace = reportTrace([
    { label: '6.0', modified: '2026-12-02T09:00:00Z', editor: JOHAN, status: 'afgesloten', form: { ...facts, apDecision: ap('Johan Smit') } },
    { label: '5.0', modified: '2026-12-01T09:00:00Z', editor: SANNE, status: 'beoordeeld', form: { ...facts, apDecision: ap('Johan Smit') } },
  ]);
  expect(trace.mismatches).toEqual([]);
  expect(trace.unchecked).toEqual(['apDecision']);
  expect(trace.lines.map((l) => l.changes)).toEqual([['status'], ['earliest']]);
});

it('a decision removed again leaves nothing to check; names match whatever their case and spaces', () => {
  expect(
    reportTrace(
      history(
        { editor: FATIMA, status: 'beoordeeld', form: { ...facts, apDecision: ap('Johan Smit') } },
        { editor: JOHAN, status: 'beoordeeld', form: facts },
      ),
    ).mismatches,
  ).toEqual([]);
  expect(
    reportTrace(history({ editor: JOHAN, status: 'beoordeeld', form: { ...facts, apDecision: ap(' johan smit ') } })).mismatches,
  ).toEqual([]);
});
