/** Test helpers for the scan: the matched substrings per kind (tests may see values; results never carry them). */
import { scanText } from '../../../src/domain/scan';
import type { FindingKind, ScanOptions, ScanResult, Scanner } from '../../../src/domain/scan';

/** Reference day for birth-date ages, so tests do not depend on the clock. */
export const REFERENCE = new Date('2026-06-15T00:00:00Z');

/** Default options: the health terms of the IGJ–CIBG configuration (a subset) and the fixed reference day. */
export const OPTIONS: ScanOptions = {
  healthTerms: ['diagnose', 'medisch dossier', 'patiëntendossier', 'ggz', 'covid-19', "alzheimer's"],
  referenceDate: REFERENCE,
};

/** The substrings the scanner reported for one kind, in order. */
export function found(text: string, kind: FindingKind, options: ScanOptions = OPTIONS): string[] {
  const f = scanText(text, options).findings.find((x) => x.kind === kind);
  return f ? f.positions.map((p) => text.slice(p.start, p.end)) : [];
}

/** A result as one comparable string: kinds with their positions, and the characters scanned. */
export const shown = (r: ScanResult): string =>
  JSON.stringify({ findings: r.findings.map((f) => [f.kind, f.positions.map((p) => [p.start, p.end])]), chars: r.scannedChars });

/**
 * The same scanner without its WebAssembly walk: the TypeScript path a text file takes where WebAssembly cannot run
 * (src/domain/scan/wasm/engine.ts).
 */
export function typescriptOnly(scanner: Scanner): Scanner {
  return Object.assign((text: string) => scanner(text), { engine: scanner.engine, bytes: async () => undefined });
}
