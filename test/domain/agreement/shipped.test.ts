/** Every shipped configuration loads with no code change, and the IGJ–CIBG one carries the agreement's facts. */
import { effectiveDate, formatConfigErrors, loadAgreement, sameFunctionTitle } from '../../../src/domain/agreement';
import { rawConfig, shippedConfig, shippedFiles } from './shippedConfigs';

describe('shipped agreement configurations', () => {
  it('ships igj-cibg, cjg-rijnmond and igj-om', () => {
    expect(shippedFiles()).toEqual(expect.arrayContaining(['igj-cibg.json', 'cjg-rijnmond.json', 'igj-om.json']));
  });

  it.each(shippedFiles())('%s loads without errors or warnings', (file) => {
    const result = loadAgreement(rawConfig(file));
    expect(result.ok ? formatConfigErrors(result.warnings, 'nl') : formatConfigErrors(result.errors, 'nl')).toEqual([]);
  });

  it.each(shippedFiles())('%s: one vertrouwelijk group per party, for its own titles only (art. 10.1)', (file) => {
    const config = shippedConfig(file);
    const confidential = config.groups.filter((g) => g.kind === 'vertrouwelijk');
    expect(confidential.map((g) => g.party).sort()).toEqual(config.parties.map((p) => p.key).sort());
    for (const line of config.autorisatielijst)
      for (const g of confidential.filter((c) => line.groups.includes(c.key))) expect(g.party).toBe(line.party);
  });

  it.each(shippedFiles())('%s marks every processing activity as example or agreement text', (file) => {
    const config = shippedConfig(file);
    for (const activity of config.processingActivities) expect(typeof activity.example).toBe('boolean');
  });
});

describe('igj-cibg.json follows the samenwerkingsovereenkomst', () => {
  const config = shippedConfig('igj-cibg.json');
  const party = (key: string) => config.parties.find((p) => p.key === key)!;

  it('art. 9.6: breach addresses CIBGDatalekregister@minvws.nl and privacy@igj.nl', () => {
    expect(party('cibg').breachAddress).toBe('CIBGDatalekregister@minvws.nl');
    expect(party('igj').breachAddress).toBe('privacy@igj.nl');
  });

  it('signed at Utrecht on 4 June 2025; indefinite (art. 14.1); evaluation after 12 months (art. 13.2)', () => {
    expect(config.agreement.signedOn).toBe('2025-06-04');
    expect(config.agreement.signedAt).toBe('Utrecht');
    expect(config.agreement.indefinite).toBe(true);
    expect(config.agreement.evaluationAfterMonths).toBe(12);
    expect(config.agreement.effectiveRule).toBe('dayAfterPublication');
    expect(effectiveDate(config)).toBeUndefined(); // publication not yet recorded
  });

  it('art. 6.2: the ambtelijk overleg carries both mandatory topics, yearly', () => {
    const meeting = config.meetings.find((m) => m.kind === 'ambtelijk')!;
    expect(meeting.everyMonths).toBe(12);
    expect(meeting.mandatoryTopics.map((t) => t.source)).toEqual(['art. 6.2a', 'art. 6.2b']);
  });

  it('art. 7.1: the bestuurlijk overleg requires the four named functions, the CIBG COO included', () => {
    const meeting = config.meetings.find((m) => m.kind === 'bestuurlijk')!;
    const titles = meeting.requiredAttendees.map((a) => `${a.party}:${a.functionTitle}`);
    expect(titles).toEqual([
      'igj:Hoofdinspecteur Farmaceutische Producten en Medische Technologie',
      'igj:Bestuurlijk adviseur',
      'cibg:Algemeen Directeur',
      'cibg:Directeur Operationele Zaken/COO',
    ]);
    const signatory = config.agreement.signatories.find((s) => s.party === 'igj')!;
    expect(sameFunctionTitle(signatory.functionTitle, meeting.requiredAttendees[0].functionTitle)).toBe(true);
  });

  it('art. 1e, 10.1: the outsider title "Externe adviseur" is not on the autorisatielijst', () => {
    expect(config.autorisatielijst.some((a) => sameFunctionTitle(a.functionTitle, 'Externe adviseur'))).toBe(false);
  });

  it('has the groups the space provisions', () => {
    expect(config.groups.map((g) => g.name)).toEqual(
      expect.arrayContaining([
        'IGJ Medewerkers',
        'CIBG Medewerkers',
        'IGJ Privacy officers',
        'CIBG Privacy officers',
        'Accounthouders',
        'IGJ Autorisatielijst Vertrouwelijk',
        'CIBG Autorisatielijst Vertrouwelijk',
      ]),
    );
  });

  it('the register is marked as example: the agreement has no annex 1', () => {
    expect(config.processingActivities.length).toBeGreaterThan(0);
    for (const a of config.processingActivities) {
      expect(a.example).toBe(true);
      expect(a._comment).toBeDefined();
      expect(a.retention.source).toMatch(/seed 004/);
    }
  });
});

describe('the other shipped agreements exercise the rules', () => {
  it('cjg-rijnmond: medical data needs recorded consent (seed 001 §II.1)', () => {
    const config = shippedConfig('cjg-rijnmond.json');
    expect(config.rules.consentRequired.map((r) => r.category)).toContain('jgz-medisch');
    expect(config.processingActivities.some((a) => a.dpia?.status === 'uitgevoerd')).toBe(true);
  });

  it("igj-om: 'wilsafhankelijk materiaal' never to the OM; medical data always reviewed (seed 002)", () => {
    const config = shippedConfig('igj-om.json');
    expect(config.rules.blockedCategories).toEqual([
      expect.objectContaining({ category: 'wilsafhankelijk-materiaal', recipient: 'om' }),
    ]);
    expect(config.rules.alwaysReview.map((r) => r.category)).toContain('medische-gegevens');
    expect(effectiveDate(config)).toBe('2024-04-03');
  });
});
