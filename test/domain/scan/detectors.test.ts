import { scanText } from '../../../src/domain/scan';
import { found, OPTIONS, REFERENCE } from './helpers';

// seed 004: the content scan warns on BSN and similar identifiers before upload
describe('BSN (elfproef, common separators)', () => {
  test.each([
    ['BSN 111222333.', ['111222333']],
    ['bsn: 123.456.782, zie dossier', ['123.456.782']],
    ['BSN 123 456 782 ', ['123 456 782']],
    ['nummer 1234-56-782', ['1234-56-782']],
    ['(123456782)', ['123456782']],
    ['twee: 111222333 en 123456782', ['111222333', '123456782']],
  ])('%s', (text, expected) => expect(found(text, 'bsn')).toEqual(expected));

  test.each([
    ['123456783', 'fails the elfproef'],
    ['000000000', 'all zeros'],
    ['0000.00.000', 'all zeros with separators'],
    ['1123456782', 'inside a longer digit run (before)'],
    ['1234567821', 'inside a longer digit run (after)'],
    ['A123456782', 'glued to a word'],
    ['123456782b', 'glued to a word (after)'],
    ['€ 123.456.782,50', 'an amount with decimals'],
    ['123.456.782.001', 'part of a longer dotted number'],
    ['123.456-782', 'mixed separators'],
    ['1 2 3 4 5 6 7 8 2', 'single digits'],
    ['3,123456782', 'decimal fraction'],
  ])('%s is not a BSN (%s)', (text) => expect(found(text, 'bsn')).toEqual([]));
});

describe('IBAN (ISO 13616 mod-97)', () => {
  test.each([
    ['IBAN NL91 ABNA 0417 1643 00.', ['NL91 ABNA 0417 1643 00']],
    ['NL91ABNA0417164300', ['NL91ABNA0417164300']],
    ['rekening DE89 3704 0044 0532 0130 00 (Duits)', ['DE89 3704 0044 0532 0130 00']],
    ['BE68539007547034', ['BE68539007547034']],
    ['FR14 2004 1010 0505 0001 3M02 606', ['FR14 2004 1010 0505 0001 3M02 606']],
    ['GB82 WEST 1234 5698 7654 32', ['GB82 WEST 1234 5698 7654 32']],
  ])('%s', (text, expected) => expect(found(text, 'iban')).toEqual(expected));

  test.each([
    ['NL91ABNA0417164301', 'wrong checksum'],
    ['NL91ABNA041716430', 'too short for NL'],
    ['NL91ABNA04171643001', 'too long for NL'],
    ['XX91ABNA0417164300', 'unknown country'],
    ['NL91 AB NA04 1716 4300', 'spaces not on group boundaries'],
    ['nl91abna0417164301', 'lower case, wrong checksum'],
    ['NL91ABNA04\n\n17164300', 'two line breaks'],
    ['XNL91ABNA0417164300', 'glued to a word'],
  ])('%s is not an IBAN (%s)', (text) => expect(found(text, 'iban')).toEqual([]));

  test('the digit groups of an IBAN that fails mod-97 are not read as a phone number', () => {
    expect(found('NL91 ABNA 0417 1643 01', 'phone')).toEqual([]);
    expect(found('NL91 ABNA 0417 1643 01', 'iban')).toEqual([]);
  });
});

// Heuristic: BIG numbers (Wet BIG register) have no public check digit, so an 11-digit number counts only with the
// word 'BIG' (capitals) or 'BIG-nummer'/'big-registratie' up to 40 characters before, or 'BIG' up to 24 after.
describe('BIG number (11 digits next to the word BIG)', () => {
  test.each([
    ['BIG-nummer: 19012345601', ['19012345601']],
    ['BIG 19012345601', ['19012345601']],
    ['big-registratie 19012345601', ['19012345601']],
    ['bignummer 19012345601', ['19012345601']],
    ['19012345601 (BIG)', ['19012345601']],
    ['BIG-nummers 19012345601 en 29012345601', ['19012345601', '29012345601']],
  ])('%s', (text, expected) => expect(found(text, 'big')).toEqual(expected));

  test.each([
    ['kenmerk 19012345601', 'no context word'],
    ['a big deal 19012345601', "lower-case English 'big'"],
    [`BIG ${'x'.repeat(60)} 19012345601`, 'context too far before'],
    [`19012345601 ${'x'.repeat(40)} BIG`, 'context too far after'],
    ['BIG 190123456012', 'twelve digits'],
  ])('%s is not a BIG number (%s)', (text) => expect(found(text, 'big')).toEqual([]));
});

describe('e-mail address', () => {
  test.each([
    ['mail j.jansen@igj.nl.', ['j.jansen@igj.nl']],
    ['<info+toets@cibg.minvws.nl>', ['info+toets@cibg.minvws.nl']],
    ['a_b-c@sub-domein.example.com, x@y.org', ['a_b-c@sub-domein.example.com', 'x@y.org']],
    ['123456782@example.nl', ['123456782@example.nl']],
    [`${'a'.repeat(64)}@igj.nl`, [`${'a'.repeat(64)}@igj.nl`]],
    [`j@${'a'.repeat(252)}.nl`, [`j@${'a'.repeat(252)}.nl`]], // a domain of 255 characters
  ])('%s', (text, expected) => expect(found(text, 'email')).toEqual(expected));

  test.each([
    ['@igj.nl', 'no local part'],
    ['jan@localhost', 'single-label domain'],
    ['jan@igj.n', 'one-letter top-level domain'],
    ['jan@igj.123', 'numeric top-level domain'],
    ['jan. @igj.nl', 'space before @'],
    [`${'a'.repeat(65)}@igj.nl`, 'local part longer than 64 characters'],
    [`j@${'a'.repeat(253)}.nl`, 'domain longer than 255 characters (RFC 1035)'],
  ])('%s is not an address (%s)', (text) => expect(found(text, 'email')).toEqual([]));

  test('digits inside an address are not also a BSN', () => {
    expect(found('123456782@example.nl', 'bsn')).toEqual([]);
  });
});

describe('Dutch phone number', () => {
  test.each([
    ['bel 0612345678', ['0612345678']],
    ['06-12345678', ['06-12345678']],
    ['06 1234 5678', ['06 1234 5678']],
    ['06 12 34 56 78', ['06 12 34 56 78']],
    ['+31 6 12345678', ['+31 6 12345678']],
    ['+31612345678', ['+31612345678']],
    ['+31 (0)6 1234 5678', ['+31 (0)6 1234 5678']],
    ['+31-20-1234567', ['+31-20-1234567']],
    ['0031 6 12345678', ['0031 6 12345678']],
    ['0031612345678', ['0031612345678']],
    ['020-1234567', ['020-1234567']],
    ['(020) 123 4567', ['(020) 123 4567']],
    ['0111-123456', ['0111-123456']],
    ['070 - 1234567'.replace(' - ', '-'), ['070-1234567']],
  ])('%s', (text, expected) => expect(found(text, 'phone')).toEqual(expected));

  test.each([
    ['061234567', 'nine digits'],
    ['06123456789', 'eleven digits'],
    ['0012345678', 'starts with 00 but is not 0031'],
    ['+32 2 123 45 67', 'Belgian number'],
    ['+31 612345678 9', undefined],
    ['1612345678', 'no trunk zero'],
    ['+31 (1)6 12345678', 'only (0) may be bracketed'],
  ])('%s is not a Dutch phone number (%s)', (text, why) => {
    if (why === undefined) expect(found(text, 'phone')).toEqual(['+31 612345678']);
    else expect(found(text, 'phone')).toEqual([]);
  });
});

// Heuristic for birth dates: a real calendar date at most 120 years before the reference day and not after it;
// with a context word (geboortedatum, geb., geboren, born, date of birth) within 40 characters any of
// dd-mm-yyyy, d/m/yyyy, dd.mm.yyyy, yyyy-mm-dd, dd-mm-yy; without context only day-first with a four-digit year.
describe('birth date', () => {
  test.each([
    ['Geboortedatum: 12-03-1985', ['12-03-1985']],
    ['geb. 1985-03-12', ['1985-03-12']],
    ['born 12/3/85', ['12/3/85']],
    ['date of birth: 01.01.1950', ['01.01.1950']],
    ['Jan Jansen, 29-02-2000', ['29-02-2000']],
    ['geboren 15-06-2026', ['15-06-2026']],
    ['geboren op 12 maart 1985 te Utrecht', ['12 maart 1985']],
    ['geb. 3 jan. 1990', ['3 jan. 1990']],
    ['Date of birth: 1 October 1950', ['1 October 1950']],
  ])('%s', (text, expected) => expect(found(text, 'birthdate')).toEqual(expected));

  test.each([
    ['geboortedatum 31-02-1985', 'not a calendar date'],
    ['geboortedatum 29-02-2001', 'not a leap year'],
    ['geboortedatum 16-06-2026', 'after the reference day'],
    ['geboortedatum 01-01-1900', 'older than 120 years'],
    ['vergadering 1985-03-12', 'year-first without context'],
    ['release 12-03-85', 'two-digit year without context'],
    ['12-13-1985', 'month 13'],
    ['vergadering 12 maart 1985', 'written date without context'],
    ['geboren 31 april 1985', 'written date that does not exist'],
    ['geboren 12 maarten 1985', 'not a month name'],
  ])('%s is not a birth date (%s)', (text) => expect(found(text, 'birthdate')).toEqual([]));

  test('birthdateNeedsContext drops the context-free rule', () => {
    const options = { ...OPTIONS, birthdateNeedsContext: true };
    expect(found('Jan Jansen, 29-02-2000', 'birthdate', options)).toEqual([]);
    expect(found('geb. 29-02-2000', 'birthdate', options)).toEqual(['29-02-2000']);
  });

  test('a reference day that is no date is refused, naming the option', () => {
    expect(() => scanText('geb. 16-06-1905', { healthTerms: [], referenceDate: new Date('morgen') })).toThrow(
      /referenceDate/,
    );
  });

  test('age is computed against the reference day', () => {
    const options = { healthTerms: [], referenceDate: REFERENCE };
    expect(found('geb. 16-06-1905', 'birthdate', options)).toEqual(['16-06-1905']); // 120, turns 121 tomorrow
    expect(found('geb. 15-06-1905', 'birthdate', options)).toEqual([]); // 121 today
  });
});

// AVG art. 9: health data is a special category; the terms come from the agreement configuration (healthTerms)
describe('health terms (configured, whole words, case- and diacritics-insensitive)', () => {
  test.each([
    ['De DIAGNOSE volgt.', ['DIAGNOSE']],
    ['het patientendossier', ['patientendossier']],
    ['Patiëntendossier', ['Patiëntendossier']],
    ['Patie\u0308ntendossier (combining diaeresis)', ['Patie\u0308ntendossier']],
    ['een medisch dossier', ['medisch dossier']],
    ['een medisch\n  dossier', ['medisch\n  dossier']],
    ['medisch-dossier', ['medisch-dossier']],
    ['GGZ-instelling', ['GGZ']],
    ['COVID-19 en covid 19', ['COVID-19', 'covid 19']],
    ["ziekte van Alzheimer's en alzheimer’s", ["Alzheimer's", 'alzheimer’s']],
  ])('%s', (text, expected) => expect(found(text, 'healthTerm')).toEqual(expected));

  test.each([
    ['diagnoses', 'longer word'],
    ['prediagnose', 'inside a word'],
    ['medisch verslag', 'only the first word of a two-word term'],
    ['medisch, dossier', 'a comma is not a term gap'],
  ])('%s is not a health term (%s)', (text) => expect(found(text, 'healthTerm')).toEqual([]));

  test('no terms configured means no health findings', () => {
    expect(found('diagnose', 'healthTerm', { healthTerms: [], referenceDate: REFERENCE })).toEqual([]);
  });
});

describe('scan result', () => {
  test('counts and positions per kind in canonical order; scannedChars is the text length', () => {
    const text = 'BSN 111222333, mail a@b.nl, bel 06-12345678, diagnose.';
    const r = scanText(text, OPTIONS);
    expect(r.scannedChars).toBe(text.length);
    expect(r.findings.map((f) => [f.kind, f.count])).toEqual([
      ['bsn', 1],
      ['email', 1],
      ['phone', 1],
      ['healthTerm', 1],
    ]);
    expect(r.findings[0].positions).toEqual([{ start: 4, end: 13 }]);
  });

  test('a number right before a written date keeps its own finding', () => {
    const text = 'tel 0612345678 12 maart 1985 (geboren)';
    expect(found(text, 'phone')).toEqual(['0612345678']);
    expect(found('geboren: 111222333 12 maart 1985', 'bsn')).toEqual(['111222333']);
    expect(found('geboren: 111222333 12 maart 1985', 'birthdate')).toEqual(['12 maart 1985']);
  });

  test('empty text gives no findings', () => {
    expect(scanText('', OPTIONS)).toEqual({ findings: [], scannedChars: 0 });
  });
});

// Gaps found on real text, each decided in src/domain/scan/README.md ("Detector gaps").
describe('gaps on real text', () => {
  test.each([
    ['lower case', 'iban nl91abna0417164300.', ['nl91abna0417164300']],
    ['mixed case', 'Nl91Abna0417164300', ['Nl91Abna0417164300']],
    ['lower case in groups', 'nl91 abna 0417 1643 00', ['nl91 abna 0417 1643 00']],
    ['dashes', 'NL91-ABNA-0417-1643-00.', ['NL91-ABNA-0417-1643-00']],
    ['full stops', 'NL91.ABNA.0417.1643.00.', ['NL91.ABNA.0417.1643.00']],
    ['a line break between groups', 'NL91 ABNA\n0417 1643 00', ['NL91 ABNA\n0417 1643 00']],
    ['a wrap after a dash', 'NL91-ABNA-\n0417-1643-00', ['NL91-ABNA-\n0417-1643-00']],
    ['a line break inside the token (narrow cell)', 'NL91ABNA04\n17164300', ['NL91ABNA04\n17164300']],
    ['CR LF and indentation', 'NL91 ABNA 0417\r\n   1643 00', ['NL91 ABNA 0417\r\n   1643 00']],
  ])('IBAN: %s', (_what, text, expected) => expect(found(text, 'iban')).toEqual(expected));

  test.each([
    ['ZK-983690066-2026', ['983690066']],
    ['dossier 2026/123456782/01', ['123456782']],
    ['kenmerk ZK-111222333', ['111222333']],
    ['BSN 123 456\n782 (regelovergang)', ['123 456\n782']],
    ['BSN 123 456 \r\n782', ['123 456 \r\n782']],
  ])('BSN: %s', (text, expected) => expect(found(text, 'bsn')).toEqual(expected));

  test.each([
    ['ZK983690066', 'glued to letters'],
    ['ZK-983690067-2026', 'fails the elfproef'],
    ['1.123456782', 'after a full stop (a decimal or thousands)'],
    ['123456782,50', 'a decimal amount'],
    ['123\n456\n782', 'three lines of numbers'],
    ['1234-\n56-782', 'a hyphenated wrap'],
  ])('%s is not a BSN (%s)', (text) => expect(found(text, 'bsn')).toEqual([]));

  test('a line break is no phone or date separator', () => {
    expect(found('06\n12345678', 'phone')).toEqual([]);
    expect(found('geboortedatum 12-03\n-1985', 'birthdate')).toEqual([]);
  });
});
