/** @jest-environment jsdom */
/**
 * The integrity banner (src/ui/trust): a privacy officer sees the findings counted by kind, in Dutch or English, each
 * row's reason in the UI's language, and how many files' bytes were not checked; staff see nothing.
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'util';
// jsdom has no TextEncoder/TextDecoder; modules the dashboard loads build theirs at load time, so they come first.
Object.assign(globalThis, {
  TextEncoder: globalThis.TextEncoder ?? NodeTextEncoder,
  TextDecoder: globalThis.TextDecoder ?? NodeTextDecoder,
});
import { act, fireEvent, render, screen } from '@testing-library/react';
import * as React from 'react';
import type { AuditLog, ExchangeDocument, Services, SiteInventory, SiteUser } from '../../src/ports';
import { StringsProvider, ServicesProvider } from '../../src/ui/services';
import TrustBanners from '../../src/ui/trust/TrustBanners';
import { loadConfigFixture } from '../helpers/config';

const config = loadConfigFixture();
const ROOT = '/sites/s/Uitwisseling';

function user(groupKeys: string[]): SiteUser {
  return {
    id: 11,
    loginName: 'i:0#.f|membership|fatima.elamrani@igj.example',
    displayName: 'Fatima El Amrani',
    email: 'fatima.elamrani@igj.example',
    isSiteAdmin: false,
    groups: [],
    groupKeys,
    party: 'igj',
  };
}

function doc(path: string, over: Partial<ExchangeDocument> = {}): ExchangeDocument {
  return {
    id: path.length,
    name: path.split('/').pop() as string,
    serverRelativeUrl: `${ROOT}/${path}`,
    toetsstatus: 'Toegestaan',
    categories: [],
    confidential: false,
    created: '2026-11-01T10:00:00Z',
    modified: '2026-11-01T10:00:00Z',
    etag: '"1"',
    version: '1.0',
    ...over,
  };
}

/** How often the check listed the library (it runs for privacy officers and owners only). */
let listed = 0;

/** Services with two hand-published files, a foreign folder, a foreign list, and one file whose bytes are not read. */
function services(who: SiteUser): Services {
  const audit: Pick<AuditLog, 'getMany' | 'reviewsOf' | 'byFileNames'> = {
    getMany: async (ids) =>
      ids.includes('t1')
        ? [
            {
              toetsId: 't1',
              at: '',
              user: { id: 7, displayName: 'Sanne de Vries', email: 'sanne.devries@igj.example' },
              author: { id: 7, displayName: 'Sanne de Vries', email: 'sanne.devries@igj.example' },
              party: 'igj',
              fileName: 'gedeeld.txt',
              decision: 'toegestaan',
              ruleVersion: '',
              answers: {},
              findings: [],
              reasons: [],
              contentHash: 'aaa',
            },
          ]
        : [],
    reviewsOf: async () => [],
    byFileNames: async () => [],
  };
  const inventory: SiteInventory = {
    exchangeFolders: async () => ({
      root: ROOT,
      folders: [
        { name: 'Gedeeld-igj', serverRelativeUrl: `${ROOT}/Gedeeld-igj` },
        { name: 'J. Jansen', serverRelativeUrl: `${ROOT}/Gedeeld-igj/J. Jansen` },
      ],
      more: false,
    }),
    lists: async () => ({
      lists: [{ id: 'x', title: 'Notities', baseTemplate: 100, hidden: false, itemCount: 1, rootFolder: '/sites/s/Lists/Notities' }],
    }),
    newestItem: async () => null,
    libraryFiles: async () => ({ items: [], more: false }),
    toetslog: async () => ({ items: [], more: false }),
    // Nothing left in the budget: the bytes are never read.
    publishedContent: async () => ({ state: 'too-large', size: 1 }),
  };
  return {
    config,
    site: {
      currentUser: async () => who,
      groupMembers: async (key: string) =>
        key === 'igj-medewerkers' ? [{ id: 7, displayName: 'Sanne de Vries', email: 'sanne.devries@igj.example' }] : [],
    },
    documents: {
      list: async () => ({
        _: listed++,
        items: [doc('Gedeeld-igj/zelf.txt'), doc('Gedeeld-igj/ook-zelf.txt'), doc('Gedeeld-igj/gedeeld.txt', { toetsId: 't1' })],
      }),
    },
    audit,
    channelFiles: { list: async () => ({ items: [], more: false }) },
    inventory,
    host: { siteUrl: 'http://localhost/sites/s' },
  } as unknown as Services;
}

function renderAs(who: SiteUser, locale: string): ReturnType<typeof render> {
  return render(
    <StringsProvider locale={locale}>
      <ServicesProvider services={services(who)}>
        <TrustBanners />
      </ServicesProvider>
    </StringsProvider>,
  );
}

describe('the integrity banner', () => {
  it('shows a privacy officer the findings counted by kind, and the files whose bytes were not checked (nl)', async () => {
    renderAs(user(['igj-privacy']), 'nl-NL');
    const banner = await screen.findByTestId('integrity-banner');
    expect(banner.getAttribute('data-count')).toBe('4');
    expect(banner.getAttribute('data-kinds')).toBe('no-record:2 folder-outside-schema:1 foreign-container:1');
    expect(banner.getAttribute('data-content-unchecked')).toBe('1');
    expect(screen.getByTestId('integrity-kinds').textContent).toBe(
      'Per soort: 2× geen toetsrecord, 1× map buiten het schema, 1× lijst of bibliotheek buiten het schema. ',
    );
    expect(banner.textContent).toMatch(/Inhoud van 0 stuk\(ken\) vergeleken.*; 1 niet gecontroleerd/);
    expect(banner.textContent).toMatch(/Niet gecontroleerd: inhoud van 1 gedeeld\(e\) stuk\(ken\).*gedeeld\.txt/);
    fireEvent.click(screen.getByTestId('integrity-toggle'));
    const row = (await screen.findByTestId('integrity-findings')).querySelector('[data-kind="folder-outside-schema"]');
    expect(row?.textContent).toMatch(/Map 'Gedeeld-igj\/J\. Jansen'.*art\. 8, 9\.5/);
  });

  it('says the same in English', async () => {
    renderAs(user(['igj-privacy']), 'en-US');
    const banner = await screen.findByTestId('integrity-banner');
    expect(screen.getByTestId('integrity-kinds').textContent).toBe(
      'By kind: 2× no check record, 1× folder outside the schema, 1× list or library outside the schema. ',
    );
    expect(banner.textContent).toMatch(/Not checked: content of 1 shared file\(s\) not checked/);
    fireEvent.click(screen.getByTestId('integrity-toggle'));
    const table = await screen.findByTestId('integrity-findings');
    expect(table.querySelector('[data-kind="foreign-container"]')?.textContent).toMatch(/List 'Notities' is not part of the space.*art\. 8, 9\.5/);
    expect(table.querySelector('[data-kind="no-record"]')?.textContent).toMatch(/Shared without a check/);
  });

  it('shows staff nothing, and does not even run the check for them', async () => {
    listed = 0;
    await act(async () => {
      renderAs(user(['igj-medewerkers']), 'nl-NL');
    });
    expect(screen.queryByTestId('integrity-banner')).toBeNull();
    expect(listed).toBe(0);
    // The same page for a privacy officer runs it.
    await act(async () => {
      renderAs(user(['igj-privacy']), 'nl-NL');
    });
    await screen.findByTestId('integrity-banner');
    expect(listed).toBe(1);
  });
});
