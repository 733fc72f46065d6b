import { isAbsolute, resolve } from 'path';
import { DEFAULT_PORT, startWorkbench, type WorkbenchOptions } from './server';

/** Parsed command line of `npm start -- [--port N] [--reseed] [--db FILE] [--agreement FILE]`. */
export interface CliArgs extends WorkbenchOptions {
  help: boolean;
}

/** Usage text printed by `--help` and on a bad argument. */
export const USAGE = `Usage: npm start -- [options]
  --port N          port on 127.0.0.1 (default ${DEFAULT_PORT})
  --reseed          wipe the local emulator database and seed the demo site from scratch
  --db FILE         emulator database file (default workbench/.data/emulator.sqlite)
  --agreement FILE  agreement configuration to seed (default config/agreements/igj-cibg.json)
  --help            this text`;

/** Parses the arguments; throws an Error naming the bad argument. */
export function parseArgs(argv: string[], cwd: string = process.cwd()): CliArgs {
  const args: CliArgs = { help: false };
  const path = (v: string): string => (isAbsolute(v) ? v : resolve(cwd, v));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--port': {
        const v = value();
        const port = Number(v);
        if (!/^\d+$/.test(v) || port < 1 || port > 65535) throw new Error(`--port must be a number from 1 to 65535, got '${v}'`);
        args.port = port;
        break;
      }
      case '--reseed':
        args.reseed = true;
        break;
      case '--db':
        args.dbFile = path(value());
        break;
      case '--agreement':
        args.agreementFile = path(value());
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new Error(`unknown argument '${a}'`);
    }
  }
  return args;
}

/** Runs the workbench until SIGINT/SIGTERM; used by `scripts/start.js`. */
export async function main(argv: string[]): Promise<void> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    console.error(`[workbench] ${(e as Error).message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  let wb: Awaited<ReturnType<typeof startWorkbench>>;
  try {
    wb = await startWorkbench({ ...args, log: (line) => console.log(`[workbench] ${line}`) });
  } catch (e) {
    const port = args.port ?? DEFAULT_PORT;
    const message =
      (e as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? `port ${port} on 127.0.0.1 is in use: stop the other process (another workbench?) or pass --port N`
        : (e as Error).message;
    console.error(`[workbench] could not start: ${message}`);
    process.exitCode = 1;
    return;
  }
  console.log(`[workbench] database: ${wb.dbFile}${wb.seeded ? ' (seeded now)' : ' (kept from the last run)'}`);
  console.log(`[workbench] site:     ${wb.siteUrl}`);
  await wb.spfxHost.host.prepare(wb.url);
  console.log(`\n  Samenwerkingsruimte workbench: ${wb.url}/`);
  console.log(`  The .sppkg in the real SPFx runtime (docs/spfx-host.md): ${wb.spfxHost.pageUrl}`);
  console.log(`    Teams tab: ${wb.spfxHost.teamsUrl}   library with the command set: ${wb.siteUrl}/Uitwisseling/Forms/AllItems.aspx`);
  console.log(`    ${wb.spfxHost.host.status()}\n`);
  console.log('[workbench] Ctrl+C stops it; everything stored stays for the next start (`npm start -- --reseed` starts over).');
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`[workbench] ${signal}: stopping`);
    wb.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(`[workbench] error while stopping: ${(e as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
