import type { SPFI } from '@pnp/sp';
import { PnpDocumentStore, Resilience } from '../../../src/adapters/sharepoint';
import { createServices } from '../../../src/composition/createServices';
import type { DocumentMetadata } from '../../../src/ports/documents';
import { seedSite } from '../../../workbench/seed/seed';
import { loadConfigFixture } from '../../helpers/config';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';
import { uploadAs } from '../../helpers/placeAs';

/** Reliability under injected faults (429/503 with Retry-After, connection resets), against the real emulator. */
describe('SharePoint adapters under injected faults', () => {
  const config = loadConfigFixture();
  let emu: TestEmulator;
  const meta: DocumentMetadata = {
    documentType: 'overlegstuk',
    classification: 'intern',
    toetsstatus: 'Toegestaan',
    categories: [],
    party: 'igj',
    confidential: false,
  };

  beforeAll(async () => {
    emu = await startTestEmulator();
    await seedSite(emu.siteUrl, { agreement: config });
  }, 180000);
  afterEach(() => emu.raw.faults.clear());
  /** PnPjs as the product composes it (createServices): Resilience, which never repeats a write whose answer was lost. */
  const resilient = (key: string): SPFI => emu.spForUser(key).using(Resilience({ intervalMs: 5, maxWaitMs: 20 }));
  afterAll(async () => emu?.close());

  it('retries throttling (429) and unavailability (503) through the composition root and answers every view', async () => {
    const services = await createServices({
      sp: emu.spForUser('igj-medewerker'),
      graph: emu.graphForUser('igj-medewerker'),
      siteUrl: emu.siteUrl,
    });
    emu.raw.faults.set({ rate429: 0.25, rate503: 0.15, retryAfterSeconds: 0, seed: 11 });
    for (const view of ['alle', 'werkafspraken', 'dva', 'te-classificeren', 'in-review', 'vertrouwelijk'] as const) {
      const page = await services.documents.list({ view });
      expect(Array.isArray(page.items)).toBe(true);
    }
    expect((await services.agreements.list('alle')).items.length).toBeGreaterThan(0);
    const injected = emu.raw.faults.injected();
    expect(injected['429'] + injected['503']).toBeGreaterThan(0);
  }, 120000);

  it('starts a new upload session when a chunk request drops, and still stores the whole file', async () => {
    const content = new Uint8Array(64 * 1024).map((_, i) => (i * 7) % 256);
    const retries: number[] = [];
    // A dropped ContinueUpload may or may not have been appended: SharePoint cannot be asked, so the session is
    // cancelled and a new one starts from offset 0 (chunkedUpload.ts).
    emu.raw.faults.set({ rateReset: 0.2, pathPattern: 'continueUpload', seed: 4 });
    const result = await uploadAs(
      resilient('igj-medewerker'),
      config,
      { fileName: 'Chunks onder storing.bin', content, metadata: meta, onProgress: (_, r) => retries.push(r) },
      { store: { chunkThresholdBytes: 16 * 1024, chunkBytes: 8 * 1024, chunkAttempts: 10 } },
    );
    emu.raw.faults.clear();
    expect(Math.max(...retries)).toBeGreaterThan(0);
    expect(result.state).toBe('done');
    const store = new PnpDocumentStore(emu.spForUser('igj-medewerker'), config);
    const back = new Uint8Array(await store.download(result.document!.id));
    expect(Buffer.from(back).equals(Buffer.from(content))).toBe(true);
  }, 60000);

  it('leaves no half file when a chunk keeps failing (cancelUpload, the empty stub removed)', async () => {
    emu.raw.faults.set({ rateReset: 1, pathPattern: 'continueUpload', seed: 5 });
    const result = await uploadAs(
      resilient('igj-medewerker'),
      config,
      { fileName: 'Nooit compleet.bin', content: new Uint8Array(40 * 1024).fill(3), metadata: meta },
      { store: { chunkThresholdBytes: 16 * 1024, chunkBytes: 8 * 1024, chunkAttempts: 2 } },
    );
    emu.raw.faults.clear();
    expect(result).toMatchObject({ state: 'failed', step: 'bytes' });
    expect(await new PnpDocumentStore(emu.spForUser('igj-medewerker'), config).exists('Nooit compleet.bin')).toBe(false);
  }, 60000);

  it('never leaves an uploaded file unflagged when item writes fail at random', async () => {
    const store = new PnpDocumentStore(emu.spForUser('igj-medewerker'), config);
    const names = Array.from({ length: 8 }, (_, i) => `Storing ${i}.txt`);
    const outcomes: string[] = [];
    // Half of the item's reads and writes lose their connection: whatever ends incomplete carries a flag, or is a
    // classified draft whose publish failed, and the other party reads only what was placed completely.
    emu.raw.faults.set({ rateReset: 0.5, pathPattern: 'items\\(\\d+\\)$|ListItemAllFields', seed: 21 });
    for (const name of names) {
      const r = await uploadAs(resilient('igj-medewerker'), config, {
        fileName: name,
        content: new TextEncoder().encode(name),
        metadata: meta,
      });
      outcomes.push(r.state);
    }
    emu.raw.faults.clear();
    expect(outcomes).toContain('incomplete');
    const flagged = new Set((await store.list({ view: 'te-classificeren', pageSize: 100 })).items.map((d) => d.name));
    const all = (await store.list({ view: 'alle', pageSize: 200 })).items;
    const other = new PnpDocumentStore(emu.spForUser('cibg-medewerker'), config);
    for (const [i, name] of names.entries()) {
      const doc = all.find((d) => d.name === name);
      if (!doc) continue; // the bytes never landed: nothing stored, nothing to flag
      const classified = doc.toetsstatus === 'Toegestaan' && doc.documentType === meta.documentType;
      // Classified but its publish (and the flag) failed: still a draft that only its own party reads ("Concept").
      const draft = /^0\./.test(doc.version ?? '');
      expect({ name, fine: classified || flagged.has(name) }).toEqual({ name, fine: true });
      // The other party reads exactly the files that were placed completely, nothing unclassified (art. 9.5).
      const readable = await other.get(doc.id).then(() => true, () => false);
      expect({ name, readable, draft }).toEqual({ name, readable: outcomes[i] === 'done', draft: outcomes[i] !== 'done' });
    }
  }, 60000);
});
