/**
 * Renders a card with the real `adaptivecards` renderer (its UMD build: the package's main entry is ES modules) and a
 * host markdown processor that behaves like markdown-it with HTML off, as Teams hosts do: escapes HTML, honours
 * backslash escapes, turns **bold**, _italic_, [links](url) and "- " lists into elements.
 */
import type * as AC from 'adaptivecards';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const Adaptive: typeof AC = require('adaptivecards/dist/adaptivecards.js');

/** jsdom does not implement innerText, which the renderer sets for plain text: map it to textContent. */
function polyfillInnerText(): void {
  if (Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'innerText')?.set) return;
  Object.defineProperty(HTMLElement.prototype, 'innerText', {
    configurable: true,
    get(this: HTMLElement) {
      return this.textContent ?? '';
    },
    set(this: HTMLElement, value: string) {
      this.textContent = value;
    },
  });
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A markdown-it-like renderer for the Adaptive Card subset (html: false). */
export function hostMarkdown(text: string): string {
  const escapes: string[] = [];
  const protectedText = text.replace(/\\([!-/:-@[-`{-~])/g, (_m, c: string) => {
    escapes.push(c);
    return `\u0000${escapes.length - 1}\u0000`;
  });
  const lines = escapeHtml(protectedText).split('\n');
  const html = lines
    .map((line) => {
      let l = line
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
        .replace(/(^|\W)_([^_]+)_(?=\W|$)/g, '$1<em>$2</em>')
        .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '<a href="$2">$1</a>');
      if (/^\s*[-+]\s/.test(l)) l = `<ul><li>${l.replace(/^\s*[-+]\s/, '')}</li></ul>`;
      else if (/^#{1,6}\s/.test(l)) l = `<h1>${l.replace(/^#{1,6}\s/, '')}</h1>`;
      return l;
    })
    .join('<br>');
  return `<p>${html.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => escapeHtml(escapes[Number(i)]))}</p>`;
}

/** Outcome of rendering: parse/validation problems and the rendered element. */
export interface Rendered {
  problems: string[];
  element: HTMLElement;
  text: string;
}

/** Parses, validates and renders a card as a Teams-like host would. */
export function renderCard(card: object): Rendered {
  polyfillInnerText();
  Adaptive.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = hostMarkdown(text);
    result.didProcess = true;
  };
  const adaptive = new Adaptive.AdaptiveCard();
  const context = new Adaptive.SerializationContext();
  adaptive.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of adaptive.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  const element = adaptive.render();
  if (!element) throw new Error('card did not render');
  document.body.appendChild(element);
  return { problems, element, text: (element.textContent ?? '').replace(/\u200B/g, '') };
}

/** Elements a card's own layout never creates from text: their presence means user text became markup. */
export const INJECTED =
  'script, img, iframe, object, embed, a, strong, em, b, i, ul, ol, li, h1, h2, h3, svg, style, form, input';
