/** seed 004 / AVG art. 5(1)(c): a scan result carries counts and offsets only, so it can be logged without leaking. */
import { createScanner, scanText, summariseFindings } from '../../../src/domain/scan';
import { OPTIONS } from './helpers';

const VALUES = [
  '111222333',
  '123.456.782',
  'NL91ABNA0417164300',
  'NL91 ABNA 0417 1643 00',
  'j.jansen@example.nl',
  'jansen',
  '06-12345678',
  '0612345678',
  '12345678',
  '19012345601',
  '12-03-1985',
  '1985',
  'diagnose',
  'Diagnose',
  'medisch dossier',
];

const TEXT = `Geboortedatum 12-03-1985, BSN 111222333 en 123.456.782, IBAN NL91ABNA0417164300 / NL91 ABNA 0417 1643 00.
Mail j.jansen@example.nl, tel 06-12345678 of 0612345678. BIG-nummer 19012345601. Diagnose: zie medisch dossier.`;

describe('no values in results', () => {
  test('every kind is found in the sample, so the check below is meaningful', () => {
    expect(summariseFindings(scanText(TEXT, OPTIONS)).map((s) => s.kind)).toEqual([
      'bsn',
      'iban',
      'big',
      'email',
      'phone',
      'birthdate',
      'healthTerm',
    ]);
  });

  test('the serialised result and summary contain none of the matched values', () => {
    const result = scanText(TEXT, OPTIONS);
    const serialised = JSON.stringify({ result, summary: summariseFindings(result) });
    for (const value of VALUES) expect(serialised).not.toContain(value);
    expect(serialised).toMatch(/^[{}[\]":,a-zA-Z0-9]*$/); // keys, kinds and numbers only
    for (const f of result.findings) {
      expect(Object.keys(f).sort()).toEqual(['count', 'kind', 'positions']);
      for (const p of f.positions) expect(Object.keys(p).sort()).toEqual(['end', 'start']);
    }
  });

  test('the summary holds kind and count only', () => {
    const summary = summariseFindings(scanText(TEXT, OPTIONS));
    for (const line of summary) expect(Object.keys(line).sort()).toEqual(['count', 'kind']);
  });
});

// Inputs that would make a backtracking matcher or a quadratic look-around crawl; they must simply finish.
describe('pathological input completes', () => {
  const scan = createScanner(OPTIONS);
  test.each([
    ['a 2 MB digit run', '1'.repeat(2_000_000)],
    ['digit groups joined by spaces', '12 '.repeat(300_000)],
    ['at signs', '@'.repeat(500_000)],
    ['local-part characters before many @', ('a.'.repeat(40) + '@').repeat(10_000)],
    ['one long word', 'x'.repeat(1_000_000)],
    ['IBAN-like prefixes', 'NL91 '.repeat(200_000)],
    ['repeated first word of a multi-word term', 'medisch '.repeat(200_000)],
    ['many 11-digit numbers waiting for a BIG context', '19012345601 '.repeat(100_000)],
  ])('%s', (_name, text) => {
    const r = scan(text);
    expect(r.scannedChars).toBe(text.length);
  });

  test('eleven-digit numbers far from BIG are not reported; near a later BIG only the last ones are', () => {
    const r = scan(`${'19012345601 '.repeat(1000)}BIG`);
    expect(r.findings.find((f) => f.kind === 'big')?.count).toBe(2);
  });
});
