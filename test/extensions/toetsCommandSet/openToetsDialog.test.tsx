/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import * as React from 'react';
import type { CommandLoaderProps } from '../../../src/ui/CommandLoader';

// The shared UI is tested on its own (test/ui); here it stands in as a probe that shows what the dialog hands it.
const received: CommandLoaderProps[] = [];
jest.mock('../../../src/ui/CommandLoader', () => ({
  CommandLoader: (props: CommandLoaderProps) => {
    received.push(props);
    return <div data-testid="shared-ui">{JSON.stringify(props.host)}</div>;
  },
}));

import { openToetsDialog } from '../../../src/extensions/toetsCommandSet/components/openToetsDialog';

const dialogHosts = (): NodeListOf<Element> => document.querySelectorAll('[data-samenwerkingsruimte="toets-dialog"]');
const load = jest.fn(async () => ({}) as never);

describe('Toets command set dialog (rendered into its own div, no SPFx context)', () => {
  beforeEach(() => {
    received.length = 0;
  });
  afterEach(() => dialogHosts().forEach((el) => el.remove()));

  it('opens the shared UI in a modal titled after the command, with the selected documents as plain data', async () => {
    const items = [{ id: 12, name: 'Werkafspraak BIG.pdf', serverRelativeUrl: '/sites/s/Uitwisseling/Werkafspraak BIG.pdf' }];
    const close = openToetsDialog({ command: { kind: 'datalek', items }, locale: 'nl-NL', load });
    expect(await screen.findByRole('dialog')).toBeTruthy();
    expect(screen.getByText('Datalek melden')).toBeTruthy();
    await screen.findByTestId('shared-ui');
    const props = received[received.length - 1];
    expect(props.host).toEqual({ locale: 'nl-NL', theme: 'web' });
    expect(props.command).toEqual({ kind: 'datalek', items });
    expect(props.load).toBe(load); // the command set's memoised builder, so a retry can build again
    close();
  });

  it('uses English for an English SharePoint UI', async () => {
    const close = openToetsDialog({ command: { kind: 'delen' }, locale: 'en-US', load });
    expect(await screen.findByText('Share with check')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Close' })).toBeTruthy();
    expect(received[received.length - 1].command).toEqual({ kind: 'delen' });
    close();
  });

  it('"Sluiten" unmounts the dialog, removes its div and reports the close once', async () => {
    const onClosed = jest.fn();
    const close = openToetsDialog({ command: { kind: 'delen' }, locale: 'nl-NL', load, onClosed });
    expect(dialogHosts()).toHaveLength(1);
    fireEvent.click(await screen.findByRole('button', { name: 'Sluiten' }));
    await waitFor(() => expect(dialogHosts()).toHaveLength(0));
    close(); // closing again (e.g. on dispose) is harmless
    expect(onClosed).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('Escape closes it too (Fluent dialog semantics)', async () => {
    const onClosed = jest.fn();
    openToetsDialog({ command: { kind: 'delen' }, locale: 'nl-NL', load, onClosed });
    fireEvent.keyDown(await screen.findByRole('dialog'), { key: 'Escape' });
    await waitFor(() => expect(onClosed).toHaveBeenCalledTimes(1));
    expect(dialogHosts()).toHaveLength(0);
  });
});
