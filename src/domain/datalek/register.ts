/**
 * Between a datalek report and a Datalekregister entry (the BreachRegister port's `BreachEntry`): the columns the list
 * shows and filters on, and the whole report in `form`. Reading back validates, so a damaged item is reported, not used.
 */
import type { AgreementConfig } from '../agreement/schema';
import type { DatalekReport } from './types';
import { validateDatalek, type DatalekValidation } from './validate';
import { partyLabel } from '../agreement/queries';

/** The register row shape (structurally the port's `BreachEntry` without id/etag/reporter). */
export interface DatalekRegisterRow {
  title: string;
  reportedAt: string;
  discoveredAt: string;
  reportingParty: string;
  controller: string;
  status: DatalekReport['status'];
  form: Record<string, unknown>;
}

/** The register row of a validated report; the title names parties and date, never free text. */
export function toRegisterRow(report: DatalekReport, config: AgreementConfig): DatalekRegisterRow {
  return {
    title: `Datalek ${partyLabel(config, report.reportingParty)} → ${partyLabel(config, report.controllerParty)} ${report.reportedAt.slice(0, 10)}`,
    reportedAt: report.reportedAt,
    discoveredAt: report.discoveredAt,
    reportingParty: report.reportingParty,
    controller: report.controllerParty,
    status: report.status,
    form: { ...report },
  };
}

/**
 * Reads a report back from a register row: the row's status wins (privacy officers change it on the list), then the
 * whole report is validated at `now` against the configuration.
 */
export function fromRegisterRow(
  row: Pick<DatalekRegisterRow, 'status' | 'form'> & { id?: number | string },
  now: Date,
  config: AgreementConfig,
): DatalekValidation {
  const id = row.id === undefined ? row.form.id : String(row.id);
  return validateDatalek({ ...row.form, status: row.status, ...(id === undefined ? {} : { id }) }, now, config);
}
