/**
 * Benchmark of the dashboard's first render (at most 3 HTTP requests) in Chromium on the workbench, with the
 * demo site plus BENCH_ITEMS (default 100,000) documents in the exchange library (run:
 * `npx tsx scripts/bench-first-render.ts`). Prints per identity and cold page load: the product's requests before
 * the first render was complete, the requests until network idle (start-up work after the render included) and the
 * time to the first render. Nothing here asserts; test/browser/firstRender.test.ts holds the budget.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { startEmulator, bulkInsertItems } from '../workbench/emulator/server';
import { createWorkbenchPageHandler } from '../workbench/pageHandler';
import { seedSite } from '../workbench/seed/seed';
import { buildSession } from '../workbench/session';
import { launchChromium } from '../test/browser/workbench';
import { benchConfig, libraryRows } from './bench-views';
import { measureFirstRender } from './firstRenderProbe';

/** Identities measured (BENCH_IDENTITIES, comma-separated): a medewerker of each party and an accounthouder. */
const IDENTITIES = (process.env.BENCH_IDENTITIES ?? 'igj-medewerker,cibg-medewerker,cibg-accounthouder').split(',');
/** Cold loads per identity (the first one as igj-medewerker also posts the due reminder cards, once). */
const RUNS = 3;

/** Median of a list of numbers. */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  const items = Number(process.env.BENCH_ITEMS ?? 100_000);
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { buildWorkbench } = require('./build-workbench') as { buildWorkbench(o: { quiet: boolean }): Promise<unknown> };
  await buildWorkbench({ quiet: true });
  const dir = mkdtempSync(join(tmpdir(), 'bench-first-render-'));
  const config = benchConfig();
  const page = createWorkbenchPageHandler((origin) => buildSession(origin, config));
  const emu = await startEmulator({ port: 0, dbFile: join(dir, 'emulator.sqlite'), extraHandlers: [page] });
  const browser = await launchChromium();
  try {
    await seedSite(emu.siteUrl, { agreement: config });
    if (items > 0) bulkInsertItems(emu.db, config.space.exchangeLibraryTitle, libraryRows(config, items), { authorKey: 'beheerder' });
    console.log(`dashboard first render, ${items.toLocaleString('en')} extra documents in the library, ${RUNS} cold loads each`);
    console.log('identity            | requests to first render | requests to network idle | first render ms (median, min-max)');
    for (const identity of IDENTITIES) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measureFirstRender(browser, emu.url, identity));
      const counts = [...new Set(runs.map((r) => r.firstRender.length))].join('/');
      const idle = runs.map((r) => r.toIdle.length).join('/');
      const ms = runs.map((r) => r.firstRenderMs);
      console.log(
        `${identity.padEnd(19)} | ${counts.padEnd(24)} | ${idle.padEnd(24)} | ${median(ms).toFixed(0)} (${Math.min(...ms).toFixed(0)}-${Math.max(...ms).toFixed(0)})`,
      );
      const errors = runs.flatMap((r) => r.errors);
      if (errors.length) console.log(`  page errors: ${errors.join('; ')}`);
    }
    const sample = await measureFirstRender(browser, emu.url, IDENTITIES[0]);
    console.log(`first render requests (${IDENTITIES[0]}):\n  ${sample.firstRender.join('\n  ')}`);
  } finally {
    await browser.close();
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
