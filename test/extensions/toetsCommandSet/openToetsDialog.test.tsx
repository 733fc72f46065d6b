/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { openToetsDialog } from '../../../src/extensions/toetsCommandSet/components/openToetsDialog';
import { fakeServices } from '../../ui/fakeServices';

const dialogHosts = (): NodeListOf<Element> => document.querySelectorAll('[data-samenwerkingsruimte="toets-dialog"]');

describe('Toets command set dialog (rendered into its own div, no SPFx context)', () => {
  afterEach(() => dialogHosts().forEach((el) => el.remove()));

  it('opens the shared UI in a modal titled after the command, in the page language', async () => {
    const close = openToetsDialog({ kind: 'datalek', locale: 'nl-NL', load: async () => fakeServices({}) });
    expect(await screen.findByRole('dialog')).toBeTruthy();
    expect(screen.getByText('Datalek melden')).toBeTruthy();
    expect(await screen.findByRole('tab', { name: 'Overzicht' })).toBeTruthy();
    close();
  });

  it('uses English for an English SharePoint UI', async () => {
    const close = openToetsDialog({ kind: 'delen', locale: 'en-US', load: async () => fakeServices({}) });
    expect(await screen.findByText('Share with check')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Close' })).toBeTruthy();
    close();
  });

  it('"Sluiten" unmounts the dialog, removes its div and reports the close once', async () => {
    const onClosed = jest.fn();
    const close = openToetsDialog({ kind: 'delen', locale: 'nl-NL', load: async () => fakeServices({}), onClosed });
    expect(dialogHosts()).toHaveLength(1);
    fireEvent.click(await screen.findByRole('button', { name: 'Sluiten' }));
    await waitFor(() => expect(dialogHosts()).toHaveLength(0));
    close(); // closing again (e.g. on dispose) is harmless
    expect(onClosed).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows a failure to build the services inside the dialog, with a retry that builds again', async () => {
    let calls = 0;
    const load = async (): Promise<ReturnType<typeof fakeServices>> => {
      calls += 1;
      if (calls === 1) throw new Error('Token voor Microsoft Graph niet ontvangen');
      return fakeServices({});
    };
    const close = openToetsDialog({ kind: 'datalek', locale: 'nl-NL', load });
    fireEvent.click(await screen.findByRole('button', { name: 'Opnieuw proberen' }));
    expect(await screen.findByRole('tab', { name: 'Overzicht' })).toBeTruthy();
    expect(calls).toBe(2);
    close();
  });
});
