import { checkUpload } from '../../../src/adapters/sharepoint/fileNames';
import { UploadRefusedError } from '../../../src/ports/documents';

const MB = 1024 * 1024;

/** The refusal code for a name/size, or 'ok'. */
function code(name: string, size = 10, max = 50 * MB): string {
  try {
    checkUpload(name, size, max);
    return 'ok';
  } catch (e) {
    expect(e).toBeInstanceOf(UploadRefusedError);
    return (e as UploadRefusedError).code;
  }
}

describe('checkUpload', () => {
  it('accepts an ordinary Dutch file name', () => {
    expect(code('Werkafspraak 2026 (concept).docx')).toBe('ok');
  });
  it('refuses an empty file and one over the configured maximum', () => {
    expect(code('a.txt', 0)).toBe('empty');
    expect(code('a.txt', 51 * MB)).toBe('too-large');
  });
  it.each([
    'a"b.txt',
    'a*b.txt',
    'a:b.txt',
    'a<b.txt',
    'a>b.txt',
    'a?b.txt',
    'a/b.txt',
    'a\\b.txt',
    'a|b.txt',
    ' a.txt',
    'a.txt ',
    'CON',
    'nul.txt',
    'desktop.ini',
    '~$tijdelijk.docx',
    'x_vti_y.txt',
  ])('refuses the name %j', (name) => {
    expect(code(name)).toBe('bad-name');
  });
  it('says which characters are forbidden', () => {
    expect(() => checkUpload('a|b.txt', 1, MB)).toThrow(/" \* : < > \? \/ \\ \|/);
  });
});

describe('checkUpload: control characters, bidi overrides, trailing dots and the path', () => {
  it.each(['x\u0000.txt', 'factuur\u202efdp.exe', 'punt.'])('refuses %j', (name) => {
    expect(code(name)).toBe('bad-name');
  });
  it('refuses a name whose path in any folder it passes through reaches 400 characters', () => {
    const staging = `/sites/s/Uitwisseling/${'s'.repeat(100)}`;
    const review = `/sites/s/Uitwisseling/${'r'.repeat(300)}`;
    const name = `${'n'.repeat(80)}.pdf`;
    expect(() => checkUpload(name, 10, MB, [staging])).not.toThrow();
    expect(() => checkUpload(name, 10, MB, [staging, review])).toThrow(/minder dan 400/);
  });
});
