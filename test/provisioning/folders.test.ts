import { exchangeFolderList, folderForDocument, isShareable, stagingFolderForDocument } from '../../src/provisioning/folders';
import { exchangeFolders } from '../../src/provisioning/permissions';
import { loadConfigFixture } from '../helpers/config';
import { threePartyConfig } from '../security/permissionsConfigs';

const config = loadConfigFixture();
const three = threePartyConfig();

describe('folderForDocument (art. 9.2, 10.1)', () => {
  it('puts an allowed, unrestricted document in the shared folder of the sharing party', () => {
    expect(folderForDocument(config, { toetsstatus: 'Toegestaan', party: 'igj', classification: 'intern' })).toBe(
      'Gedeeld-igj',
    );
    expect(folderForDocument(config, { toetsstatus: 'Toegestaan', party: 'cibg', classification: 'intern' })).toBe(
      'Gedeeld-cibg',
    );
  });

  it('keeps review, rejected and incomplete documents in the review folder of the sharing party', () => {
    for (const toetsstatus of ['In review', 'Afgewezen', 'Onvolledig'] as const) {
      expect(folderForDocument(config, { toetsstatus, party: 'igj', classification: 'intern' })).toBe('Review-igj');
    }
  });

  it('puts a restricted level in the restricted folder of the sharing party', () => {
    const facts = { toetsstatus: 'Toegestaan' as const, party: 'cibg', classification: 'departementaal-vertrouwelijk' };
    expect(folderForDocument(config, facts)).toBe('Vertrouwelijk-cibg');
  });

  it('lets review win over restricted until the privacy officer approved', () => {
    const facts = { toetsstatus: 'In review' as const, party: 'cibg', classification: 'departementaal-vertrouwelijk' };
    expect(folderForDocument(config, facts)).toBe('Review-cibg');
  });

  it('refuses a party the agreement does not know, naming the field and the article', () => {
    expect(() => folderForDocument(config, { toetsstatus: 'Toegestaan', party: 'om', classification: 'intern' })).toThrow(
      /Partij: 'om'.*art\. 9\.5/,
    );
    expect(() => folderForDocument(config, { toetsstatus: 'Toegestaan', classification: 'intern' })).toThrow(/Partij/);
  });

  it('publishes only what the check allowed', () => {
    expect(isShareable('Toegestaan')).toBe(true);
    for (const s of ['Te classificeren', 'In review', 'Afgewezen', 'Onvolledig'] as const) expect(isShareable(s)).toBe(false);
  });
});

describe('exchangeFolderList: the permission folders without their grants', () => {
  it('lists per party its shared, review and restricted folder, each read by every other party but review', () => {
    expect(exchangeFolderList(config)).toEqual([
      { name: 'Gedeeld-igj', party: 'igj', kind: 'shared', recipients: ['cibg'] },
      { name: 'Review-igj', party: 'igj', kind: 'review', recipients: [] },
      { name: 'Vertrouwelijk-igj', party: 'igj', kind: 'restricted', recipients: ['cibg'] },
      { name: 'Gedeeld-cibg', party: 'cibg', kind: 'shared', recipients: ['igj'] },
      { name: 'Review-cibg', party: 'cibg', kind: 'review', recipients: [] },
      { name: 'Vertrouwelijk-cibg', party: 'cibg', kind: 'restricted', recipients: ['igj'] },
    ]);
  });

  it('adds a folder per recipient set with three parties, naming its chosen recipients (art. 8, 9.5)', () => {
    const igj = exchangeFolderList(three).filter((f) => f.party === 'igj');
    expect(igj.map((f) => f.name)).toEqual([
      'Gedeeld-igj',
      'Review-igj',
      'Vertrouwelijk-igj',
      'Gedeeld-igj voor cibg',
      'Vertrouwelijk-igj voor cibg',
    ]);
    expect(igj.find((f) => f.name === 'Gedeeld-igj')).toEqual(
      expect.not.objectContaining({ chosenRecipients: expect.anything() }),
    );
    expect(igj.find((f) => f.name === 'Gedeeld-igj voor cibg')).toMatchObject({ recipients: ['cibg'], chosenRecipients: ['cibg'] });
    expect(stagingFolderForDocument(three, { toetsstatus: 'Toegestaan', party: 'igj', classification: 'intern', recipients: ['cibg'] })).toBe(
      'Gedeeld-igj voor cibg',
    );
  });

  it('is the folder part of the grants provisioning sets: the same folders, in the same order', () => {
    for (const c of [config, three]) {
      expect(exchangeFolders(c).map(({ grants: _grants, reason: _reason, ...folder }) => folder)).toEqual(exchangeFolderList(c));
    }
  });
});
