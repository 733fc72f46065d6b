/**
 * The integrity check's part of the Verantwoording export (AVG art. 5(2)): every finding becomes a row of its own
 * ('afwijking') — a file the other party reads without a valid record or with other bytes than its record, a restricted
 * file outside its restricted folder, a folder, list, library or Site Assets file outside the schema, a ToetsId held by
 * more than one record, an approval nothing proves — and records that SharePoint says were created by someone else
 * than they name, reviews by someone who is no privacy officer of the party, approvals only the Toetslog holds and
 * duplicate ToetsIds are marked in the 'Controle' column. What was not checked (also the files whose bytes were not
 * read within the byte budget, with their count) is said in the export's confirmation, never silently left out.
 */
import type { AuditRecord } from '../ports/registers';
import type { ExportAnomaly } from '../review/export';
import { recordChecks, type IntegrityFinding } from './check';
import { peopleOf } from './collect';
import { sharedChecker, type IntegrityDeps, type IntegrityOptions } from './collect';

/** What the export adds. */
export interface ExportIntegrity {
  anomalies: ExportAnomaly[];
  checks: Map<string, string>;
  /** Parts not checked (said in the export's confirmation, never silently left out). */
  unchecked: string[];
}

/** A finding as an export row: the reason cites the article and ends with where it is (the server-relative URL). */
export function anomalyOf(f: IntegrityFinding): ExportAnomaly {
  const where = f.url ? ` [${f.url}]` : '';
  return {
    at: f.modified,
    fileName: f.fileName,
    party: f.party,
    reason: `${f.reason}${where}`,
    ...(f.toetsId ? { toetsId: f.toetsId } : {}),
  };
}

/** Runs the check for the export (privacy officers and owners read everything it needs). */
export async function integrityForExport(
  deps: IntegrityDeps,
  records: readonly AuditRecord[],
  options: IntegrityOptions = {},
): Promise<ExportIntegrity> {
  const report = await sharedChecker(deps).run(options);
  const unchecked = [...report.unchecked];
  const { privacyOfficers } = await peopleOf(deps.config, deps.site, (nl) => unchecked.push(nl));
  return {
    anomalies: report.findings.map(anomalyOf),
    checks: recordChecks(deps.config, records, privacyOfficers),
    unchecked,
  };
}
