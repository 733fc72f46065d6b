/**
 * The review's Toetslog writes and the Verantwoording export through the real adapters against the emulator: the
 * log is append-only (AVG art. 5(2)): the privacy officer's outcome is a record of their own, nobody changes or deletes
 * a record, a ToetsId somebody else took is refused, and the export reads a log of more than 5,000 records whole
 * (indexed Tijdstip order, SharePoint's skiptoken paging).
 */
import { PnpAuditLog } from '../../src/adapters/sharepoint';
import type { AuditRecord } from '../../src/ports/registers';
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

it("keeps the privacy officer's outcome as a record of their own, which only officers read (ReadSecurity = 2)", async () => {
  const uploaderLog = new PnpAuditLog(emu.spForUser('igj-medewerker'));
  const officerLog = new PnpAuditLog(emu.spForUser('igj-privacy'));
  const me = await emu.spForUser('igj-medewerker').web.currentUser.select('Id')<{ Id: number }>();
  const officer = await emu.spForUser('igj-privacy').web.currentUser.select('Id')<{ Id: number }>();
  await uploaderLog.append({ ...upload, user: { id: me.Id, displayName: 'Sanne de Vries' } });
  const review: AuditRecord = {
    ...upload,
    toetsId: `${upload.toetsId}-review-${officer.Id}`,
    user: { id: officer.Id, displayName: 'Fatima El Amrani' },
    decision: 'afgewezen',
    reviewOf: upload.toetsId,
    reviewNote: 'Zonder BSN opnieuw delen.',
  };
  await officerLog.append(review);
  await officerLog.append(review); // a retry after a lost answer: no second record
  expect(await uploaderLog.get(review.toetsId)).toBeNull();
  const [found] = await officerLog.reviewsOf([upload.toetsId]);
  expect(found).toMatchObject({ decision: 'afgewezen', reviewOf: upload.toetsId, author: { id: officer.Id } });
  expect((await officerLog.byFileNames(['Verificatie.txt'])).map((r) => r.toetsId).sort()).toEqual(
    [upload.toetsId, review.toetsId].sort(),
  );
});

it('refuses every change and deletion of a record, by its uploader and by a privacy officer (AVG art. 5(2))', async () => {
  for (const key of ['igj-medewerker', 'igj-privacy']) {
    const sp = emu.spForUser(key);
    const [row] = await sp.web.lists
      .getByTitle(LISTS.audit)
      .items.select('Id')
      .filter(`${AUDIT.toetsId} eq '${upload.toetsId}'`)<Array<{ Id: number }>>();
    const item = sp.web.lists.getByTitle(LISTS.audit).items.getById(row.Id);
    await expect(item.update({ [AUDIT.decision]: 'toegestaan' }, '*')).rejects.toMatchObject({ status: 403 });
    await expect(item.delete()).rejects.toMatchObject({ status: 403 });
    await expect(item.recycle()).rejects.toMatchObject({ status: 403 });
  }
});

it('refuses a ToetsId somebody else created first, naming them, instead of taking it over', async () => {
  const forger = new PnpAuditLog(emu.spForUser('igj-hoofdinspecteur'));
  const me = await emu.spForUser('igj-hoofdinspecteur').web.currentUser.select('Id')<{ Id: number }>();
  await forger.append({ ...upload, toetsId: 'bezet-1', user: { id: me.Id, displayName: 'Henk de Groot' }, decision: 'goedgekeurd' });
  const officer = await emu.spForUser('igj-privacy').web.currentUser.select('Id')<{ Id: number }>();
  await expect(
    new PnpAuditLog(emu.spForUser('igj-privacy')).append({
      ...upload,
      toetsId: 'bezet-1',
      user: { id: officer.Id, displayName: 'Fatima El Amrani' },
      decision: 'goedgekeurd',
    }),
  ).rejects.toThrow(/al vastgelegd door Henk de Groot/);
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
