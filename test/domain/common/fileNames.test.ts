import { fileNameProblems, MAX_PATH_CHARS } from '../../../src/domain/common/fileNames';

const reasons = (name: string, folder?: string): string[] => fileNameProblems(name, folder).map((p) => p.reason);

/** SharePoint Online's name rules plus the product's own (bidi overrides, a leading dot, 250 characters), each with its reason. */
describe('fileNameProblems', () => {
  it.each([
    'Werkafspraak 2026 (concept).docx',
    'nr #3 & 100% {def}~.pdf',
    'Overleg – één.odt',
    'rapport [v2] +1 = €.pdf',
  ])('accepts %j', (name) => {
    expect(fileNameProblems(name)).toEqual([]);
  });

  it.each([
    ['', 'empty'],
    [' a.txt', 'spaces'],
    ['a.txt ', 'spaces'],
    ['a?b.txt', 'characters'],
    ['x\u0000.txt', 'control'],
    ['x\u0085.txt', 'control'],
    ['factuur\u202efdp.exe', 'bidi'],
    ['x\u2067y.pdf', 'bidi'],
    ['con.txt', 'reserved'],
    ['COM0', 'reserved'],
    ['Desktop.INI', 'reserved'],
    ['.lock', 'reserved'],
    ['~$open.docx', 'reserved'],
    ['a_VTI_b.txt', 'reserved'],
    ['forms', 'reserved'],
    ['Forms', 'reserved'],
    ['.hidden', 'hidden'],
    ['.gitignore', 'hidden'],
    ['punt.', 'trailing-dot'],
    [`${'x'.repeat(251)}.txt`, 'too-long'],
  ])('refuses %j: %s', (name, reason) => {
    expect(reasons(name)).toContain(reason);
  });

  it('accepts forms as part of a name, and a dot inside one', () => {
    expect(fileNameProblems('forms.docx')).toEqual([]);
    expect(fileNameProblems('Aanvraagforms 2026.pdf')).toEqual([]);
    expect(fileNameProblems('v1.2 notitie.txt')).toEqual([]);
  });

  it('names .lock once, as reserved', () => {
    expect(reasons('.lock')).toEqual(['reserved']);
  });

  it('shows a control or bidi character as � so the message itself cannot be reversed', () => {
    const [p] = fileNameProblems('factuur\u202efdp.exe');
    expect(p.nl).toContain("'factuur�fdp.exe'");
    expect(p.en).not.toMatch(/\u202e/);
  });

  it('checks the whole path against SharePoint’s limit of under 400 characters', () => {
    const folder = `/sites/s/${'f'.repeat(300)}`;
    const fits = 'n'.repeat(MAX_PATH_CHARS - folder.length - 1);
    expect(reasons(fits, folder)).toEqual([]);
    const [p] = fileNameProblems(`${fits}x`, folder);
    expect(p.reason).toBe('path');
    expect(p.nl).toMatch(/minder dan 400/);
  });
});
