/** loadPlan and reminderStageKey with an in-memory Overleggen list: stages across a year end, moves, planned rows. */
import { loadPlan, reminderStageKey } from '../../src/overleg';
import type { MeetingEntry, MeetingStore } from '../../src/ports';
import { loadConfigFixture } from '../helpers/config';

const config = loadConfigFixture();

function store(entries: MeetingEntry[]): MeetingStore {
  return {
    list: async (series) => entries.filter((e) => !series || e.series === series),
    get: async (id) => {
      const found = entries.find((e) => e.id === id);
      if (!found) throw new Error(`no meeting ${id}`);
      return found;
    },
    create: async () => {
      throw new Error('not used');
    },
    update: async () => {
      throw new Error('not used');
    },
  };
}

const held = (series: string, date: string): MeetingEntry => ({ series, title: series, date, status: 'gehouden', details: {} });

describe('reminderStageKey', () => {
  it('one key per stage: earliest lead, last lead, overdue; across the year end (due 15 January)', async () => {
    const deps = { config, meetings: store([held('dva-vernieuwing', '2026-01-15T11:00:00Z')]) };
    const key = async (today: string): Promise<string | null> => {
      const row = (await loadPlan(deps, today)).rows.find((r) => r.item.meetingKey === 'dva-vernieuwing')!;
      return reminderStageKey(row.item, today);
    };
    expect(await key('2026-11-15')).toBeNull();
    expect(await key('2026-11-16')).toBe('dva-vernieuwing@2027-01-15#60d');
    expect(await key('2026-12-24')).toBe('dva-vernieuwing@2027-01-15#60d');
    expect(await key('2026-12-25')).toBe('dva-vernieuwing@2027-01-15#21d');
    expect(await key('2027-01-15')).toBe('dva-vernieuwing@2027-01-15#21d');
    expect(await key('2027-01-16')).toBe('dva-vernieuwing@2027-01-15#te-laat');
  });
});

describe('loadPlan', () => {
  it('an evaluation planned earlier with a reason moves the due date (art. 13.2); without a reason it does not', async () => {
    const planned = (reason?: string): MeetingEntry => ({
      series: 'evaluatie',
      title: 'Evaluatie',
      date: '2026-12-01T09:00:00Z',
      status: 'gepland',
      details: reason === undefined ? {} : { moveReason: reason },
    });
    const base = [held('evaluatie', '2026-01-10T11:00:00Z')];
    const moved = await loadPlan({ config, meetings: store([...base, planned('Signalen over de werkbaarheid')]) }, '2026-11-23');
    expect(moved.rows.find((r) => r.item.kind === 'evaluatie')!.item).toMatchObject({
      basis: 'moved',
      nextDue: '2026-12-01',
      movedReason: 'Signalen over de werkbaarheid',
    });
    const regular = await loadPlan({ config, meetings: store([...base, planned()]) }, '2026-11-23');
    const row = regular.rows.find((r) => r.item.kind === 'evaluatie')!;
    expect(row.item).toMatchObject({ basis: 'last-held', nextDue: '2027-01-10' });
    expect(row.planned?.date).toBe('2026-12-01T09:00:00Z');
  });

  it('a planned meeting in the past is not "planned"; cancelled ones never count', async () => {
    const entries: MeetingEntry[] = [
      { series: 'ambtelijk-overleg', title: 'a', date: '2026-11-01T09:00:00Z', status: 'gepland', details: {} },
      { series: 'ambtelijk-overleg', title: 'b', date: '2026-12-01T09:00:00Z', status: 'geannuleerd', details: {} },
    ];
    const plan = await loadPlan({ config, meetings: store(entries) }, '2026-11-23');
    expect(plan.rows.find((r) => r.item.kind === 'ambtelijk')!.planned).toBeNull();
  });
});
