/**
 * Bad input caught before anything is scanned or sent: empty files, files over the configured maximum,
 * names SharePoint forbids and duplicate names. Pure: the caller passes the names already in the library.
 */
import { fileNameProblems } from '../domain/common/fileNames';
import type { Bilingual } from '../domain/common/types';

export { MAX_NAME_CHARS } from '../domain/common/fileNames';

/** Why a file cannot be shared as picked. */
export interface FileProblem extends Bilingual {
  code: 'empty' | 'too-large' | 'bad-name' | 'duplicate-in-selection' | 'duplicate-in-library';
  /** The field the problem is about: the file's name or its size. */
  field: 'name' | 'size';
}

/** Problems of a file name alone (empty when SharePoint accepts it and the product sends it). */
export function nameProblems(name: string): FileProblem[] {
  return fileNameProblems(name).map(({ nl, en }) => ({ code: 'bad-name', field: 'name', nl, en }));
}

/** Problems of a file's size: empty, or over `space.maxUploadMB`. */
export function sizeProblems(name: string, size: number, maxUploadMB: number): FileProblem[] {
  if (size === 0)
    return [
      {
        code: 'empty',
        field: 'size',
        nl: `'${name}' is leeg (0 bytes); een leeg bestand wordt niet gedeeld.`,
        en: `'${name}' is empty (0 bytes); an empty file is not shared.`,
      },
    ];
  if (size > maxUploadMB * 1024 * 1024) {
    const mb = (size / 1024 / 1024).toFixed(1);
    return [
      {
        code: 'too-large',
        field: 'size',
        nl: `'${name}' is ${mb} MB; het maximum is ${maxUploadMB} MB (configuratie: space.maxUploadMB).`,
        en: `'${name}' is ${mb} MB; the maximum is ${maxUploadMB} MB (configuration: space.maxUploadMB).`,
      },
    ];
  }
  return [];
}

/** A picked file as far as validation needs it. */
export interface PickedFile {
  name: string;
  size: number;
}

/**
 * Problems per picked file, in the order given. Names compare case-insensitively (SharePoint does), within the
 * selection (the second of two equal names) and against `existingNames` (already in the library).
 */
export function validateFiles(
  files: ReadonlyArray<PickedFile>,
  maxUploadMB: number,
  existingNames: ReadonlySet<string> = new Set(),
): FileProblem[][] {
  const existing = new Set(Array.from(existingNames, (n) => n.toLowerCase()));
  const seen = new Set<string>();
  return files.map((f) => {
    const problems = [...sizeProblems(f.name, f.size, maxUploadMB), ...nameProblems(f.name)];
    const key = f.name.toLowerCase();
    if (seen.has(key))
      problems.push({
        code: 'duplicate-in-selection',
        field: 'name',
        nl: `'${f.name}' is twee keer gekozen; het tweede exemplaar wordt niet gedeeld.`,
        en: `'${f.name}' was picked twice; the second copy is not shared.`,
      });
    else if (existing.has(key))
      problems.push({
        code: 'duplicate-in-library',
        field: 'name',
        nl: `'${f.name}' bestaat al in de bibliotheek; hernoem het bestand (het bestaande blijft ongewijzigd).`,
        en: `'${f.name}' already exists in the library; rename the file (the existing one stays unchanged).`,
      });
    seen.add(key);
    return problems;
  });
}
