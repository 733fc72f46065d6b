import { plainText } from '../../src/cards/text';

describe('plainText', () => {
  it('keeps text within the limit as it is', () => {
    expect(plainText('Kort.', 600, '(ingekort)')).toBe('Kort.');
  });

  it('shortens long text with a visible note', () => {
    expect(plainText('a'.repeat(700), 600, '(ingekort)')).toBe(`${'a'.repeat(600)}… (ingekort)`);
  });

  it('never cuts an emoji in half: no lone surrogate is left in the card', () => {
    // 599 letters, then an emoji whose two UTF-16 units straddle the limit of 600.
    const text = `${'a'.repeat(599)}😀 en meer tekst`;
    const out = plainText(text, 600, '(ingekort)');
    expect(out).toBe(`${'a'.repeat(599)}… (ingekort)`);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(out)).toBe(false);
  });

  it('keeps an emoji that ends exactly at the limit', () => {
    const text = `${'a'.repeat(598)}😀 en meer tekst`;
    expect(plainText(text, 600, '(ingekort)')).toBe(`${'a'.repeat(598)}😀… (ingekort)`);
  });
});
