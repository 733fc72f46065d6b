/** @jest-environment jsdom */
/**
 * The "Datalek melden" tab: pre-fill (Graph /me, party, the command's documents), every required field missing in turn
 * with its article beside the field, markup in every text field kept as text, the local draft, failure and retry.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as React from 'react';
import { readDelivery } from '../../../src/datalek';
import type { Services } from '../../../src/ports';
import { AppFrame } from '../../../src/ui/AppFrame';
import { HostCommandProvider, type HostCommand } from '../../../src/ui/command';
import DatalekTab from '../../../src/ui/datalek/DatalekTab';
import { ServicesProvider } from '../../../src/ui/services';
import { MemoryBreachRegister, RecordingChannel, RecordingMail, fixtureSite, httpFailure } from '../../datalek/fakes';
import { doc, igjCibg, profile } from '../fakeServices';

// jsdom lacks ResizeObserver (Fluent's MessageBar measures itself for reflow).
class NoResizeObserver {
  public observe(): void {}
  public unobserve(): void {}
  public disconnect(): void {}
}
Object.assign(window, { ResizeObserver: NoResizeObserver });

const SITE = 'https://contoso.sharepoint.com/sites/samenwerkingsruimte';
const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> **vet** {{DATE(2026-01-01)}}';
const library = [
  doc({ id: 17, name: 'Signaal Noord.txt', activity: 'signalen-big-register', categories: ['naw', 'big-gegevens'] }),
  doc({ id: 18, name: 'Werkafspraak.txt' }),
];

function fakes(): Services & { breaches: MemoryBreachRegister; mail: RecordingMail; channel: RecordingChannel } {
  return {
    config: igjCibg(),
    directory: { currentUser: async () => profile({ jobTitle: 'Inspecteur', businessPhone: '+31 88 120 5100' }) },
    documents: { list: async () => ({ items: library }) },
    breaches: new MemoryBreachRegister(),
    mail: new RecordingMail(),
    channel: new RecordingChannel(),
    site: fixtureSite(),
    host: { siteUrl: SITE, privacyChannel: { teamId: 't1', channelId: '19:privacy@thread.tacv2' } },
  } as unknown as Services & { breaches: MemoryBreachRegister; mail: RecordingMail; channel: RecordingChannel };
}

function show(services: Services, command?: HostCommand): ReturnType<typeof render> {
  return render(
    <AppFrame host={{ locale: 'nl-NL' }}>
      <ServicesProvider services={services}>
        <HostCommandProvider command={command}>
          <DatalekTab />
        </HostCommandProvider>
      </ServicesProvider>
    </AppFrame>,
  );
}

const input = (id: string): HTMLInputElement => screen.getByTestId(`datalek-${id}`) as HTMLInputElement;
const set = (id: string, value: string): void => {
  fireEvent.change(input(id), { target: { value } });
};
const fieldText = (field: string): string => document.querySelector(`[data-field="${field}"]`)?.textContent ?? '';

function local(hoursAgo: number): { date: string; dateTime: string } {
  const d = new Date(Date.now() - hoursAgo * 3_600_000);
  const p = (n: number): string => String(n).padStart(2, '0');
  const date = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  return { date, dateTime: `${date}T${p(d.getHours())}:${p(d.getMinutes())}` };
}

/** Fills what the pre-fill leaves to the reporter. */
function fillRest(text = 'Een signaal is naar een verkeerde ontvanger gemaild.'): void {
  set('breachDate', local(24).date);
  set('discoveredAt', local(2).dateTime);
  set('description', text);
  set('consequences', 'Mogelijke kennisname.');
  set('measures', 'Ontvanger gevraagd te verwijderen.');
  set('measuresBefore', 'Geen versleuteling.');
}

const command: HostCommand = {
  kind: 'datalek',
  items: [{ id: 17, name: 'Signaal Noord.txt', serverRelativeUrl: '/x' }],
};

beforeEach(() => window.localStorage.clear());

it("pre-fills the reporter from /me and party, the data and controller from the command's document, the recipients", async () => {
  show(fakes(), command);
  await screen.findByTestId('datalek-form');
  expect(input('contactName').value).toBe('Sanne de Vries');
  expect(input('contactFunction').value).toBe('Inspecteur');
  expect(input('contactPhone').value).toBe('+31 88 120 5100');
  expect(input('contactEmail').value).toBe('sanne.devries@igj.example');
  expect(input('reportingParty').value).toBe('igj');
  expect(input('reportingOrganisation').value).toBe('Inspectie Gezondheidszorg en Jeugd');
  expect(input('controllerParty').value).toBe('cibg');
  expect(input('affectedPersonalData').value).not.toBe('');
  expect(input('affectedDataSubjects').value).not.toBe('');
  expect((document.querySelector('input[data-document="Signaal Noord.txt"]') as HTMLInputElement).checked).toBe(true);
  const recipients = screen.getByTestId('datalek-recipients').textContent ?? '';
  expect(recipients).toContain('CIBGDatalekregister@minvws.nl');
  expect(recipients).toContain('1e contactpersoon: Johan Smit');
  expect(recipients).toContain('2e contactpersoon: Lotte Visser');
});

// Every field the form requires (bijlage 2b, AVG art. 33/34), with the article its message must name.
const REQUIRED: Array<[string, string]> = [
  ['reportingParty', 'bijlage 2b'],
  ['reportingOrganisation', 'bijlage 2b'],
  ['contactName', 'bijlage 2b'],
  ['contactFunction', 'bijlage 2b'],
  ['contactPhone', 'bijlage 2b'],
  ['contactEmail', 'bijlage 2b'],
  ['breachDate', 'bijlage 2b'],
  ['description', 'bijlage 2b'],
  ['affectedPersonalData', 'bijlage 2b'],
  ['affectedDataSubjects', 'bijlage 2b'],
  ['consequences', 'bijlage 2b'],
  ['measures', 'bijlage 2b'],
  ['discoveredAt', 'AVG art. 33(1)'],
  ['ongoing', 'AVG art. 33(3)'],
  ['measuresBefore', 'AVG art. 33(3)'],
  ['dataSubjectsInformed', 'AVG art. 34'],
  ['crossBorder', 'AVG art. 33(3)'],
  ['controllerParty', 'art. 8.2 (seed 003)'],
];

it('names every required field, missing in turn, beside the field with its article; nothing is stored', async () => {
  const services = fakes();
  show(services, command);
  await screen.findByTestId('datalek-form');
  fillRest();
  for (const [field, article] of REQUIRED) {
    const before = input(field).value;
    set(field, '');
    await act(async () => {
      fireEvent.click(screen.getByTestId('datalek-submit'));
    });
    await waitFor(() => expect(fieldText(field)).toContain(`(${article})`));
    expect(screen.getByTestId('datalek-errors').textContent).toContain(article);
    set(field, before);
  }
  // Scale: at least a number or a description (bijlage 2b).
  set('scaleFiles', '');
  await act(async () => {
    fireEvent.click(screen.getByTestId('datalek-submit'));
  });
  await waitFor(() => expect(fieldText('scaleDescription')).toContain('(mogelijke) omvang'));
  // Cross-border details are required once the breach is cross-border.
  set('crossBorder', 'ja');
  await act(async () => {
    fireEvent.click(screen.getByTestId('datalek-submit'));
  });
  await waitFor(() => expect(fieldText('crossBorderDetails')).toContain('(AVG art. 33(3))'));
  expect(services.breaches.items.size + services.mail.sent.length + services.channel.posted.length).toBe(0);
});

it('refuses a breach date after the report date and absurd numbers, with clear messages', async () => {
  show(fakes(), command);
  await screen.findByTestId('datalek-form');
  fillRest();
  set('breachDate', local(-48).date);
  set('scaleDataSubjects', '999999999999');
  set('scaleFiles', '2.5');
  await act(async () => {
    fireEvent.click(screen.getByTestId('datalek-submit'));
  });
  await waitFor(() => expect(fieldText('breachDate')).toMatch(/ligt na de datum van de melding .*\(bijlage 2b\)/));
  expect(fieldText('scaleDataSubjects')).toContain('niet geloofwaardig');
  expect(fieldText('scaleFiles')).toContain('geheel aantal');
  set('scaleFiles', 'veel');
  set('scaleDataSubjects', '-4');
  await act(async () => {
    fireEvent.click(screen.getByTestId('datalek-submit'));
  });
  await waitFor(() => expect(fieldText('scaleFiles')).toContain('moet een aantal zijn'));
  expect(fieldText('scaleDataSubjects')).toContain('negatief');
});

it('moves focus to the outcome of a submit: the error summary (an alert whose links lead to the fields), then the stored report', async () => {
  const services = fakes();
  show(services, command);
  await screen.findByTestId('datalek-form');
  fillRest();
  set('discoveredAt', '');
  set('breachDate', '31-4-2026');
  screen.getByTestId('datalek-submit').focus();
  await act(async () => {
    fireEvent.click(screen.getByTestId('datalek-submit'));
  });
  const summary = screen.getByTestId('datalek-errors');
  expect(document.activeElement).toBe(summary);
  expect(summary.getAttribute('role')).toBe('alert');
  expect(summary.getAttribute('tabindex')).toBe('-1');
  // A date the form could not read says how to type it, in the summary and beside the field.
  expect(summary.textContent).toContain('(Vermoedelijke) datum datalek: geen datum zoals dd-mm-jjjj (bijlage 2b)');
  expect(fieldText('breachDate')).toContain('geen datum zoals dd-mm-jjjj');
  fireEvent.click(within(summary).getByRole('button', { name: /^Ontdekt op: verplicht/ }));
  expect(document.activeElement).toBe(input('discoveredAt'));
  // Typed day first, as written in Dutch: read, said back in words, stored as the moment it names.
  set('discoveredAt', '2-1-2026 14:30');
  set('breachDate', '1-1-2026');
  expect(fieldText('discoveredAt')).toContain('Gelezen als vrijdag 2 januari 2026 14:30.');
  await act(async () => {
    fireEvent.click(screen.getByTestId('datalek-submit'));
  });
  await screen.findByTestId('datalek-result');
  expect(document.activeElement).toBe(screen.getByTestId('datalek-stored'));
  const stored = await services.breaches.get([...services.breaches.items.keys()][0]);
  expect(stored.form).toMatchObject({ breachDate: '2026-01-01', discoveredAt: new Date(2026, 0, 2, 14, 30).toISOString() });
});

it('keeps script and markup in every text field as text: stored and mailed verbatim, never an element', async () => {
  const services = fakes();
  const { container } = show(services, command);
  await screen.findByTestId('datalek-form');
  fillRest();
  const texts = [
    'contactName',
    'contactFunction',
    'description',
    'affectedPersonalData',
    'affectedDataSubjects',
    'scaleDescription',
    'consequences',
    'measures',
    'measuresBefore',
    'crossBorderDetails',
    'reportingOrganisation',
  ];
  for (const f of texts) set(f, `${f}: ${HOSTILE}`);
  expect(container.querySelectorAll('script, img').length).toBe(0);
  await act(async () => {
    fireEvent.click(screen.getByTestId('datalek-submit'));
  });
  await screen.findByTestId('datalek-result');
  const stored = await services.breaches.get([...services.breaches.items.keys()][0]);
  for (const f of texts) expect(stored.form[f]).toBe(`${f}: ${HOSTILE}`);
  const rows = services.mail.sent[0].blocks.flatMap((b) => (b.kind === 'fields' ? b.rows.map((r) => r.value) : []));
  expect(rows.join('\n')).toContain(`description: ${HOSTILE}`);
  expect(container.querySelectorAll('script, img').length).toBe(0);
  expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
});

it('keeps a half-filled form as a local draft until it is submitted or thrown away', async () => {
  const first = show(fakes(), command);
  await screen.findByTestId('datalek-form');
  set('description', 'Half ingevuld');
  first.unmount();

  const second = show(fakes());
  await screen.findByTestId('datalek-draft-restored');
  expect(input('description').value).toBe('Half ingevuld');
  expect((document.querySelector('input[data-document="Signaal Noord.txt"]') as HTMLInputElement).checked).toBe(true);
  fireEvent.click(screen.getByTestId('datalek-discard'));
  expect(input('description').value).toBe('');
  expect(window.localStorage.length).toBe(0);
  second.unmount();

  const services = fakes();
  show(services, command);
  await screen.findByTestId('datalek-form');
  expect(screen.queryByTestId('datalek-draft-restored')).toBeNull();
  fillRest();
  expect(window.localStorage.length).toBe(1);
  await act(async () => {
    fireEvent.click(screen.getByTestId('datalek-submit'));
  });
  await screen.findByTestId('datalek-result');
  expect(window.localStorage.length).toBe(0);
});

it('keeps the draft when the register refuses the report, and sends nothing', async () => {
  const services = fakes();
  services.breaches.createFailures = [httpFailure(503, 'Datalekregister niet bereikbaar')];
  show(services, command);
  await screen.findByTestId('datalek-form');
  fillRest();
  await act(async () => {
    fireEvent.click(screen.getByTestId('datalek-submit'));
  });
  expect((await screen.findByTestId('datalek-submit-failed')).textContent).toContain('Datalekregister niet bereikbaar');
  expect(window.localStorage.length).toBe(1);
  expect(services.mail.sent.length + services.channel.posted.length).toBe(0);
});

it('shows a failed mail on the stored report with a retry that sends it once; the checklist shows the numbers', async () => {
  const services = fakes();
  services.mail.failures = [httpFailure(503, 'Graph POST /me/sendMail failed (503 ServiceUnavailable)')];
  show(services, command);
  await screen.findByTestId('datalek-form');
  fillRest();
  await act(async () => {
    fireEvent.click(screen.getByTestId('datalek-submit'));
  });
  const result = await screen.findByTestId('datalek-result');
  expect(result.querySelector('[data-step="mail"]')?.getAttribute('data-state')).toBe('failed');
  expect(result.querySelector('[data-step="mail"]')?.textContent).toContain('503');
  expect(result.querySelector('[data-step="card"]')?.getAttribute('data-state')).toBe('sent');
  expect(screen.getByTestId('datalek-phone-numbers').textContent).toContain('+31 70 000 0201');
  expect(screen.getByTestId('datalek-clock').textContent).toMatch(/Termijn AP voor CIBG: .*nog (69|70) u/);
  await act(async () => {
    fireEvent.click(screen.getByTestId('datalek-retry'));
  });
  await waitFor(() => expect(result.querySelector('[data-step="mail"]')?.getAttribute('data-state')).toBe('sent'));
  expect(screen.queryByTestId('datalek-retry')).toBeNull();
  expect(services.mail.sent).toHaveLength(1);
  expect(services.channel.posted).toHaveLength(1);
  const stored = await services.breaches.get([...services.breaches.items.keys()][0]);
  expect(readDelivery(stored.form).mail?.state).toBe('sent');
});

it('reads command documents older than the first page by id, and names the ones the user cannot see', async () => {
  const services = fakes();
  const older = doc({ id: 99, name: 'Oud signaal.txt', activity: 'signalen-big-register', categories: ['naw'] });
  (services.documents as unknown as { get: (id: number) => Promise<unknown> }).get = async (id: number) => {
    if (id === 99) return older;
    throw Object.assign(new Error('Item does not exist'), { status: 404 });
  };
  show(services, {
    kind: 'datalek',
    items: [
      { id: 99, name: 'Oud signaal.txt', serverRelativeUrl: '/x/99' },
      { id: 100, name: 'Verborgen.txt', serverRelativeUrl: '/x/100' },
    ],
  });
  await screen.findByTestId('datalek-form');
  expect((document.querySelector('input[data-document="Oud signaal.txt"]') as HTMLInputElement).checked).toBe(true);
  expect(input('controllerParty').value).toBe('cibg');
  expect(screen.getByText(/Niet gevonden of niet zichtbaar voor u: document\(en\) 100/)).toBeTruthy();
});

it('names a chosen document without a processing activity and says what to do', async () => {
  show(fakes(), command);
  await screen.findByTestId('datalek-form');
  fireEvent.click(document.querySelector('input[data-document="Werkafspraak.txt"]') as HTMLInputElement);
  fillRest();
  await act(async () => {
    fireEvent.click(screen.getByTestId('datalek-submit'));
  });
  const error = await screen.findByTestId('datalek-document-error');
  expect(error.textContent).toBe(
    'Werkafspraak.txt heeft geen verwerking (doel, bijlage 1) vastgelegd: classificeer het eerst, of haal het vinkje weg en noem het in de omschrijving (bijlage 1 (seed 003))',
  );
  expect(screen.queryByText(/verwerking '' staat niet/)).toBeNull();
});

it('lets the reporter record the phone call and its written confirmation (bijlage 2)', async () => {
  const services = fakes();
  show(services, command);
  await screen.findByTestId('datalek-form');
  fillRest();
  await act(async () => {
    fireEvent.click(screen.getByTestId('datalek-submit'));
  });
  await screen.findByTestId('datalek-result');
  expect(screen.queryByTestId('datalek-confirmed')).toBeNull();
  fireEvent.change(screen.getByRole('combobox', { name: 'Wie heeft u gesproken?' }), {
    target: { value: 'Johan Smit' },
  });
  await act(async () => {
    fireEvent.click(screen.getByTestId('datalek-phoned'));
  });
  await act(async () => {
    fireEvent.click(await screen.findByTestId('datalek-confirmed'));
  });
  await waitFor(() =>
    expect(document.querySelector('[data-step="callConfirmed"]')?.getAttribute('data-done')).toBe('true'),
  );
  const stored = await services.breaches.get([...services.breaches.items.keys()][0]);
  expect(stored.form.procedure).toMatchObject({ phonedContact: 'Johan Smit' });
  expect((stored.form.procedure as { callConfirmedAt?: string }).callConfirmedAt).toBeTruthy();
});

it('speaks English when the host does: every label from the field catalogue', async () => {
  render(
    <AppFrame host={{ locale: 'en-US' }}>
      <ServicesProvider services={fakes()}>
        <HostCommandProvider command={command}>
          <DatalekTab />
        </HostCommandProvider>
      </ServicesProvider>
    </AppFrame>,
  );
  await screen.findByTestId('datalek-form');
  expect(screen.getByText('Report a (possible) data breach (art. 9.6, annex 2)')).toBeTruthy();
  expect(fieldText('description')).toContain('Description of the breach (bijlage 2b)');
  expect(fieldText('discoveredAt')).toContain('72-hour deadline');
  expect(screen.getByTestId('datalek-submit').textContent).toBe('Submit report');
});
