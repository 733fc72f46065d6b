/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as React from 'react';
import type { DocumentQuery, ExchangeDocument, Page, Services } from '../../../src/ports';
import { AppFrame } from '../../../src/ui/AppFrame';
import { ServicesProvider } from '../../../src/ui/services';
import DocumentsTab from '../../../src/ui/views/DocumentsTab';
import { DOCUMENT_VIEWS, VIEW_PAGE_SIZE, availableViews, queryFor } from '../../../src/ui/views/viewQueries';
import { VIEW_ROW_LIMIT } from '../../../src/provisioning/exchangeLibrary';
import { doc, igjCibg } from '../fakeServices';

/** Fake document store recording every call; a page per view named after the view. */
function fakes(
  answer: (q: DocumentQuery) => Page<ExchangeDocument> = (q) => ({
    items: [doc({ id: 1, name: `${q.view}.txt`, year: 2025 })],
  }),
) {
  const calls: { listMany: DocumentQuery[][]; list: DocumentQuery[] } = { listMany: [], list: [] };
  const services = {
    config: igjCibg(),
    documents: {
      listMany: async (qs: DocumentQuery[]) => {
        calls.listMany.push(qs);
        return qs.map(answer);
      },
      list: async (q: DocumentQuery) => {
        calls.list.push(q);
        return answer(q);
      },
    },
  } as unknown as Services;
  return { services, calls };
}

/** Renders the tab as the dashboard does. */
function renderTab(services: Services): void {
  render(
    <AppFrame host={{}}>
      <ServicesProvider services={services}>
        <DocumentsTab />
      </ServicesProvider>
    </AppFrame>,
  );
}

/** Document names in the table. */
const names = (): string[] =>
  Array.from(document.querySelectorAll('[data-document]')).map((r) => r.getAttribute('data-document') ?? '');

describe('Documenten tab', () => {
  it('pages like the provisioned SharePoint views', () => {
    expect(VIEW_PAGE_SIZE).toBe(VIEW_ROW_LIMIT);
    expect(availableViews(igjCibg())).toEqual([...DOCUMENT_VIEWS]);
  });

  it('asks the first pages of all seven views in ONE listMany call, then switches views without a request', async () => {
    const { services, calls } = fakes();
    renderTab(services);
    await screen.findByText('werkafspraken.txt');
    expect(calls.listMany).toHaveLength(1);
    expect(calls.listMany[0].map((q) => q.view)).toEqual([...DOCUMENT_VIEWS]);
    fireEvent.click(screen.getByRole('tab', { name: "DVA's" }));
    await screen.findByText('dva.txt');
    fireEvent.click(screen.getByRole('tab', { name: 'Bewaartermijn verlopen' }));
    await screen.findByText('bewaartermijn-verlopen.txt');
    expect(calls.list).toEqual([]);
    expect(
      screen.getByText('Stukken waarvan de bewaartermijn voorbij is: vernietigen of opnieuw beoordelen.'),
    ).toBeTruthy();
  });

  it('marks a draft "Concept", naming the party whose folder holds it; a published version has no badge', async () => {
    const { services } = fakes(() => ({
      items: [
        doc({ id: 1, name: 'sleep.txt', version: '0.1', serverRelativeUrl: '/sites/s/Uitwisseling/Gedeeld-cibg/sleep.txt' }),
        doc({ id: 2, name: 'gedeeld.txt', version: '1.0', party: 'igj' }),
        doc({ id: 3, name: 'gewijzigd.txt', version: '2.1', party: 'igj' }),
      ],
    }));
    renderTab(services);
    await screen.findAllByText('sleep.txt');
    const badge = (name: string): Element | null =>
      document.querySelector(`[data-document="${name}"] [data-testid="draft-badge"]`);
    expect(badge('sleep.txt')?.getAttribute('title')).toBe(
      'Versie 0.1: nog niet gepubliceerd, alleen CIBG kan dit lezen.',
    );
    expect(badge('gedeeld.txt')).toBeNull();
    expect(badge('gewijzigd.txt')?.textContent).toBe('Concept');
  });

  it('adds the party, year and classification filters to the view query and starts at page 1', async () => {
    const { services, calls } = fakes();
    renderTab(services);
    await screen.findByText('werkafspraken.txt');
    fireEvent.change(screen.getByTestId('filter-year').querySelector('input') ?? screen.getByTestId('filter-year'), {
      target: { value: '2024' },
    });
    await waitFor(() => expect(calls.list).toHaveLength(1));
    expect(calls.list[0]).toEqual({ view: 'werkafspraken', pageSize: VIEW_PAGE_SIZE, year: 2024 });
    // A half-typed year asks nothing and says what is wrong.
    fireEvent.change(screen.getByTestId('filter-year').querySelector('input') ?? screen.getByTestId('filter-year'), {
      target: { value: '20' },
    });
    expect(await screen.findByText('Vul een jaartal in van vier cijfers.')).toBeTruthy();
    expect(calls.list).toHaveLength(1);
  });

  it('pages forward and back with the token SharePoint gave', async () => {
    const { services, calls } = fakes((q) =>
      q.pageToken
        ? { items: [doc({ id: 99, name: 'page2.txt' })] }
        : { items: [doc({ id: 1, name: 'page1.txt' })], nextPageToken: 'Paged=TRUE&p_ID=1' },
    );
    renderTab(services);
    await screen.findByText('page1.txt');
    fireEvent.click(screen.getByTestId('page-next'));
    await screen.findByText('page2.txt');
    expect(calls.list[0]).toEqual(queryFor({ view: 'werkafspraken', pageTokens: ['Paged=TRUE&p_ID=1'] }));
    expect(screen.getByTestId('page-number').textContent).toBe('Pagina 2');
    expect((screen.getByTestId('page-next') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('page-previous'));
    await screen.findByText('page1.txt');
    expect(names()).toEqual(['page1.txt']);
  });

  it('sorts only on indexed columns, toggling direction, and groups the DVA view per year (art. 12)', async () => {
    const { services, calls } = fakes((q) =>
      q.view === 'dva'
        ? {
            items: [
              doc({ id: 1, name: 'DVA 2026.txt', year: 2026 }),
              doc({ id: 2, name: 'DVA 2025a.txt', year: 2025 }),
              doc({ id: 3, name: 'DVA 2025b.txt', year: 2025 }),
            ],
          }
        : { items: [] },
    );
    renderTab(services);
    await screen.findByText('Geen documenten in deze weergave die u mag zien.');
    fireEvent.click(screen.getByRole('tab', { name: "DVA's" }));
    await screen.findByText('DVA 2026.txt');
    expect(Array.from(document.querySelectorAll('[data-year-group]')).map((r) => r.textContent)).toEqual([
      'Jaar 2026',
      'Jaar 2025',
    ]);
    const table = screen.getByTestId('view-table');
    expect(within(table).getByRole('columnheader', { name: 'Naam' }).getAttribute('aria-sort')).toBeNull();
    fireEvent.click(
      table.querySelector('[data-sort="modified"] button') ??
        (table.querySelector('[data-sort="modified"]') as Element),
    );
    await waitFor(() => expect(calls.list.at(-1)?.orderBy).toEqual({ field: 'modified', ascending: false }));
    fireEvent.click(
      table.querySelector('[data-sort="modified"] button') ??
        (table.querySelector('[data-sort="modified"]') as Element),
    );
    await waitFor(() => expect(calls.list.at(-1)?.orderBy).toEqual({ field: 'modified', ascending: true }));
  });

  it('shows a failure with retry, and retrying asks again', async () => {
    let fail = true;
    const { services, calls } = fakes();
    (services.documents as { listMany: unknown }).listMany = async (qs: DocumentQuery[]) => {
      calls.listMany.push(qs);
      if (fail) throw new Error('SharePoint is even niet bereikbaar');
      return qs.map((q) => ({ items: [doc({ id: 1, name: `${q.view}.txt` })] }));
    };
    renderTab(services);
    expect(await screen.findByText('SharePoint is even niet bereikbaar')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    await screen.findByText('werkafspraken.txt');
    expect(calls.listMany).toHaveLength(2);
  });
});
