import type { MailBlock } from '../../ports/mail';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Plain text as HTML: escaped, line breaks kept. */
export function textToHtml(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

/** Renders mail blocks as an HTML body. Every text is escaped: nothing a user typed becomes markup. */
export function renderMailBlocks(blocks: readonly MailBlock[]): string {
  const parts = blocks.map((block) => {
    switch (block.kind) {
      case 'heading':
        return `<h2>${escapeHtml(block.text)}</h2>`;
      case 'paragraph':
        return `<p>${textToHtml(block.text)}</p>`;
      case 'list':
        return `<ul>${block.items.map((item) => `<li>${textToHtml(item)}</li>`).join('')}</ul>`;
      case 'fields': {
        const rows = block.rows.map(
          (row) =>
            `<tr><th style="text-align:left;vertical-align:top;padding-right:12px">${escapeHtml(row.label)}</th>` +
            `<td>${textToHtml(row.value)}</td></tr>`,
        );
        return `<table>${rows.join('')}</table>`;
      }
    }
  });
  return `<html><body>${parts.join('\n')}</body></html>`;
}
