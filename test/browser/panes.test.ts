/**
 * The workbench's Kanaal, Postvak and Agenda panes show what the product sent through Graph: the Adaptive Card as
 * Teams renders it, mail as text (never HTML), events with recurrence and reminder. Markup a user typed stays text.
 */
import { join } from 'path';
import type { Browser } from 'playwright-core';
import { openAs, screenshot, SCREENSHOTS, startBrowserSuite, stopBrowserSuite, type TestWorkbench } from './workbench';

jest.setTimeout(240_000);

const INJECTION = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
let wb: TestWorkbench;
let browser: Browser;

/** A Graph call as a demo identity (the header the emulator reads in Node). */
async function graph(path: string, body: unknown, user = 'igj-privacy'): Promise<Response> {
  return fetch(`${wb.url}/v1.0/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-emulator-user': user },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  ({ wb, browser } = await startBrowserSuite());
  const session = (await (await fetch(`${wb.url}/_workbench/session`)).json()) as { teams: { teamId: string; channelId: string } };
  const card = {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: '**Datalek gemeld** door IGJ', weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'FactSet', facts: [{ title: 'Omschrijving', value: INJECTION }, { title: 'Termijn', value: '72 uur (AVG art. 33)' }] },
    ],
    actions: [{ type: 'Action.OpenUrl', title: 'Open melding', url: 'https://example.org/melding/1' }],
  };
  const posted = await graph(`teams/${encodeURIComponent(session.teams.teamId)}/channels/${encodeURIComponent(session.teams.channelId)}/messages`, {
    body: { contentType: 'html', content: '<attachment id="c1"></attachment>' },
    attachments: [{ id: 'c1', contentType: 'application/vnd.microsoft.card.adaptive', content: JSON.stringify(card) }],
  });
  expect(posted.status).toBe(201);
  const mailed = await graph('me/sendMail', {
    message: {
      subject: 'Melding datalek (bijlage 2b)',
      body: { contentType: 'html', content: `<p>Beste CIBG,</p><table><tr><td>Omvang</td><td>3 betrokkenen</td></tr></table>${INJECTION}` },
      toRecipients: [{ emailAddress: { address: 'CIBGDatalekregister@minvws.nl' } }],
    },
  });
  expect(mailed.status).toBe(202);
  const event = await graph('me/events', {
    subject: 'Bestuurlijk overleg IGJ–CIBG',
    start: { dateTime: '2027-06-04T10:00:00', timeZone: 'W. Europe Standard Time' },
    end: { dateTime: '2027-06-04T12:00:00', timeZone: 'W. Europe Standard Time' },
    recurrence: {
      pattern: { type: 'absoluteYearly', interval: 1, month: 6, dayOfMonth: 4 },
      range: { type: 'noEnd', startDate: '2027-06-04' },
    },
    isReminderOn: true,
    reminderMinutesBeforeStart: 10080,
    attendees: [{ emailAddress: { address: 'marko.stupar@cibg.example', name: 'Marko Stupar' }, type: 'required' }],
    body: { contentType: 'text', content: 'Agenda: onderwerpen van bestuurlijk gewicht (art. 7.2)' },
  });
  expect(event.status).toBe(201);
});

afterAll(async () => {
  await stopBrowserSuite({ wb, browser });
});

it('Kanaal renders the Adaptive Card as Teams does, with card text never becoming markup', async () => {
  const { context, page, errors } = await openAs(browser, wb, 'igj-privacy');
  await page.getByRole('button', { name: 'Kanaal' }).click();
  const card = page.getByTestId('adaptive-card').first();
  await card.getByText('Datalek gemeld').waitFor();
  await expect(card.locator('strong', { hasText: 'Datalek gemeld' }).count()).resolves.toBe(1);
  await expect(card.getByText('72 uur (AVG art. 33)').isVisible()).resolves.toBe(true);
  await expect(card.getByText(INJECTION).isVisible()).resolves.toBe(true);
  await expect(card.locator('img, script').count()).resolves.toBe(0);
  await screenshot(page, join(SCREENSHOTS, 'pane-kanaal.png'));
  await expect(card.locator('button', { hasText: 'Open melding' }).isVisible()).resolves.toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(errors).toEqual([]);
  await context.close();
});

it('Postvak shows the mail in the breach mailbox as text, markup and all', async () => {
  const { context, page, errors } = await openAs(browser, wb, 'igj-privacy');
  await page.getByRole('button', { name: 'Postvak' }).click();
  await page.getByRole('combobox', { name: 'Postvak' }).selectOption('cibgdatalekregister@minvws.nl');
  const mail = page.getByTestId('mail-message').first();
  await mail.getByText('Melding datalek (bijlage 2b)').waitFor();
  const text = await mail.locator('p').last().textContent();
  expect(text).toBe('Beste CIBG,\n\nOmvang\t3 betrokkenen');
  await expect(mail.locator('img, script, table').count()).resolves.toBe(0);
  await screenshot(page, join(SCREENSHOTS, 'pane-postvak.png'));
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(errors).toEqual([]);
  await context.close();
});

it('Agenda shows the yearly event with its reminder, and the invitation in the attendee calendar', async () => {
  const { context, page, errors } = await openAs(browser, wb, 'igj-privacy');
  await page.getByRole('button', { name: 'Agenda' }).click();
  await page.getByRole('combobox', { name: 'Agenda' }).selectOption('fatima.elamrani@igj.example');
  const event = page.getByTestId('calendar-event').first();
  await event.getByText('Bestuurlijk overleg IGJ–CIBG').waitFor();
  await expect(event.getByText('elk jaar op 4 juni, vanaf 2027-06-04, zonder einde').isVisible()).resolves.toBe(true);
  await expect(event.getByText('7 dagen vooraf').isVisible()).resolves.toBe(true);
  await screenshot(page, join(SCREENSHOTS, 'pane-agenda.png'));
  await page.getByRole('combobox', { name: 'Agenda' }).selectOption('marko.stupar@cibg.example');
  await page.getByTestId('calendar-event').getByText('uitnodiging').waitFor();
  expect(errors).toEqual([]);
  await context.close();
});
