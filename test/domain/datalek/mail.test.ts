/** renderDatalekMail: every bijlage 2b label and value, AP extras, escaped HTML (user text is never markup). */
import { buildDatalekOutgoingMail, DATALEK_FIELDS, renderDatalekMail } from '../../../src/domain/datalek';
import { fixtureConfig } from '../../fixtures/cards/agreement';
import { HOSTILE, validReport } from '../../fixtures/cards/report';

const config = fixtureConfig();

describe('renderDatalekMail', () => {
  it.each(['nl', 'en'] as const)('shows every bijlage 2b field label in text and html (%s)', (lang) => {
    const mail = renderDatalekMail(validReport(), config, lang);
    for (const f of DATALEK_FIELDS.filter((x) => x.form2b)) {
      expect(mail.text).toContain(f.label[lang]);
      expect(mail.html).toContain(f.label[lang].replace(/'/g, '&#39;'));
    }
  });

  it('shows the values: dates in Amsterdam time, scale numbers, controller, documents, contacts and the AP deadline', () => {
    const { text, subject } = renderDatalekMail(validReport(), config, 'nl');
    expect(subject).toBe('Melding (mogelijk) datalek – IGJ aan CIBG – 23-11-2026 13:30');
    expect(text).toContain('Datum melding: 23-11-2026 13:30');
    expect(text).toContain('(Vermoedelijke) datum datalek: 22-11-2026 (vermoedelijk)');
    expect(text).toContain('Ontdekt op: 23-11-2026 09:15');
    expect(text).toContain('Aantal getroffen betrokkenen: 12');
    expect(text).toContain('Verwerkingsverantwoordelijke: CIBG');
    expect(text).toContain('vóór 26-11-2026 09:15 (AVG art. 33 lid 1)');
    expect(text).toContain('- signaal-2026-114.docx <https://example.test/doc/17>');
    expect(text).toContain('CIBG 1e contactpersoon: Johan Smit, +31 70 340 7000, johan.smit@cibg.example');
    expect(text).toContain('Duurt het datalek nog voort?: Nee');
  });

  it.each(HOSTILE)('escapes %p in every text field of the HTML and keeps it verbatim in the text', (payload) => {
    const r = validReport({
      reportingOrganisation: payload,
      contactName: payload,
      contactFunction: payload,
      description: payload,
      affectedPersonalData: payload,
      affectedDataSubjects: payload,
      scaleDescription: payload,
      consequences: payload,
      measures: payload,
      measuresBefore: payload,
      documents: [{ id: '1', name: payload, url: 'https://x.test/1', activityKey: 'tucht-signalen', categories: [] }],
    });
    const mail = renderDatalekMail(r, config, 'nl');
    expect(mail.text.split(payload).length - 1).toBeGreaterThanOrEqual(10);
    const body = mail.html.replace(
      /<\/?(html|body|p|table|tr|th|td|span|ul|li|strong)( style="[^"]*")?>|<!DOCTYPE html>/g,
      '',
    );
    expect(body).not.toMatch(/[<>]/);
    expect(mail.html).not.toContain(payload.includes('<') ? payload : '\u0000');
    expect(mail.subject).not.toContain(payload);
  });

  it('keeps line breaks of user text visible in the HTML (pre-wrap), without injecting markup', () => {
    const mail = renderDatalekMail(validReport({ description: 'regel 1\nregel 2' }), config, 'nl');
    expect(mail.html).toContain('white-space:pre-wrap">regel 1\nregel 2</span>');
  });
});

describe('buildDatalekOutgoingMail', () => {
  it('addresses the breach address and both contacts and carries every 2b field as a label/value row', () => {
    const mail = buildDatalekOutgoingMail(validReport(), config, 'nl');
    expect(mail.to.map((t) => t.address)).toEqual([
      'CIBGDatalekregister@minvws.nl',
      'johan.smit@cibg.example',
      'lotte.visser@cibg.example',
    ]);
    const fields = mail.blocks.find((b) => b.kind === 'fields');
    expect(fields?.kind === 'fields' && fields.rows.map((r) => r.label)).toEqual(DATALEK_FIELDS.map((f) => f.label.nl));
    expect(mail.blocks.some((b) => b.kind === 'paragraph' && b.text.includes('72 uur'))).toBe(true);
  });
});

describe('buildDatalekOutgoingMail paragraphs', () => {
  it('keeps the deadline paragraph separate from user text that mentions 72', () => {
    const mail = buildDatalekOutgoingMail(
      validReport({ description: '72 uur lang 72 dossiers zichtbaar' }),
      config,
      'en',
    );
    const paragraphs = mail.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(paragraphs.filter((p) => p.includes('72'))).toEqual([
      'The controller must decide on notifying the AP within 72 hours of discovery: before 26 Nov 2026 09:15 (GDPR art. 33(1)).',
    ]);
    const lists = mail.blocks.flatMap((b) => (b.kind === 'list' ? b.items : []));
    expect(lists).toContain('CIBG 2nd contact: Lotte Visser, +31 70 340 7001, lotte.visser@cibg.example');
  });
});
