/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { readFileSync } from 'fs';
import { join } from 'path';
import * as React from 'react';
import { isConfigMissing } from '../../../src/webparts/samenwerkingsruimte/setup/configMissing';
import { SetupPanel, type Provision } from '../../../src/webparts/samenwerkingsruimte/setup/SetupPanel';
import { ConfigLoadError } from '../../../src/ports/config';
import { configError } from '../../../src/domain/agreement/errors';

// jsdom has no ResizeObserver; Fluent's MessageBar only uses it to reflow long text.
class NoResize {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(window as unknown as { ResizeObserver: unknown }).ResizeObserver = NoResize;

const igjCibg = readFileSync(join(__dirname, '../../../config/agreements/igj-cibg.json'), 'utf8');

/** A picked file as the browser hands it over (jsdom's File may lack text()). */
function pick(name: string, content: string): void {
  const file = new File([content], name, { type: 'application/json' });
  Object.defineProperty(file, 'text', { value: async () => content });
  fireEvent.change(screen.getByLabelText('Configuratie van de overeenkomst (.json)'), { target: { files: [file] } });
}

describe('Inrichten: the web part on a site without an agreement configuration', () => {
  it('validates the picked configuration, provisions with it, reports every step and then opens the product', async () => {
    const provision = jest.fn<ReturnType<Provision>, Parameters<Provision>>(async (config, onStep) => {
      onStep({ step: 'group', target: 'IGJ medewerkers', outcome: 'created' });
      onStep({ step: 'configFile', target: 'Configuratie/Samenwerkingsruimte/agreement.json', outcome: 'created' });
      return { schemaVersion: '1.0.0', steps: [], changed: 2 };
    });
    const onDone = jest.fn();
    render(<SetupPanel provision={provision} host={{ locale: 'nl-NL' }} onDone={onDone} />);
    pick('igj-cibg.json', igjCibg);
    expect(await screen.findByText(/igj-cibg\.json: geldig/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Inrichten' }));
    expect(await screen.findByText('Klaar: 2 wijzigingen in 0 stappen.')).toBeTruthy();
    expect(provision).toHaveBeenCalledTimes(1);
    expect(provision.mock.calls[0][0].parties.length).toBeGreaterThanOrEqual(2);
    expect(screen.getByText(/created · configFile · Configuratie\/Samenwerkingsruimte\/agreement\.json/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Samenwerkingsruimte openen' }));
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('names every invalid field (with its article) and provisions nothing', async () => {
    const broken = JSON.parse(igjCibg);
    broken.parties[1].breachAddress = 'geen-adres';
    const provision = jest.fn();
    render(<SetupPanel provision={provision} host={{ locale: 'nl-NL' }} onDone={jest.fn()} />);
    pick('kapot.json', JSON.stringify(broken));
    expect(await screen.findByText('kapot.json is geen geldige configuratie:')).toBeTruthy();
    expect(screen.getByText(/^parties\[1\]\.breachAddress: .*\(art\. 9\.6\)$/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Inrichten' })).toBeNull();
    expect(provision).not.toHaveBeenCalled();
  });

  it('says only a site owner may set up when SharePoint refuses (403), keeping what was done', async () => {
    const denied = Object.assign(new Error('Access denied.'), { status: 403 });
    render(<SetupPanel provision={async () => Promise.reject(denied)} host={{ locale: 'en-US' }} onDone={jest.fn()} />);
    fireEvent.change(screen.getByLabelText('Agreement configuration (.json)'), {
      target: { files: [Object.assign(new File([igjCibg], 'a.json'), { text: async () => igjCibg })] },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Set up' }));
    await waitFor(() => expect(screen.getByText(/Only an owner of this site may set it up/)).toBeTruthy());
    expect(screen.getByRole('button', { name: 'Set up' })).toBeTruthy(); // running again continues
  });
});

describe('isConfigMissing (which failure opens Inrichten instead of the product)', () => {
  it('is true only for a missing configuration file, not for an invalid one or another failure', () => {
    expect(isConfigMissing(new ConfigLoadError('Configuratie ontbreekt: /sites/x/Configuratie/…', []))).toBe(true);
    const invalid = new ConfigLoadError('ongeldig', [configError('parties', 'required', 'verplicht', 'required')]);
    expect(isConfigMissing(invalid)).toBe(false);
    expect(isConfigMissing(Object.assign(new Error('Forbidden'), { status: 403 }))).toBe(false);
    expect(isConfigMissing(undefined)).toBe(false);
  });
});
