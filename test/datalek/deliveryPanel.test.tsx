/** @jest-environment jsdom */
/**
 * The delivery panel after a lost answer: a step that may have arrived is looked up by "Opnieuw proberen" itself once
 * the attempt is settled, so the retry waits until then (saying from when) unless a person confirms it did not arrive;
 * a step sent but not yet recorded keeps the retry that records it.
 */
import { render, screen } from '@testing-library/react';
import * as React from 'react';
import { DEFAULT_LOOKUP_POLICY, type DatalekDelivery } from '../../src/datalek';
import type { Services } from '../../src/ports';
import { AppFrame } from '../../src/ui/AppFrame';
import { DeliveryPanel } from '../../src/ui/datalek/DeliveryPanel';
import { ServicesProvider } from '../../src/ui/services';
import { fixtureConfig } from '../fixtures/cards/agreement';
import { validReport } from '../fixtures/cards/report';
import { MemoryBreachRegister, RecordingChannel, RecordingMail, fixtureSite } from './fakes';

class NoResizeObserver {
  public observe(): void {}
  public unobserve(): void {}
  public disconnect(): void {}
}
Object.assign(window, { ResizeObserver: NoResizeObserver });

function show(delivery: DatalekDelivery, unrecorded: Array<'mail' | 'card'> = []): void {
  const services = {
    config: fixtureConfig(),
    breaches: new MemoryBreachRegister(),
    mail: new RecordingMail(),
    channel: new RecordingChannel(),
    site: fixtureSite(),
    host: { siteUrl: 'https://contoso.sharepoint.com/sites/samenwerkingsruimte' },
  } as unknown as Services;
  render(
    <AppFrame host={{ locale: 'nl-NL' }}>
      <ServicesProvider services={services}>
        <DeliveryPanel id={1} report={validReport()} delivery={delivery} unrecorded={unrecorded} onUpdate={() => undefined} />
      </ServicesProvider>
    </AppFrame>,
  );
}

const ago = (ms: number): string => new Date(Date.now() - ms).toISOString();
/** The retry button, once the strings (loaded lazily by AppFrame) are in. */
const retry = async (): Promise<HTMLButtonElement> => (await screen.findByTestId('datalek-retry')) as HTMLButtonElement;

it('an answer lost moments ago: the retry waits, saying from when it looks by itself; a person may confirm', async () => {
  show({ mail: { state: 'sent', at: ago(60_000) }, card: { state: 'uncertain', at: ago(10_000), message: 'geen antwoord', attempts: 1 } });
  expect((await retry()).disabled).toBe(true);
  expect(screen.getByTestId('datalek-lookup-card').textContent).toMatch(/zelf na of het toch is aangekomen/);
  expect(screen.getByTestId('datalek-confirm-card')).toBeTruthy();
});

it('once the attempt is settled, the retry looks it up (and sends only if it is not there)', async () => {
  show({ mail: { state: 'sending', at: ago(DEFAULT_LOOKUP_POLICY.settleMs + 1_000) }, card: { state: 'sent', at: ago(1_000) } });
  expect((await retry()).disabled).toBe(false);
  expect(screen.queryByTestId('datalek-lookup-mail')).toBeNull();
});

it('sent but not yet recorded: the retry that records it stays offered', async () => {
  show({ mail: { state: 'sent', at: ago(1_000) }, card: { state: 'sent', at: ago(1_000) } }, ['mail']);
  expect((await retry()).disabled).toBe(false);
  expect(screen.getByText(/nog niet vastgelegd in het register/)).toBeTruthy();
});
