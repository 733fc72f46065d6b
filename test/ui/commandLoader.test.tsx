/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import * as React from 'react';
import { CommandLoader } from '../../src/ui/CommandLoader';
import type { Services } from '../../src/ports';
import { memoryLibrary } from '../helpers/memoryLibrary';
import { fakeServices, httpError, igjCibg, staffUser } from './fakeServices';

// jsdom lacks ResizeObserver, which Fluent's MessageBar uses.
class NoResizeObserver {
  public observe(): void {}
  public unobserve(): void {}
  public disconnect(): void {}
}
Object.assign(window, { ResizeObserver: NoResizeObserver });
// The scan decodes text with TextEncoder/TextDecoder, which jsdom lacks too.
Object.assign(globalThis, { TextEncoder: require('util').TextEncoder, TextDecoder: require('util').TextDecoder });

describe('CommandLoader (what a host command opens, without the dashboard)', () => {
  it('"Delen met toets" shows the share panel and none of the dashboard\'s tabs', async () => {
    const services = fakeServices({ siteUser: staffUser() });
    render(<CommandLoader load={async () => services} command={{ kind: 'delen' }} />);
    const region = await screen.findByRole('region', { name: 'Delen' });
    expect(region.getAttribute('data-command-panel')).toBe('delen');
    expect(await screen.findByTestId('share-panel')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Bestanden kiezen' })).toBeTruthy();
    expect(screen.queryByRole('tab')).toBeNull();
  });

  it('opens the upload dialog, which loads after the panel, for the picked files', async () => {
    const config = igjCibg();
    const user = staffUser();
    const services = {
      config,
      site: { currentUser: async () => user, groupMembers: async () => [] },
      documents: memoryLibrary(config, { userId: user.id }),
      audit: { append: async () => undefined },
    } as unknown as Services;
    render(<CommandLoader load={async () => services} command={{ kind: 'delen' }} />);
    const input = (await screen.findByTestId('file-input')) as HTMLInputElement;
    // jsdom's File has no arrayBuffer(): the picked file as the browser hands it (name, size, bytes).
    const bytes = new TextEncoder().encode('Verslag zonder persoonsgegevens');
    const file = { name: 'Verslag.txt', size: bytes.byteLength, arrayBuffer: async () => bytes.buffer.slice(0) };
    fireEvent.change(input, { target: { files: [file] } });
    expect(await screen.findByRole('dialog')).toBeTruthy();
    expect(document.querySelector('[data-file="Verslag.txt"]')).toBeTruthy();
  });

  it('tells someone in no party of the agreement that only its parties share (art. 10.1)', async () => {
    const services = fakeServices({ siteUser: staffUser({ party: null, groupKeys: ['accounthouders'] }) });
    render(<CommandLoader load={async () => services} command={{ kind: 'delen' }} host={{ locale: 'nl-NL' }} />);
    expect(await screen.findByText(/hoort bij geen partij .*\(art\. 10\.1\)/)).toBeTruthy();
    expect(screen.queryByTestId('share-panel')).toBeNull();
  });

  it('shows the refusal, not the panel, when the site refuses the caller (403, art. 10.1)', async () => {
    render(<CommandLoader load={() => Promise.reject(httpError(403))} command={{ kind: 'delen' }} />);
    expect(await screen.findByText('Geen toegang')).toBeTruthy();
    expect(screen.queryByRole('region')).toBeNull();
  });
});
