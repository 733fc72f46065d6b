/**
 * The lost-answer fault run: 200 uploads, allowed and for review (some in chunks), through the dialog's own flow
 * (shareFile) against the emulator with 10 % of answers lost after commit plus 5 % each of 429, 503 and connection
 * resets on every SharePoint request, retrying as the dialog does (a failed result again with `previous`, an
 * incomplete one with `repair`). Counted afterwards, faults off, as the site collection administrator: lost files
 * (a record without its file), duplicated files and records, files stuck short of done, and files whose folder,
 * metadata or publication is wrong. All must be 0; the figures are printed.
 */
import type { SPFI } from '@pnp/sp';
import { PnpAuditLog, PnpDocumentStore, PnpSiteDirectory, Resilience } from '../../src/adapters/sharepoint';
import type { ExchangeDocument } from '../../src/ports/documents';
import { decide, repair, shareFile, type ShareDeps, type ShareResult } from '../../src/upload';
import { seedSite } from '../../workbench/seed/seed';
import { startTestEmulator, TEST_SITE_PATH, type TestEmulator } from '../helpers/emulator';
import { config, form, reviewForm, scanWith } from './fixtures';

const UPLOADS = 200;
/** Retries per file after the first try, as a person pressing "Opnieuw" would. */
const MAX_RETRIES = 8;
const LIB = `${TEST_SITE_PATH}/Uitwisseling`;

describe('reliability: 200 uploads under lost answers, throttling, unavailability and resets', () => {
  let emu: TestEmulator;
  let deps: ShareDeps;

  beforeAll(async () => {
    emu = await startTestEmulator();
    await seedSite(emu.siteUrl, { agreement: config });
    const sp: SPFI = emu.spForUser('igj-medewerker').using(Resilience({ intervalMs: 1, maxWaitMs: 5 }));
    const documents = new PnpDocumentStore(sp, config, { chunkThresholdBytes: 16 * 1024, chunkBytes: 8 * 1024 });
    deps = { config, documents, audit: new PnpAuditLog(sp), user: await new PnpSiteDirectory(sp, config).currentUser() };
  }, 180000);
  afterEach(() => emu.raw.faults.clear());
  afterAll(async () => emu?.close());

  it('loses, doubles and strands nothing', async () => {
    const started = Date.now();
    const review = reviewForm();
    const results: Array<{ result: ShareResult; review: boolean; tries: number }> = [];
    emu.raw.faults.set({ rateLostAnswer: 0.1, rate429: 0.05, rate503: 0.05, rateReset: 0.05, retryAfterSeconds: 0, seed: 15 });
    for (let i = 0; i < UPLOADS; i++) {
      const isReview = i % 2 === 1;
      const chunked = i % 10 === 0;
      const fileName = `Betrouwbaar ${String(i).padStart(3, '0')}${chunked ? '.bin' : '.txt'}`;
      const content = chunked
        ? new Uint8Array(40 * 1024).map((_, b) => (b * 7 + i) % 251)
        : new TextEncoder().encode(`Inhoud van ${fileName}`);
      const f = isReview ? review : form();
      const item = { fileName, content, scan: scanWith(isReview ? { bsn: 1 } : {}) };
      const decision = decide(deps, f, item);
      let result = await shareFile(deps, f, item, decision);
      let tries = 1;
      // The dialog's "Opnieuw": an incomplete file is repaired (no bytes again), a failed one shared with `previous`.
      while (result.state !== 'done' && tries <= MAX_RETRIES) {
        result = result.state === 'incomplete' ? await repair(deps, result) : await shareFile(deps, f, item, decision, undefined, result);
        tries++;
      }
      results.push({ result, review: isReview, tries });
    }
    const injected = emu.raw.faults.injected();
    emu.raw.faults.clear();

    const admin = emu.spForUser('beheerder');
    const library: ExchangeDocument[] = [];
    let pageToken: string | undefined;
    do {
      const page = await new PnpDocumentStore(admin, config).list({ view: 'alle', pageSize: 500, ...(pageToken ? { pageToken } : {}) });
      library.push(...page.items.filter((d) => d.name.startsWith('Betrouwbaar ')));
      pageToken = page.nextPageToken;
    } while (pageToken);
    const records = await new PnpAuditLog(admin).getMany(results.map((r) => r.result.toetsId));
    const recordsOf = (toetsId: string): number => records.filter((r) => r.toetsId === toetsId).length;

    let lost = 0;
    let duplicatedFiles = 0;
    let duplicatedRecords = 0;
    let stuck = 0;
    const wrong: string[] = [];
    for (const { result, review: isReview } of results) {
      const files = library.filter((d) => d.name === result.fileName);
      const count = recordsOf(result.toetsId);
      if (count > 0 && files.length === 0) lost++;
      if (files.length > 1) duplicatedFiles++;
      if (count > 1) duplicatedRecords++;
      if (result.state !== 'done') stuck++;
      const file = files[0];
      if (!file) continue;
      const expected = isReview
        ? { folder: `${LIB}/Review-igj`, status: 'In review', published: false }
        : { folder: `${LIB}/Gedeeld-igj`, status: 'Toegestaan', published: true };
      const actual = {
        folder: file.serverRelativeUrl.slice(0, file.serverRelativeUrl.lastIndexOf('/')),
        status: file.toetsstatus,
        published: /^\d+\.0$/.test(file.version ?? ''),
      };
      if (JSON.stringify(actual) !== JSON.stringify(expected) || file.toetsId !== result.toetsId || count !== 1) {
        wrong.push(`${result.fileName}: ${JSON.stringify({ ...actual, toetsId: file.toetsId === result.toetsId, records: count })}`);
      }
    }
    const tries = results.map((r) => r.tries);
    const figures = {
      uploads: UPLOADS,
      allowed: results.filter((r) => !r.review).length,
      review: results.filter((r) => r.review).length,
      chunked: results.filter((r) => r.result.fileName.endsWith('.bin')).length,
      requests: injected.requests,
      lostAnswers: injected.lostAnswer,
      throttled429: injected['429'],
      unavailable503: injected['503'],
      resets: injected.reset,
      doneFirstTry: tries.filter((t) => t === 1).length,
      retriesByPerson: tries.reduce((t, n) => t + n - 1, 0),
      mostTries: Math.max(...tries),
      concludedInReview: results.filter((r) => r.result.inferred).length,
      lost,
      duplicatedFiles,
      duplicatedRecords,
      stuck,
      wrong: wrong.length,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
    console.log(`Lost-answer fault run: ${JSON.stringify(figures, null, 2)}`);
    expect(injected.lostAnswer).toBeGreaterThan(50);
    expect(wrong).toEqual([]);
    expect({ lost, duplicatedFiles, duplicatedRecords, stuck }).toEqual({
      lost: 0,
      duplicatedFiles: 0,
      duplicatedRecords: 0,
      stuck: 0,
    });
  }, 180000);
});
