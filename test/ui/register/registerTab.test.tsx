/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as React from 'react';
import { newRecord, type RecordVersion, type RegisterRecord } from '../../../src/domain/register';
import type { AgreementEntry, AgreementView, MeetingEntry, Services } from '../../../src/ports';
import { AppFrame } from '../../../src/ui/AppFrame';
import RegisterTab from '../../../src/ui/register/RegisterTab';
import { ServicesProvider } from '../../../src/ui/services';
import { igjCibg } from '../fakeServices';

jest.setTimeout(120_000);

const config = igjCibg();

/** The agreement itself, signed and in force. */
const agreement: RegisterRecord = {
  ...newRecord(config, 'samenwerkingsovereenkomst'),
  id: 1,
  title: 'Samenwerkingsovereenkomst IGJ–CIBG',
  version: '1.0',
  status: 'in werking',
  signedOn: '2025-06-04',
  signedAt: 'Utrecht',
  publishedOn: '2025-06-20',
  staatscourant: 'Stcrt. 2025, 1',
  effectiveFrom: '2025-06-21',
  evaluationDue: '2026-06-21',
  etag: '"3"',
};
/** A change under discussion, superseding the agreement. */
const change: RegisterRecord = {
  ...newRecord(config, 'samenwerkingsovereenkomst'),
  id: 2,
  title: 'Wijziging 2.0',
  version: '2.0',
  status: 'in overleg',
  // created as a concept and put in overleg by its steps, as the register does
  history: [
    { status: 'concept', at: '2026-01-10', by: 'Pieter Bakker' },
    { status: 'in overleg', at: '2026-01-20', by: 'Pieter Bakker' },
  ],
  supersedesId: 1,
  etag: '"1"',
};

/** Fake ports; records updates and creates. */
function fakes() {
  const records = new Map<number, RegisterRecord>([
    [1, agreement],
    [2, change],
  ]);
  const calls = {
    list: [] as AgreementView[],
    create: [] as AgreementEntry[],
    update: [] as Array<[number, Partial<AgreementEntry>, string | undefined]>,
  };
  const meetings: MeetingEntry[] = [
    {
      id: 7,
      series: 'bestuurlijk-overleg',
      title: 'Bestuurlijk overleg 2026',
      date: '2026-02-10T10:00:00Z',
      status: 'gehouden',
      details: {},
    },
  ];
  const kept = new Map<number, RecordVersion[]>();
  const keep = (id: number, r: RegisterRecord): void => {
    const all = kept.get(id) ?? [];
    const editor = { id: 11, displayName: 'Pieter Bakker' };
    all.push({ label: `${all.length + 1}.0`, modified: '2026-02-20T10:00:00Z', editor, status: r.status, history: r.history });
    kept.set(id, all);
  };
  for (const [id, r] of records) keep(id, r);
  const services = {
    config,
    agreements: {
      list: async (view: AgreementView) => {
        calls.list.push(view);
        return { items: [...records.values()] };
      },
      get: async (id: number) => records.get(id) as AgreementEntry,
      create: async (e: AgreementEntry) => {
        calls.create.push(e);
        return { ...e, id: 3 };
      },
      update: async (id: number, patch: Partial<AgreementEntry>, etag?: string) => {
        calls.update.push([id, patch, etag]);
        const before = records.get(id) as RegisterRecord;
        // as SharePoint: every write a new etag
        const next = { ...before, ...patch, etag: `"${Number(String(before.etag).replace(/"/g, '')) + 1}"` } as RegisterRecord;
        records.set(id, next);
        keep(id, next);
        return next;
      },
      // SharePoint's versions, newest first: the record as seeded is 1.0; every update adds one saved by Pieter
      versions: async (id: number) => [...(kept.get(id) ?? [])].reverse(),
    },
    meetings: { list: async () => meetings },
    documents: { list: async () => ({ items: [] }) },
    site: {
      currentUser: async () => ({ displayName: 'Pieter Bakker' }),
      groupMembers: async () => [{ id: 11, displayName: 'Pieter Bakker', email: 'pieter.bakker@igj.example' }],
    },
  } as unknown as Services;
  return { services, calls };
}

function renderTab(services: Services): void {
  render(
    <AppFrame host={{}}>
      <ServicesProvider services={services}>
        <RegisterTab />
      </ServicesProvider>
    </AppFrame>,
  );
}

/** Opens a record's detail. */
async function open(title: string): Promise<HTMLElement> {
  // Text queries with a selector: role queries are slow in jsdom on a page this size.
  fireEvent.click(await screen.findByText(title, { selector: 'button' }));
  const detail = await screen.findByTestId('record-detail');
  await within(detail).findByText(title, { selector: 'h2' });
  return detail;
}

describe('Overeenkomstenregister tab', () => {
  it('starts with "Mijn overeenkomsten" (art. 5) and lists the records', async () => {
    const { services, calls } = fakes();
    renderTab(services);
    await screen.findByText(agreement.title, { selector: 'button' });
    expect(calls.list).toEqual(['mijn']);
    fireEvent.click(screen.getByRole('tab', { name: 'DVA verloopt' }));
    await waitFor(() => expect(calls.list).toEqual(['mijn', 'dva-verloopt']));
  });

  it('refuses a new record without a title, naming the field, and stores nothing', async () => {
    const { services, calls } = fakes();
    renderTab(services);
    fireEvent.click(await screen.findByTestId('register-new'));
    fireEvent.click(await screen.findByTestId('form-save'));
    const errors = await screen.findByTestId('form-errors');
    expect(within(errors).getByText('Titel is verplicht.')).toBeTruthy();
    // the refusal takes focus (the save button is in the dialog's footer, the summary at its top)
    await waitFor(() => expect(document.activeElement).toBe(errors));
    expect(errors.getAttribute('role')).toBe('alert');
    expect(calls.create).toEqual([]);
  });

  it('refuses to edit a signed agreement in place (art. 13.3) and sends no update', async () => {
    const { services, calls } = fakes();
    renderTab(services);
    const detail = await open(agreement.title);
    fireEvent.click(within(detail).getByTestId('record-edit'));
    const version = (await screen.findByTestId('form-version')) as HTMLInputElement;
    fireEvent.change(version.tagName === 'INPUT' ? version : (version.querySelector('input') as HTMLInputElement), {
      target: { value: '1.1' },
    });
    fireEvent.click(screen.getByTestId('form-save'));
    const errors = await screen.findByTestId('form-errors');
    expect(errors.querySelector('[data-field="version"]')?.textContent).toMatch(
      /nieuwe versie die deze vervangt.*\(art\. 13\.3\)$/,
    );
    expect(calls.update).toEqual([]);
  });

  it('a change linked to a held bestuurlijk overleg and re-signed after it is recorded as signed, with history', async () => {
    const { services, calls } = fakes();
    await services.agreements.update(2, { meetingId: 7, signedOn: '2026-02-20', signedAt: 'Den Haag' }, '"1"'); // now "2"
    calls.update.length = 0;
    renderTab(services);
    const detail = await open(change.title);
    expect(within(detail).getByText('Bestuurlijk overleg 2026, 10-2-2026 (gehouden)')).toBeTruthy();
    expect(within(detail).getByText('Samenwerkingsovereenkomst IGJ–CIBG (1.0)')).toBeTruthy();
    fireEvent.click(within(detail).getByTestId('record-step'));
    fireEvent.click(await screen.findByText('ondertekend', { selector: '[role="option"]' }));
    fireEvent.click(within(detail).getByTestId('record-step-apply'));
    await waitFor(() => expect(calls.update).toHaveLength(1));
    // the step's button is disabled once taken: focus is on the message that says what was set
    const done = await within(detail).findByTestId('record-step-done');
    expect(done.textContent).toBe('Status gezet: ondertekend.');
    await waitFor(() => expect(document.activeElement).toBe(done));
    const [id, patch, etag] = calls.update[0];
    expect(id).toBe(2);
    expect(etag).toBe('"2"'); // the etag the record had after the set-up's write
    expect(patch.status).toBe('ondertekend');
    expect(patch.history?.at(-1)).toMatchObject({ status: 'ondertekend', by: 'Pieter Bakker' });
    // SharePoint's versions under the record: the step is Pieter's own, nothing is named
    const versions = await within(detail).findByTestId('record-trace-versions');
    await waitFor(() => expect(within(versions).getAllByRole('listitem').length).toBeGreaterThanOrEqual(2));
    expect(within(versions).getAllByRole('listitem')[0].textContent).toMatch(/Pieter Bakker: status ondertekend, stap in de geschiedenis$/);
    expect(within(detail).queryByTestId('record-trace-findings')).toBeNull();
    // The owners of a change to the agreement itself are the accounthouders (art. 5). The refusals of this step are
    // covered in test/domain/register and, through the real UI, in test/browser/register.test.ts.
    expect(within(detail).getByTestId('record-owners').textContent).toContain('art. 5');
  });
});
