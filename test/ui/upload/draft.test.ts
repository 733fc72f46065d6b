/** The dialog's answers: nothing preset, the questions the check needs asked, consent only where a rule demands it. */
import { EMPTY_DRAFT, formOf, missingFields } from '../../../src/ui/upload/draft';
import { loadConfigFixture } from '../../helpers/config';

const igjCibg = loadConfigFixture('igj-cibg');
const igjOm = loadConfigFixture('igj-om');

describe('missingFields', () => {
  it('a fresh draft asks document type, classification and the personal-data question (no defaults)', () => {
    expect(missingFields(igjCibg, EMPTY_DRAFT)).toEqual([
      'uploadDocumentType',
      'uploadClassification',
      'uploadPersonalData',
    ]);
  });

  it('"yes, personal data" adds purpose, categories, necessity and "less data?"', () => {
    const d = { ...EMPTY_DRAFT, documentType: 'signaal', classification: 'intern', personal: 'yes' as const };
    expect(missingFields(igjCibg, d)).toEqual([
      'uploadActivity',
      'uploadCategories',
      'uploadNecessity',
      'uploadLessData',
    ]);
  });

  it('a category under a consent rule (IGJ–OM medical data) asks consent, then the reference or the exception', () => {
    const d = {
      ...EMPTY_DRAFT,
      documentType: 'aangifte',
      classification: 'departementaal-vertrouwelijk',
      personal: 'yes' as const,
      activityKey: 'aangifte',
      categories: ['medische-gegevens'],
      necessity: 'Nodig voor de aangifte van een strafbaar feit.',
      lessData: 'no' as const,
    };
    expect(missingFields(igjOm, d)).toEqual(['uploadConsent']);
    expect(missingFields(igjOm, { ...d, consent: 'yes' })).toEqual(['uploadConsentReference']);
    expect(missingFields(igjOm, { ...d, consent: 'no' })).toEqual(['uploadExceptional']);
    expect(missingFields(igjOm, { ...d, consent: 'no', exceptional: 'Acuut gevaar voor patiënten.' })).toEqual([]);
  });

  it('a DVA asks its year (art. 12)', () => {
    const d = { ...EMPTY_DRAFT, documentType: 'dva', classification: 'intern', personal: 'no' as const };
    expect(missingFields(igjCibg, d)).toEqual(['uploadYear']);
    expect(formOf(igjCibg, { ...d, year: '2027' })).toMatchObject({ documentType: 'dva', year: 2027 });
  });
});

describe('formOf', () => {
  it('"no personal data" drops whatever was typed in the personal-data questions', () => {
    const form = formOf(igjCibg, {
      ...EMPTY_DRAFT,
      documentType: 'overlegstuk',
      classification: 'intern',
      personal: 'no',
      activityKey: 'tuchtmaatregelen',
      categories: ['naw'],
      necessity: 'x',
    });
    expect(form.answers).toEqual({
      containsPersonalData: false,
      categories: [],
      necessity: '',
      lessDataPossible: undefined,
    });
  });
});
