import { buildSiteSchema } from '../../src/provisioning/siteSchema';
import { DOC } from '../../src/provisioning/names';
import { loadConfigFixture } from '../helpers/config';

const config = loadConfigFixture();
const schema = buildSiteSchema(config);

/** Field names a CAML query refers to. */
function fieldRefs(caml: string): string[] {
  return [...caml.matchAll(/<FieldRef Name='([^']+)'/g)].map((m) => m[1]);
}

describe('buildSiteSchema', () => {
  it('takes the library title and the choices from the configuration', () => {
    const lib = schema.lists.find((l) => l.key === 'exchange')!;
    expect(lib.title).toBe(config.space.exchangeLibraryTitle);
    const type = lib.fields.find((f) => f.name === DOC.documentType)!;
    expect(type.choices).toEqual(config.documentTypes.map((t) => t.key));
    const cls = lib.fields.find((f) => f.name === DOC.classification)!;
    expect(cls.choices).toEqual(config.classification.levels.map((l) => l.key));
  });

  it('creates every view the issues name', () => {
    const lib = schema.lists.find((l) => l.key === 'exchange')!;
    expect(lib.views.map((v) => v.title)).toEqual(
      expect.arrayContaining([
        'Werkafspraken',
        "DVA's",
        'Te classificeren',
        'In review',
        'Vertrouwelijk',
        'Bewaartermijn verlopen',
        'Mijn gedeelde stukken',
      ]),
    );
    const reg = schema.lists.find((l) => l.key === 'agreements')!;
    expect(reg.views.map((v) => v.title)).toEqual(
      expect.arrayContaining(['Mijn overeenkomsten', 'Evaluatie nodig', 'DVA verloopt']),
    );
    expect(lib.views.find((v) => v.title === "DVA's")!.query).toContain(
      `<GroupBy Collapse='TRUE' GroupLimit='30'><FieldRef Name='${DOC.year}'`,
    );
  });

  it('indexes every column a view filters or sorts on, and filters on an indexed column first', () => {
    for (const list of schema.lists) {
      const indexed = new Set([...list.fields.filter((f) => f.indexed).map((f) => f.name), ...list.indexBuiltIn]);
      for (const view of list.views) {
        const refs = fieldRefs(view.query);
        for (const ref of refs)
          expect({ view: `${list.title}/${view.title}`, ref, indexed: indexed.has(ref) }).toEqual({
            view: `${list.title}/${view.title}`,
            ref,
            indexed: true,
          });
        expect(refs[0]).toBe(view.firstIndexed);
        expect(view.rowLimit).toBeLessThanOrEqual(5000);
      }
    }
  });

  it("'Evaluatie nodig' selects 'te evalueren' and in-force records due within the lead days, status first (art. 13.2)", () => {
    const reg = schema.lists.find((l) => l.key === 'agreements')!;
    const view = reg.views.find((v) => v.title === 'Evaluatie nodig')!;
    expect(view.firstIndexed).toBe('Overeenkomststatus');
    expect(view.query).toBe(
      '<Where><And>' +
        "<Or><Eq><FieldRef Name='Overeenkomststatus'/><Value Type='Choice'>in werking</Value></Eq>" +
        "<Eq><FieldRef Name='Overeenkomststatus'/><Value Type='Choice'>te evalueren</Value></Eq></Or>" +
        "<Or><Eq><FieldRef Name='Overeenkomststatus'/><Value Type='Choice'>te evalueren</Value></Eq>" +
        "<Leq><FieldRef Name='EvaluatieVoor'/><Value Type='DateTime'><Today OffsetDays='60'/></Value></Leq></Or>" +
        "</And></Where><OrderBy><FieldRef Name='EvaluatieVoor' Ascending='TRUE'/></OrderBy>",
    );
  });

  it('asks no unique values of a list whose items only their creator reads (SharePoint refuses the pair)', () => {
    for (const list of schema.lists)
      expect({ list: list.title, unique: list.readSecurity === 2 && list.fields.some((f) => f.unique) }).toEqual({
        list: list.title,
        unique: false,
      });
  });

  it('makes unique values indexed (SharePoint requires it)', () => {
    for (const list of schema.lists) for (const f of list.fields) if (f.unique) expect(f.indexed).toBe(true);
  });

  it('creates lookup targets before the lists that look them up', () => {
    const order = schema.lists.map((l) => l.title);
    for (const [i, list] of schema.lists.entries()) {
      for (const f of list.fields.filter((x) => x.kind === 'lookup'))
        expect(order.indexOf(f.lookupList!)).toBeLessThanOrEqual(i);
    }
  });

  it('defines the exchange columns once, as site columns of the Uitwisselingsdocument content type', () => {
    const lib = schema.lists.find((l) => l.key === 'exchange')!;
    const [ct] = schema.contentTypes;
    expect(ct.id).toMatch(/^0x010100[0-9A-F]{32}$/);
    expect(ct.fields).toEqual(schema.siteColumns.map((f) => f.name));
    expect(lib.contentTypes).toEqual([ct.id]);
    expect(lib.fields.every((f) => f.fromContentType)).toBe(true);
    // Indexes are per list: the site columns carry none, the library's copies do.
    expect(schema.siteColumns.some((f) => f.indexed || f.unique)).toBe(false);
  });

  it('binds the Toets command set to the exchange library', () => {
    expect(schema.customActions).toEqual([
      expect.objectContaining({
        listKey: 'exchange',
        location: 'ClientSideExtension.ListViewCommandSet.CommandBar',
        clientSideComponentId: '62a9b070-7b05-4a56-bf0e-7aeaaac6a725',
      }),
    ]);
  });

  it('keeps the breach register to privacy officers (assess) and reporters (add, own items only, no edit)', () => {
    const breaches = schema.lists.find((l) => l.key === 'breaches')!;
    expect(breaches.readSecurity).toBe(2);
    expect(breaches.uniquePermissions).toEqual(
      expect.arrayContaining([
        { group: 'igj-privacy', role: 'assess' },
        { group: 'cibg-privacy', role: 'assess' },
        { group: 'igj-medewerkers', role: 'append' },
      ]),
    );
  });

  it('gives every governed list unique permissions and no grant to the Team\'s Members group: SharePoint refuses them', () => {
    for (const list of schema.lists) {
      // The configuration's library is read by everyone in the site (the rules are no secret); nobody else governed.
      const members = list.uniquePermissions.filter((g) => g.group === '$members' && !(list.key === 'config' && g.role === 'reader'));
      expect({ list: list.title, members: members.length > 0 }).toEqual({
        list: list.title,
        members: false,
      });
      expect(list.uniquePermissions.some((g) => g.group === '$owners' && g.role === 'administrator')).toBe(true);
    }
    expect(schema.teamDocuments.grants).toEqual(
      expect.arrayContaining([{ group: '$members', role: 'reader' }]),
    );
    expect(schema.configFile.grants.filter((g) => g.role !== 'reader').map((g) => g.group)).toEqual(['$owners', 'eigenaars']);
  });

  it('keeps the Toetslog append-only: staff add, privacy officers add and read all, nobody edits', () => {
    const audit = schema.lists.find((l) => l.key === 'audit')!;
    const roles = new Set(audit.uniquePermissions.filter((g) => !g.group.startsWith('$') && g.group !== 'eigenaars').map((g) => g.role));
    expect([...roles].sort()).toEqual(['append', 'appendReadAll']);
  });

  it('escapes configured labels in CAML', () => {
    const odd = {
      ...config,
      documentTypes: [...config.documentTypes, { key: 'dva-x', label: 'x', view: 'dva' as const }],
    };
    const q = buildSiteSchema(odd).lists[0].views.find((v) => v.title === "DVA's")!.query;
    expect(q).toContain('<Or>');
  });
});
