import { ibanMod97, isValidBsn, isValidIbanChecksum } from '../../../src/domain/scan';

// seed 004: the BSN is recognised by the elfproef (weights 9..2 and -1)
describe('elfproef (BSN)', () => {
  test.each([
    ['111222333', true],
    ['123456782', true],
    ['999999990', true], // 9*44 - 0 = 396 = 36*11
    ['123456783', false],
    ['000000000', false], // all zeros passes the arithmetic but is not a BSN
    ['12345678', false],
    ['1234567820', false],
    ['12345678a', false],
  ])('%s → %s', (digits, expected) => {
    expect(isValidBsn(digits)).toBe(expected);
  });
});

describe('ISO 13616 mod-97 (IBAN)', () => {
  test.each([
    ['NL91ABNA0417164300', true],
    ['DE89370400440532013000', true],
    ['GB82WEST12345698765432', true],
    ['BE68539007547034', true],
    ['FR1420041010050500013M02606', true],
    ['NL91ABNA0417164301', false],
    ['NL19ABNA0417164300', false],
  ])('%s → %s', (iban, expected) => {
    expect(isValidIbanChecksum(iban)).toBe(expected);
  });

  test('non-alphanumeric input is refused rather than guessed', () => {
    expect(ibanMod97('NL91 ABNA')).toBe(-1);
  });
});
