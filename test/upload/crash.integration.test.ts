/**
 * No upload lost or doubled after a crash: the workbench killed with `kill -9` in the middle of a batch of uploads
 * (during a chunked upload, between chunks), then started again on the same database. The dialog's own retry (a failed
 * result again with `previous`, an incomplete one with `repair`) then finishes every file: none lost, none doubled,
 * every Toetslog record once.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { PnpAuditLog, PnpDocumentStore, PnpSiteDirectory } from '../../src/adapters/sharepoint';
import type { ExchangeDocument, UploadProgress } from '../../src/ports/documents';
import { decide, repair, shareFile, type ShareDeps, type ShareItem, type ShareResult } from '../../src/upload';
import { spForUser } from '../../workbench/seed/clients';
import { seedSite } from '../../workbench/seed/seed';
import { killHard, startEmulatorProcess as startProcess, type EmulatorProcess } from '../helpers/crash';
import { TEST_SITE_PATH } from '../helpers/emulator';
import { config, form, reviewForm, scanWith } from './fixtures';

jest.setTimeout(240_000);

const FILES = 30;
/** The upload during which the workbench is killed (a chunked one, between its chunks). */
const KILLED_DURING = 10;
const MAX_RETRIES = 8;

describe('kill -9 of the workbench during a batch of uploads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crash-'));
  const dbFile = join(dir, 'emulator.sqlite');
  let proc: EmulatorProcess | undefined;
  afterAll(async () => {
    if (proc) await killHard(proc.child);
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses and doubles nothing: after the restart the dialog’s own retry finishes every file', async () => {
    proc = await startProcess(dbFile, 0);
    const port = Number(new URL(proc.url).port);
    const siteUrl = `${proc.url}${TEST_SITE_PATH}`;
    await seedSite(siteUrl, { agreement: config });
    const sp = spForUser(siteUrl, 'igj-medewerker');
    const deps: ShareDeps = {
      config,
      documents: new PnpDocumentStore(sp, config, { chunkThresholdBytes: 16 * 1024, chunkBytes: 8 * 1024 }),
      audit: new PnpAuditLog(sp, config.parties.map((p) => p.key)),
      user: await new PnpSiteDirectory(sp, config).currentUser(),
    };
    const review = reviewForm();
    const batch = Array.from({ length: FILES }, (_, i) => {
      const chunked = i === KILLED_DURING || i % 7 === 0;
      const fileName = `Crash ${String(i).padStart(2, '0')}${chunked ? '.bin' : '.txt'}`;
      const content = chunked
        ? new Uint8Array(64 * 1024).map((_, b) => (b * 3 + i) % 251)
        : new TextEncoder().encode(`Inhoud van ${fileName}`);
      const f = i % 2 === 1 ? review : form();
      const item: ShareItem = { fileName, content, scan: scanWith(i % 2 === 1 ? { bsn: 1 } : {}) };
      return { f, item, decision: decide(deps, f, item), review: i % 2 === 1 };
    });

    // The batch until the kill: the workbench dies between two chunks of upload KILLED_DURING.
    const results: Array<ShareResult | undefined> = [];
    let killed: Promise<void> | undefined;
    for (let i = 0; i < FILES && !killed; i++) {
      const { f, item, decision } = batch[i];
      const onProgress = (p: UploadProgress): void => {
        if (i === KILLED_DURING && !killed && p.bytesSent > 0 && p.bytesSent < p.totalBytes) killed = killHard(proc!.child);
      };
      results[i] = await shareFile(deps, f, item, decision, onProgress);
    }
    expect(killed).toBeDefined();
    await killed;
    const cut = results[KILLED_DURING];
    expect(cut?.state).not.toBe('done');

    // Started again on the same database and port; every file not done is retried as the dialog does.
    proc = await startProcess(dbFile, port);
    let retries = 0;
    for (let i = 0; i < FILES; i++) {
      const { f, item, decision } = batch[i];
      let result = results[i] ?? (await shareFile(deps, f, item, decision));
      for (let tries = 0; result.state !== 'done' && tries < MAX_RETRIES; tries++) {
        retries++;
        result = result.state === 'incomplete' ? await repair(deps, result) : await shareFile(deps, f, item, decision, undefined, result);
      }
      results[i] = result;
    }

    // Counted as the site collection administrator, who reads every folder.
    const admin = spForUser(siteUrl, 'beheerder');
    const library: ExchangeDocument[] = [];
    let pageToken: string | undefined;
    do {
      const page = await new PnpDocumentStore(admin, config).list({ view: 'alle', pageSize: 500, ...(pageToken ? { pageToken } : {}) });
      library.push(...page.items.filter((d) => d.name.startsWith('Crash ')));
      pageToken = page.nextPageToken;
    } while (pageToken);
    const records = await new PnpAuditLog(admin).getMany(results.map((r) => r!.toetsId));
    const counts = {
      files: FILES,
      notDone: results.filter((r) => r?.state !== 'done').map((r) => `${r?.fileName}: ${r?.state}`),
      lost: batch.filter((b) => !library.some((d) => d.name === b.item.fileName)).length,
      duplicatedFiles: library.length - new Set(library.map((d) => d.name)).size,
      records: records.length,
      duplicatedRecords: records.length - new Set(records.map((r) => r.toetsId)).size,
      inWrongFolder: batch.filter((b) => {
        const d = library.find((x) => x.name === b.item.fileName);
        return d !== undefined && !d.serverRelativeUrl.includes(b.review ? '/Review-igj/' : '/Gedeeld-igj/');
      }).length,
      retries,
    };
    console.log('kill -9 during uploads:', JSON.stringify(counts, null, 2));
    expect(counts).toMatchObject({ notDone: [], lost: 0, duplicatedFiles: 0, records: FILES, duplicatedRecords: 0, inWrongFolder: 0 });
    // The cut upload's bytes are whole.
    const cutDoc = library.find((d) => d.name === batch[KILLED_DURING].item.fileName)!;
    const bytes = new Uint8Array(await new PnpDocumentStore(admin, config).download(cutDoc.id));
    expect(Buffer.from(bytes).equals(Buffer.from(batch[KILLED_DURING].item.content as Uint8Array))).toBe(true);
  });
});
