/**
 * The emulator in a process of its own, for tests that kill it (`kill -9`) and start it again on the same database
 * and port: `node -e "require('tsx/cjs/api').register(); require('./test/helpers/emulatorProcess.ts')"` with
 * EMULATOR_DB (the database file) and EMULATOR_PORT (0 for any). Prints one line `ready <origin>` when it listens.
 */
import { startEmulator } from '../../workbench/emulator/server';

async function run(): Promise<void> {
  const dbFile = process.env.EMULATOR_DB;
  if (!dbFile) throw new Error('EMULATOR_DB is not set');
  const emu = await startEmulator({ port: Number(process.env.EMULATOR_PORT ?? 0), dbFile });
  process.stdout.write(`ready ${emu.url}\n`);
}

run().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
