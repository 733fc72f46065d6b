/**
 * Gathers positions per kind during a scan and turns them into a {@link ScanResult}; holds offsets only. A scan of
 * one window of a longer text (src/domain/scan/stream.ts) keeps only what starts in the window's own range and adds
 * the window's offset, so overlapping windows never count an identifier twice.
 */
import { FINDING_KINDS, type FindingKind, type ScanResult, type TextPosition } from './types';

/** Each kind's index in {@link FINDING_KINDS}. */
const KIND_INDEX = Object.fromEntries(FINDING_KINDS.map((kind, k) => [kind, k])) as Record<FindingKind, number>;

/** Per-kind position lists, each in ascending order of `start` because the scan moves forward. */
export class FindingCollector {
  /** In the order of {@link FINDING_KINDS}. */
  private readonly lists: TextPosition[][] = FINDING_KINDS.map(() => []);
  /** Window being scanned: local positions in [from, to) are kept, shifted by `base`. */
  private from = 0;
  private to = Infinity;
  private base = 0;

  /** Sets the window: only occurrences starting in [from, to) of the next text are kept, at `base + position`. */
  public window(from: number, to: number, base: number): void {
    this.from = from;
    this.to = to;
    this.base = base;
  }

  /** Records one occurrence (local positions of the current window). */
  public add(kind: FindingKind, start: number, end: number): void {
    this.addAt(KIND_INDEX[kind], start, end);
  }

  /** {@link add} by the kind's index in {@link FINDING_KINDS} (the WebAssembly walk's findings). */
  public addAt(kind: number, start: number, end: number): void {
    if (start < this.from || start >= this.to) return;
    const list = this.lists[kind];
    const at = this.base + start;
    // a tabular pass may add a position behind the last one: keep each list sorted
    if (list.length > 0 && list[list.length - 1].start > at) {
      let k = list.length;
      while (k > 0 && list[k - 1].start > at) k--;
      if (k > 0 && list[k - 1].start === at) return;
      list.splice(k, 0, { start: at, end: this.base + end });
      return;
    }
    if (list.length > 0 && list[list.length - 1].start === at) return;
    list.push({ start: at, end: this.base + end });
  }

  /**
   * Drops every occurrence starting at or after local `start` (an e-mail address found later swallows them); never
   * what an earlier window kept, which saw the same address whole.
   */
  public retractFrom(start: number): void {
    const at = this.base + Math.max(start, this.from);
    this.lists.forEach((list) => {
      while (list.length > 0 && list[list.length - 1].start >= at) list.pop();
    });
  }

  /** The result: only kinds that occurred, in the order of {@link FINDING_KINDS}. */
  public result(scannedChars: number): ScanResult {
    const findings = FINDING_KINDS.map((kind, k) => {
      const positions = this.lists[k];
      return { kind, count: positions.length, positions };
    }).filter((f) => f.count > 0);
    return { findings, scannedChars };
  }
}
