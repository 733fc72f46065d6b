/**
 * Before any decision: bad input is caught (names, sizes, duplicates in the selection and in the library) and each
 * acceptable file is scanned in the browser (seed 004), so nothing leaves the browser before the decision. In a
 * browser the scan runs in Web Workers with pdf.js and OCR from the package's assets (src/scan/browser.ts, loaded
 * only when a file is scanned); elsewhere (tests, Node) the same domain scan runs in-process without those engines.
 */
import type { AgreementConfig } from '../domain/agreement/schema';
import { scanFile, type ScanControl, type ScanOptions, type ScanResult } from '../domain/scan';
import type { DocumentStore } from '../ports/documents';
import type { ReadableFile, ScanRunner } from '../scan/protocol';
import { validateFiles, type FileProblem, type PickedFile } from './validate';

export type { ReadableFile, ScanRunner } from '../scan/protocol';

/** Progress, cancellation and, for tests, the runner of one file's scan. */
export interface PickedScanControl extends Pick<ScanControl, 'onProgress' | 'signal'> {
  runner?: ScanRunner;
}

/** Problems per file: the pure checks plus a lookup of each remaining name in the library. */
export async function checkPicked(
  config: AgreementConfig,
  documents: Pick<DocumentStore, 'exists'>,
  files: ReadonlyArray<PickedFile>,
): Promise<FileProblem[][]> {
  const first = validateFiles(files, config.space.maxUploadMB);
  const existing = new Set<string>();
  await Promise.all(
    files.map(async (f, i) => {
      if (first[i].length === 0 && (await documents.exists(f.name))) existing.add(f.name);
    }),
  );
  return existing.size === 0 ? first : validateFiles(files, config.space.maxUploadMB, existing);
}

/** The in-process scan: the domain's scanFile without PDF or OCR engines (such files are reported as not read). */
export const inProcessRunner: ScanRunner = (file, bytes, options, control) => scanFile(file.name, bytes, options, control);

/** True in a browser that can run Web Workers (not in Node or jsdom). */
function inBrowser(): boolean {
  return typeof window !== 'undefined' && typeof Worker !== 'undefined' && typeof Blob !== 'undefined';
}

async function defaultRunner(): Promise<ScanRunner> {
  if (!inBrowser()) return inProcessRunner;
  const { browserScanRunner } = await import(/* webpackChunkName: 'scan-browser' */ '../scan/browser');
  return browserScanRunner();
}

/**
 * Reads and scans one file with the agreement's health terms; an unreadable file says why instead of "nothing",
 * and a part not read (a page, the rest of a stopped scan) is named in `scan.unread`.
 * A date counts as a birth date only beside a context word (geboortedatum, geb., geboren, born, dob): otherwise every
 * dated minute or DVA would escalate to privacy-officer review (art. 9.2) while holding no personal data.
 */
export async function scanPicked(
  config: AgreementConfig,
  file: ReadableFile,
  control: PickedScanControl = {},
): Promise<{ bytes: Uint8Array; scan: ScanResult }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const options: ScanOptions = { healthTerms: config.healthTerms, birthdateNeedsContext: true };
  const runner = control.runner ?? (await defaultRunner());
  const scan = await runner(file, bytes, options, { onProgress: control.onProgress, signal: control.signal });
  return { bytes, scan };
}
