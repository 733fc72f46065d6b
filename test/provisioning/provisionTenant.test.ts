import { parseArgs } from '../../workbench/seed/provisionTenant';

describe('provisionTenant command line', () => {
  it('reads site, agreement and token (token also from SP_TOKEN)', () => {
    expect(
      parseArgs(['--site', 'https://contoso.sharepoint.com/sites/x/', '--agreement', 'a.json'], { SP_TOKEN: 't' }),
    ).toEqual({
      site: 'https://contoso.sharepoint.com/sites/x',
      agreement: 'a.json',
      token: 't',
    });
  });

  it('names everything that is missing', () => {
    expect(() => parseArgs([], {})).toThrow(
      'Ontbreekt: --site <site-url>, --agreement <file>, --token <bearer> (of SP_TOKEN)',
    );
  });

  it('refuses a site address that is not https', () => {
    expect(() => parseArgs(['--site', 'http://x', '--agreement', 'a', '--token', 't'], {})).toThrow(/https/);
  });
});
