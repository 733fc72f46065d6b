/** The dialog asks exactly the questions the doelbinding check needs. */
import { doelbindingQuestions } from '../../../src/domain/doelbinding';
import { shippedConfig } from '../agreement/shippedConfigs';

const cjg = shippedConfig('cjg-rijnmond.json');
const igjCibg = shippedConfig('igj-cibg.json');
const keys = (q: ReturnType<typeof doelbindingQuestions>) => q.map((x) => x.key);

describe('doelbindingQuestions', () => {
  it('art. 8: without personal data only the first question is asked', () => {
    expect(keys(doelbindingQuestions(igjCibg, {}))).toEqual(['containsPersonalData']);
    expect(keys(doelbindingQuestions(igjCibg, { containsPersonalData: false }))).toEqual(['containsPersonalData']);
  });

  it('art. 9.1, seed 001 §3: with personal data, purpose, categories, necessity and subsidiarity follow', () => {
    const q = doelbindingQuestions(igjCibg, { containsPersonalData: true, categories: ['naw'] });
    expect(keys(q)).toEqual(['containsPersonalData', 'activityKey', 'categories', 'necessity', 'lessDataPossible']);
    expect(q.find((x) => x.key === 'necessity')?.source).toBe('art. 9.1');
  });

  it('seed 001 §II.1: consent is asked once medical data is chosen, then its reference', () => {
    const base = { containsPersonalData: true, categories: ['jgz-medisch'] };
    expect(keys(doelbindingQuestions(cjg, base))).toContain('consentRecorded');
    expect(keys(doelbindingQuestions(cjg, { ...base, consentRecorded: true }))).toContain('consentReference');
    const without = doelbindingQuestions(cjg, { ...base, consentRecorded: false });
    expect(keys(without)).toContain('exceptionalCircumstances');
    expect(without.find((x) => x.key === 'exceptionalCircumstances')?.source).toMatch(/seed 001 §II\.1/);
  });

  it('asks no consent for categories without a consent rule', () => {
    expect(
      keys(doelbindingQuestions(cjg, { containsPersonalData: true, categories: ['groeigegevens'] })),
    ).not.toContain('consentRecorded');
  });
});
