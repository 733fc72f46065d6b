/**
 * Recipient sets (art. 8, 9.5): derived from the configuration, so provisioning, the upload, the integrity check and
 * the permission matrix agree on which folders exist and who reads them.
 */
import {
  effectiveRecipients,
  hasRecipientFolder,
  isRecipientChoice,
  preselectedRecipients,
  purposeRecipients,
  recipientChoices,
  recipientNames,
  recipientSets,
} from '../../../src/domain/agreement/recipients';
import type { AgreementConfig } from '../../../src/domain/agreement/schema';
import { loadConfigFixture } from '../../helpers/config';
import { threePartyConfig } from '../../security/permissionsConfigs';

const two = loadConfigFixture();
const three = threePartyConfig();

/** The three-party configuration with one more party (for the cap on subsets). */
function withParties(config: AgreementConfig, extra: string[], activityRecipients: string[]): AgreementConfig {
  const base = config.parties[0];
  return {
    ...config,
    parties: [...config.parties, ...extra.map((key) => ({ ...base, key, shortName: key.toUpperCase(), name: key }))],
    processingActivities: config.processingActivities.map((a, i) => (i === 0 ? { ...a, recipients: activityRecipients } : a)),
  };
}

describe('recipient sets of a two-party agreement', () => {
  it('derive no folder besides Gedeeld-<party>: the one other party is the only choice, preselected', () => {
    expect(recipientSets(two, 'igj')).toEqual([]);
    expect(recipientSets(two, 'cibg')).toEqual([]);
    expect(recipientChoices(two, 'igj', 'identiteitsverificatie')).toEqual([['cibg']]);
    expect(preselectedRecipients(two, 'igj', 'identiteitsverificatie')).toEqual(['cibg']);
    expect(effectiveRecipients(two, 'igj', undefined)).toEqual(['cibg']);
  });
});

describe('recipient sets of the three-party agreement (IGJ, CIBG, NZa)', () => {
  it('a purpose with one recipient offers only that party, preselected', () => {
    // tuchtmaatregelen goes to CIBG only (the processing register, seed 003 bijlage 1).
    expect(purposeRecipients(three, 'igj', 'tuchtmaatregelen')).toEqual(['cibg']);
    expect(recipientChoices(three, 'igj', 'tuchtmaatregelen')).toEqual([['cibg']]);
    expect(preselectedRecipients(three, 'igj', 'tuchtmaatregelen')).toEqual(['cibg']);
  });

  it('a purpose with two recipients offers each alone and both; nothing is preselected', () => {
    expect(recipientChoices(three, 'nza', 'identiteitsverificatie')).toEqual([['igj'], ['cibg'], ['igj', 'cibg']]);
    expect(preselectedRecipients(three, 'nza', 'identiteitsverificatie')).toEqual([]);
  });

  it('the sender is never its own recipient, and a purpose with no other recipient offers nothing', () => {
    expect(purposeRecipients(three, 'cibg', 'tuchtmaatregelen')).toEqual([]);
    expect(recipientChoices(three, 'cibg', 'tuchtmaatregelen')).toEqual([]);
    expect(recipientChoices(three, 'igj', 'onbekend')).toEqual([]);
  });

  it('every set some purpose allows gets a folder, except every-other-party (that is Gedeeld-<party>)', () => {
    expect(recipientSets(three, 'igj')).toEqual([['cibg']]);
    expect(recipientSets(three, 'nza')).toEqual([['igj'], ['cibg']]);
    expect(hasRecipientFolder(three, 'igj', ['cibg'])).toBe(true);
    expect(hasRecipientFolder(three, 'igj', ['cibg', 'nza'])).toBe(true);
    // No purpose of IGJ goes to NZa alone: no folder would let only NZa read.
    expect(hasRecipientFolder(three, 'igj', ['nza'])).toBe(false);
  });

  it('without personal data the sender chooses every other party or any set that has a folder', () => {
    expect(recipientChoices(three, 'igj')).toEqual([['cibg', 'nza'], ['cibg']]);
    expect(isRecipientChoice(three, 'igj', ['nza', 'cibg'])).toBe(true);
    expect(isRecipientChoice(three, 'igj', ['nza'])).toBe(false);
  });

  it('names the parties in the configuration order, in both languages', () => {
    expect(recipientNames(three, ['nza', 'igj', 'cibg'])).toBe('IGJ, CIBG en NZa');
    expect(recipientNames(three, ['nza', 'cibg'], 'en')).toBe('CIBG and NZa');
    expect(recipientNames(three, ['nza'])).toBe('NZa');
  });
});

describe('many recipients', () => {
  it('above three recipients of one purpose only each single party and the whole set are folders (linear growth)', () => {
    const config = withParties(three, ['p4', 'p5'], ['cibg', 'nza', 'p4', 'p5']);
    const activity = config.processingActivities[0].key;
    const choices = recipientChoices(config, 'igj', activity);
    expect(choices).toEqual([['cibg'], ['nza'], ['p4'], ['p5'], ['cibg', 'nza', 'p4', 'p5']]);
    // Three recipients: every non-empty subset (7).
    const small = withParties(three, ['p4'], ['cibg', 'nza', 'p4']);
    expect(recipientChoices(small, 'igj', small.processingActivities[0].key)).toHaveLength(7);
  });
});
