/**
 * Neutralising user text for Adaptive Cards. Free text goes into TextRun elements, which hosts render as plain text
 * (no markdown). Text that must sit in a TextBlock or FactSet (which hosts run through their markdown subset) is
 * backslash-escaped. Either way `{{DATE()}}`/`{{TIME()}}` substitutions are broken with a zero-width space, and nothing
 * is removed: a reader sees what the reporter typed.
 */

/** Characters that format text anywhere in a line (emphasis, links, code, strike-through, HTML, autolinks). */
const INLINE = /[\\`*_[\]~<>]/g;
/** Line starts that make a list, a heading or a quote: `- `, `+ `, `1. `, `1) `, `# `. */
const LINE_START = /^(\s*)([-+]|\d+[.)]|#{1,6})(?=\s|$)/gm;
const ZERO_WIDTH_SPACE = '\u200B';

/** Breaks Adaptive Card `{{DATE(...)}}` / `{{TIME(...)}}` text substitution without changing visible text. */
export function neutraliseSubstitution(text: string): string {
  return text.replace(/\{\{/g, `{${ZERO_WIDTH_SPACE}{`);
}

/** Escapes text for a markdown-processed field (TextBlock.text, Fact.title, Fact.value). */
export function escapeMarkdown(text: string): string {
  const inline = text.replace(INLINE, (c) => `\\${c}`);
  const lines = inline.replace(
    LINE_START,
    (_m, space: string, marker: string) => `${space}${marker.replace(/([-+.)#])/g, '\\$1')}`,
  );
  return neutraliseSubstitution(lines);
}

/** Text for a TextRun (not markdown-processed): substitutions neutralised, long text shortened with a visible note. */
export function plainText(text: string, max: number, shortenedNote: string): string {
  const safe = neutraliseSubstitution(text);
  if (safe.length <= max) return safe;
  // Never cut between the two halves of a surrogate pair (an emoji): a lone half is not valid text in a card.
  const high = safe.charCodeAt(max - 1);
  const end = high >= 0xd800 && high <= 0xdbff ? max - 1 : max;
  return `${safe.slice(0, end).trimEnd()}… ${shortenedNote}`;
}

/** Accepts only http(s) links for Action.OpenUrl, so a card never carries a script URL. */
export function checkLink(link: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new Error(`card link is not a URL: ${link}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`card link must be http(s): ${link}`);
  return url.toString();
}
