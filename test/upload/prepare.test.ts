/** The upload's in-browser scan: a plain date is no birth date; a date beside a context word is. */
import { scanPicked } from '../../src/upload';
import { config } from './fixtures';

const file = (name: string, text: string) => {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.byteLength, arrayBuffer: async () => bytes.buffer.slice(0) as ArrayBuffer };
};

const kinds = async (text: string): Promise<string[]> =>
  (await scanPicked(config, file('stuk.txt', text))).scan.findings.filter((f) => f.count > 0).map((f) => f.kind);

describe('scanPicked', () => {
  it('does not count the date of a meeting as a birth date', async () => {
    expect(await kinds('Verslag ambtelijk overleg van 12-03-2026, vastgesteld op 19-03-2026.')).not.toContain('birthdate');
  });

  it('counts a date beside "geboortedatum" as a birth date', async () => {
    expect(await kinds('Zorgverlener J. Jansen, geboortedatum 12-03-1980.')).toContain('birthdate');
  });
});
