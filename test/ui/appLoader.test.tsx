/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import * as React from 'react';
import { configError } from '../../src/domain/agreement/errors';
import { ConfigLoadError } from '../../src/ports/config';
import { AppLoader } from '../../src/ui/AppLoader';
import { fakeServices, httpError, staffUser } from './fakeServices';

describe('AppLoader (the product root while createServices runs)', () => {
  it('shows the dashboard once the services are built', async () => {
    const services = fakeServices({ siteUser: staffUser() });
    render(<AppLoader load={async () => services} />);
    expect(await screen.findByRole('tab', { name: 'Overzicht' })).toBeTruthy();
  });

  it('shows "Geen toegang" to a Team member in none of the agreement\'s groups (art. 10.1)', async () => {
    const services = fakeServices({ siteUser: staffUser({ groupKeys: [], groups: ['Samenwerkingsruimte Members'], party: null }) });
    render(<AppLoader load={async () => services} />);
    const bar = (await screen.findByText('Geen toegang')).closest('[data-failure]') as HTMLElement;
    expect(bar.getAttribute('data-failure')).toBe('denied');
    expect(screen.queryByRole('tab')).toBeNull();
  });

  it('shows "Geen toegang" with art. 10.1 when the site refuses the caller (403)', async () => {
    render(<AppLoader load={() => Promise.reject(httpError(403, 'Access denied.'))} />);
    const bar = (await screen.findByText('Geen toegang')).closest('[data-failure]') as HTMLElement;
    expect(bar.getAttribute('data-failure')).toBe('denied');
    expect(bar.textContent).toMatch(/autorisatielijst .*\(art\. 10\.1\)/);
    expect(screen.queryByRole('tab')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Opnieuw proberen' })).toBeNull();
  });

  it('shows "Niet aangemeld" without an identity (401)', async () => {
    render(<AppLoader load={() => Promise.reject(httpError(401))} host={{ locale: 'nl-NL' }} />);
    expect(await screen.findByText('Niet aangemeld')).toBeTruthy();
  });

  it('names each invalid configuration field, in the host language', async () => {
    const error = new ConfigLoadError('invalid', [
      configError('parties[1].breachAddress', 'invalid_email', 'geen geldig e-mailadres', 'not a valid e-mail address', 'art. 9.6'),
    ]);
    render(<AppLoader load={() => Promise.reject(error)} host={{ locale: 'en-US' }} />);
    expect(await screen.findByText('The agreement configuration is invalid')).toBeTruthy();
    const item = screen.getByRole('listitem');
    expect(item.textContent).toContain('parties[1].breachAddress');
    expect(item.textContent).toContain('art. 9.6');
    expect(item.textContent).toContain('not a valid e-mail address');
  });
});
