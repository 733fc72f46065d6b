/**
 * Nothing unread is trusted. A file the scan could not read, or read only in part, is never "allowed" on
 * the answers alone: it goes to the sharing party's privacy officer (art. 9.2) unless the configuration refuses it,
 * and the reason names what was not read.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { AgreementConfig } from '../../src/domain/agreement/schema';
import type { ScanResult } from '../../src/domain/scan';
import { decideFile, inProcessRunner, scanPicked, type ReadableFile } from '../../src/upload';
import { engines, endOcr, pdfEngine } from '../domain/scan/engines';
import { config, form, scanWith } from './fixtures';

jest.setTimeout(60_000);

const igj = { party: 'igj', groupKeys: ['igj-medewerkers'] };
const refusing: AgreementConfig = { ...config, rules: { ...config.rules, unreadFile: 'refused' } };
const DOCS = join(__dirname, '..', 'fixtures', 'documents');

const file = (name: string, bytes: Uint8Array): ReadableFile => ({
  name,
  size: bytes.byteLength,
  arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer,
});
const fixture = (name: string): ReadableFile => file(name, new Uint8Array(readFileSync(join(DOCS, name))));

const pageUnread: ScanResult = {
  findings: [],
  scannedChars: 1200,
  unread: [{ kind: 'page', code: 'noOcr', page: 2, of: 5, nl: 'de pagina is een afbeelding (scan)', en: 'the page is an image (a scan)' }],
};

afterAll(endOcr);

describe('the decision on what was not read', () => {
  it('a page not read goes to review and names the page (pagina 2 van 5 niet gelezen)', () => {
    const d = decideFile(config, form(), pageUnread, igj);
    expect(d.outcome).toBe('review');
    expect(d.reviewParty).toBe('igj');
    const reason = d.reasons.find((r) => r.code === 'scan_partial');
    expect(reason?.nl).toBe(
      'niet volledig gelezen: pagina 2 van 5 niet gelezen: de pagina is een afbeelding (scan); wat niet gelezen is, ' +
        'telt niet als "geen persoonsgegevens": de privacy officer van uw partij beoordeelt het stuk',
    );
    expect(reason?.en).toMatch(/^not read in full: page 2 of 5 not read: the page is an image \(a scan\);/);
  });

  it('the configuration may refuse instead (rules.unreadFile), never allow', () => {
    expect(decideFile(refusing, form(), pageUnread, igj).outcome).toBe('refused');
    const unsupported = { findings: [], scannedChars: 0, unsupported: { reason: 'x', nl: 'versleuteld', en: 'encrypted' } };
    expect(decideFile(refusing, form(), unsupported, igj).outcome).toBe('refused');
  });

  it('a file that was not scanned at all goes to review', () => {
    const d = decideFile(config, form(), undefined, igj);
    expect(d.outcome).toBe('review');
    expect(d.reasons.find((r) => r.code === 'scan_unsupported')?.nl).toMatch(/^niet gescand: het bestand is niet gescand;/);
  });

  it('a BSN found on the pages that were read still refuses when "no personal data" was answered', () => {
    const scan = { ...scanWith({ bsn: 1 }), unread: pageUnread.unread };
    expect(decideFile(config, form(), scan, igj).outcome).toBe('refused');
  });

  it('a file read whole with nothing found stays allowed', () => {
    expect(decideFile(config, form(), scanWith({}), igj).outcome).toBe('allowed');
  });
});

describe('scanPicked', () => {
  it('reports progress and stops when asked: the rest of a text file is named as not read', async () => {
    const text = `${'Geen persoonsgegevens hier. '.repeat(40_000)}BSN 111222333\n`;
    const controller = new AbortController();
    const seen: number[] = [];
    const { scan } = await scanPicked(config, file('lang.txt', new TextEncoder().encode(text)), {
      runner: (f, bytes, options, control) =>
        inProcessRunner(f, bytes, options, {
          ...control,
          chunkBytes: 256 * 1024,
          onProgress: (p) => {
            if (p.kind === 'bytes') seen.push(p.done);
            if (seen.length === 1) controller.abort(); // stop after the first chunk
          },
        }),
      signal: controller.signal,
    });
    expect(seen.length).toBe(1);
    expect(scan.unread?.[0]).toMatchObject({ kind: 'bytes', code: 'cancelled' });
    expect(scan.unread?.[0].nl).toMatch(/^gestopt na \d+% van het bestand: de rest is niet gelezen$/);
    expect(decideFile(config, form(), scan, igj).outcome).toBe('review');
  });

  it('in Node without engines an image is not read, and goes to review', async () => {
    const { scan } = await scanPicked(config, fixture('scan-200.tif'));
    expect(scan.unread?.map((u) => u.code)).toEqual(['noOcr']);
    expect(decideFile(config, form(), scan, igj).outcome).toBe('review');
  });

  it('no unread or partly read fixture of the corpus is ever allowed', async () => {
    const names = readdirSync(DOCS).filter((n) => /\.expected\.json$/.test(n));
    let unread = 0;
    for (const json of names) {
      const name = json.replace(/\.expected\.json$/, '');
      const expected = JSON.parse(readFileSync(join(DOCS, json), 'utf8')) as { unsupported?: string; unread?: string[]; ocr?: boolean };
      if (!expected.unsupported && !expected.unread && !expected.ocr) continue;
      // scans without OCR, encrypted and damaged files, an image-only page OCR cannot read
      const useOcr = name === 'drawing-image-only.pdf';
      const { scan } = await scanPicked(config, fixture(name), {
        runner: (f, bytes, options, control) =>
          inProcessRunner(f, bytes, options, { ...control, engines: useOcr ? engines() : { pdf: pdfEngine } }),
      });
      const d = decideFile(config, form(), scan, igj);
      expect({ name, outcome: d.outcome }).toEqual({ name, outcome: 'review' });
      unread++;
    }
    expect(unread).toBeGreaterThanOrEqual(8);
  });
});
