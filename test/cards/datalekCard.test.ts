/**
 * @jest-environment jsdom
 */
/** buildDatalekCard: schema 1.5 (Teams), renders without errors, no HTML or markdown from user input, under 28 KB. */
import { buildDatalekCard, channelMessageBytes, escapeMarkdown, MAX_MESSAGE_BYTES } from '../../src/cards';
import type { DatalekReport } from '../../src/domain/datalek';
import { fixtureConfig } from '../fixtures/cards/agreement';
import { HOSTILE, NOW, validReport } from '../fixtures/cards/report';
import { INJECTED, renderCard } from './render';

const config = fixtureConfig();
const LINK = 'https://contoso.example/sites/samenwerkingsruimte/Lists/Datalekregister/DispForm.aspx?ID=7';
const TEXT_FIELDS = [
  'reportingOrganisation',
  'contactName',
  'contactFunction',
  'contactPhone',
  'contactEmail',
  'description',
  'affectedPersonalData',
  'affectedDataSubjects',
  'consequences',
  'measures',
] as const;

function withEverywhere(payload: string): DatalekReport {
  const r = validReport();
  for (const f of TEXT_FIELDS) (r as unknown as Record<string, string>)[f] = payload;
  return r;
}

describe('buildDatalekCard', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('is an Adaptive Card 1.5 (the highest schema Teams renders) that renders without parse or validation problems', () => {
    const card = buildDatalekCard(validReport(), config, LINK, { now: NOW });
    expect(card.version).toBe('1.5');
    const { problems, text } = renderCard(card);
    expect(problems).toEqual([]);
    expect(text).toContain('Melding (mogelijk) datalek');
    expect(text).toContain('IGJ → CIBG');
  });

  it('the subtitle never points nowhere: a report on the own document, and one with no document chosen yet', () => {
    const own = renderCard(buildDatalekCard({ ...validReport(), controllerParty: 'igj' }, config, LINK, { now: NOW })).text;
    expect(own).toContain('IGJ · eigen document · bijlage 2b');
    expect(own).not.toContain('IGJ → IGJ');
    const none = renderCard(buildDatalekCard({ ...validReport(), controllerParty: '' }, config, LINK, { now: NOW, lang: 'en' }));
    expect(none.text).toContain('Reported by IGJ · annex 2b');
    expect(none.text).not.toMatch(/IGJ → ·|IGJ → $/m);
  });

  it('shows the key facts, the 72-hour deadline of the controller and the link to the report', () => {
    const card = buildDatalekCard(validReport(), config, LINK, { now: NOW });
    const { text, element } = renderCard(card);
    // Discovered 23-11 09:15; now 14:00; due 26-11 09:15 → 67 h 15 min left (AVG art. 33(1)).
    expect(text).toContain('Termijn AP voor CIBG (72 uur, AVG art. 33): 26-11-2026 09:15 – nog 67 u 15 min');
    for (const fact of [
      'Inspectie Gezondheidszorg en Jeugd',
      '22-11-2026 (vermoedelijk)',
      'Aantal getroffen betrokkenen',
      '12',
      'Gemeld aan wederpartij',
    ])
      expect(text).toContain(fact);
    expect(text).toContain('Een signaal met BIG-nummers is naar een verkeerde externe ontvanger gemaild.');
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Melding openen', url: LINK }]);
    expect(element.querySelector('button')?.textContent).toBe('Melding openen');
  });

  it('marks an overdue deadline', () => {
    const card = buildDatalekCard(validReport(), config, LINK, { now: new Date('2026-11-27T09:15:00Z'), lang: 'en' });
    expect(renderCard(card).text).toContain('overdue by 25 h 0 min');
    expect(JSON.stringify(card)).toContain('"color":"Attention"');
  });

  it.each(HOSTILE)(
    'keeps %p as visible text in every field: no HTML, no markdown formatting, no template evaluation',
    (payload) => {
      const card = buildDatalekCard(withEverywhere(payload), config, LINK, { now: NOW });
      const { problems, element, text } = renderCard(card);
      expect(problems).toEqual([]);
      expect(element.querySelectorAll(INJECTED)).toHaveLength(0);
      // Every free-text section shows the payload verbatim (TextRuns are plain text).
      expect(text.split(payload).length - 1).toBeGreaterThanOrEqual(5);
    },
  );

  it('escapes markdown where a host processes it (facts), so the reader sees the characters typed', () => {
    const r = validReport({ reportingOrganisation: '**IGJ** [x](https://evil.example)' });
    const { element, text } = renderCard(buildDatalekCard(r, config, LINK, { now: NOW }));
    expect(element.querySelectorAll(INJECTED)).toHaveLength(0);
    expect(text).toContain('**IGJ** [x](https://evil.example)');
    expect(escapeMarkdown('- a\n1. b')).toBe('\\- a\n1\\. b');
  });

  it('stays under 28 KB as a channel message even with every text at its maximum in multi-byte characters', () => {
    const huge = '€<&>"'.repeat(800); // 4000 characters, up to 3 bytes each, with characters JSON/HTML escape
    const card = buildDatalekCard(withEverywhere(huge), config, LINK, { now: NOW });
    expect(channelMessageBytes(card)).toBeLessThan(MAX_MESSAGE_BYTES);
    const { text } = renderCard(card);
    expect(text).toContain('(ingekort; volledige tekst in de melding)');
  });

  it('refuses a link that is not http(s)', () => {
    expect(() => buildDatalekCard(validReport(), config, 'javascript:alert(1)', { now: NOW })).toThrow(/http\(s\)/);
    expect(() => buildDatalekCard(validReport(), config, 'not a url', { now: NOW })).toThrow(/not a URL/);
  });
});
