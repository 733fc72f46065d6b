/**
 * People by function title (art. 7.1) through GraphDirectory and the emulator's Graph `/users?$filter=jobTitle eq`:
 * the seeded demo identities are found by the titles the configuration requires; a title nobody holds finds nobody.
 */
import { GraphDirectory } from '../../src/adapters/graph';
import { directoryUsers, loadDemoUsers } from '../../workbench/emulator/identity';
import { usersOfAgreement } from '../../workbench/seed/users';
import type { EmulatorContext } from '../../workbench/emulator/types';
import { inProcessClient } from '../adapters/graph/inProcessClient';
import { loadConfigFixture } from '../helpers/config';
import { call, memoryContext, sanne } from '../workbench/emulator/graph/harness';

const config = loadConfigFixture('igj-cibg');

function tenant(): EmulatorContext {
  const users = directoryUsers([
    // The people of the IGJ–CIBG demo, as the workbench seeded with it has them (not the NZa people of another one).
    ...usersOfAgreement(loadDemoUsers(), config),
    { key: 'quote', displayName: "Anne-Marie 't Hart", email: 'am.thart@cibg.example', jobTitle: "Hoofd 't Loket", party: 'cibg' },
  ]);
  return { ...memoryContext(), directory: users };
}

describe('GraphDirectory.findByJobTitles', () => {
  it('finds the holders of the bestuurlijk overleg roles (art. 7.1) with their party; the COO nobody holds is absent', async () => {
    const dir = new GraphDirectory(inProcessClient(tenant(), sanne), config.parties);
    const bestuurlijk = config.meetings.find((m) => m.kind === 'bestuurlijk')!;
    const people = await dir.findByJobTitles(bestuurlijk.requiredAttendees.map((a) => a.functionTitle));
    expect(people.map((p) => [p.displayName, p.email, p.party]).sort()).toEqual([
      ['Eva Mulder', 'eva.mulder@igj.example', 'igj'],
      ['Henk de Groot', 'henk.degroot@igj.example', 'igj'],
      ['Marko Stupar', 'marko.stupar@cibg.example', 'cibg'],
    ]);
    expect(people.every((p) => /^[0-9a-f-]{36}$/.test(p.id))).toBe(true);
  });

  it('compares case-insensitively, quotes a title with an apostrophe, and lists each person once', async () => {
    const dir = new GraphDirectory(inProcessClient(tenant(), sanne), config.parties);
    const people = await dir.findByJobTitles(['privacy officer', 'Privacy officer', "hoofd 't loket"]);
    expect(people.map((p) => p.email).sort()).toEqual([
      'am.thart@cibg.example',
      'fatima.elamrani@igj.example',
      'johan.smit@cibg.example',
    ]);
  });

  it('the emulator refuses filters it does not model instead of answering everyone', async () => {
    const res = await call(tenant(), 'GET', "/v1.0/users?$filter=startswith(displayName,'H')");
    expect(res?.status).toBe(400);
  });

  it('surfaces a refused directory query as an error naming the call', async () => {
    const dir = new GraphDirectory(inProcessClient(memoryContext(), sanne), config.parties);
    await expect(dir.findByJobTitles(['Algemeen Directeur'])).rejects.toThrow(/users/);
  });
});
