/** The Verantwoording CSV (AVG art. 5(2)): RFC 4180 quoting, formula injection neutralised, BOM, no found values. */
import fc from 'fast-check';
import { BOM, csvCell, toCsv } from '../../src/review/csv';
import { collectAuditRecords, EXPORT_HEADER, exportRow, maskIdentifiers, verantwoordingCsv } from '../../src/review/export';
import type { AuditLog, AuditRecord, Page } from '../../src/ports';
import { loadConfigFixture } from '../helpers/config';

const config = loadConfigFixture();

/** A minimal RFC 4180 parser (quoted fields, doubled quotes, CRLF records), to read back what was written. */
function parse(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

function record(over: Partial<AuditRecord> = {}): AuditRecord {
  return {
    toetsId: 't-1',
    at: '2026-11-20T09:30:00Z',
    user: { id: 7, displayName: 'Sanne de Vries', email: 'sanne.devries@igj.example' },
    party: 'igj',
    fileName: 'Verificatie.txt',
    activity: 'identiteitsverificatie',
    decision: 'review',
    ruleVersion: 'igj-cibg@1',
    answers: {
      documentType: 'signaal',
      classification: 'intern',
      containsPersonalData: true,
      activityKey: 'identiteitsverificatie',
      categories: ['naw'],
      necessity: 'Nodig om de zorgverlener te identificeren; BSN 111222333 staat in het stuk.',
      lessDataPossible: false,
      scanned: true,
    },
    findings: [{ kind: 'bsn', count: 2 }],
    reasons: [{ article: 'art. 9.2', text: 'BSN gevonden' }],
    ...over,
  };
}

describe('csvCell', () => {
  it('quotes separators, quotes and line breaks (RFC 4180 §2.6–2.7)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a;b', ',')).toBe('a;b');
    expect(csvCell('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvCell('regel 1\r\nregel 2')).toBe('"regel 1\r\nregel 2"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(null)).toBe('');
  });

  it.each(['=SUM(A1:A2)', '+31 6 123', '-2+3', '@cmd', '\t=1', '\r=1'])('neutralises a formula start: %j', (v) => {
    const cell = csvCell(v);
    const value = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
    expect(value.startsWith("'")).toBe(true);
    expect(value.slice(1)).toBe(v);
  });

  it('round-trips any text through a strict RFC 4180 reader (only formula starts gain an apostrophe)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 5 }), fc.constantFrom(',', ';'), (rows, sep) => {
        const csv = toCsv(['a', 'b'], rows, sep as ',' | ';');
        expect(csv.startsWith(BOM)).toBe(true);
        const back = parse(csv.slice(1), sep);
        expect(back[0]).toEqual(['a', 'b']);
        const expected = rows.map((r) => r.map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v)));
        expect(back.slice(1)).toEqual(expected);
      }),
    );
  });

  it('refuses a row whose width differs from the header, naming the row', () => {
    expect(() => toCsv(['a', 'b'], [['1']])).toThrow(/rij 1 heeft 1 velden, de kop 2/);
  });
});

describe('verantwoordingCsv', () => {
  it('writes who, file, purpose, answers, finding kinds and counts, decision, rule version and time', () => {
    const csv = verantwoordingCsv(config, [record()], ';');
    const [header, row] = parse(csv.slice(1), ';');
    expect(header).toEqual([...EXPORT_HEADER]);
    const cell = (name: (typeof EXPORT_HEADER)[number]): string => row[EXPORT_HEADER.indexOf(name)];
    expect(cell('Tijdstip')).toBe('2026-11-20T09:30:00Z');
    expect(cell('Wie')).toBe('Sanne de Vries');
    expect(cell('Bestand')).toBe('Verificatie.txt');
    expect(cell('Doel (verwerkingsactiviteit)')).toMatch(/\(identiteitsverificatie\)$/);
    expect(cell('Persoonsgegevens')).toBe('ja');
    expect(cell('Bevindingen (soort: aantal)')).toBe('bsn: 2');
    expect(cell('Besluit')).toBe('review');
    expect(cell('Regelversie')).toBe('igj-cibg@1');
    expect(cell('Redenen')).toBe('art. 9.2: BSN gevonden');
  });

  it('never writes an identifier typed into a free-text answer or a note', () => {
    const r = record({});
    const review = record({
      toetsId: 't-1-review-11',
      decision: 'afgewezen',
      reviewOf: r.toetsId,
      reviewNote: 'Graag zonder IBAN NL91ABNA0417164300 en mail naar j.jansen@example.nl',
      user: { id: 11, displayName: 'Fatima El Amrani' },
      at: '2026-11-21T10:00:00Z',
    });
    const csv = verantwoordingCsv(config, [review, r]);
    for (const value of ['111222333', 'NL91ABNA0417164300', 'j.jansen@example.nl']) expect(csv).not.toContain(value);
    expect(csv).toContain('[bsn weggelaten]');
    expect(csv).toContain('afgewezen door Fatima El Amrani');
  });

  it('a file name that looks like a formula is written as text', () => {
    const row = exportRow(config, record({ fileName: '=HYPERLINK("http://x","klik")' }));
    const csv = toCsv(['Bestand'], [[row[EXPORT_HEADER.indexOf('Bestand')]]]);
    expect(csv).toBe(`${BOM}Bestand\r\n"'=HYPERLINK(""http://x"",""klik"")"\r\n`);
  });

  it('maskIdentifiers leaves ordinary text alone', () => {
    expect(maskIdentifiers('Nodig voor de registratiecontrole.')).toBe('Nodig voor de registratiecontrole.');
  });
});

describe('collectAuditRecords', () => {
  /** A Toetslog of n records, newest first, served in pages like the adapter (token = offset). */
  function log(n: number): Pick<AuditLog, 'list' | 'reviewsOf'> & { calls: number } {
    const all = Array.from({ length: n }, (_, i) =>
      record({ toetsId: `t-${i}`, at: new Date(Date.UTC(2026, 0, 1) + (n - i) * 60_000).toISOString() }),
    );
    const fake = {
      calls: 0,
      async list(token?: string, size = 50): Promise<Page<AuditRecord>> {
        fake.calls++;
        const start = token ? Number(token) : 0;
        const items = all.slice(start, start + size);
        return { items, ...(start + size < all.length ? { nextPageToken: String(start + size) } : {}) };
      },
      async reviewsOf(): Promise<AuditRecord[]> {
        return [];
      },
    };
    return fake;
  }

  it('adds the privacy officers’ decisions from the review lists on the records read, within the period', async () => {
    const uploads = [
      record({ toetsId: 'r-1', decision: 'review', at: '2026-03-01T10:00:00Z' }),
      record({ toetsId: 'r-2', decision: 'review', at: '2026-03-02T10:00:00Z' }),
    ];
    const decisions = [
      { ...record({ toetsId: 'r-1-review-9', decision: 'goedgekeurd', at: '2026-03-03T10:00:00Z' }), reviewOf: 'r-1' },
      { ...record({ toetsId: 'r-2-review-9', decision: 'afgewezen', at: '2026-05-01T10:00:00Z' }), reviewOf: 'r-2' },
    ];
    const asked: string[][] = [];
    const audit = {
      list: async (): Promise<Page<AuditRecord>> => ({ items: [...uploads].reverse() }),
      reviewsOf: async (ids: readonly string[]): Promise<AuditRecord[]> => {
        asked.push([...ids]);
        return [
          { ...decisions[0], proof: 'container' as const },
          { ...decisions[1], proof: 'container' as const },
          // A Toetslog review record is already among the pages read: not added twice.
          { ...decisions[0], toetsId: 'legacy', proof: 'author' as const },
        ];
      },
    };
    const records = await collectAuditRecords(audit, { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' });
    expect(asked).toEqual([['r-2', 'r-1']]);
    expect(records.map((r) => r.toetsId)).toEqual(['r-1-review-9', 'r-2', 'r-1']);
  });

  it('reads past 5,000 records page by page', async () => {
    const audit = log(12_345);
    const records = await collectAuditRecords(audit, { pageSize: 500 });
    expect(records).toHaveLength(12_345);
    expect(new Set(records.map((r) => r.toetsId)).size).toBe(12_345);
    expect(audit.calls).toBe(25);
  });

  it('keeps a period and stops at the first record before it (the log is sorted on time)', async () => {
    const audit = log(10_000);
    const from = new Date(Date.UTC(2026, 0, 1) + 9_001 * 60_000).toISOString();
    const to = new Date(Date.UTC(2026, 0, 1) + 9_501 * 60_000).toISOString();
    const records = await collectAuditRecords(audit, { from, to, pageSize: 500 });
    expect(records).toHaveLength(500);
    expect(audit.calls).toBe(3); // pages 1–2 hold the period; page 3 starts before it, of 20 pages
  });

  it('names a broken period', async () => {
    await expect(collectAuditRecords(log(1), { from: 'gisteren' })).rejects.toThrow(/periode/);
  });
});
