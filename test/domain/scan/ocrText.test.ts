/** OCR's digit-letter confusions are repaired only where an identifier's own check then holds. */
import { repairOcrText, scanText } from '../../../src/domain/scan';
import { found, OPTIONS } from './helpers';

describe('repairOcrText', () => {
  test.each([
    ['NLO2 TRIO 5632 3882 28', 'NL02 TRIO 5632 3882 28'], // O for 0 in the check digits (seen at 300 dpi)
    ['NLOGRABO0628928450', 'NL06RABO0628928450'], // O and G for 0 and 6 (seen at 200 dpi)
    ['NLO6GRABO0628928450', 'NL06RABO0628928450'], // a G too many in the bank code (seen at 300 dpi)
    ['NL62RAB02490762999', 'NL62RABO2490762999'], // 0 for O in the bank code
    ['BSN 4O1O91296 ', 'BSN 401091296 '],
    ['BSN 1589.24.5O2', 'BSN 1589.24.502'],
  ])('%s', (ocr, repaired) => {
    expect(repairOcrText(ocr)).toBe(repaired);
  });

  test.each([
    'NLO2 TRIO 5632 3882 29', // the checksum fails either way
    'BSN 4O1O91297', // no elfproef
    'Sollicitatie 2026', // words are words
    'NL02 TRIO 5632 3882 28', // already right
  ])('leaves %s alone', (text) => expect(repairOcrText(text)).toBe(text));

  test('typed text is never repaired: only OCR output goes through it', () => {
    expect(found('IBAN NLO2 TRIO 5632 3882 28', 'iban')).toEqual([]);
    expect(scanText(repairOcrText('IBAN NLO2 TRIO 5632 3882 28'), OPTIONS).findings.map((f) => f.kind)).toEqual(['iban']);
  });
});
