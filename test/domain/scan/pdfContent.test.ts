/** The PDF content-stream reader and ToUnicode CMap parser, on hand-written streams. */
import { parseToUnicode } from '../../../src/domain/scan/extract/pdf/cmap';
import { contentText, type FontInfo } from '../../../src/domain/scan/extract/pdf/content';

const simple = (): FontInfo => ({ undecodable: false });

describe('content streams', () => {
  test.each([
    ['BT (a\\(b\\)c) Tj ET', 'a(b)c\n'],
    ['BT (nested (paren) ok) Tj ET', 'nested (paren) ok\n'],
    ['BT (\\102\\123N) Tj ET', 'BSN\n'], // octal escapes
    ['BT <42534E3> Tj ET', 'BSN0\n'], // hex, odd digit count padded with 0
    ['BT [(11)-10(1222)-300(333)] TJ ET', '111222 333\n'], // small kerns join, a wide one is a space
    ['BT (a) Tj 0 -12 Td (b) Tj 5 0 Td (c) Tj T* (d) Tj ET', 'a\nb c\nd\n'],
    ['BT (a) Tj (b) \' 1 2 (c) " ET', 'a\nb\nc\n'],
    ['BT (x) Tj ET BI /W 1 /H 1 ID \u0000(Tj)\u00ff EI BT (y) Tj ET', 'x\ny\n'], // inline image data skipped
    ['% comment (not text) Tj\nBT (z) Tj ET', 'z\n'],
    ['BT (\\200 \\226) Tj ET', '€ –\n'], // simple fonts read as Windows-1252
  ])('%j', (stream, text) => {
    expect(contentText(stream, simple).text).toBe(text);
  });

  test('the current font (Tf) decides how strings are read', () => {
    const cid: FontInfo = {
      undecodable: false,
      toUnicode: parseToUnicode(
        'begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfchar <0001> <0042> endbfchar',
      ),
    };
    const fonts: Record<string, FontInfo> = { F1: { undecodable: false }, F2: cid };
    const r = contentText('BT /F1 10 Tf (A) Tj /F2 10 Tf <0001> Tj ET', (n) => fonts[n]);
    expect(r).toEqual({ text: 'AB\n', undecodable: false });
  });

  test('text in a composite font without ToUnicode is flagged, not guessed', () => {
    const r = contentText('BT /F9 10 Tf <00410042> Tj ET', () => ({ undecodable: true }));
    expect(r.undecodable).toBe(true);
    expect(r.text).toBe('\n');
  });

  test('a two-byte code missing from the CMap is flagged; a one-byte code falls back to the standard encoding', () => {
    const two = parseToUnicode('begincodespacerange <0000> <FFFF> endcodespacerange');
    expect(contentText('BT /F1 1 Tf <0005> Tj ET', () => ({ undecodable: false, toUnicode: two })).undecodable).toBe(
      true,
    );
    const one = parseToUnicode('begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <41> <0058> endbfchar');
    expect(contentText('BT /F1 1 Tf (AB) Tj ET', () => ({ undecodable: false, toUnicode: one }))).toEqual({
      text: 'XB\n',
      undecodable: false,
    });
  });

  test('broken streams do not throw', () => {
    for (const s of ['BT (unterminated', 'BT <41', ']]] TJ [[[', 'BT /F1 Tf Tj TJ ET', '']) {
      expect(() => contentText(s, simple)).not.toThrow();
    }
  });
});

describe('ToUnicode CMaps', () => {
  test('bfchar, bfrange with a start value, bfrange with an array, multi-character targets', () => {
    const cmap = parseToUnicode(`begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0003> <0020> <0010> <00660069> endbfchar
2 beginbfrange <0020> <0022> <0041> <0030> <0031> [<0078> <0079>] endbfrange`);
    expect(cmap.width).toBe(2);
    expect(Array.from(cmap.map.entries())).toEqual([
      [3, ' '],
      [16, 'fi'],
      [32, 'A'],
      [33, 'B'],
      [34, 'C'],
      [48, 'x'],
      [49, 'y'],
    ]);
  });
});
