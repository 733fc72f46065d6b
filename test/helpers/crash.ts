/**
 * The emulator as a process of its own that a test kills with SIGKILL (what `kill -9` does: no cleanup, no flush) and
 * starts again on the same database and port (test/helpers/emulatorProcess.ts runs inside it).
 */
import { spawn, type ChildProcess } from 'child_process';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');

/** A running emulator process and its origin. */
export interface EmulatorProcess {
  child: ChildProcess;
  url: string;
}

/** Starts the emulator on `dbFile` (port 0: any); resolves once it listens. */
export function startEmulatorProcess(dbFile: string, port = 0): Promise<EmulatorProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', "require('tsx/cjs/api').register(); require('./test/helpers/emulatorProcess.ts')"], {
      cwd: ROOT,
      env: { ...process.env, EMULATOR_DB: dbFile, EMULATOR_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ready (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`emulator process ended (${code}): ${err}`)));
  });
}

/** Kills with SIGKILL and waits until the process is gone. */
export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
