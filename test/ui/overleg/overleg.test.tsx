/** @jest-environment jsdom */
/**
 * The Overleg tab and dashboard banner over fake ports: the banner and the post-once reminder check, the
 * plan dialog (art. 7.1 roles, missing role warned, mandatory agenda art. 6.2/7.2 not removable, confirm into the
 * organiser's calendar) and the read-only view for people who do not plan.
 */
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as React from 'react';
import type {
  AdaptiveCardJson,
  CalendarEventRequest,
  CalendarTarget,
  ChannelRef,
  DirectoryPerson,
  MeetingEntry,
  Services,
  UserProfile,
} from '../../../src/ports';
import { App } from '../../../src/ui/App';
import { igjCibg, profile } from '../fakeServices';

// jsdom lacks ResizeObserver (Fluent's Dialog uses it); the browser test covers the real thing.
class NoResizeObserver {
  public observe(): void {}
  public unobserve(): void {}
  public disconnect(): void {}
}
Object.assign(window, { ResizeObserver: NoResizeObserver });
// Lazy tabs and dialogs on a busy test machine: wait longer than the default second for them to appear.
configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(120_000);

const PEOPLE: DirectoryPerson[] = [
  { id: '1', displayName: 'Henk de Groot', email: 'henk.degroot@igj.example', jobTitle: 'Hoofdinspecteur Farmaceutische Producten en Medische Technologie', party: 'igj' },
  { id: '2', displayName: 'Eva Mulder', email: 'eva.mulder@igj.example', jobTitle: 'Bestuurlijk adviseur', party: 'igj' },
  { id: '3', displayName: 'Marko Stupar', email: 'marko.stupar@cibg.example', jobTitle: 'Algemeen Directeur', party: 'cibg' },
  { id: '4', displayName: 'Pieter Bakker', email: 'pieter.bakker@igj.example', jobTitle: 'Afdelingshoofd Risicodetectie en Ontwikkeling', party: 'igj' },
];
const pieter = profile({ displayName: 'Pieter Bakker', email: 'pieter.bakker@igj.example', jobTitle: 'Afdelingshoofd Risicodetectie en Ontwikkeling' });

interface World {
  services: Services;
  entries: MeetingEntry[];
  claimed: Set<string>;
  posted: AdaptiveCardJson[];
  events: Array<{ target: CalendarTarget; event: CalendarEventRequest }>;
}

/** The ports the overleg UI uses, in memory; any other port throws. */
function world(me: UserProfile, options: { calendarFailures?: number } = {}): World {
  let calendarFailures = options.calendarFailures ?? 0;
  const entries: MeetingEntry[] = [];
  const claimed = new Set<string>();
  const posted: AdaptiveCardJson[] = [];
  const events: World['events'] = [];
  const channel: ChannelRef = { teamId: 't', channelId: '19:algemeen@thread.tacv2' };
  const known: Record<string, unknown> = {
    config: igjCibg(),
    directory: { currentUser: async () => me, findByJobTitles: async (titles: string[]) => PEOPLE.filter((p) => titles.includes(p.jobTitle)) },
    meetings: {
      list: async () => [...entries],
      get: async (id: number) => entries.find((e) => e.id === id)!,
      create: async (e: MeetingEntry, createId?: string) => {
        const earlier = entries.find((x) => createId && x.details.createId === createId);
        if (earlier) return earlier;
        const stored = { ...e, details: { ...e.details, createId }, id: entries.length + 1, etag: '"1"' };
        entries.push(stored);
        return stored;
      },
      update: async (id: number, patch: Partial<MeetingEntry>) => {
        const i = entries.findIndex((e) => e.id === id);
        entries[i] = { ...entries[i], ...patch };
        return entries[i];
      },
    },
    reminders: {
      claim: async (key: string) => (claimed.has(key) ? false : (claimed.add(key), true)),
      release: async (key: string) => void claimed.delete(key),
    },
    channel: { postCard: async (_c: ChannelRef, card: AdaptiveCardJson) => (posted.push(card), { id: 'm', createdAt: '', webUrl: null }) },
    calendar: {
      createEvent: async (target: CalendarTarget, event: CalendarEventRequest) => {
        events.push({ target, event });
        if (calendarFailures-- > 0) throw new Error('Graph POST /me/events failed (no response Timeout)');
        return { id: 'evt-1', webLink: 'https://outlook.example/evt-1', reminderFires: true };
      },
    },
    host: { siteUrl: 'https://contoso.example/sites/samenwerkingsruimte', reminderChannel: channel },
    documents: { list: async () => ({ items: [] }) },
  };
  const services = new Proxy(known, {
    get(target, prop) {
      if (typeof prop === 'string' && prop in target) return target[prop];
      if (prop === 'then' || typeof prop === 'symbol') return undefined;
      throw new Error(`the test did not fake services.${String(prop)}`);
    },
  }) as unknown as Services;
  return { services, entries, claimed, posted, events };
}

// The real clock: every series counts from signing on 4 June 2025, so from June 2026 on all four are overdue.

describe('Overleg', () => {
  it('shows the banner for overdue meetings and posts each reminder card once across two page loads', async () => {
    const w = world(pieter);
    const first = render(<App services={w.services} />);
    const banner = await screen.findByTestId('overleg-banner');
    expect(banner.textContent).toMatch(/Bestuurlijk overleg IGJ–CIBG: \d+ dagen te laat, uiterlijk 4-6-2026 \(art\. 7\)/);
    await waitFor(() => expect(w.posted).toHaveLength(4));
    first.unmount();
    render(<App services={w.services} />);
    await screen.findByTestId('overleg-banner');
    await waitFor(() => expect(w.claimed.size).toBe(4));
    expect(w.posted).toHaveLength(4);
  });

  it('plans a bestuurlijk overleg: roles, missing COO, fixed mandatory agenda, event in the organiser calendar', async () => {
    const w = world(pieter);
    render(<App services={w.services} host={{ initialTab: 'overleg' }} />);
    const row = (await screen.findByText('Bestuurlijk overleg IGJ–CIBG', { selector: 'td' })).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: /^Plannen/ }));
    const attendees = await screen.findByTestId('overleg-attendees');
    expect(within(attendees).getAllByText(/verplicht \(art\. 7\)/)).toHaveLength(3);
    expect(screen.getByTestId('overleg-warnings').textContent).toContain("'Directeur Operationele Zaken/COO' bij CIBG");
    const agenda = screen.getByTestId('overleg-agenda');
    expect(within(agenda).getAllByText(/verplicht \(art\. 7\.2\)/)).toHaveLength(2);
    expect(within(agenda).queryByRole('button', { name: /^Verwijderen/ })).toBeNull();
    fireEvent.change(screen.getByLabelText('Agendapunt toevoegen'), { target: { value: 'Rondvraag' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Toevoegen' })[1]);
    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen en uitnodigen' }));
    await screen.findByTestId('overleg-planned');
    expect(w.events).toHaveLength(1);
    expect(w.events[0].target).toEqual({ kind: 'organiser' });
    expect(w.events[0].event).toMatchObject({
      start: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T10:00$/),
      timeZone: 'Europe/Amsterdam',
      repeat: { everyMonths: 12 },
      reminderMinutesBefore: 14 * 24 * 60,
    });
    expect(w.events[0].event.description).toContain('3. Rondvraag');
    expect(w.entries).toEqual([expect.objectContaining({ series: 'bestuurlijk-overleg', status: 'gepland', eventId: 'evt-1' })]);
  });

  it('pressing the button again after a calendar error repeats the same plan: one entry, the same transactionId', async () => {
    const w = world(pieter, { calendarFailures: 1 });
    render(<App services={w.services} host={{ initialTab: 'overleg' }} />);
    const row = (await screen.findByText('Bestuurlijk overleg IGJ–CIBG', { selector: 'td' })).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: /^Plannen/ }));
    await screen.findByTestId('overleg-attendees');
    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen en uitnodigen' }));
    expect((await screen.findByTestId('overleg-error')).textContent).toContain('Probeer het opnieuw');
    expect(w.entries).toEqual([expect.objectContaining({ status: 'geannuleerd' })]);
    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen en uitnodigen' }));
    await screen.findByTestId('overleg-planned');
    expect(w.events).toHaveLength(2);
    expect(w.events[0].event.transactionId).toEqual(expect.any(String));
    expect(w.events[1].event.transactionId).toBe(w.events[0].event.transactionId);
    expect(w.entries).toEqual([expect.objectContaining({ status: 'gepland', eventId: 'evt-1' })]);
  });

  it('records a meeting held with its verslag; a bad link is refused naming the field', async () => {
    const w = world(pieter);
    render(<App services={w.services} host={{ initialTab: 'overleg' }} />);
    const row = (await screen.findByText('Ambtelijk overleg IGJ–CIBG', { selector: 'td' })).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: /^Vastleggen/ }));
    fireEvent.change(await screen.findByLabelText(/Gehouden op/), { target: { value: '2026-11-20' } });
    fireEvent.change(screen.getByLabelText(/Link naar het verslag/), { target: { value: 'verslag.docx' } });
    fireEvent.click(screen.getByTestId('overleg-record-save'));
    expect((await screen.findByTestId('overleg-error')).textContent).toContain('minutesUrl');
    fireEvent.change(screen.getByLabelText(/Link naar het verslag/), { target: { value: 'https://contoso.example/verslag.docx' } });
    fireEvent.click(screen.getByTestId('overleg-record-save'));
    expect((await screen.findByTestId('overleg-recorded')).textContent).toContain('20-11-2027');
    expect(w.entries).toEqual([expect.objectContaining({ series: 'ambtelijk-overleg', status: 'gehouden', minutesUrl: 'https://contoso.example/verslag.docx' })]);
  });

  it('keyboard and focus in the plan dialog: unread time named as typed, remove moves focus on, Enter adds', async () => {
    const w = world(pieter);
    render(<App services={w.services} host={{ initialTab: 'overleg' }} />);
    const row = (await screen.findByText('Bestuurlijk overleg IGJ–CIBG', { selector: 'td' })).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Plannen: Bestuurlijk overleg IGJ–CIBG' }));
    const attendees = await screen.findByTestId('overleg-attendees');
    // a time the field could not read: refused before any write, named day first, the refusal focused
    fireEvent.change(screen.getByTestId('overleg-start'), { target: { value: '25:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen en uitnodigen' }));
    const refusal = await screen.findByTestId('overleg-error');
    expect(refusal.textContent).toBe("Begintijd: '25:00': geen tijd zoals uu:mm");
    await waitFor(() => expect(document.activeElement).toBe(refusal));
    expect(w.entries).toEqual([]);
    expect(w.events).toEqual([]);
    // each remove button names whom it removes; after one, focus is on the button that took its place
    const removes = within(attendees).getAllByRole('button', { name: /^Verwijderen: / });
    expect(removes.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Verwijderen: Henk de Groot',
      'Verwijderen: Eva Mulder',
      'Verwijderen: Marko Stupar',
    ]);
    removes[0].focus();
    fireEvent.click(removes[0]);
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Verwijderen: Eva Mulder'));
    // the last one removed: focus on the list's last, then on the field that adds one
    const marko = within(attendees).getByRole('button', { name: 'Verwijderen: Marko Stupar' });
    marko.focus();
    fireEvent.click(marko);
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Verwijderen: Eva Mulder'));
    const eva = within(attendees).getByRole('button', { name: 'Verwijderen: Eva Mulder' });
    eva.focus();
    fireEvent.click(eva);
    const address = screen.getByLabelText('Deelnemer toevoegen (e-mailadres)');
    await waitFor(() => expect(document.activeElement).toBe(address));
    // Enter in the address field adds, as the button does
    fireEvent.change(address, { target: { value: 'extern@igj.example' } });
    fireEvent.keyDown(address, { key: 'Enter' });
    expect(within(attendees).getByText('extern@igj.example')).toBeTruthy();
    expect((address as HTMLInputElement).value).toBe('');
    // read now: confirmed, the message that says so focused
    fireEvent.change(screen.getByTestId('overleg-start'), { target: { value: '9.30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen en uitnodigen' }));
    const planned = await screen.findByTestId('overleg-planned');
    await waitFor(() => expect(document.activeElement).toBe(planned));
    expect(w.events[0].event.start).toMatch(/T09:30$/);
    expect(w.events[0].event.attendees.map((a) => a.address)).toEqual(['extern@igj.example']);
  });

  it('recording: a date the field could not read is refused as typed, day first, and nothing is stored', async () => {
    const w = world(pieter);
    render(<App services={w.services} host={{ initialTab: 'overleg' }} />);
    const row = (await screen.findByText('Ambtelijk overleg IGJ–CIBG', { selector: 'td' })).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Vastleggen: Ambtelijk overleg IGJ–CIBG' }));
    fireEvent.change(await screen.findByTestId('overleg-heldOn'), { target: { value: '31-02-2026' } });
    fireEvent.change(screen.getByLabelText(/Link naar het verslag/), { target: { value: 'https://contoso.example/verslag.docx' } });
    fireEvent.click(screen.getByTestId('overleg-record-save'));
    const refusal = await screen.findByTestId('overleg-error');
    expect(refusal.textContent).toBe("Gehouden op: '31-02-2026': geen datum zoals dd-mm-jjjj");
    await waitFor(() => expect(document.activeElement).toBe(refusal));
    expect(w.entries).toEqual([]);
    fireEvent.change(screen.getByTestId('overleg-heldOn'), { target: { value: '20-11-2026' } });
    fireEvent.click(screen.getByTestId('overleg-record-save'));
    const recorded = await screen.findByTestId('overleg-recorded');
    await waitFor(() => expect(document.activeElement).toBe(recorded));
    expect(w.entries).toEqual([expect.objectContaining({ series: 'ambtelijk-overleg', status: 'gehouden' })]);
  });

  it('shows the plan read-only to people who do not plan (art. 5, 12)', async () => {
    const w = world(profile());
    render(<App services={w.services} host={{ initialTab: 'overleg' }} />);
    await screen.findByText('Bestuurlijk overleg IGJ–CIBG', { selector: 'td' });
    expect(screen.queryByRole('button', { name: /^Plannen/ })).toBeNull();
    expect(screen.getByText(/Plannen en vastleggen doen de accounthouders/)).toBeTruthy();
  });
});
