/** Lookups on a loaded agreement: party by e-mail, function titles, autorisatielijst, effective date (art. 14.1). */
import { partyKeyForExactDomain } from '../../../src/domain/agreement/queries';
import {
  activitiesForSharing,
  effectiveDate,
  groupsForFunctionTitle,
  isAuthorised,
  otherParties,
  partyForEmail,
  privacyOfficerGroup,
  sameFunctionTitle,
  type AgreementConfig,
} from '../../../src/domain/agreement';
import { shippedConfig } from './shippedConfigs';

const config = shippedConfig('igj-cibg.json');

describe('agreement lookups', () => {
  it('maps a signed-in e-mail to its party by domain; outsiders map to none', () => {
    expect(partyForEmail(config, 'sanne.devries@igj.example')?.key).toBe('igj');
    expect(partyForEmail(config, 'Bram.Jansen@CIBG.example')?.key).toBe('cibg');
    expect(partyForEmail(config, 'iemand@team.igj.nl')?.key).toBe('igj');
    expect(partyForEmail(config, 'olaf.buiten@extern.example')).toBeUndefined();
    expect(partyForEmail(config, 'x@notigj.nl')).toBeUndefined();
    expect(partyForEmail(config, 'geen-adres')).toBeUndefined();
  });

  it('for rights, a party is only its exact domains: no sub-domain, no outsider, no address without a domain', () => {
    expect(partyKeyForExactDomain('Sanne.deVries@IGJ.example ', config.parties)).toBe('igj');
    expect(partyKeyForExactDomain('iemand@team.igj.nl', config.parties)).toBeNull();
    expect(partyKeyForExactDomain('olaf.buiten@extern.example', config.parties)).toBeNull();
    expect(partyKeyForExactDomain('geen-adres', config.parties)).toBeNull();
    expect(partyKeyForExactDomain(undefined, config.parties)).toBeNull();
  });

  it('art. 7.1: function titles match regardless of case, spacing and abbreviations in brackets', () => {
    expect(
      sameFunctionTitle(
        'Hoofdinspecteur Farmaceutische Producten (FP) en Medische Technologie (MT)',
        'hoofdinspecteur  farmaceutische producten en medische technologie',
      ),
    ).toBe(true);
    expect(sameFunctionTitle('Algemeen Directeur', 'Directeur Operationele Zaken/COO')).toBe(false);
  });

  it('art. 1e, 10.1: the autorisatielijst gives groups by function title; the outsider gets none', () => {
    expect(groupsForFunctionTitle(config, 'igj', 'Privacy officer').map((g) => g.name)).toEqual([
      'IGJ Medewerkers',
      'IGJ Privacy officers',
      'IGJ Autorisatielijst Vertrouwelijk',
    ]);
    expect(groupsForFunctionTitle(config, 'cibg', 'Privacy officer').map((g) => g.name)).toContain(
      'CIBG Privacy officers',
    );
    expect(isAuthorised(config, 'igj', 'Externe adviseur')).toBe(false);
    expect(isAuthorised(config, 'cibg', 'Inspecteur')).toBe(false);
  });

  it("art. 9.2: finds a party's privacy officers' group", () => {
    expect(privacyOfficerGroup(config, 'cibg')?.name).toBe('CIBG Privacy officers');
    expect(privacyOfficerGroup(config, 'om')).toBeUndefined();
  });

  it('lists the other party and the purposes it may receive', () => {
    expect(otherParties(config, 'igj').map((p) => p.key)).toEqual(['cibg']);
    expect(activitiesForSharing(config, 'igj', 'cibg').map((a) => a.key)).toEqual([
      'tuchtmaatregelen',
      'signalen-big-register',
      'identiteitsverificatie',
    ]);
  });

  it('art. 14.1: in force the day after publication in the Staatscourant', () => {
    const published: AgreementConfig = {
      ...config,
      agreement: { ...config.agreement, staatscourant: { publishedOn: '2025-06-30' } },
    };
    expect(effectiveDate(config)).toBeUndefined();
    expect(effectiveDate(published)).toBe('2025-07-01');
    expect(effectiveDate({ ...config, agreement: { ...config.agreement, effectiveRule: 'onSigning' } })).toBe(
      '2025-06-04',
    );
  });
});
