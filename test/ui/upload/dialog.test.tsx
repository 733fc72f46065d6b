/** @jest-environment jsdom */
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as React from 'react';
import type { DocumentMetadata, Services, SiteUser } from '../../../src/ports';
import { AppFrame } from '../../../src/ui/AppFrame';
import { ServicesProvider } from '../../../src/ui/services';
import { UploadDialog } from '../../../src/ui/upload/UploadDialog';
import { igjCibg } from '../fakeServices';
import { LIBRARY, memoryLibrary } from '../../helpers/memoryLibrary';
import { threePartyConfig } from '../../security/permissionsConfigs';

// jsdom lacks what the browser has: TextEncoder/TextDecoder (the scan) and ResizeObserver (Fluent's Dialog).
Object.assign(globalThis, { TextEncoder: require('util').TextEncoder, TextDecoder: require('util').TextDecoder });
class NoResizeObserver {
  public observe(): void {}
  public unobserve(): void {}
  public disconnect(): void {}
}
Object.assign(window, { ResizeObserver: NoResizeObserver });
// The first text file a test process scans loads the scan's WebAssembly walk (on a clean clone ts-jest transpiles it
// first): on a busy test machine that takes longer than the default second.
configure({ asyncUtilTimeout: 10_000 });

const user: SiteUser = {
  id: 7,
  loginName: 'i:0#.f|membership|sanne.devries@igj.example',
  displayName: 'Sanne de Vries',
  email: 'sanne.devries@igj.example',
  isSiteAdmin: false,
  groups: [],
  groupKeys: ['igj-medewerkers', 'igj-vertrouwelijk'],
  party: 'igj',
};

/** A picked file as the browser hands it (name, size, bytes). */
function picked(name: string, text: string): { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> } {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.byteLength, arrayBuffer: async () => bytes.buffer.slice(0) as ArrayBuffer };
}

/** What the library stored: one entry per file, with its metadata. */
interface Upload {
  name: string;
  metadata: Partial<DocumentMetadata>;
}

/** The ports the dialog uses: the library in memory (test/helpers/memoryLibrary.ts) and a recorded Toetslog. */
function services(existing: string[] = [], config = igjCibg()): Services & { uploads: Upload[]; records: unknown[] } {
  const lib = memoryLibrary(config, { userId: user.id });
  for (const name of existing) lib.seed({ folder: `${LIBRARY}/Gedeeld-cibg`, name, authorId: 21 });
  const records: unknown[] = [];
  return {
    config,
    get uploads(): Upload[] {
      return lib.files.filter((f) => f.authorId === user.id).map((f) => ({ name: f.name, metadata: f.meta }));
    },
    records,
    audit: { append: async (r: unknown) => void records.push(r) },
    documents: lib,
  } as unknown as Services & { uploads: Upload[]; records: unknown[] };
}

function renderDialog(s: Services, files: ReturnType<typeof picked>[], locale?: string): void {
  render(
    <AppFrame host={locale ? { locale } : {}}>
      <ServicesProvider services={s}>
        <UploadDialog files={files} user={user} onClose={() => undefined} />
      </ServicesProvider>
    </AppFrame>,
  );
}

/** The row of one file. */
function row(name: string): HTMLElement {
  return document.querySelector(`[data-file="${name}"]`) as HTMLElement;
}

describe('UploadDialog', () => {
  it('shows bad input per file, the scan findings as counts and kinds, and sends nothing before "Delen"', async () => {
    const s = services(['Bestaand.txt']);
    renderDialog(s, [
      picked('Lijst.txt', 'BSN 111222333 en 123456782'),
      picked('leeg.txt', ''),
      picked('a:b.txt', 'x'),
      picked('Bestaand.txt', 'x'),
    ]);
    await waitFor(() =>
      expect(within(row('Lijst.txt')).getByTestId('scan').textContent).toBe('Scan: 2 BSN-nummers gevonden'),
    );
    expect(within(row('leeg.txt')).getByText(/is leeg \(0 bytes\)/)).toBeTruthy();
    expect(within(row('a:b.txt')).getByText(/bevat :; SharePoint verbiedt/)).toBeTruthy();
    await waitFor(() => expect(within(row('Bestaand.txt')).getByText(/bestaat al in de bibliotheek/)).toBeTruthy());
    expect((screen.getByTestId('check') as HTMLButtonElement).disabled).toBe(true);
    expect(s.uploads).toHaveLength(0);
  });

  it('allowed: answer, check, share; the upload carries the decided metadata and the progress shows', async () => {
    const s = services();
    renderDialog(s, [picked('Verslag.txt', 'Verslag van het overleg.')]);
    await waitFor(() =>
      expect(within(row('Verslag.txt')).getByTestId('scan').textContent).toBe('Scan: geen persoonsgegevens gevonden'),
    );
    fireEvent.change(screen.getByTestId('documentType'), { target: { value: 'overlegstuk' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Intern' }));
    fireEvent.click(document.querySelector('input[name="personal"][value="no"]') as HTMLInputElement);
    await act(async () => {
      fireEvent.click(screen.getByTestId('check'));
    });
    expect(row('Verslag.txt').querySelector('[data-outcome="allowed"]')).toBeTruthy();
    expect(s.uploads).toHaveLength(0);
    await act(async () => {
      fireEvent.click(screen.getByTestId('share'));
    });
    await waitFor(() => expect(row('Verslag.txt').getAttribute('data-state')).toBe('done'));
    expect(s.uploads[0].metadata).toMatchObject({
      documentType: 'overlegstuk',
      classification: 'intern',
      toetsstatus: 'Toegestaan',
      party: 'igj',
    });
    expect(s.records).toHaveLength(1);
  });

  it('keeps focus in the dialog as buttons are replaced: Delen after Toetsen, the files after Delen, the question after a change', async () => {
    const s = services();
    renderDialog(s, [picked('Notitie.txt', 'Notitie van het overleg.')]);
    await waitFor(() => expect(within(row('Notitie.txt')).getByTestId('scan')).toBeTruthy());
    const answer = (): void => {
      fireEvent.change(screen.getByTestId('documentType'), { target: { value: 'overlegstuk' } });
      fireEvent.click(screen.getByRole('radio', { name: 'Intern' }));
      fireEvent.click(document.querySelector('input[name="personal"][value="no"]') as HTMLInputElement);
    };
    answer();
    screen.getByTestId('check').focus();
    await act(async () => {
      fireEvent.click(screen.getByTestId('check'));
    });
    // "Toetsen" is gone; focus is on "Delen", which took its place.
    expect(document.activeElement).toBe(screen.getByTestId('share'));
    // "Antwoorden aanpassen" is gone with the decision; focus is on the first question.
    screen.getByTestId('change').focus();
    act(() => {
      fireEvent.click(screen.getByTestId('change'));
    });
    expect(document.activeElement).toBe(screen.getByTestId('documentType'));
    answer();
    await act(async () => {
      fireEvent.click(screen.getByTestId('check'));
    });
    await act(async () => {
      fireEvent.click(screen.getByTestId('share'));
    });
    await waitFor(() => expect(row('Notitie.txt').getAttribute('data-state')).toBe('done'));
    // The files with their results have focus while and after sharing: focusable, named.
    const files = screen.getByTestId('upload-files');
    expect(document.activeElement).toBe(files);
    expect(files.getAttribute('tabindex')).toBe('-1');
    expect(files.getAttribute('aria-label')).toBe('Bestanden');
    // "Andere bestanden delen" is gone with the results; focus is on "Bestanden kiezen".
    act(() => {
      fireEvent.click(screen.getByTestId('again'));
    });
    expect(document.activeElement?.textContent).toBe('Bestanden kiezen');
  });

  it('speaks English when the host does: findings, questions and the missing-answers hint', async () => {
    renderDialog(services(), [picked('List.txt', 'BSN 111222333')], 'en-US');
    await waitFor(() => expect(within(row('List.txt')).getByTestId('scan').textContent).toBe('Scan: 1 BSN found'));
    expect(screen.getByText('Does the document contain personal data? (art. 8)')).toBeTruthy();
    expect(screen.getByTestId('missing').textContent).toMatch(/^Still to answer: Document type; Classification/);
  });

  it('three parties: the uploader ticks the recipients the purpose allows; only a set with a folder can be checked', async () => {
    const s = services([], threePartyConfig());
    renderDialog(s, [picked('Alleen CIBG.txt', 'Agenda van het overleg.')]);
    await waitFor(() => expect(within(row('Alleen CIBG.txt')).getByTestId('scan')).toBeTruthy());
    fireEvent.change(screen.getByTestId('documentType'), { target: { value: 'overlegstuk' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Intern' }));
    fireEvent.click(document.querySelector('input[name="personal"][value="no"]') as HTMLInputElement);
    // No personal data: every other party, or a set that has a folder (IGJ may send to CIBG alone).
    const boxes = within(screen.getByTestId('recipients')).getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.map((b) => b.value)).toEqual(['cibg', 'nza']);
    expect(screen.getByTestId('missing').textContent).toMatch(/Met welke partijen/);
    // NZa alone has no folder (no purpose of IGJ goes to NZa only): named, and the check stays closed.
    fireEvent.click(screen.getByRole('checkbox', { name: 'NZa' }));
    expect(screen.getByTestId('recipients-unavailable').textContent).toMatch(/CIBG en NZa; CIBG/);
    fireEvent.click(screen.getByRole('checkbox', { name: 'NZa' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'CIBG' }));
    await act(async () => {
      fireEvent.click(screen.getByTestId('check'));
    });
    expect(row('Alleen CIBG.txt').querySelector('[data-outcome="allowed"]')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByTestId('share'));
    });
    await waitFor(() => expect(row('Alleen CIBG.txt').getAttribute('data-state')).toBe('done'));
    expect(s.uploads[0].metadata).toMatchObject({ party: 'igj', recipients: ['cibg'] });
    expect((s.records[0] as { recipients?: string[] }).recipients).toEqual(['cibg']);
  });
});
