/** Gathers positions per kind during one scan and turns them into a {@link ScanResult}; holds offsets only. */
import { FINDING_KINDS, type FindingKind, type ScanResult, type TextPosition } from './types';

/** Per-kind position lists, each in ascending order of `start` because the scan moves forward. */
export class FindingCollector {
  private readonly byKind = new Map<FindingKind, TextPosition[]>(FINDING_KINDS.map((k) => [k, []]));

  /** Records one occurrence. */
  public add(kind: FindingKind, start: number, end: number): void {
    (this.byKind.get(kind) as TextPosition[]).push({ start, end });
  }

  /** Drops every occurrence starting at or after `start` (an e-mail address found later swallows them). */
  public retractFrom(start: number): void {
    this.byKind.forEach((list) => {
      while (list.length > 0 && list[list.length - 1].start >= start) list.pop();
    });
  }

  /** The result: only kinds that occurred, in the order of {@link FINDING_KINDS}. */
  public result(scannedChars: number): ScanResult {
    const findings = FINDING_KINDS.map((kind) => {
      const positions = this.byKind.get(kind) as TextPosition[];
      return { kind, count: positions.length, positions };
    }).filter((f) => f.count > 0);
    return { findings, scannedChars };
  }
}
