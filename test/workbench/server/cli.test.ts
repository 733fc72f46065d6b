import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parseArgs } from '../../../workbench/cli';
import { readAgreementFile } from '../../../workbench/session';

describe('npm start arguments', () => {
  it('defaults to nothing set (port 4320, persisted database, no reseed)', () => {
    expect(parseArgs([], '/repo')).toEqual({ help: false });
  });

  it('reads --port, --reseed, --db and --agreement (also as --name=value)', () => {
    expect(parseArgs(['--port', '4400', '--reseed', '--db=tmp/x.sqlite', '--agreement', '/abs/a.json'], '/repo')).toEqual({
      help: false,
      port: 4400,
      reseed: true,
      dbFile: '/repo/tmp/x.sqlite',
      agreementFile: '/abs/a.json',
    });
  });

  it('refuses a bad port, a missing value and unknown flags, naming the argument', () => {
    expect(() => parseArgs(['--port', 'abc'])).toThrow("--port must be a number from 1 to 65535, got 'abc'");
    expect(() => parseArgs(['--port', '70000'])).toThrow('--port must be a number');
    expect(() => parseArgs(['--db'])).toThrow('--db needs a value');
    expect(() => parseArgs(['--db', '--reseed'])).toThrow('--db needs a value');
    expect(() => parseArgs(['--reseet'])).toThrow("unknown argument '--reseet'");
  });
});

describe('--agreement file', () => {
  it('refuses a missing file or broken JSON, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'agreement-'));
    try {
      const missing = join(dir, 'missing.json');
      expect(() => readAgreementFile(missing)).toThrow(`agreement configuration ${missing} cannot be read`);
      const broken = join(dir, 'broken.json');
      writeFileSync(broken, '{ "id": "x", ');
      expect(() => readAgreementFile(broken)).toThrow(`agreement configuration ${broken} is not valid JSON`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
