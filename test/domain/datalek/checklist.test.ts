/** procedureChecklist: the reporter's remaining steps of bijlage 2 with the numbers to phone (bijlage 2a). */
import { procedureChecklist } from '../../../src/domain/datalek';
import { fixtureConfig } from '../../fixtures/cards/agreement';
import { validReport } from '../../fixtures/cards/report';

const config = fixtureConfig();

describe('procedureChecklist', () => {
  it('lists mail, phone (with the 1st and 2nd contact numbers) and written confirmation, none done yet', () => {
    const steps = procedureChecklist(validReport(), config, 'nl');
    expect(steps.map((s) => [s.key, s.done, s.article])).toEqual([
      ['formMailed', false, 'bijlage 2, stap 1; art. 9.6'],
      ['phoned', false, 'bijlage 2, stap 2'],
      ['callConfirmed', false, 'bijlage 2, Communicatie'],
    ]);
    expect(steps[1].phoneNumbers).toEqual([
      { party: 'CIBG', order: 1, name: 'Johan Smit', phone: '+31 70 340 7000' },
      { party: 'CIBG', order: 2, name: 'Lotte Visser', phone: '+31 70 340 7001' },
    ]);
  });

  it('marks the steps done with their time', () => {
    const steps = procedureChecklist(
      validReport({ procedure: { formMailedAt: '2026-11-23T12:31:00.000Z', phonedAt: '2026-11-23T12:40:00.000Z' } }),
      config,
      'en',
    );
    expect(steps.map((s) => [s.done, s.doneAt ?? null])).toEqual([
      [true, '2026-11-23T12:31:00.000Z'],
      [true, '2026-11-23T12:40:00.000Z'],
      [false, null],
    ]);
  });
});
