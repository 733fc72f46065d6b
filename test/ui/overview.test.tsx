/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import * as React from 'react';
import { App } from '../../src/ui/App';
import { doc, fakeServices, httpError, igjCibg, profile } from './fakeServices';

describe('Overzicht tab', () => {
  it('shows the agreement, both parties with accounthouder, contacts and breach address, and who you are', async () => {
    const services = fakeServices({});
    render(<App services={services} />);
    expect(await screen.findByRole('heading', { name: /Samenwerkingsovereenkomst tussen de Inspectie/ })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Overzicht' })).toBeTruthy();
    const igj = screen.getByRole('heading', { name: 'IGJ' }).closest('[data-party]') as HTMLElement;
    expect(within(igj).getByText('privacy@igj.nl')).toBeTruthy();
    expect(within(igj).getByText('Afdelingshoofd Risicodetectie en Ontwikkeling')).toBeTruthy();
    expect(within(igj).getByText(/1e contactpersoon: Fatima El Amrani/)).toBeTruthy();
    expect(within(igj).getByText('Uw partij')).toBeTruthy();
    const cibg = screen.getByRole('heading', { name: 'CIBG' }).closest('[data-party]') as HTMLElement;
    expect(within(cibg).getByText('CIBGDatalekregister@minvws.nl')).toBeTruthy();
    expect(within(cibg).queryByText('Uw partij')).toBeNull();
    expect(screen.getByTestId('current-party').textContent).toBe('Uw partij: IGJ (Inspectie Gezondheidszorg en Jeugd)');
    expect(screen.getByText('Nog niet in werking: de publicatie in de Staatscourant is nog niet vastgelegd (art. 14.1).')).toBeTruthy();
  });

  it('lists the documents the library returns with labels from the configuration, newest first', async () => {
    const config = igjCibg();
    const restricted = config.classification.levels.find((l) => l.restricted)!;
    const open = config.classification.levels.find((l) => !l.restricted)!;
    const services = fakeServices({
      config,
      list: async () => ({
        items: [
          doc({ id: 1, name: 'Werkafspraak.docx', documentType: config.documentTypes[0].key, classification: open.key, party: 'igj' }),
          doc({ id: 2, name: 'Signaal.docx', classification: restricted.key, party: 'cibg' }),
        ],
      }),
    });
    render(<App services={services} />);
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getByRole('link', { name: 'Werkafspraak.docx' }).getAttribute('href')).toBe(
      '/sites/samenwerkingsruimte/Uitwisseling/Werkafspraak.docx',
    );
    expect(within(rows[1]).getByText(config.documentTypes[0].label)).toBeTruthy();
    expect(within(rows[2]).getByText(restricted.label)).toBeTruthy();
    expect(within(rows[2]).getByText('CIBG')).toBeTruthy();
    expect(services.calls).toEqual([{ view: 'alle', pageSize: 25, orderBy: { field: 'modified', ascending: false } }]);
  });

  it('marks a native upload as a draft that only the party of its folder reads', async () => {
    const services = fakeServices({
      config: igjCibg(),
      list: async () => ({
        items: [
          doc({ id: 3, name: 'Sleep.txt', version: '0.1', serverRelativeUrl: '/sites/s/Uitwisseling/Gedeeld-igj/Sleep.txt' }),
          doc({ id: 4, name: 'Gedeeld.txt', version: '3.0', party: 'cibg' }),
        ],
      }),
    });
    render(<App services={services} />);
    const table = await screen.findByRole('table');
    const badges = within(table).getAllByTestId('draft-badge');
    expect(badges.map((b) => b.getAttribute('title'))).toEqual([
      'Versie 0.1: nog niet gepubliceerd, alleen IGJ kan dit lezen.',
    ]);
  });

  it('says there is nothing to see when the library returns no documents', async () => {
    render(<App services={fakeServices({ list: async () => ({ items: [] }) })} />);
    expect((await screen.findByTestId('documents-empty')).textContent).toBe('Er zijn geen documenten die u mag zien.');
  });

  it('shows the library refusal (403) as no access to the library, not as a crash', async () => {
    const services = fakeServices({
      currentUser: async () => profile({ displayName: 'Olaf Buiten', email: 'olaf.buiten@extern.example', party: null }),
      list: async () => {
        throw httpError(403);
      },
    });
    render(<App services={services} />);
    expect((await screen.findByTestId('documents-denied')).textContent).toMatch(/geen toegang tot de uitwisselbibliotheek \(art\. 10\.1\)/);
    expect(screen.getByTestId('current-party').textContent).toBe('U hoort bij geen van de partijen van deze overeenkomst.');
  });

  it('shows any other failure as a sentence that says what to do, SharePoint’s words behind the details, and a retry', async () => {
    let attempts = 0;
    const services = fakeServices({
      list: async () => {
        attempts++;
        if (attempts === 1) throw httpError(500, 'De lijstweergavedrempel is overschreden');
        return { items: [doc({ id: 7, name: 'Na opnieuw proberen.txt' })] };
      },
    });
    render(<App services={services} />);
    expect(await screen.findByText(/SharePoint of Microsoft 365 had een storing\. Probeer het over een paar minuten opnieuw/)).toBeTruthy();
    expect(screen.getByTestId('failure-details').textContent).toContain('De lijstweergavedrempel is overschreden');
    screen.getByRole('button', { name: 'Opnieuw proberen' }).click();
    expect(await screen.findByText('Na opnieuw proberen.txt')).toBeTruthy();
    expect(attempts).toBe(2);
  });

  it('renders in English when the host says so, with the same data', async () => {
    render(<App services={fakeServices({})} host={{ locale: 'en-US', theme: 'teamsDark' }} />);
    expect(await screen.findByRole('tab', { name: 'Overview' })).toBeTruthy();
    expect(screen.getAllByText('Data breach address (art. 9.6)')).toHaveLength(2);
  });
});
