/**
 * A real emulator on an ephemeral loopback port with a throw-away database, plus PnPjs and Graph clients per demo
 * identity: the same client stacks the product uses (SPBrowser preset, Graph Client), only pointed at the emulator.
 */
import * as fs from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { SPFI } from '@pnp/sp';
import { startEmulator } from '../../workbench/emulator/server';
import { graphForUser as graphClient, spForUser as spClient } from '../../workbench/seed/clients';
import type { GraphClientLike } from '../../src/adapters/graph';

/** Path of the emulated site. */
export const TEST_SITE_PATH = '/sites/samenwerkingsruimte';

/** A running test emulator. */
export interface TestEmulator {
  /** Origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  siteUrl: string;
  /** The emulator handle as startEmulator returned it (fault injection, bulk insert, …). */
  raw: Awaited<ReturnType<typeof startEmulator>>;
  /** PnPjs as a demo user (`beheerder` = site collection admin). */
  spForUser(key: string): SPFI;
  /** Graph client as a demo user. */
  graphForUser(key: string): GraphClientLike;
  close(): Promise<void>;
}

/** Starts an emulator on port 0 with a database in a fresh temporary directory. */
export async function startTestEmulator(): Promise<TestEmulator> {
  const dir = fs.mkdtempSync(join(tmpdir(), 'sp-int-'));
  const raw = await startEmulator({ port: 0, dbFile: join(dir, 'emulator.sqlite') });
  const siteUrl = `${raw.url}${TEST_SITE_PATH}`;
  return {
    url: raw.url,
    siteUrl,
    raw,
    spForUser: (key) => spClient(siteUrl, key),
    graphForUser: (key) => graphClient(raw.url, key),
    close: async () => {
      await raw.close();
      // fs.rmSync exists in Node 20; the SPFx toolchain pins older Node typings that lack it.
      (fs as unknown as { rmSync(path: string, options: { recursive: boolean; force: boolean }): void }).rmSync(dir, {
        recursive: true,
        force: true,
      });
    },
  };
}
