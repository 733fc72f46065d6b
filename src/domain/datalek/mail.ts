/**
 * The mail with the completed form (bijlage 2, step 1): every bijlage 2b field with its label, plus the AP extras and the
 * 72-hour deadline. Plain text and HTML; in the HTML every value is escaped, so user markup arrives as text.
 */
import type { AgreementConfig } from '../agreement/schema';
import type { Lang } from '../common/types';
import { deadline72h } from './deadline';
import { ANSWER_LABELS, DATALEK_FIELDS, SCALE_LABELS, type DatalekFieldInfo } from './fields';
import { escapeHtml } from './markup';
import { breachContacts, partiesToInform, recipientsFor } from './recipients';
import type { DatalekReport } from './types';
import { formatAmsterdam, formatIsoDate } from './zone';

/** A rendered mail. */
export interface DatalekMail {
  subject: string;
  text: string;
  html: string;
}

/** Label/value rows of the report in form order (2b first), values as plain text. */
export function datalekRows(
  report: DatalekReport,
  config: AgreementConfig,
  lang: Lang,
): Array<{ field: DatalekFieldInfo; value: string }> {
  return DATALEK_FIELDS.map((field) => ({ field, value: displayValue(field, report, config, lang) }));
}

/** The parts of the mail, shared by the HTML/text rendering and the MailSender blocks. */
interface MailParts {
  subject: string;
  intro: string;
  rows: Array<{ field: DatalekFieldInfo; value: string }>;
  deadlineLine: string;
  docs: string[];
  docsTitle: string;
  contactLines: string[];
  contactsTitle: string;
}

function mailParts(report: DatalekReport, config: AgreementConfig, lang: Lang): MailParts {
  const en = lang === 'en';
  const from = config.parties.find((p) => p.key === report.reportingParty)?.shortName ?? report.reportingOrganisation;
  const informed = partiesToInform(report, config);
  const to = informed.map((p) => p.shortName).join(', ');
  const when = report.reportedAt ? formatAmsterdam(new Date(report.reportedAt), lang) : '';
  // Subject built from configuration and dates only; line breaks removed so no header can be injected.
  const subject = (
    en
      ? `Notification of a (possible) personal data breach – ${from} to ${to} – ${when}`
      : `Melding (mogelijk) datalek – ${from} aan ${to} – ${when}`
  ).replace(/[\r\n]+/g, ' ');
  const intro = en
    ? `${from} reports a (possible) personal data breach under art. 9.6 of the agreement and annex 2 (seed 003). The completed notification form (annex 2b) follows.`
    : `${from} meldt een (mogelijk) datalek op grond van art. 9.6 van de samenwerkingsovereenkomst en bijlage 2. Hieronder het ingevulde meldingsformulier (bijlage 2b).`;
  // Only the due time is shown: the mail is read later than it is sent, so "time left" would be stale.
  const due = report.discoveredAt ? deadline72h(report.discoveredAt, new Date(report.discoveredAt)).dueAt : undefined;
  const deadlineLine = due
    ? en
      ? `The controller must decide on notifying the AP within 72 hours of discovery: before ${formatAmsterdam(new Date(due), lang)} (GDPR art. 33(1)).`
      : `De verwerkingsverantwoordelijke beslist binnen 72 uur na ontdekking over melding aan de AP: vóór ${formatAmsterdam(new Date(due), lang)} (AVG art. 33 lid 1).`
    : '';
  const contactLines = informed.flatMap((p) =>
    breachContacts(p).map((c) => {
      const role = en ? `${c.order === 1 ? '1st' : '2nd'} contact` : `${c.order}e contactpersoon`;
      return `${p.shortName} ${role}: ${c.name}, ${c.phone}, ${c.email}`;
    }),
  );
  return {
    subject,
    intro,
    rows: datalekRows(report, config, lang),
    deadlineLine,
    docs: report.documents.map((d) => `${d.name || d.id}${d.url ? ` <${d.url}>` : ''}`),
    docsTitle: en ? 'Documents concerned' : 'Betrokken documenten',
    contactLines,
    contactsTitle: en ? 'Contacts (annex 2a)' : 'Contactpersonen (bijlage 2a)',
  };
}

/** Renders the mail to the other party in Dutch or English. */
export function renderDatalekMail(report: DatalekReport, config: AgreementConfig, lang: Lang): DatalekMail {
  const { subject, intro, rows, deadlineLine, docs, docsTitle, contactLines, contactsTitle } = mailParts(
    report,
    config,
    lang,
  );
  const text = [
    intro,
    '',
    ...rows.map((r) => `${r.field.label[lang]}: ${r.value}`),
    '',
    deadlineLine,
    ...(docs.length ? ['', `${docsTitle}:`, ...docs.map((d) => `- ${d}`)] : []),
    '',
    `${contactsTitle}:`,
    ...contactLines,
  ].join('\n');

  const cell = 'style="border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left"';
  const html = [
    '<!DOCTYPE html><html><body style="font-family:Segoe UI,Arial,sans-serif;font-size:14px">',
    `<p>${escapeHtml(intro)}</p>`,
    '<table style="border-collapse:collapse">',
    ...rows.map(
      (r) =>
        `<tr><th ${cell}>${escapeHtml(r.field.label[lang])}</th><td ${cell}><span style="white-space:pre-wrap">${escapeHtml(r.value)}</span></td></tr>`,
    ),
    '</table>',
    deadlineLine ? `<p><strong>${escapeHtml(deadlineLine)}</strong></p>` : '',
    docs.length
      ? `<p>${escapeHtml(docsTitle)}:</p><ul>${docs.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>`
      : '',
    `<p>${escapeHtml(contactsTitle)}:</p><ul>${contactLines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

/** One field's value as display text (dates in Amsterdam time, answers as words, scale with its numbers). */
function displayValue(field: DatalekFieldInfo, r: DatalekReport, config: AgreementConfig, lang: Lang): string {
  const unknown = ANSWER_LABELS.onbekend[lang];
  switch (field.key) {
    case 'reportedAt':
    case 'discoveredAt':
      return r[field.key] ? formatAmsterdam(new Date(r[field.key]), lang) : '';
    case 'breachDate': {
      const presumed = r.breachDatePresumed ? (lang === 'en' ? ' (presumed)' : ' (vermoedelijk)') : '';
      return r.breachDate ? formatIsoDate(r.breachDate, lang) + presumed : '';
    }
    case 'scaleDescription': {
      const n = (v: number | null): string =>
        v === null ? unknown : v.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL');
      return [
        `${SCALE_LABELS.dataSubjects[lang]}: ${n(r.scaleDataSubjects)}`,
        `${SCALE_LABELS.files[lang]}: ${n(r.scaleFiles)}`,
        ...(r.scaleDescription ? [r.scaleDescription] : []),
      ].join('\n');
    }
    case 'ongoing':
    case 'crossBorder':
    case 'dataSubjectsInformed':
      return ANSWER_LABELS[r[field.key]]?.[lang] ?? r[field.key];
    case 'controllerParty':
      return config.parties.find((p) => p.key === r.controllerParty)?.name ?? r.controllerParty;
    default: {
      const v = r[field.key];
      return typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
    }
  }
}

/** A mail block in the shape of the MailSender port (plain text; the adapter escapes it). */
export type DatalekMailBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'fields'; rows: { label: string; value: string }[] };

/** The same mail as {@link renderDatalekMail}, as recipients + plain-text blocks for the MailSender port (bijlage 2, step 1). */
export function buildDatalekOutgoingMail(
  report: DatalekReport,
  config: AgreementConfig,
  lang: Lang,
): { to: Array<{ address: string; name?: string }>; subject: string; blocks: DatalekMailBlock[] } {
  const { subject, intro, rows, deadlineLine, docs, docsTitle, contactLines, contactsTitle } = mailParts(
    report,
    config,
    lang,
  );
  return {
    to: recipientsFor(report, config).map((r) => ({ address: r.email, name: r.name })),
    subject,
    blocks: [
      {
        kind: 'heading',
        text:
          lang === 'en' ? 'Notification (possible) data breach (annex 2b)' : 'Melding (mogelijk) datalek (bijlage 2b)',
      },
      { kind: 'paragraph', text: intro },
      { kind: 'fields', rows: rows.map((r) => ({ label: r.field.label[lang], value: r.value })) },
      ...(deadlineLine ? [{ kind: 'paragraph' as const, text: deadlineLine }] : []),
      ...(docs.length
        ? [
            { kind: 'paragraph' as const, text: `${docsTitle}:` },
            { kind: 'list' as const, items: docs },
          ]
        : []),
      { kind: 'paragraph', text: `${contactsTitle}:` },
      { kind: 'list', items: contactLines },
    ],
  };
}
