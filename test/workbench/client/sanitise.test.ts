/** @jest-environment jsdom */
import { htmlToText } from '../../../workbench/client/panes/htmlToText';
import { escapeHtml, teamsMarkdown } from '../../../workbench/client/panes/teamsMarkdown';

describe('mail bodies as text (Postvak pane)', () => {
  it('keeps the text and the layout of an HTML mail, never its markup', () => {
    const html =
      '<html><head><style>p{color:red}</style><script>window.pwned=1</script></head><body>' +
      '<h1>Melding datalek</h1><p>Beste <b>CIBG</b>,</p><table><tr><th>Veld</th><th>Waarde</th></tr>' +
      '<tr><td>Omvang</td><td>3 betrokkenen</td></tr></table><p>Groet<br>IGJ</p><img src=x onerror="window.pwned=2"></body></html>';
    expect(htmlToText(html)).toBe('Melding datalek\n\nBeste CIBG,\n\nVeld\tWaarde\nOmvang\t3 betrokkenen\n\nGroet\nIGJ');
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('shows escaped markup typed by a user as the literal text it was', () => {
    expect(htmlToText('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')).toBe('<script>alert(1)</script>');
  });
});

describe('Teams markdown in Adaptive Card text (Kanaal pane)', () => {
  it('renders bold, italic, links and lists like Teams', () => {
    expect(teamsMarkdown('**Datalek** gemeld _vandaag_')).toBe('<p><strong>Datalek</strong> gemeld <em>vandaag</em></p>');
    expect(teamsMarkdown('- een\n- twee\n1. drie')).toBe('<ul><li>een</li><li>twee</li></ul><ol><li>drie</li></ol>');
    expect(teamsMarkdown('[register](https://example.org/r?a=1&b=2)')).toBe(
      '<p><a href="https://example.org/r?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">register</a></p>',
    );
  });

  it('escapes markup before formatting, so card text can never become HTML', () => {
    const out = teamsMarkdown('**<img src=x onerror=alert(1)>** <script>alert(2)</script>');
    expect(out).toBe('<p><strong>&lt;img src=x onerror=alert(1)&gt;</strong> &lt;script&gt;alert(2)&lt;/script&gt;</p>');
    expect(teamsMarkdown('[klik](javascript:alert(1))')).toBe('<p>[klik](javascript:alert(1))</p>');
    expect(teamsMarkdown('[x](https://a.example/"onmouseover="alert(1))')).not.toContain('"onmouseover');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
