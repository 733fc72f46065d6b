import fc from 'fast-check';
import { SpError } from '../../../workbench/emulator/sharepoint/errors';
import { parseFilter } from '../../../workbench/emulator/sharepoint/odata';
import { parseApiPath } from '../../../workbench/emulator/sharepoint/path';

/** The `$filter` parser and the REST path parser on their own. */
describe('emulator OData $filter parser', () => {
  it('parses comparisons, logic, functions and literals with SharePoint precedence', () => {
    expect(parseFilter("Title eq 'O''Brien' and not (Prioriteit gt 2 or Urgent eq true)")).toEqual({
      t: 'and',
      l: { t: 'cmp', op: 'eq', l: { t: 'field', path: ['Title'] }, r: { t: 'lit', kind: 'string', v: "O'Brien" } },
      r: {
        t: 'not',
        e: {
          t: 'or',
          l: { t: 'cmp', op: 'gt', l: { t: 'field', path: ['Prioriteit'] }, r: { t: 'lit', kind: 'number', v: 2 } },
          r: { t: 'cmp', op: 'eq', l: { t: 'field', path: ['Urgent'] }, r: { t: 'lit', kind: 'bool', v: true } },
        },
      },
    });
    expect(parseFilter("Deadline le datetime'2026-01-31T00:00:00Z'")).toMatchObject({
      r: { kind: 'date', v: '2026-01-31T00:00:00Z' },
    });
    expect(parseFilter('Author/Id eq 7')).toMatchObject({ l: { path: ['Author', 'Id'] } });
    expect(parseFilter("substringof('abc', Title) eq true")).toMatchObject({ t: 'func', name: 'substringof' });
    expect(parseFilter("startswith(Title,'a')")).toMatchObject({ t: 'func', name: 'startswith' });
    expect(parseFilter('Deadline eq null')).toMatchObject({ r: { kind: 'null' } });
    // `or` binds looser than `and`.
    expect(parseFilter('A eq 1 or B eq 2 and C eq 3')).toMatchObject({ t: 'or', r: { t: 'and' } });
  });

  it.each([
    ["Title eq 'x", 'unterminated string literal'],
    ['Title eq', 'expected a field or value but the expression ended'],
    ["Title 'x'", 'expected a comparison operator'],
    ['(Title eq 1', "expected ')'"],
    ["endswith(Title,'x')", "the function 'endswith' is not supported"],
    ["Deadline eq datetime'gisteren'", "'gisteren' is not a valid datetime"],
    ['Title eq 1 1', "unexpected '1'"],
    ['', 'The $filter expression is empty.'],
  ])('refuses %p with a 400 naming the problem', (src, message) => {
    let err: unknown;
    try {
      parseFilter(src);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SpError);
    expect((err as SpError).status).toBe(400);
    expect((err as SpError).message).toContain(message);
  });

  it('never fails with anything but a SharePoint 400 on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (src) => {
        try {
          parseFilter(src);
        } catch (e) {
          return e instanceof SpError && e.status === 400;
        }
        return true;
      }),
      { numRuns: 2000 },
    );
  });

  it('splits REST paths outside quotes and parentheses, with aliases and doubled quotes', () => {
    const q = new URLSearchParams("@v='i:0#.f|membership|a@b.c'");
    const segs = parseApiPath(
      "web/getFolderByServerRelativePath(decodedUrl='%2Fsites%2Fx%2FA''s%20map')/files/addUsingPath(DecodedUrl='a.txt',Overwrite=true)",
      q,
    );
    expect(segs.map((s) => s.name)).toEqual(['web', 'getfolderbyserverrelativepath', 'files', 'addusingpath']);
    expect(segs[1].named.decodedurl).toBe("/sites/x/A's map");
    expect(segs[3].named).toEqual({ decodedurl: 'a.txt', overwrite: true });
    expect(parseApiPath('web/siteusers(@v)', q)[1].args).toEqual(['i:0#.f|membership|a@b.c']);
    expect(parseApiPath("web/lists(guid'0b5f-1')/items(3)", q)[1].args).toEqual(['0b5f-1']);
    expect(
      parseApiPath('web/breakroleinheritance(copyroleassignments=false,%20clearsubscopes=true)', q)[1].named,
    ).toEqual({
      copyroleassignments: false,
      clearsubscopes: true,
    });
  });
});
