/** Which party a file belongs to: recorded party, then the party folder that holds it, then the author's domain. */
import { owningParty, partyOfEmail, partyOfFolder } from '../../src/review/owner';
import { loadConfigFixture } from '../helpers/config';

const config = loadConfigFixture();

it('knows the party of an author by e-mail domain', () => {
  expect(partyOfEmail(config, 'bram.jansen@cibg.example')).toBe('cibg');
  expect(partyOfEmail(config, 'iemand@extern.example')).toBeNull();
  expect(partyOfEmail(config, undefined)).toBeNull();
});

it('knows the owning party of a file by the party folder that holds it (only that party adds files there)', () => {
  expect(partyOfFolder(config, '/sites/s/Uitwisseling/Gedeeld-cibg/a.txt')).toBe('cibg');
  expect(partyOfFolder(config, '/sites/s/Uitwisseling/Review-igj/a.txt')).toBe('igj');
  expect(partyOfFolder(config, '/sites/s/Uitwisseling/Vertrouwelijk-igj/a.txt')).toBe('igj');
  expect(partyOfFolder(config, '/sites/s/Uitwisseling/a.txt')).toBeNull();
  expect(partyOfFolder(config, '/sites/s/Uitwisseling/Gedeeld-om/a.txt')).toBeNull();
  // The folder wins over the author's e-mail domain (an IGJ address uploading in CIBG's folder is CIBG's file).
  const inCibg = { party: undefined, author: { id: 1, displayName: 'x', email: 'x@igj.nl' } };
  expect(owningParty(config, { ...inCibg, serverRelativeUrl: '/sites/s/Uitwisseling/Gedeeld-cibg/a.txt' })).toBe('cibg');
  expect(owningParty(config, { ...inCibg, party: 'igj', serverRelativeUrl: '/sites/s/Uitwisseling/Gedeeld-cibg/a.txt' })).toBe('igj');
});
