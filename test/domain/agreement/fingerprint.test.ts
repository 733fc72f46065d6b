/** A configuration's per-path fingerprint: what changed between two versions (art. 13.3). */
import { changedPaths, fingerprint, summarisePaths } from '../../../src/domain/agreement';
import { loadConfigFixture } from '../../helpers/config';

it('finds exactly the changed fields, addressing keyed array entries by key', () => {
  const before = loadConfigFixture();
  const after = JSON.parse(JSON.stringify(before));
  after.parties[1].breachAddress = 'mij@kwaadwillend.example';
  after.groups.push({ key: 'extra', name: 'Extra', kind: 'members', party: 'igj' });
  after._comment = 'comments change no rule';
  const paths = changedPaths(fingerprint(before), fingerprint(after));
  expect(paths).toEqual(['groups[extra].key', 'groups[extra].kind', 'groups[extra].name', 'groups[extra].party', 'parties[cibg].breachAddress']);
  expect(summarisePaths(paths)).toEqual(['groups[extra].key', 'groups[extra].kind', 'groups[extra].name', 'groups[extra].party', 'parties[cibg].breachAddress']);
  expect(summarisePaths(['parties[igj].contacts[1].phone', 'parties[igj].contacts[2].email'])).toEqual(['parties[igj].contacts[1]', 'parties[igj].contacts[2]']);
  expect(changedPaths(fingerprint(before), fingerprint(before))).toEqual([]);
});
