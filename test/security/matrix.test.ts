/** The permission matrix as the agreement states it: generated from the configuration, and docs/permissions.md current. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { buildMatrix, identities } from '../../src/security/matrix';
import { expectation } from '../../src/security/policy';
import { permissionsMarkdown } from '../../src/security/permissionsDoc';
import { permissionsConfigs } from './permissionsConfigs';

const configs = permissionsConfigs();
const igjCibg = configs[0].config;

/** The expected outcome for an identity key. */
function rule(key: string, ...args: [Parameters<typeof expectation>[2], Parameters<typeof expectation>[3]]): boolean {
  const id = identities(igjCibg).find((i) => i.key === key);
  if (!id) throw new Error(key);
  return expectation(igjCibg, id.roles, ...args).allowed;
}

it('docs/permissions.md is what the code generates (npm run docs:permissions)', () => {
  const committed = readFileSync(join(__dirname, '..', '..', 'docs', 'permissions.md'), 'utf8');
  expect(committed).toBe(permissionsMarkdown(configs));
});

it.each(configs.map((c) => [c.name, c.config] as const))('%s: every identity kind, container and action has a row', (_n, config) => {
  const rows = buildMatrix(config);
  const ids = identities(config).map((i) => i.key);
  for (const p of config.parties) expect(ids).toEqual(expect.arrayContaining([`staff-${p.key}`, `privacy-${p.key}`]));
  expect(ids).toEqual(expect.arrayContaining(['outsider', 'owner']));
  expect(new Set(rows.map((r) => r.identity.key)).size).toBe(ids.length);
  expect(rows.length).toBeGreaterThan(1000);
});

describe('the seven attacks of the trust-boundary issue are refused by the rules', () => {
  it('art. 9.2: staff cannot approve, publish, move or copy their own escalated file', () => {
    for (const action of ['merge', 'validateUpdate', 'publish', 'move', 'copy', 'read', 'putContent'] as const)
      expect(rule('staff-igj', action, { kind: 'review', party: 'igj' })).toBe(false);
    expect(rule('staff-igj', 'add', { kind: 'review', party: 'igj' })).toBe(true);
    expect(rule('privacy-igj', 'move', { kind: 'review', party: 'igj' })).toBe(true);
    expect(rule('privacy-cibg', 'move', { kind: 'review', party: 'igj' })).toBe(false);
  });
  it('AVG art. 33(5): nobody but owners deletes a breach report; only privacy officers change one', () => {
    for (const key of ['staff-igj', 'privacy-igj', 'accounthouder-cibg'])
      for (const action of ['delete', 'recycle'] as const) expect(rule(key, action, { kind: 'breaches', own: true })).toBe(false);
    expect(rule('staff-igj', 'merge', { kind: 'breaches', own: true })).toBe(false);
    expect(rule('privacy-cibg', 'merge', { kind: 'breaches', own: false })).toBe(true);
    expect(rule('staff-igj', 'merge', { kind: 'breachLog', own: true, party: 'igj' })).toBe(false);
  });
  it('AVG art. 5(2): nobody but owners changes or deletes a Toetslog record, not even their own', () => {
    for (const key of ['staff-igj', 'privacy-igj'])
      for (const action of ['merge', 'validateUpdate', 'delete', 'recycle'] as const)
        expect(rule(key, action, { kind: 'toetslog', own: true })).toBe(false);
  });
  it('art. 5, 13: only accounthouders keep the agreements register', () => {
    for (const action of ['add', 'merge', 'delete'] as const) {
      expect(rule('staff-cibg', action, { kind: 'agreements' })).toBe(false);
      expect(rule('privacy-igj', action, { kind: 'agreements' })).toBe(false);
      expect(rule('accounthouder-igj', action, { kind: 'agreements' })).toBe(true);
    }
  });
  it('the configuration: only owners write it; everyone reads it', () => {
    for (const key of ['staff-igj', 'privacy-cibg', 'accounthouder-igj', 'outsider'])
      expect(rule(key, 'putContent', { kind: 'config' })).toBe(false);
    expect(rule('owner', 'putContent', { kind: 'config' })).toBe(true);
    expect(rule('outsider', 'read', { kind: 'config' })).toBe(true);
  });
});
