import { existsSync, mkdirSync, unlinkSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { createAadTokenHandler } from './emulator/aadTokens';
import { startEmulator } from './emulator/server';
import { createWorkbenchPageHandler } from './pageHandler';
import { seedSite } from './seed/seed';
import { agreementIdentities, buildSession, readAgreementFile, SITE_PATH } from './session';
import { createSpfxHost, HOST_PAGE, TEAMS_CLIENT, type SpfxHost } from './spfx-host';

/** Default port of `npm start` (loopback only). */
export const DEFAULT_PORT = 4320;
/** Default database of `npm start`: persisted across restarts, gitignored. */
export const DEFAULT_DB_FILE = join(__dirname, '.data', 'emulator.sqlite');
/** The agreement the demo site is seeded with. */
export const DEFAULT_AGREEMENT_FILE = join(__dirname, '..', 'config', 'agreements', 'igj-cibg.json');

/** Options of {@link startWorkbench}. */
export interface WorkbenchOptions {
  /** TCP port on 127.0.0.1; 0 picks a free one (tests). Default {@link DEFAULT_PORT}. */
  port?: number;
  /** SQLite file of the emulator. Default {@link DEFAULT_DB_FILE}. */
  dbFile?: string;
  /** Wipe the database and seed the demo site from scratch. */
  reseed?: boolean;
  /** Agreement configuration the site is seeded with. Default {@link DEFAULT_AGREEMENT_FILE}. */
  agreementFile?: string;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

/** A running workbench. */
export interface Workbench {
  /** Origin, e.g. `http://127.0.0.1:4320`; the page is at `url + '/'`. */
  url: string;
  /** Absolute URL of the demo site (`<origin>/sites/samenwerkingsruimte`). */
  siteUrl: string;
  port: number;
  dbFile: string;
  /** True when this start seeded the site (new database or reseed). */
  seeded: boolean;
  /** The SPFx host beside the page (docs/spfx-host.md): the site page with the web part, the simulated Teams client. */
  spfxHost: { pageUrl: string; teamsUrl: string; host: SpfxHost };
  /** Stops the server and closes the database. */
  close(): Promise<void>;
}

/**
 * The seed marker sits beside the database and is written only after seeding finished; a database without it was
 * interrupted mid-seed and is wiped and seeded again, so a half-provisioned site never looks complete.
 */
function markerOf(dbFile: string): string {
  return `${dbFile}.seeded`;
}

/** Deletes the database with its WAL/SHM side files and the seed marker. */
export function wipeDatabase(dbFile: string): void {
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, `${dbFile}-journal`, markerOf(dbFile)]) {
    try {
      unlinkSync(f);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
}

/**
 * Starts the emulator with the workbench page on the same origin (no CORS), seeding the demo site when the database
 * is new, was left half-seeded, or `reseed` is asked.
 */
export async function startWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const log = options.log ?? ((): void => undefined);
  const dbFile = options.dbFile ?? DEFAULT_DB_FILE;
  const agreementFile = options.agreementFile ?? DEFAULT_AGREEMENT_FILE;
  const agreement = readAgreementFile(agreementFile);
  mkdirSync(dirname(dbFile), { recursive: true });

  let mustSeed = true;
  if (options.reseed) {
    log('--reseed: wiping the emulator database');
    wipeDatabase(dbFile);
  } else if (existsSync(dbFile) && !existsSync(markerOf(dbFile))) {
    log('the previous seed did not finish: wiping the database and seeding again');
    wipeDatabase(dbFile);
  } else if (existsSync(dbFile)) {
    mustSeed = false;
  }

  const pageHandler = createWorkbenchPageHandler((origin) => buildSession(origin, agreement));
  const spfxHost = createSpfxHost({ root: join(__dirname, '..'), agreement, identities: agreementIdentities(agreement) });
  const aadTokens = createAadTokenHandler({ graphScopes: spfxHost.graphScopes, graphResources: spfxHost.graphResources });
  const emulator = await startEmulator({
    port: options.port ?? DEFAULT_PORT,
    dbFile,
    extraHandlers: [pageHandler, spfxHost.handler, aadTokens],
  });
  const siteUrl = emulator.url + SITE_PATH;
  try {
    if (mustSeed) {
      log(`seeding the demo site ${siteUrl} (${agreement.agreement.shortTitle})`);
      const started = Date.now();
      await seedSite(siteUrl, { agreement, log: (line) => log(`seed: ${line}`) });
      writeFileSync(markerOf(dbFile), `${new Date().toISOString()} ${agreement.id}\n`);
      log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } catch (e) {
    await spfxHost.close();
    await emulator.close();
    throw e;
  }
  const spfx = { pageUrl: emulator.url + HOST_PAGE, teamsUrl: emulator.url + TEAMS_CLIENT, host: spfxHost };
  return { url: emulator.url, siteUrl, port: emulator.port, dbFile, seeded: mustSeed, spfxHost: spfx, close: () => spfxHost.close().then(() => emulator.close()) };
}
