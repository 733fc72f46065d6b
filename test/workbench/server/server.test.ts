import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { PnpDocumentStore } from '../../../src/adapters/sharepoint';
import { loadAgreement } from '../../../src/domain/agreement/load';
import type { AgreementConfig } from '../../../src/domain/agreement/schema';
import { spForUser } from '../../../workbench/seed/clients';
import { DEFAULT_AGREEMENT_FILE, startWorkbench, type Workbench } from '../../../workbench/server';

jest.setTimeout(300_000);

const loaded = loadAgreement(JSON.parse(readFileSync(DEFAULT_AGREEMENT_FILE, 'utf8')));
if (!loaded.ok) throw new Error('igj-cibg.json does not load');
const config: AgreementConfig = loaded.config;

let dir: string;
let dbFile: string;
let running: Workbench | undefined;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'workbench-server-'));
  dbFile = join(dir, 'emulator.sqlite');
});
afterEach(async () => {
  await running?.close();
  running = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function start(reseed = false): Promise<Workbench> {
  running = await startWorkbench({ port: 0, dbFile, reseed });
  return running;
}

/** Names of the documents the IGJ medewerker sees, through the product's own DocumentStore. */
async function documentNames(wb: Workbench): Promise<string[]> {
  const page = await new PnpDocumentStore(spForUser(wb.siteUrl, 'igj-medewerker'), config).list({ view: 'alle', pageSize: 100 });
  return page.items.map((d) => d.name).sort();
}

/** Sends a mail as the IGJ medewerker (Graph sendMail) to mark the database with something the seed never writes. */
async function sendMarkerMail(wb: Workbench, subject: string): Promise<void> {
  const res = await fetch(`${wb.url}/v1.0/me/sendMail`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-emulator-user': 'igj-medewerker' },
    body: JSON.stringify({
      message: { subject, body: { contentType: 'text', content: 'test' }, toRecipients: [{ emailAddress: { address: 'privacy@igj.nl' } }] },
    }),
  });
  expect(res.status).toBe(202);
}

async function inboxSubjects(wb: Workbench): Promise<string[]> {
  const res = await fetch(`${wb.url}/_emulator/graph/mailboxes/privacy%40igj.nl`);
  const body = (await res.json()) as { inbox: { subject: string }[] };
  return body.inbox.map((m) => m.subject);
}

it('seeds a new database once, serves the page on the same origin, and keeps everything across a restart', async () => {
  let wb = await start();
  expect(wb.seeded).toBe(true);
  expect(wb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(wb.siteUrl).toBe(`${wb.url}/sites/samenwerkingsruimte`);
  const page = await fetch(`${wb.url}/`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('/build/main.js');
  const seededDocs = await documentNames(wb);
  expect(seededDocs).toContain('Signaal vertrouwelijk zorgaanbieder Noord.txt');
  await sendMarkerMail(wb, 'bewaard na herstart');
  await wb.close();
  running = undefined;

  wb = await start();
  expect(wb.seeded).toBe(false);
  expect(await documentNames(wb)).toEqual(seededDocs); // no second copy of anything
  expect(await inboxSubjects(wb)).toContain('bewaard na herstart');
});

it('--reseed wipes what was stored and seeds from scratch', async () => {
  let wb = await start();
  await sendMarkerMail(wb, 'weg na reseed');
  const docs = await documentNames(wb);
  await wb.close();
  running = undefined;

  wb = await start(true);
  expect(wb.seeded).toBe(true);
  expect(await inboxSubjects(wb)).not.toContain('weg na reseed');
  expect(await documentNames(wb)).toEqual(docs);
});

it('redoes a seed that never finished (no marker beside the database) instead of trusting a half site', async () => {
  let wb = await start();
  await sendMarkerMail(wb, 'halve seed');
  await wb.close();
  running = undefined;
  unlinkSync(`${dbFile}.seeded`); // as if the process died during seeding

  wb = await start();
  expect(wb.seeded).toBe(true);
  expect(existsSync(`${dbFile}.seeded`)).toBe(true);
  expect(await inboxSubjects(wb)).not.toContain('halve seed');
});
