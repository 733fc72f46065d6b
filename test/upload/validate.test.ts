/** Bad upload input: empty, too large, names SharePoint forbids, duplicates; each a clear message naming the field. */
import { checkPicked, nameProblems, validateFiles } from '../../src/upload';
import { config } from './fixtures';

describe('validateFiles', () => {
  it('accepts ordinary names and sizes', () => {
    expect(validateFiles([{ name: 'Verslag overleg 2026-11.docx', size: 1200 }], 50)).toEqual([[]]);
  });

  it('refuses an empty file and one over the configured maximum, naming the setting', () => {
    const [empty, big] = validateFiles(
      [
        { name: 'leeg.txt', size: 0 },
        { name: 'groot.pdf', size: 51 * 1024 * 1024 },
      ],
      50,
    );
    expect(empty).toEqual([
      expect.objectContaining({ code: 'empty', field: 'size', nl: expect.stringMatching(/leeg/) }),
    ]);
    expect(big).toEqual([
      expect.objectContaining({ code: 'too-large', nl: expect.stringMatching(/maximum is 50 MB.*space\.maxUploadMB/) }),
    ]);
  });

  it.each(['a"b.txt', 'a*b.txt', 'a:b.txt', 'a<b.txt', 'a>b.txt', 'a?b.txt', 'a/b.txt', 'a\\b.txt', 'a|b.txt'])(
    'refuses the forbidden character in %s and names it',
    (name) => {
      const [p] = nameProblems(name);
      expect(p).toMatchObject({ code: 'bad-name', field: 'name' });
      expect(p.nl).toContain(name.replace(/^a|b\.txt$/g, ''));
    },
  );

  it.each([
    ' voorloop.txt',
    'achter.txt ',
    'CON',
    'con.txt',
    'LPT1.docx',
    'desktop.ini',
    '~$tijdelijk.docx',
    'a_vti_b.txt',
  ])('refuses %j (spaces at the ends or a reserved name)', (name) => {
    expect(nameProblems(name).map((p) => p.code)).toContain('bad-name');
  });

  it('refuses a name longer than SharePoint allows', () => {
    expect(nameProblems(`${'x'.repeat(251)}.txt`)[0].nl).toMatch(/langer dan 250/);
  });

  it('flags the second of two equal names (case-insensitive) and names already in the library', () => {
    const problems = validateFiles(
      [
        { name: 'Notitie.txt', size: 5 },
        { name: 'notitie.TXT', size: 5 },
        { name: 'Bestaand.txt', size: 5 },
      ],
      50,
      new Set(['bestaand.txt']),
    );
    expect(problems[0]).toEqual([]);
    expect(problems[1].map((p) => p.code)).toEqual(['duplicate-in-selection']);
    expect(problems[2][0]).toMatchObject({
      code: 'duplicate-in-library',
      nl: expect.stringMatching(/bestaande blijft ongewijzigd/),
    });
  });
});

describe('checkPicked', () => {
  it('asks the library only for names that passed the pure checks', async () => {
    const asked: string[] = [];
    const documents = { exists: async (n: string) => (asked.push(n), n === 'Er al.txt') };
    const problems = await checkPicked(config, documents, [
      { name: 'Er al.txt', size: 3 },
      { name: 'nieuw.txt', size: 3 },
      { name: 'fout?.txt', size: 3 },
    ]);
    expect(asked.sort()).toEqual(['Er al.txt', 'nieuw.txt']);
    expect(problems.map((p) => p.map((x) => x.code))).toEqual([['duplicate-in-library'], [], ['bad-name']]);
  });
});
