/**
 * Zip parts are verified. A part whose declared size or CRC-32 does not match its bytes, or whose local
 * header disagrees with the central directory, is not read, with the reason; an encrypted part is refused.
 */
import { strToU8, zipSync } from 'fflate';
import { crc32 } from '../../../src/domain/scan/extract/zip';
import { extractText } from '../../../src/domain/scan';

const DOC = '<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>BSN 111222333</w:t></w:r></w:p></w:body></w:document>';
const docx = (level: 0 | 6 = 6): Uint8Array =>
  zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': [strToU8(DOC), { level }] });

/** Offsets of the local header and central directory entry of `name`. */
function headers(zip: Uint8Array, name: string): { local: number; central: number } {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const at = { local: -1, central: -1 };
  for (let k = 0; k + 46 < zip.length; k++) {
    const sig = v.getUint32(k, true);
    const nameAt = sig === 0x04034b50 ? 30 : sig === 0x02014b50 ? 46 : -1;
    if (nameAt < 0) continue;
    const len = v.getUint16(k + (sig === 0x04034b50 ? 26 : 28), true);
    if (new TextDecoder().decode(zip.subarray(k + nameAt, k + nameAt + len)) !== name) continue;
    if (sig === 0x04034b50) at.local = k;
    else at.central = k;
  }
  return at;
}

function patch(zip: Uint8Array, edit: (v: DataView, at: { local: number; central: number }) => void): Uint8Array {
  const copy = zip.slice();
  edit(new DataView(copy.buffer), headers(copy, 'word/document.xml'));
  return copy;
}

const reason = async (bytes: Uint8Array): Promise<string> => {
  const r = await extractText('a.docx', bytes);
  return 'unsupported' in r ? `${r.code}: ${r.reason.nl}` : `text: ${r.text.trim()}`;
};

describe('verified zip parts', () => {
  test('a sound package is read (deflated and stored)', async () => {
    expect(await reason(docx())).toBe('text: BSN 111222333');
    expect(await reason(docx(0))).toBe('text: BSN 111222333');
  });

  test('CRC-32 is the one zip uses', () => {
    expect(crc32(strToU8('123456789')).toString(16)).toBe('cbf43926');
  });

  test('a declared size too small: more bytes than declared, not read', async () => {
    const bad = patch(docx(), (v, at) => {
      v.setUint32(at.local + 22, 10, true);
      v.setUint32(at.central + 24, 10, true);
    });
    expect(await reason(bad)).toBe(
      'zipIntegrity: het onderdeel word/document.xml pakt uit tot meer dan de opgegeven 10 bytes; het bestand is beschadigd of bewerkt en is niet gelezen',
    );
  });

  test('a declared size too large: fewer bytes than declared, not read', async () => {
    const bad = patch(docx(), (v, at) => {
      v.setUint32(at.local + 22, DOC.length + 5, true);
      v.setUint32(at.central + 24, DOC.length + 5, true);
    });
    expect(await reason(bad)).toMatch(/^zipIntegrity: het onderdeel word\/document\.xml geeft een onjuiste grootte op \(\d+ bytes opgegeven, \d+ gelezen\)/);
  });

  test('a stored part whose size is changed is caught too', async () => {
    const bad = patch(docx(0), (v, at) => {
      v.setUint32(at.local + 22, 10, true);
      v.setUint32(at.central + 24, 10, true);
    });
    expect(await reason(bad)).toMatch(/^zipIntegrity: .*onjuiste grootte/);
  });

  test('a wrong CRC-32, and a local header that disagrees with the directory', async () => {
    const crc = patch(docx(), (v, at) => {
      v.setUint32(at.local + 14, 1, true);
      v.setUint32(at.central + 16, 1, true);
    });
    expect(await reason(crc)).toMatch(/^zipIntegrity: .*klopt niet met zijn controlegetal \(CRC-32\)/);
    const local = patch(docx(), (v, at) => v.setUint32(at.local + 22, 10, true));
    expect(await reason(local)).toMatch(/^zipIntegrity: .*een andere grootte of controlegetal op dan in het bestand zelf/);
  });

  test('a data descriptor (sizes after the data) is read: only the directory declares them', async () => {
    const dd = patch(docx(), (v, at) => {
      v.setUint16(at.local + 6, v.getUint16(at.local + 6, true) | 8, true);
      for (const off of [14, 18, 22]) v.setUint32(at.local + off, 0, true);
    });
    expect(await reason(dd)).toBe('text: BSN 111222333');
  });

  test('an encrypted part (flag bit 0) is refused as encrypted', async () => {
    const enc = patch(docx(), (v, at) => {
      v.setUint16(at.central + 8, v.getUint16(at.central + 8, true) | 1, true);
    });
    expect(await reason(enc)).toMatch(/^encrypted: /);
  });

  test('an inflated part stops as soon as it grows past its declared size (a bomb is never unpacked whole)', async () => {
    const big = zipSync({ 'word/document.xml': [new Uint8Array(50 * 1024 * 1024), { level: 9 }] });
    const bomb = patch(big, (v, at) => {
      v.setUint32(at.local + 22, 1000, true);
      v.setUint32(at.central + 24, 1000, true);
    });
    const started = Date.now();
    expect(await reason(bomb)).toMatch(/pakt uit tot meer dan de opgegeven 1\.000 bytes/);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
