/**
 * Bad input caught before anything is scanned or sent (issue 4): empty files, files over the configured maximum,
 * names SharePoint forbids and duplicate names. Pure: the caller passes the names already in the library.
 */
import type { Bilingual } from '../domain/common/types';

/** Why a file cannot be shared as picked. */
export interface FileProblem extends Bilingual {
  code: 'empty' | 'too-large' | 'bad-name' | 'duplicate-in-selection' | 'duplicate-in-library';
  /** The field the problem is about: the file's name or its size. */
  field: 'name' | 'size';
}

/** Characters SharePoint Online forbids in file and folder names. */
const FORBIDDEN_CHARS = /["*:<>?/\\|]/;
/** Device and system names SharePoint and Windows reserve, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|desktop\.ini|\.lock|_vti_)$/i;
/** SharePoint's limit on a file name. */
export const MAX_NAME_CHARS = 250;

/** Problems of a file name alone (empty when SharePoint accepts it). */
export function nameProblems(name: string): FileProblem[] {
  const bad = (nl: string, en: string): FileProblem => ({ code: 'bad-name', field: 'name', nl, en });
  if (name.length === 0) return [bad('Bestandsnaam ontbreekt.', 'File name is missing.')];
  const problems: FileProblem[] = [];
  if (name.trim() !== name)
    problems.push(
      bad(
        `Bestandsnaam '${name}' begint of eindigt met een spatie; SharePoint staat dat niet toe. Hernoem het bestand.`,
        `File name '${name}' starts or ends with a space; SharePoint does not allow that. Rename the file.`,
      ),
    );
  const chars = Array.from(new Set(name.match(/["*:<>?/\\|]/g) ?? []));
  if (FORBIDDEN_CHARS.test(name))
    problems.push(
      bad(
        `Bestandsnaam '${name}' bevat ${chars.join(' ')}; SharePoint verbiedt " * : < > ? / \\ |. Hernoem het bestand.`,
        `File name '${name}' contains ${chars.join(' ')}; SharePoint forbids " * : < > ? / \\ |. Rename the file.`,
      ),
    );
  const stem = name.trim().replace(/\.[^.]*$/, '');
  if (RESERVED.test(name.trim()) || RESERVED.test(stem) || name.startsWith('~$') || name.includes('_vti_'))
    problems.push(
      bad(
        `Bestandsnaam '${name}' is in SharePoint gereserveerd; kies een andere naam.`,
        `File name '${name}' is reserved in SharePoint; choose another name.`,
      ),
    );
  if (name.length > MAX_NAME_CHARS)
    problems.push(
      bad(
        `Bestandsnaam '${name.slice(0, 40)}…' is langer dan ${MAX_NAME_CHARS} tekens.`,
        `File name '${name.slice(0, 40)}…' is longer than ${MAX_NAME_CHARS} characters.`,
      ),
    );
  return problems;
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
