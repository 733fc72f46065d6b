/** Excel's 8-digit BSN (leading zero lost) counts in a column headed BSN, and only there. */
import { scanFile } from '../../../src/domain/scan';
import { OPTIONS } from './helpers';

const csv = (text: string) => scanFile('lijst.csv', new TextEncoder().encode(text), OPTIONS);
const bsns = async (text: string, name = 'lijst.csv'): Promise<string[]> => {
  const r = await scanFile(name, new TextEncoder().encode(text), OPTIONS);
  return (r.findings.find((f) => f.kind === 'bsn')?.positions ?? []).map((p) => text.slice(p.start, p.end));
};

describe('BSN column', () => {
  // 012345672 passes the elfproef; Excel shows 12345672
  test('8 digits in a column headed BSN (; , and tab), the zero put back passes the elfproef', async () => {
    expect(await bsns('Naam;BSN;Kenmerk\nJan;12345672;12345672\n')).toEqual(['12345672']);
    expect(await bsns('"Naam","BSN-nummer"\n"Jan","12345672"\n')).toEqual(['12345672']);
    expect(await bsns('naam\tburgerservicenummer\nJan\t12345672\n', 'lijst.tsv')).toEqual(['12345672']);
    expect(await bsns('Naam,Sofinummer (BSN)\r\nJan, 12345672\r\n')).toEqual(['12345672']);
  });

  test('nine digits count as always; the column rule adds only the 8-digit ones', async () => {
    expect(await bsns('BSN;Naam\n111222333;A\n12345672;B\n')).toEqual(['111222333', '12345672']);
  });

  test('not: 8 digits elsewhere, failing the elfproef, or after the table ended', async () => {
    expect(await bsns('Naam;Kenmerk\nJan;12345672\n')).toEqual([]);
    expect(await bsns('Naam;BSN\nJan;12345673\n')).toEqual([]);
    expect(await bsns('Naam;BSN\nJan;111222333\n\nNaam;Kenmerk\nPiet;12345672\n')).toEqual(['111222333']);
    expect(await bsns('Lijst met BSN 12345672 en meer\n', 'a.txt')).toEqual([]);
  });

  test('a CSV larger than a chunk keeps its BSN column across chunks', async () => {
    const rows = Array.from({ length: 4000 }, (_v, k) => `Persoon ${k};${k % 1000 === 999 ? '12345672' : '99999999'}`);
    const text = `Naam;BSN\n${rows.join('\n')}\n`;
    const r = await scanFile('lijst.csv', new TextEncoder().encode(text), OPTIONS, { chunkBytes: 8 * 1024 });
    expect(r.findings.find((f) => f.kind === 'bsn')?.count).toBe(4);
    expect((await csv(text)).findings.find((f) => f.kind === 'bsn')?.count).toBe(4);
  });
});
