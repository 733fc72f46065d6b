/**
 * The integrity check's part of the Verantwoording export (AVG art. 5(2)): every file the other party reads without a
 * valid record becomes a row of its own ('afwijking'), and records that SharePoint says were created by someone else
 * than they name, or reviews by someone who is no privacy officer of the party, are marked in the 'Controle' column.
 */
import type { AuditRecord } from '../ports/registers';
import type { ExportAnomaly } from '../review/export';
import { recordChecks } from './check';
import { runIntegrityCheck, type IntegrityDeps } from './collect';

/** What the export adds. */
export interface ExportIntegrity {
  anomalies: ExportAnomaly[];
  checks: Map<string, string>;
  /** Parts not checked (said in the export's confirmation, never silently left out). */
  unchecked: string[];
}

/** Runs the check for the export (privacy officers and owners read everything it needs). */
export async function integrityForExport(deps: IntegrityDeps, records: readonly AuditRecord[]): Promise<ExportIntegrity> {
  const report = await runIntegrityCheck(deps);
  const privacyOfficers = new Map<string, Set<string>>();
  for (const p of deps.config.parties) {
    const members = await deps.site.groupMembers(p.privacyOfficer.group).catch(() => []);
    privacyOfficers.set(p.key, new Set(members.map((m) => m.email.toLowerCase())));
  }
  return {
    anomalies: report.findings.map((f) => ({
      at: f.modified,
      fileName: f.fileName,
      party: f.party,
      reason: f.reason,
      ...(f.toetsId ? { toetsId: f.toetsId } : {}),
    })),
    checks: recordChecks(deps.config, records, privacyOfficers),
    unchecked: report.unchecked,
  };
}
