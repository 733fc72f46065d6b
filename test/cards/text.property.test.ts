/**
 * @jest-environment jsdom
 */
/** Property: any text in a card fact renders as exactly that text, with no element created from it. */
import fc from 'fast-check';
import { escapeMarkdown } from '../../src/cards';
import { INJECTED, renderCard } from './render';

const tricky = fc.stringMatching(/^[a-z *_[\]()#\-+.!<>`~\\{}&"'0-9\n]{0,40}$/);

describe('escapeMarkdown', () => {
  it('round-trips arbitrary markdown-ish text through a markdown-processing host unchanged', () => {
    fc.assert(
      fc.property(tricky, (text) => {
        document.body.innerHTML = '';
        const card = {
          type: 'AdaptiveCard',
          version: '1.5',
          body: [{ type: 'TextBlock', wrap: true, text: escapeMarkdown(text) }],
        };
        const { element, text: shown } = renderCard(card);
        const expected = text.replace(/\n/g, '');
        return element.querySelectorAll(INJECTED).length === 0 && shown.replace(/\n/g, '') === expected;
      }),
      { numRuns: 300 },
    );
  });
});
