/**
 * The orchestrator over the real adapters and the emulator with injected faults: whatever fails, a file is
 * complete, or flagged in "Te classificeren" and reported incomplete, or absent and reported failed; never a file that
 * reads as shared without its metadata. Every decision has its Toetslog record.
 */
import { PnpAuditLog, PnpDocumentStore, PnpSiteDirectory, Resilience } from '../../src/adapters/sharepoint';
import { decide, repair, shareFile, type ShareDeps, type ShareResult } from '../../src/upload';
import type { ExchangeDocument } from '../../src/ports/documents';
import { seedSite } from '../../workbench/seed/seed';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator';
import { config, form, scanWith } from './fixtures';

describe('shareFile against the emulator with injected faults', () => {
  let emu: TestEmulator;
  let deps: ShareDeps;
  let audit: PnpAuditLog;
  let store: PnpDocumentStore;
  const text = (s: string): Uint8Array => new TextEncoder().encode(s);

  beforeAll(async () => {
    emu = await startTestEmulator();
    await seedSite(emu.siteUrl, { agreement: config });
    const sp = emu.spForUser('igj-medewerker').using(Resilience({ intervalMs: 5, maxWaitMs: 20 }));
    store = new PnpDocumentStore(sp, config, {
      chunkThresholdBytes: 16 * 1024,
      chunkBytes: 8 * 1024,
      chunkAttempts: 5,
    });
    audit = new PnpAuditLog(sp);
    deps = { config, documents: store, audit, user: await new PnpSiteDirectory(sp, config).currentUser() };
  }, 180000);
  afterEach(() => emu.raw.faults.clear());
  afterAll(async () => emu?.close());

  /** Shares one text file with the default form (allowed). */
  async function share(name: string, content: Uint8Array = text(`Inhoud van ${name}`)): Promise<ShareResult> {
    const item = { fileName: name, content, scan: scanWith({}) };
    return shareFile(deps, form(), item, decide(deps, form(), item));
  }

  it('metadata writes failing for good: reported incomplete, flagged in Te classificeren; repair completes it', async () => {
    emu.raw.faults.set({ rateReset: 1, pathPattern: 'items\\(\\d+\\)$', seed: 3 });
    const result = await share('Metadata faalt.txt');
    emu.raw.faults.clear();
    expect(result.state).toBe('incomplete');
    expect(result.problems.length).toBeGreaterThan(0);
    // SharePoint gives a new file the column default, Toetsstatus 'Te classificeren', so the view shows it.
    const flagged = (await store.list({ view: 'te-classificeren', pageSize: 100 })).items.map((d) => d.name);
    expect(flagged).toContain('Metadata faalt.txt');
    const fixed = await repair(deps, result);
    expect(fixed.state).toBe('done');
    expect(fixed.document).toMatchObject({
      toetsstatus: 'Toegestaan',
      classification: 'intern',
      toetsId: result.toetsId,
    });
    expect((await audit.get(result.toetsId))?.decision).toBe('toegestaan');
  }, 60000);

  it('a chunk that keeps failing leaves nothing behind and says "failed"; a flaky chunk is retried to completion', async () => {
    const big = new Uint8Array(48 * 1024).map((_, i) => (i * 13) % 251);
    emu.raw.faults.set({ rateReset: 1, pathPattern: 'continueUpload', seed: 5 });
    const lost = await share('Groot en kapot.bin', big);
    emu.raw.faults.clear();
    expect(lost.state).toBe('failed');
    expect(await store.exists('Groot en kapot.bin')).toBe(false);

    emu.raw.faults.set({ rateReset: 0.3, pathPattern: 'continueUpload', seed: 4 });
    const retries: number[] = [];
    const item = { fileName: 'Groot en traag.bin', content: big, scan: scanWith({}) };
    const ok = await shareFile(deps, form(), item, decide(deps, form(), item), (p) => retries.push(p.retries));
    emu.raw.faults.clear();
    expect(ok.state).toBe('done');
    expect(Math.max(...retries)).toBeGreaterThan(0);
    const back = new Uint8Array(await store.download(ok.document!.id));
    expect(Buffer.from(back).equals(Buffer.from(big))).toBe(true);
  }, 60000);

  it('random faults on every library write: each result matches what is stored, none unflagged without metadata', async () => {
    const names = Array.from({ length: 10 }, (_, i) => `Willekeurige storing ${i}.txt`);
    const results: ShareResult[] = [];
    emu.raw.faults.set({ rateReset: 0.3, pathPattern: 'Uitwisseling|items\\(\\d+\\)$|/files|Files', seed: 17 });
    for (const name of names) results.push(await share(name));
    emu.raw.faults.clear();
    expect(new Set(results.map((r) => r.state)).size).toBeGreaterThan(1);
    const flagged = new Set((await store.list({ view: 'te-classificeren', pageSize: 200 })).items.map((d) => d.name));
    const all = (await store.list({ view: 'alle', pageSize: 200 })).items;
    const other = new PnpDocumentStore(emu.spForUser('cibg-medewerker'), config);
    const unpublished = (d: ExchangeDocument | undefined): boolean =>
      d?.toetsstatus === 'Toegestaan' && /^\d+\.[1-9]/.test(d.version ?? '');
    for (const r of results) {
      const stored = all.find((d) => d.name === r.fileName);
      const seen = { name: r.fileName, state: r.state };
      if (r.state === 'failed') expect({ ...seen, stored: Boolean(stored) }).toEqual({ ...seen, stored: false });
      if (r.state === 'done')
        expect({ ...seen, status: stored?.toetsstatus, toetsId: stored?.toetsId }).toEqual({
          ...seen,
          status: 'Toegestaan',
          toetsId: r.toetsId,
        });
      // Incomplete: flagged in "Te classificeren", or classified but its publish failed — then it is still a draft.
      if (r.state === 'incomplete')
        expect({ ...seen, flagged: flagged.has(r.fileName) || unpublished(stored) }).toEqual({ ...seen, flagged: true });
      // A file that landed without its metadata always carries a flag (the column default or 'Onvolledig').
      if (stored && stored.toetsstatus !== 'Toegestaan') expect(flagged.has(stored.name)).toBe(true);
      // The other party reads exactly the files that were shared completely, nothing unclassified (art. 9.5).
      const readable = stored ? await other.get(stored.id).then(() => true, () => false) : false;
      expect({ ...seen, readableByOtherParty: readable }).toEqual({ ...seen, readableByOtherParty: r.state === 'done' });
      if (r.audited) expect((await audit.get(r.toetsId))?.fileName).toBe(r.fileName);
    }
  }, 120000);
});
