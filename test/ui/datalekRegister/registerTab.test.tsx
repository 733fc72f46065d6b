/** @jest-environment jsdom */
/**
 * The Datalekregister tab: status and 72-hour clock per report, delivery per report, all fields as text, the controller's
 * privacy officer records the art. 33/34 decisions with reasons (also when not notifying, art. 33(5)), others read only.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as React from 'react';
import { DatalekOutbox } from '../../../src/datalek';
import type { Services, SiteUser } from '../../../src/ports';
import { AppFrame } from '../../../src/ui/AppFrame';
import RegisterTab from '../../../src/ui/datalekRegister/RegisterTab';
import { ServicesProvider } from '../../../src/ui/services';
import { MemoryBreachRegister, RecordingChannel, RecordingMail, fixtureSite } from '../../datalek/fakes';
import { igjCibg } from '../fakeServices';

class NoResizeObserver {
  public observe(): void {}
  public unobserve(): void {}
  public disconnect(): void {}
}
Object.assign(window, { ResizeObserver: NoResizeObserver });

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

function siteUser(over: Partial<SiteUser>): SiteUser {
  return {
    id: 9,
    loginName: 'i:0#.f|membership|johan.smit@cibg.example',
    displayName: 'Johan Smit',
    email: 'johan.smit@cibg.example',
    isSiteAdmin: false,
    groups: [],
    groupKeys: ['cibg-privacy'],
    party: 'cibg',
    ...over,
  };
}

/** A register holding one report of IGJ about CIBG data, discovered two hours ago. */
async function withReport(user: SiteUser): Promise<Services & { breaches: MemoryBreachRegister }> {
  const config = igjCibg();
  const breaches = new MemoryBreachRegister();
  const now = Date.now();
  const outbox = new DatalekOutbox({
    config,
    breaches,
    mail: new RecordingMail(),
    channel: new RecordingChannel(),
    site: fixtureSite(),
    host: { siteUrl: 'https://contoso.sharepoint.com/sites/s', privacyChannel: { teamId: 't', channelId: 'c' } },
  });
  const r = await outbox.submit({
    reportingParty: 'igj',
    reportingOrganisation: 'Inspectie Gezondheidszorg en Jeugd',
    contactName: 'Sanne de Vries',
    contactFunction: 'Inspecteur',
    contactPhone: '+31 88 120 5100',
    contactEmail: 'sanne.devries@igj.example',
    reportedAt: new Date(now).toISOString(),
    breachDate: new Date(now - 86_400_000).toISOString().slice(0, 10),
    breachDatePresumed: true,
    description: `Verkeerd gemaild. ${HOSTILE}`,
    affectedPersonalData: 'NAW',
    affectedDataSubjects: 'Zorgverleners',
    scaleDataSubjects: 3,
    scaleFiles: 1,
    scaleDescription: '',
    consequences: 'Kennisname',
    measures: 'Verwijderd',
    discoveredAt: new Date(now - 2 * 3_600_000).toISOString(),
    ongoing: 'nee',
    measuresBefore: 'Geen',
    dataSubjectsInformed: 'onbekend',
    crossBorder: 'nee',
    crossBorderDetails: '',
    controllerParty: 'cibg',
    documents: [],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return {
    config,
    breaches,
    mail: new RecordingMail(),
    channel: new RecordingChannel(),
    site: { currentUser: async () => user },
    host: { siteUrl: 'https://contoso.sharepoint.com/sites/s' },
  } as unknown as Services & { breaches: MemoryBreachRegister };
}

function show(services: Services): ReturnType<typeof render> {
  return render(
    <AppFrame host={{ locale: 'nl-NL' }}>
      <ServicesProvider services={services}>
        <RegisterTab />
      </ServicesProvider>
    </AppFrame>,
  );
}

it("shows status, clock and delivery; the controller's privacy officer records decisions with reasons", async () => {
  const services = await withReport(siteUser({}));
  const { container } = show(services);
  const row = await screen.findByTestId('datalek-row');
  expect(within(row).getByTestId('datalek-status').textContent).toBe('Gemeld aan wederpartij');
  expect(within(row).getByTestId('datalek-clock').textContent).toMatch(/Termijn AP voor CIBG: .*nog (69|70) u/);
  expect(within(row).getByTestId('datalek-row-delivery').textContent).toContain('verstuurd');
  fireEvent.click(within(row).getByTestId('datalek-open'));
  const detail = await screen.findByTestId('datalek-detail');
  expect(within(detail).getByTestId('datalek-fields').textContent).toContain(HOSTILE);
  expect(container.querySelectorAll('script, img').length).toBe(0);
  // The reporter's phone buttons are not offered to the officer.
  expect(screen.queryByTestId('datalek-phoned')).toBeNull();

  // A decision without a reason is refused, naming the article (AVG art. 33(5)).
  fireEvent.change(screen.getByTestId('decision-ap-notify'), { target: { value: 'nee' } });
  await act(async () => {
    fireEvent.click(screen.getByTestId('decision-save'));
  });
  expect((await screen.findByTestId('decision-errors')).textContent).toContain('AVG art. 33(5)');
  // Reported to the AP needs the decision to notify (AVG art. 33).
  fireEvent.change(screen.getByTestId('decision-ap-reason'), { target: { value: 'Laag risico.' } });
  fireEvent.change(screen.getByTestId('decision-status'), { target: { value: 'gemeld aan AP' } });
  await act(async () => {
    fireEvent.click(screen.getByTestId('decision-save'));
  });
  await waitFor(() => expect(screen.getByTestId('decision-errors').textContent).toContain('AVG art. 33'));

  fireEvent.change(screen.getByTestId('decision-status'), { target: { value: 'beoordeeld' } });
  await act(async () => {
    fireEvent.click(screen.getByTestId('decision-save'));
  });
  await waitFor(() => expect(screen.getByTestId('datalek-status').textContent).toBe('Beoordeeld'));
  const [entry] = [...services.breaches.items.values()];
  expect(entry.status).toBe('beoordeeld');
  expect(entry.form.apDecision).toMatchObject({ notify: false, reason: 'Laag risico.', decidedBy: 'Johan Smit' });
  // Once decided, the clock gives way to the recorded decision.
  expect(within(screen.getByTestId('datalek-row')).getByTestId('datalek-clock').textContent).toContain('vastgelegd');
});

it('a privacy officer of the other party and a reporter see the report read-only', async () => {
  for (const user of [
    siteUser({
      displayName: 'Fatima El Amrani',
      email: 'fatima.elamrani@igj.example',
      groupKeys: ['igj-privacy'],
      party: 'igj',
    }),
    siteUser({
      displayName: 'Sanne de Vries',
      email: 'sanne.devries@igj.example',
      groupKeys: ['igj-medewerkers'],
      party: 'igj',
    }),
  ]) {
    const services = await withReport(user);
    const view = show(services);
    fireEvent.click(await screen.findByTestId('datalek-open'));
    await screen.findByTestId('datalek-detail');
    expect(screen.queryByTestId('decision-save')).toBeNull();
    expect((screen.getByTestId('decision-status') as HTMLSelectElement).disabled).toBe(true);
    view.unmount();
  }
});

it('shows a damaged register item with its problems instead of hiding it', async () => {
  const services = await withReport(siteUser({}));
  const [entry] = [...services.breaches.items.values()];
  entry.form = { ...entry.form, breachDate: 'gisteren' };
  show(services);
  fireEvent.click(await screen.findByTestId('datalek-open'));
  const detail = await screen.findByTestId('datalek-detail');
  // The field by the name the form gives it, with the annex it comes from, not its JSON key.
  expect(detail.textContent).toContain('(Vermoedelijke) datum datalek: geen geldige datum (JJJJ-MM-DD) (bijlage 2b)');
  expect(detail.textContent).not.toContain('breachDate');
});

it('takes the moment the AP was notified as typed, day first, and refuses text that is no moment, naming the field', async () => {
  const services = await withReport(siteUser({}));
  show(services);
  fireEvent.click(await screen.findByTestId('datalek-open'));
  await screen.findByTestId('datalek-detail');
  fireEvent.change(screen.getByTestId('decision-ap-notify'), { target: { value: 'ja' } });
  fireEvent.change(screen.getByTestId('decision-ap-reason'), { target: { value: 'Hoog risico.' } });
  const notifiedAt = screen.getByTestId('decision-ap-notifiedAt');
  // a date without its time, and a day that does not exist, are refused, never read loosely as another moment
  for (const typed of ['2-1-2026', '31-02-2026 10:00']) {
    fireEvent.change(notifiedAt, { target: { value: typed } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('decision-save'));
    });
    await waitFor(() =>
      expect(screen.getByTestId('decision-errors').textContent).toContain('Gemeld aan de AP op: geen datum en tijd zoals dd-mm-jjjj uu:mm'),
    );
    expect([...services.breaches.items.values()][0].form.apDecision).toBeUndefined();
  }
  fireEvent.change(notifiedAt, { target: { value: '31-13-2026 10:00' } });
  const hint = (): string =>
    (notifiedAt.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
  expect(hint()).toContain('Typ datum en tijd als dd-mm-jjjj uu:mm');
  await act(async () => {
    fireEvent.click(screen.getByTestId('decision-save'));
  });
  await waitFor(() =>
    expect(screen.getByTestId('decision-errors').textContent).toContain('Gemeld aan de AP op: geen datum en tijd zoals dd-mm-jjjj uu:mm'),
  );
  const [before] = [...services.breaches.items.values()];
  expect(before.form.apDecision).toBeUndefined();
  // the refusal takes focus; under the field, what was typed and how to type it
  await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('decision-errors')));
  expect(hint()).toContain("'31-13-2026 10:00': geen datum en tijd zoals dd-mm-jjjj uu:mm");

  // 2-1-2026 is the second of January, whatever the browser's language
  fireEvent.change(notifiedAt, { target: { value: '2-1-2026 9.30' } });
  expect(hint()).toContain('Gelezen als vrijdag 2 januari 2026 09:30');
  await act(async () => {
    fireEvent.click(screen.getByTestId('decision-save'));
  });
  await waitFor(() => expect([...services.breaches.items.values()][0].form.apDecision).toBeDefined());
  // stored: the detail stays open (the register is read again behind it) and the message that says so has focus
  const saved = await screen.findByTestId('decision-saved');
  expect(saved.getAttribute('role')).toBe('status');
  await waitFor(() => expect(document.activeElement).toBe(saved));
  const decision = [...services.breaches.items.values()][0].form.apDecision as { notifiedAt?: string };
  const notified = new Date(decision.notifiedAt as string);
  expect([notified.getFullYear(), notified.getMonth() + 1, notified.getDate(), notified.getHours(), notified.getMinutes()]).toEqual([
    2026, 1, 2, 9, 30,
  ]);
});

it("shows the report's versions as SharePoint recorded them, and names a decision saved by someone else than its author", async () => {
  const services = await withReport(siteUser({}));
  const { breaches } = services;
  const [entry] = [...breaches.items.values()];
  // Fatima writes Johan's name on the AP decision (the item's JSON column is hers to write, SharePoint records her)
  breaches.actor = { id: 15, displayName: 'Fatima El Amrani' };
  const decision = { notify: false, reason: 'Geen risico.', decidedAt: '2026-12-01T10:00:00.000Z', decidedBy: 'Johan Smit' };
  await breaches.update(entry.id as number, { status: 'beoordeeld', form: { ...entry.form, apDecision: decision } }, entry.etag as string);
  show(services);
  fireEvent.click(await screen.findByTestId('datalek-open'));
  const trace = await screen.findByTestId('datalek-trace-versions');
  const lines = within(trace).getAllByRole('listitem').map((li) => li.textContent ?? '');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^Versie 2\.0, .*, Fatima El Amrani: status Beoordeeld, besluit melding AP$/);
  expect(lines[1]).toMatch(/^Versie 1\.0, .*, Melder: gemeld$/);
  expect(screen.getByTestId('datalek-trace-mismatch').textContent).toContain(
    'Melding aan de Autoriteit Persoonsgegevens (AVG art. 33): vermeld als besloten door Johan Smit, maar in SharePoint opgeslagen door Fatima El Amrani (versie 2.0).',
  );

  // Johan saves the decision again with his own reason: his version, and nothing is named any more
  breaches.actor = { id: 16, displayName: 'Johan Smit' };
  fireEvent.change(screen.getByTestId('decision-ap-reason'), { target: { value: 'Geen risico: ontvanger heeft verwijderd.' } });
  await act(async () => {
    fireEvent.click(screen.getByTestId('decision-save'));
  });
  await screen.findByTestId('decision-saved');
  await waitFor(() => expect(within(screen.getByTestId('datalek-trace-versions')).getAllByRole('listitem')).toHaveLength(3));
  expect(screen.queryByTestId('datalek-trace-mismatch')).toBeNull();
});

it('a version history that cannot be read says the authors were not checked', async () => {
  const services = await withReport(siteUser({}));
  services.breaches.versions = async () => {
    throw Object.assign(new Error('Access denied'), { status: 403 });
  };
  show(services);
  fireEvent.click(await screen.findByTestId('datalek-open'));
  expect((await screen.findByTestId('datalek-trace-failed')).textContent).toBe(
    'De versiegeschiedenis kon niet worden gelezen, dus wie de besluiten opsloeg is niet nagegaan.',
  );
});

it('a report from an older page, saved twice, is read again each time: its etag and status are current, shown once', async () => {
  const services = await withReport(siteUser({}));
  const { breaches } = services;
  const [first] = [...breaches.items.values()];
  // a second, newer report, so the first one is on the second page (the register pages newest first)
  await breaches.create({ ...first, id: undefined, title: 'Nieuwere melding', etag: undefined });
  const pageOf = async (token?: string) => {
    const all = (await MemoryBreachRegister.prototype.list.call(breaches)).items; // newest first
    return token ? { items: all.slice(1) } : { items: all.slice(0, 1), nextPageToken: 'p2' };
  };
  breaches.list = pageOf;
  show(services);
  fireEvent.click(await screen.findByTestId('datalek-more'));
  await waitFor(() => expect(screen.getAllByTestId('datalek-row')).toHaveLength(2));
  const older = screen.getAllByTestId('datalek-row')[1];
  fireEvent.click(within(older).getByTestId('datalek-open'));
  await screen.findByTestId('datalek-detail');
  const decide = async (reason: string): Promise<void> => {
    fireEvent.change(screen.getByTestId('decision-ap-notify'), { target: { value: 'nee' } });
    fireEvent.change(screen.getByTestId('decision-ap-reason'), { target: { value: reason } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('decision-save'));
    });
    await screen.findByTestId('decision-saved');
  };
  await decide('Geen risico.');
  await waitFor(() => expect(screen.getAllByTestId('datalek-row')[1].getAttribute('data-id')).toBe(String(first.id)));
  // the second save goes with the etag the first one left: stored, not refused as a concurrent change
  await decide('Geen risico: ontvanger heeft verwijderd.');
  expect(screen.queryByText(/gewijzigd|concurrent/i)).toBeNull();
  await waitFor(() =>
    expect((breaches.items.get(first.id as number)?.form.apDecision as { reason: string }).reason).toBe(
      'Geen risico: ontvanger heeft verwijderd.',
    ),
  );
  expect(screen.getAllByTestId('datalek-row')).toHaveLength(2);
});
