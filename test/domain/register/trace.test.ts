/**
 * A register record's trace from SharePoint's version history: each version with its Editor and what it changed, and
 * what was done around the register's steps: a status set without a step, a step naming someone else than who saved
 * it, earlier steps rewritten. Versions after a gap are not judged, and say so.
 */
import { recordTrace, type RecordVersion, type StatusStep } from '../../../src/domain/register';

const PIETER = { id: 3, displayName: 'Pieter Bakker' };
const LOTTE = { id: 4, displayName: 'Lotte Visser' };
const signed: StatusStep = { status: 'ondertekend', at: '2025-06-04', by: 'Pieter Bakker', note: 'Ondertekend te Utrecht' };
const published: StatusStep = { status: 'gepubliceerd', at: '2025-06-27', by: 'Pieter Bakker' };

/** Versions oldest first as written here, handed over newest first as SharePoint lists them. */
function history(...versions: Array<Omit<RecordVersion, 'label' | 'modified'>>): RecordVersion[] {
  return versions.map((v, i) => ({ label: `${i + 1}.0`, modified: `2025-06-0${i + 1}T09:00:00Z`, ...v })).reverse();
}

it('steps taken in the product leave nothing to name; each version says what it changed', () => {
  const trace = recordTrace(
    history(
      { editor: PIETER, status: 'ondertekend', history: [signed] },
      { editor: PIETER, status: 'ondertekend', history: [signed] },
      { editor: PIETER, status: 'gepubliceerd', history: [signed, published] },
    ),
  );
  expect(trace.findings).toEqual([]);
  expect(trace.lines.map((l) => [l.label, l.changes])).toEqual([
    ['3.0', ['status', 'step']],
    ['2.0', []],
    ['1.0', ['created']],
  ]);
});

it('a status set over REST without a step is named with who saved it (around art. 14.1)', () => {
  const trace = recordTrace(
    history({ editor: PIETER, status: 'ondertekend', history: [signed] }, { editor: LOTTE, status: 'in werking', history: [signed] }),
  );
  expect(trace.findings).toEqual([{ kind: 'status-without-step', label: '2.0', status: 'in werking', savedBy: LOTTE }]);
});

it('a step naming someone else, and earlier steps rewritten, are named', () => {
  const trace = recordTrace(
    history(
      { editor: PIETER, status: 'ondertekend', history: [signed] },
      { editor: LOTTE, status: 'gepubliceerd', history: [signed, published] },
      { editor: LOTTE, status: 'gepubliceerd', history: [{ ...signed, at: '2025-05-01' }, published] },
    ),
  );
  expect(trace.findings).toEqual([
    { kind: 'step-by-other', label: '2.0', status: 'gepubliceerd', declared: 'Pieter Bakker', savedBy: LOTTE },
    { kind: 'history-rewritten', label: '3.0', savedBy: LOTTE },
  ]);
});

it('a record created with a status and no step for it is named; steps without a name (seeded) are not', () => {
  expect(recordTrace(history({ editor: PIETER, status: 'in werking', history: [signed] })).findings).toEqual([
    { kind: 'status-without-step', label: '1.0', status: 'in werking', savedBy: PIETER },
  ]);
  expect(recordTrace(history({ editor: PIETER, status: 'concept', history: [{ status: 'concept', at: '2025-11-01' }] })).findings).toEqual([]);
});

it('the first kept version of a trimmed history and the version after an unreadable one are not judged, and say so', () => {
  const trace = recordTrace([
    { label: '9.0', modified: '2025-06-09T09:00:00Z', editor: LOTTE, status: 'in werking', history: [signed] },
    { label: '8.0', modified: '2025-06-08T09:00:00Z', editor: PIETER, status: 'gepubliceerd' },
    { label: '7.0', modified: '2025-06-07T09:00:00Z', editor: LOTTE, status: 'gepubliceerd', history: [signed, published] },
  ]);
  expect(trace.findings).toEqual([
    { kind: 'unchecked', label: '7.0', savedBy: LOTTE },
    // the register always writes a readable list of steps: an unreadable one was written around it
    { kind: 'history-unreadable', label: '8.0', savedBy: PIETER },
    { kind: 'unchecked', label: '9.0', savedBy: LOTTE },
  ]);
  expect(trace.lines.map((l) => [l.label, l.changes, l.unreadable])).toEqual([
    ['9.0', ['status'], false],
    ['8.0', [], true],
    ['7.0', ['earliest'], false],
  ]);
});

it('a status the register does not step to, and steps without a change of status, are named', () => {
  // concept → in werking is no step of the register (art. 14.1: signed and published first), whoever names the step
  const skipped = recordTrace(
    history(
      { editor: PIETER, status: 'concept', history: [{ status: 'concept', at: '2026-01-10', by: 'Pieter Bakker' }] },
      {
        editor: PIETER,
        status: 'in werking',
        history: [
          { status: 'concept', at: '2026-01-10', by: 'Pieter Bakker' },
          { status: 'in werking', at: '2026-01-11', by: 'Pieter Bakker' },
        ],
      },
    ),
  );
  expect(skipped.findings).toEqual([{ kind: 'status-skipped', label: '2.0', status: 'in werking', from: 'concept', savedBy: PIETER }]);
  // a step added while the status stays, and two steps for one change
  const extra = recordTrace(
    history(
      { editor: PIETER, status: 'ondertekend', history: [signed] },
      { editor: PIETER, status: 'ondertekend', history: [signed, published] },
      { editor: PIETER, status: 'in werking', history: [signed, published, { status: 'gepubliceerd', at: '2025-07-01', by: 'Pieter Bakker' }, { status: 'in werking', at: '2025-07-01', by: 'Pieter Bakker' }] },
    ),
  );
  expect(extra.findings).toEqual([
    { kind: 'extra-step', label: '2.0', status: 'gepubliceerd', savedBy: PIETER },
    { kind: 'extra-step', label: '3.0', status: 'gepubliceerd', savedBy: PIETER },
  ]);
});

it('a record created with the steps that led to its status (seeded or brought in) is not named', () => {
  const path: StatusStep[] = [signed, published, { status: 'in werking', at: '2025-06-28' }];
  expect(recordTrace(history({ editor: PIETER, status: 'in werking', history: path })).findings).toEqual([]);
  // but its last step must be its status
  expect(recordTrace(history({ editor: PIETER, status: 'in werking', history: [signed, published] })).findings).toEqual([
    { kind: 'status-without-step', label: '1.0', status: 'in werking', savedBy: PIETER },
  ]);
});

it('a step that holds its user id is judged by it: a renamed person stays themselves, a namesake does not pass', () => {
  const renamed = { id: 3, displayName: 'Pieter Bakker-de Wit' };
  const step = (by: string, byId: number): StatusStep => ({ status: 'in overleg', at: '2026-01-20', by, byId });
  const concept: StatusStep = { status: 'concept', at: '2026-01-10', by: 'Pieter Bakker', byId: 3 };
  const versions = (taken: StatusStep, editor: typeof PIETER): RecordVersion[] =>
    history(
      { editor: PIETER, status: 'concept', history: [concept] },
      { editor, status: 'in overleg', history: [concept, taken] },
    );
  // saved by Pieter (id 3) under his new name: his own step
  expect(recordTrace(versions(step('Pieter Bakker', 3), renamed)).findings).toEqual([]);
  // another Pieter Bakker (id 9) saved a step that names id 3
  const namesake = { id: 9, displayName: 'Pieter Bakker' };
  expect(recordTrace(versions(step('Pieter Bakker', 3), namesake)).findings).toEqual([
    { kind: 'step-by-other', label: '2.0', status: 'in overleg', declared: 'Pieter Bakker', savedBy: namesake },
  ]);
});
