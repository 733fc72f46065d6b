const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes every character HTML gives meaning to. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * The markdown subset Teams renders in an Adaptive Card TextBlock (bold, italic, links, bullet and numbered lists,
 * line breaks), turned into HTML. The text is escaped FIRST, so whatever a card carries (a user's breach description
 * with `<script>` in it) stays text; only links with http(s) or mailto targets become anchors.
 */
export function teamsMarkdown(text: string): string {
  const inline = (line: string): string =>
    escapeHtml(line)
      .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[^\w*])_(.+?)_(?!\w)/g, '$1<em>$2</em>')
      .replace(/(^|[^*])\*(?!\s)(.+?)\*(?!\*)/g, '$1<em>$2</em>')
      .replace(/\[([^\]]+)\]\(((?:https?:\/\/|mailto:)[^\s)]+)\)/g, (_m, label: string, href: string) => {
        return `<a href="${href}" target="_blank" rel="noopener noreferrer">${label}</a>`;
      });
  const out: string[] = [];
  let list: 'ul' | 'ol' | null = null;
  const close = (): void => {
    if (list) out.push(`</${list}>`);
    list = null;
  };
  for (const line of text.split(/\r?\n/)) {
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+\.\s+(.*)$/.exec(line);
    const kind = bullet ? 'ul' : numbered ? 'ol' : null;
    if (kind) {
      if (list !== kind) {
        close();
        out.push(`<${kind}>`);
        list = kind;
      }
      out.push(`<li>${inline((bullet ?? numbered)![1])}</li>`);
    } else {
      close();
      out.push(line.trim() === '' ? '<br>' : `<p>${inline(line)}</p>`);
    }
  }
  close();
  return out.join('');
}
