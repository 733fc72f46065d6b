import { buildQuery, viewFilter } from '../../../src/adapters/sharepoint/documentQueries';
import { buildSiteSchema } from '../../../src/provisioning/siteSchema';
import { loadConfigFixture } from '../../helpers/config';

const config = loadConfigFixture();
const ctx = { today: '2026-11-23', userId: 7 };

describe('document view queries', () => {
  it('filters each view on the same indexed column as the provisioned SharePoint view', () => {
    const lib = buildSiteSchema(config).lists.find((l) => l.key === 'exchange')!;
    const pairs: Array<[Parameters<typeof viewFilter>[0], string]> = [
      ['werkafspraken', 'Werkafspraken'],
      ['dva', "DVA's"],
      ['te-classificeren', 'Te classificeren'],
      ['in-review', 'In review'],
      ['vertrouwelijk', 'Vertrouwelijk'],
      ['bewaartermijn-verlopen', 'Bewaartermijn verlopen'],
      ['mijn-gedeelde-stukken', 'Mijn gedeelde stukken'],
    ];
    for (const [key, title] of pairs) {
      const view = lib.views.find((v) => v.title === title)!;
      const { filter } = viewFilter(key, config, ctx);
      const firstColumn = view.firstIndexed === 'Author' ? 'AuthorId' : view.firstIndexed;
      expect({ key, starts: filter!.replace(/^\(/, '').startsWith(firstColumn) }).toEqual({ key, starts: true });
    }
  });

  it('puts the view filter first and the dashboard filters after it, quoting values', () => {
    const q = buildQuery({ view: 'dva', party: "o'brien", year: 2026, classification: 'intern' }, config, ctx);
    expect(q.filter).toBe(
      "(Documenttype eq 'dva') and Partij eq 'o''brien' and Jaar eq 2026 and Classificatie eq 'intern'",
    );
    expect(q.orderBy).toEqual(['Jaar', false]);
  });

  it('uses today and the current user', () => {
    expect(viewFilter('bewaartermijn-verlopen', config, ctx).filter).toBe(
      "BewaarTot lt datetime'2026-11-23T00:00:00Z'",
    );
    expect(viewFilter('mijn-gedeelde-stukken', config, ctx).filter).toBe('AuthorId eq 7');
  });

  it('names the configuration field when no document type feeds a view', () => {
    const none = { ...config, documentTypes: config.documentTypes.filter((t) => t.view !== 'dva') };
    expect(() => viewFilter('dva', none, ctx)).toThrow(/documentTypes\[\]\.view/);
  });
});
