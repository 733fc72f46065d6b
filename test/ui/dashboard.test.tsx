/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import * as React from 'react';
import { App } from '../../src/ui/App';
import { dashboardTabs } from '../../src/ui/dashboard/tabs';
import { strings } from '../../src/loc';
import { fakeServices } from './fakeServices';

describe('dashboard frame', () => {
  it('lists one tab per registered feature, labelled from the strings, with unique keys', () => {
    const keys = dashboardTabs.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const tab of dashboardTabs) {
      expect(strings('nl-NL')[tab.label]).toBeTruthy();
      expect(strings('en-US')[tab.label]).toBeTruthy();
    }
  });

  it('opens the first tab (Overzicht) when the host asks for an unknown one', async () => {
    render(<App services={fakeServices({})} host={{ initialTab: 'bestaat-niet' }} />);
    const tab = await screen.findByRole('tab', { name: 'Overzicht' });
    expect(tab.getAttribute('aria-selected')).toBe('true');
    expect(screen.getAllByRole('tab')).toHaveLength(dashboardTabs.length);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Samenwerkingsruimte');
  });
});
