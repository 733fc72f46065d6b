/** checkReminders when giving a claim back is refused (the claim goes back only with its own etag). */
import { checkReminders, loadPlan } from '../../src/overleg';
import { ConcurrencyError } from '../../src/ports/documents';
import type { MeetingStore } from '../../src/ports';
import { loadConfigFixture } from '../helpers/config';

const config = loadConfigFixture();
const meetings = { list: async () => [] } as unknown as MeetingStore;
const host = {
  siteUrl: 'https://contoso.example/sites/samenwerkingsruimte',
  reminderChannel: { teamId: 't', channelId: 'c' },
} as never;

describe('checkReminders giving a claim back', () => {
  it('reports a failed post and, when the claim could not be given back, why (it does not stop the check)', async () => {
    const plan = await loadPlan({ config, meetings }, '2026-11-23');
    const released: string[] = [];
    const deps = {
      config,
      host,
      channel: { postCard: () => Promise.reject(new Error('Teams said no')) },
      reminders: {
        claim: async () => true,
        release: async (key: string) => {
          released.push(key);
          if (released.length === 1)
            throw new ConcurrencyError(`Herinnering '${key}' is intussen door iemand anders gewijzigd; laad opnieuw.`);
        },
      },
    } as unknown as Parameters<typeof checkReminders>[0];
    const out = await checkReminders(deps, plan);
    const failed = out.filter((o) => o.result === 'failed');
    expect(failed.length).toBeGreaterThanOrEqual(2);
    expect(released).toEqual(failed.map((o) => o.key));
    expect(failed[0].error).toMatch(/^Teams said no \(claim niet teruggegeven: Herinnering '.*' is intussen door iemand anders gewijzigd/);
    expect(failed.slice(1).every((o) => o.error === 'Teams said no')).toBe(true);
  });
});
