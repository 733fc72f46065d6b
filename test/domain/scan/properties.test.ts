/** Property tests (fast-check): generated valid and corrupted BSNs, IBANs and e-mail addresses in running text. */
import fc from 'fast-check';
import { scanText } from '../../../src/domain/scan';
import { found, OPTIONS } from './helpers';

/** Independent elfproef check digit (BigInt-free arithmetic, written apart from the code under test). */
function bsnFrom(first8: number[]): string | undefined {
  const sum = first8.reduce((s, d, k) => s + d * (9 - k), 0);
  const last = sum % 11;
  if (last === 10 || (first8.every((d) => d === 0) && last === 0)) return undefined;
  return first8.join('') + String(last);
}

const eightDigits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 });
const validBsn = eightDigits.map(bsnFrom).filter((b): b is string => b !== undefined);

/** The ways people write a BSN. */
const FORMATS: Array<(b: string) => string> = [
  (b) => b,
  (b) => `${b.slice(0, 3)}.${b.slice(3, 6)}.${b.slice(6)}`,
  (b) => `${b.slice(0, 3)} ${b.slice(3, 6)} ${b.slice(6)}`,
  (b) => `${b.slice(0, 4)}-${b.slice(4, 6)}-${b.slice(6)}`,
  (b) => `${b.slice(0, 4)}.${b.slice(4, 6)}.${b.slice(6)}`,
];
const format = fc.integer({ min: 0, max: FORMATS.length - 1 });
const filler = fc.constantFrom('', 'BSN ', 'Burgerservicenummer: ', 'zie (', 'regel\n');

describe('BSN properties', () => {
  test('every valid BSN in every common notation is found exactly once, at its place', () => {
    fc.assert(
      fc.property(validBsn, format, filler, (bsn, f, before) => {
        const written = FORMATS[f](bsn);
        const text = `${before}${written} .`;
        const r = scanText(text, OPTIONS);
        const bsns = r.findings.find((x) => x.kind === 'bsn');
        expect(bsns?.positions).toEqual([{ start: before.length, end: before.length + written.length }]);
      }),
    );
  });

  test('changing any one digit of a valid BSN makes it fail the elfproef', () => {
    fc.assert(
      fc.property(
        validBsn,
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 9 }),
        format,
        (bsn, at, delta, f) => {
          const digit = (Number(bsn[at]) + delta) % 10;
          const wrong = bsn.slice(0, at) + String(digit) + bsn.slice(at + 1);
          expect(found(`BSN ${FORMATS[f](wrong)} .`, 'bsn')).toEqual([]);
        },
      ),
    );
  });

  test('a valid BSN inside a longer digit run is not reported', () => {
    fc.assert(
      fc.property(validBsn, fc.integer({ min: 0, max: 9 }), fc.boolean(), (bsn, extra, atEnd) => {
        const text = atEnd ? `${bsn}${extra}` : `${extra}${bsn}`;
        expect(found(text, 'bsn')).toEqual([]);
      }),
    );
  });
});

/** IBAN lengths of the countries exercised, from the SWIFT registry. */
const COUNTRIES: Record<string, number> = { NL: 18, DE: 22, BE: 16, FR: 27, GB: 22, ES: 24, IT: 27, LU: 20, CH: 21 };
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Check digits computed with BigInt, independently of the scanner's digit-by-digit remainder. */
function withCheckDigits(country: string, bban: string): string {
  const numeric = (bban + country + '00').replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  const check = 98n - (BigInt(numeric) % 97n);
  return country + check.toString().padStart(2, '0') + bban;
}

const iban = fc
  .constantFrom(...Object.keys(COUNTRIES))
  .chain((cc) =>
    fc
      .array(fc.constantFrom(...ALNUM.split('')), { minLength: COUNTRIES[cc] - 4, maxLength: COUNTRIES[cc] - 4 })
      .map((chars) => withCheckDigits(cc, chars.join(''))),
  );
const grouped = (s: string): string => s.replace(/(.{4})(?=.)/g, '$1 ');

describe('IBAN properties', () => {
  test('every valid IBAN, compact or in groups of four, is found once at its place', () => {
    fc.assert(
      fc.property(iban, fc.boolean(), (code, spaced) => {
        const written = spaced ? grouped(code) : code;
        const text = `IBAN: ${written}, graag.`;
        const r = scanText(text, OPTIONS).findings.find((x) => x.kind === 'iban');
        expect(r?.positions).toEqual([{ start: 6, end: 6 + written.length }]);
      }),
    );
  });

  test('changing any one digit of a valid IBAN makes mod-97 fail', () => {
    fc.assert(
      fc.property(iban, fc.nat(), fc.integer({ min: 1, max: 9 }), fc.boolean(), (code, pick, delta, spaced) => {
        const digitPositions = [...code].map((ch, k) => (k >= 2 && /\d/.test(ch) ? k : -1)).filter((k) => k >= 0);
        fc.pre(digitPositions.length > 0);
        const at = digitPositions[pick % digitPositions.length];
        const wrong = code.slice(0, at) + String((Number(code[at]) + delta) % 10) + code.slice(at + 1);
        expect(found(`IBAN ${spaced ? grouped(wrong) : wrong} .`, 'iban')).toEqual([]);
      }),
    );
  });
});

describe('e-mail properties', () => {
  test('generated addresses are found whole, once', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (address) => {
        const text = `Mail ${address} graag.`;
        const r = scanText(text, { healthTerms: [] }).findings.find((x) => x.kind === 'email');
        expect(r?.positions).toEqual([{ start: 5, end: 5 + address.length }]);
      }),
    );
  });
});
