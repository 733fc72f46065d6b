/**
 * Before any decision: bad input is caught (names, sizes, duplicates in the selection and in the library) and each
 * acceptable file is scanned in the browser (seed 004), so nothing leaves the browser before the decision.
 */
import type { AgreementConfig } from '../domain/agreement/schema';
import { scanFile, type ScanResult } from '../domain/scan';
import type { DocumentStore } from '../ports/documents';
import { validateFiles, type FileProblem, type PickedFile } from './validate';

/** A picked file whose bytes can be read (a browser `File` fits). */
export interface ReadableFile extends PickedFile {
  arrayBuffer(): Promise<ArrayBuffer>;
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

/**
 * Reads and scans one file with the agreement's health terms; an unreadable file says why instead of "nothing".
 * A date counts as a birth date only beside a context word (geboortedatum, geb., geboren, born, dob): otherwise every
 * dated minute or DVA would escalate to privacy-officer review (art. 9.2) while holding no personal data.
 */
export async function scanPicked(
  config: AgreementConfig,
  file: ReadableFile,
): Promise<{ bytes: Uint8Array; scan: ScanResult }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const scan = await scanFile(file.name, bytes, { healthTerms: config.healthTerms, birthdateNeedsContext: true });
  return { bytes, scan };
}
