/** Counts per kind for the UI, which words them ('3 BSN-nummers gevonden'); never values, never positions. */
import type { FindingKind, ScanResult } from './types';

/** One line of the UI summary. */
export interface FindingSummary {
  kind: FindingKind;
  count: number;
}

/** Counts per kind that occurred, in the scanner's canonical order; empty when nothing was found. */
export function summariseFindings(result: ScanResult): FindingSummary[] {
  return result.findings.filter((f) => f.count > 0).map((f) => ({ kind: f.kind, count: f.count }));
}

/** True when the scan found anything that points at personal data (seed 004: warn before upload). */
export function hasFindings(result: ScanResult): boolean {
  return result.findings.some((f) => f.count > 0);
}
