import { readFileSync } from 'fs';
import { join } from 'path';
import { createScanner, scanFile, summariseFindings } from '../../../src/domain/scan';
import { OPTIONS } from './helpers';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'scan');
const read = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));

describe('scanFile', () => {
  test('a readable file is extracted and scanned', async () => {
    const r = await scanFile('sample.docx', read('sample.docx'), OPTIONS);
    expect(r.unsupported).toBeUndefined();
    expect(summariseFindings(r)).toEqual([
      { kind: 'bsn', count: 1 },
      { kind: 'iban', count: 1 },
      { kind: 'big', count: 1 }, // the text box, counted once although Word stores it twice
      { kind: 'email', count: 1 },
      { kind: 'phone', count: 1 },
      { kind: 'healthTerm', count: 1 }, // 'Diagnose'; '<medisch>' + break + 'dossier' has a '>' between the words
    ]);
  });

  test('an unreadable file says so instead of reporting "nothing found"', async () => {
    const r = await scanFile('oud.doc', read('sample.docx'), createScanner(OPTIONS));
    expect(r.findings).toEqual([]);
    expect(r.scannedChars).toBe(0);
    expect(r.unsupported?.reason).toMatch(/oud binair Office.* \/ .*legacy binary Office/);
    expect(r.unsupported?.code).toBe('legacyOffice');
  });

  test('an image without an OCR engine is not read, and says so', async () => {
    const r = await scanFile('scan.png', read('pixel.png'), OPTIONS);
    expect(r.findings).toEqual([]);
    expect(r.unread).toEqual([
      {
        kind: 'image',
        code: 'noOcr',
        nl: 'tekstherkenning (OCR) is niet beschikbaar',
        en: 'text recognition (OCR) is not available',
      },
    ]);
  });
});
