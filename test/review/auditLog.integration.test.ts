/**
 * The review's Toetslog writes and the Verantwoording export through the real adapters against the emulator:
 * the privacy officer's outcome lands on the uploader's own record (which the uploader can read, the officer's own
 * record they cannot: ReadSecurity = 2), staff cannot annotate someone else's record, and the export reads a log of
 * more than 5,000 records whole (indexed Tijdstip order, SharePoint's skiptoken paging).
 */
import { PnpAuditLog } from '../../src/adapters/sharepoint';
import type { AuditRecord, ReviewOutcome } from '../../src/ports/registers';
import { AUDIT, LISTS } from '../../src/provisioning/names';
import { collectAuditRecords, verantwoordingCsv } from '../../src/review';
import { bulkInsertItems } from '../../workbench/emulator/server';
import { seedSite } from '../../workbench/seed/seed';
import { loadConfigFixture } from '../helpers/config';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator';

const config = loadConfigFixture();
let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
  await seedSite(emu.siteUrl, { agreement: config });
}, 180_000);
afterAll(async () => emu?.close());

const upload: AuditRecord = {
  toetsId: 'toets-review-int-1',
  at: '2026-11-23T10:00:00Z',
  user: { id: 0, displayName: 'Sanne de Vries' },
  party: 'igj',
  fileName: 'Verificatie.txt',
  decision: 'review',
  ruleVersion: 'igj-cibg@1',
  answers: { containsPersonalData: true },
  findings: [{ kind: 'bsn', count: 1 }],
  reasons: [{ article: 'art. 9.2', text: 'BSN' }],
};

it("puts the privacy officer's outcome on the uploader's own record, which the uploader reads", async () => {
  const uploaderLog = new PnpAuditLog(emu.spForUser('igj-medewerker'));
  const officerLog = new PnpAuditLog(emu.spForUser('igj-privacy'));
  await uploaderLog.append(upload);
  const outcome: ReviewOutcome = {
    decision: 'afgewezen',
    note: 'Zonder BSN opnieuw delen.',
    by: { id: 11, displayName: 'Fatima El Amrani' },
    at: '2026-11-23T11:00:00Z',
    toetsId: 'toets-review-int-1-review',
  };
  await officerLog.append({ ...upload, toetsId: outcome.toetsId, decision: 'afgewezen', reviewNote: outcome.note });
  await officerLog.recordReview(upload.toetsId, outcome);
  // ReadSecurity = 2: the uploader cannot read the officer's own record, but reads the outcome on theirs.
  expect(await uploaderLog.get(outcome.toetsId)).toBeNull();
  const mine = await uploaderLog.get(upload.toetsId);
  expect(mine).toMatchObject({ decision: 'review', findings: [{ kind: 'bsn', count: 1 }], review: outcome });
});

it("refuses a staff member annotating someone else's record (WriteSecurity = 2)", async () => {
  const other = new PnpAuditLog(emu.spForUser('igj-hoofdinspecteur'));
  await expect(
    other.recordReview(upload.toetsId, {
      decision: 'goedgekeurd',
      note: '',
      by: { id: 1, displayName: 'x' },
      at: '2026-11-23T12:00:00Z',
      toetsId: 'x',
    }),
  ).rejects.toThrow(/ToetsId 'toets-review-int-1'/); // not even visible to them
});

it('exports a Toetslog of more than 5,000 records whole, newest first, as a privacy officer', async () => {
  const base = Date.UTC(2025, 0, 1);
  const rows = Array.from({ length: 6_200 }, (_, i) => ({
    Title: `Bulk ${i}.txt`,
    [AUDIT.toetsId]: `bulk-${i}`,
    [AUDIT.at]: new Date(base + i * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    [AUDIT.party]: i % 2 ? 'igj' : 'cibg',
    [AUDIT.file]: `Bulk ${i}.txt`,
    [AUDIT.decision]: 'toegestaan',
    [AUDIT.ruleVersion]: 'igj-cibg@1',
    [AUDIT.details]: JSON.stringify({ answers: {}, findings: [{ kind: 'email', count: 1 }], reasons: [] }),
  }));
  bulkInsertItems(emu.raw.db, LISTS.audit, rows, { authorKey: 'igj-medewerker' });
  const log = new PnpAuditLog(emu.spForUser('cibg-privacy'));
  const records = await collectAuditRecords(log, { pageSize: 1_000 });
  const bulk = records.filter((r) => r.toetsId.startsWith('bulk-'));
  expect(bulk).toHaveLength(6_200);
  expect(new Set(records.map((r) => r.toetsId)).size).toBe(records.length);
  for (let i = 1; i < records.length; i++) expect(Date.parse(records[i - 1].at)).toBeGreaterThanOrEqual(Date.parse(records[i].at));
  const csv = verantwoordingCsv(config, records);
  expect(csv.split('\r\n').length).toBe(records.length + 2); // header + rows + the empty string after the last CRLF
  // A period read from the indexed order stops early instead of reading all of it.
  const january = await collectAuditRecords(log, { from: '2025-01-01T00:00:00Z', to: '2025-02-01T00:00:00Z', pageSize: 1_000 });
  expect(january.filter((r) => r.toetsId.startsWith('bulk-'))).toHaveLength(31 * 24);
}, 240_000);
