/** The Toetslog as CSV for accountability (AVG art. 5(2)): one line per decision, findings as kinds and counts only. */
import type { AuditRecord } from '../ports/registers';

/** Column headers, Dutch (the people who ask for the export work in Dutch). */
const HEADERS = [
  'ToetsId',
  'Tijdstip',
  'Gebruiker',
  'E-mail',
  'Partij',
  'Bestand',
  'Doel (verwerkingsactiviteit)',
  'Besluit',
  'Regelversie',
  'Bevindingen',
  'Redenen',
  'Notitie privacy officer',
  'Antwoorden',
];

/** One CSV field: quoted when needed; a leading = + - @ is prefixed so a spreadsheet never runs it as a formula. */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV text (semicolon-separated, as Dutch Excel expects, CRLF lines, UTF-8 BOM so accents survive). */
export function auditCsv(records: ReadonlyArray<AuditRecord>): string {
  const lines = records.map((r) =>
    [
      r.toetsId,
      r.at,
      r.user.displayName,
      r.user.email ?? '',
      r.party ?? '',
      r.fileName,
      r.activity ?? '',
      r.decision,
      r.ruleVersion,
      r.findings.map((f) => `${f.kind}: ${f.count}`).join(', '),
      r.reasons.map((x) => `${x.article}: ${x.text}`).join(' | '),
      r.reviewNote ?? '',
      JSON.stringify(r.answers),
    ]
      .map(field)
      .join(';'),
  );
  return `\uFEFF${[HEADERS.join(';'), ...lines].join('\r\n')}\r\n`;
}
