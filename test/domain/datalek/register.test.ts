/** toRegisterRow / fromRegisterRow: the register keeps the whole report and reads it back validated (AVG art. 33(5)). */
import { fromRegisterRow, toRegisterRow } from '../../../src/domain/datalek';
import { fixtureConfig } from '../../fixtures/cards/agreement';
import { HOSTILE, NOW, validReport } from '../../fixtures/cards/report';

const config = fixtureConfig();

describe('datalek register rows', () => {
  it('has filterable columns and a title without free text', () => {
    const row = toRegisterRow(validReport({ description: HOSTILE[0] }), config);
    expect(row).toMatchObject({
      title: 'Datalek IGJ → CIBG 2026-11-23',
      reportedAt: '2026-11-23T12:30:00.000Z',
      discoveredAt: '2026-11-23T08:15:00.000Z',
      reportingParty: 'igj',
      controller: 'cibg',
      status: 'gemeld aan wederpartij',
    });
  });

  it('round-trips through JSON (as stored in a list column) without losing a field', () => {
    const report = validReport({ description: HOSTILE[1], procedure: { formMailedAt: '2026-11-23T12:31:00.000Z' } });
    const stored = JSON.parse(JSON.stringify(toRegisterRow(report, config)));
    const back = fromRegisterRow({ ...stored, id: 7 }, NOW, config);
    expect(back.ok && back.value).toEqual({ ...report, id: '7' });
  });

  it('takes the status from the list column and refuses one the report cannot support', () => {
    const stored = toRegisterRow(validReport(), config);
    const back = fromRegisterRow({ ...stored, status: 'gemeld aan AP' }, NOW, config);
    expect(back.ok).toBe(false);
    if (!back.ok) expect(back.errors.map((e) => e.code)).toEqual(['form_not_mailed', 'ap_decision_missing']);
  });

  it('reports a damaged item instead of using it', () => {
    const back = fromRegisterRow({ status: 'beoordeeld', form: { description: 'alleen dit' } }, NOW, config);
    expect(back.ok).toBe(false);
  });
});
