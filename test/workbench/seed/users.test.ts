import { readFileSync } from 'fs';
import { join } from 'path';
import { usersOfAgreement } from '../../../workbench/seed/users';
import { loadConfigFixture } from '../../helpers/config';

const users = (
  JSON.parse(readFileSync(join(__dirname, '../../../workbench/seed/users.json'), 'utf8')) as {
    users: Array<{ key: string; party: string | null }>;
  }
).users;

describe('usersOfAgreement: the demo identities that belong with an agreement', () => {
  it('IGJ–CIBG: its parties’ people and the outsider, not NZa', () => {
    const keys = usersOfAgreement(users, loadConfigFixture('igj-cibg')).map((u) => u.key);
    expect(keys).toContain('igj-medewerker');
    expect(keys).toContain('cibg-privacy');
    expect(keys).toContain('buitenstaander');
    expect(keys.filter((k) => k.startsWith('nza-'))).toEqual([]);
  });

  it('IGJ–CIBG–NZa: the NZa people too', () => {
    const keys = usersOfAgreement(users, loadConfigFixture('igj-cibg-nza')).map((u) => u.key);
    expect(keys).toEqual(expect.arrayContaining(['igj-medewerker', 'cibg-medewerker', 'nza-medewerker', 'nza-privacy', 'buitenstaander']));
  });

  it('CJG Rijnmond: only the outsider (no demo people of its parties)', () => {
    expect(usersOfAgreement(users, loadConfigFixture('cjg-rijnmond')).map((u) => u.key)).toEqual(['buitenstaander']);
  });
});
