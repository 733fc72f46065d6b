import type { AgreementConfig } from '../../src/domain/agreement/schema';
import { restrictedFolderName, reviewFolderName, sharedFolderName } from '../../src/provisioning/folders';
import { exchangeFolders, exchangeRootGrants } from '../../src/provisioning/permissions';
import { buildSiteSchema } from '../../src/provisioning/siteSchema';
import type { Grant } from '../../src/provisioning/types';
import { loadConfigFixture } from '../helpers/config';

const config = loadConfigFixture();

/** The group keys of a grant list, optionally only those with a role, sorted. */
function keys(grants: readonly Grant[], roles?: Grant['role'][]): string[] {
  return grants
    .filter((g) => !roles || roles.includes(g.role))
    .map((g) => g.group)
    .sort();
}

/** The grants of one folder. */
function folder(c: AgreementConfig, name: string): Grant[] {
  const f = exchangeFolders(c).find((x) => x.name === name);
  if (!f) throw new Error(`no folder ${name}`);
  return f.grants;
}

/** Keys of the groups of a kind (and party, when given). */
function groups(c: AgreementConfig, kind: string, party?: string | null): string[] {
  return c.groups
    .filter((g) => g.kind === kind && (party === undefined || (g.party ?? null) === party))
    .map((g) => g.key)
    .sort();
}

describe('exchange folders and root (nothing unclassified reaches the other party, art. 9.2, 10.1)', () => {
  it('gives the shared folder to its own party to share and lets the other party only read', () => {
    const grants = folder(config, 'Gedeeld-igj');
    expect(keys(grants, ['share'])).toEqual(['igj-medewerkers', 'igj-privacy']);
    expect(keys(grants, ['reader'])).toEqual(['accounthouders', 'cibg-medewerkers', 'cibg-privacy']);
    expect(keys(grants, ['administrator'])).toEqual(['$owners', 'eigenaars']);
  });

  it('lets the sharing party only hand files in to its review folder; its privacy officer decides (art. 9.2)', () => {
    const grants = folder(config, 'Review-igj');
    expect(keys(grants, ['share'])).toEqual(['igj-privacy']);
    expect(keys(grants, ['append'])).toEqual(['igj-medewerkers', ...groups(config, 'vertrouwelijk', 'igj')].sort());
    expect(keys(grants)).not.toContain('cibg-medewerkers');
    expect(keys(grants)).not.toContain('cibg-privacy');
  });

  it('lets only the own autorisatielijst group and privacy officer edit a restricted folder; the others read', () => {
    const grants = folder(config, 'Vertrouwelijk-igj');
    expect(keys(grants, ['share'])).toEqual(['igj-privacy', ...groups(config, 'vertrouwelijk', 'igj')].sort());
    expect(keys(grants, ['reader'])).toEqual(
      ['cibg-privacy', ...groups(config, 'vertrouwelijk').filter((k) => !groups(config, 'vertrouwelijk', 'igj').includes(k))].sort(),
    );
    // art. 10.1: staff outside the autorisatielijst have no grant at all.
    expect(keys(grants)).not.toContain('igj-medewerkers');
    expect(keys(grants)).not.toContain('cibg-medewerkers');
  });

  it('lets staff only read at the library root, so no upload lands where both parties edit', () => {
    const root = exchangeRootGrants(config);
    expect(keys(root, ['contributor', 'editor', 'share', 'append'])).toEqual([]);
    expect(keys(root, ['administrator'])).toEqual(['$owners', 'eigenaars']);
    expect(keys(root, ['reader'])).toEqual(['accounthouders', 'cibg-medewerkers', 'cibg-privacy', 'igj-medewerkers', 'igj-privacy']);
  });

  it.each(['igj-cibg', 'cjg-rijnmond', 'igj-om'])(
    '%s: every group that may edit a folder belongs to that folder\'s party (drafts never cross parties)',
    (name) => {
      const c = loadConfigFixture(name);
      const partyOf = new Map(c.groups.map((g) => [g.key, g.party ?? null]));
      const owners = new Set(groups(c, 'owners'));
      for (const party of c.parties) {
        const names = [sharedFolderName(party.key), reviewFolderName(party.key)];
        if (c.classification.levels.some((l) => l.restricted)) names.push(restrictedFolderName(party.key));
        for (const n of names) {
          for (const g of folder(c, n).filter((x) => x.role !== 'reader' && !owners.has(x.group) && x.group !== '$owners')) {
            expect({ folder: n, group: g.group, party: partyOf.get(g.group) }).toEqual({
              folder: n,
              group: g.group,
              party: party.key,
            });
          }
        }
      }
      expect(keys(exchangeRootGrants(c), ['contributor', 'editor', 'share', 'append'])).toEqual([]);
    },
  );

  it('provisions the library with drafts, a read-only root and the folders of every party', () => {
    const lib = buildSiteSchema(config).lists.find((l) => l.key === 'exchange')!;
    expect(lib.drafts).toBe(true);
    expect(lib.uniquePermissions).toEqual(exchangeRootGrants(config));
    expect(lib.folders!.map((f) => f.name)).toEqual([
      'Gedeeld-igj',
      'Review-igj',
      'Vertrouwelijk-igj',
      'Gedeeld-cibg',
      'Review-cibg',
      'Vertrouwelijk-cibg',
    ]);
  });
});
