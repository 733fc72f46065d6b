/** Detects markup in user text so the UI can say it is kept as text; nothing is ever stripped (house rule). */

const MARKUP = /<\s*\/?\s*[a-z!?][^>]*>|javascript\s*:|on[a-z]+\s*=|&#?[a-z0-9]+;/i;

/** True when the text contains HTML/XML tags, script URLs, event-handler attributes or entities. */
export function containsMarkup(text: string): boolean {
  return MARKUP.test(text);
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
