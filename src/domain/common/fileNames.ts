/**
 * The file names the product sends to SharePoint: SharePoint Online's own rules (Microsoft, "Restrictions and
 * limitations in OneDrive and SharePoint"; the emulator enforces the same, docs/emulator.md "File and folder names")
 * plus the product's own (bidi overrides, a leading dot, 250 characters), each with its reason. Pure; one place for the browser's check before a byte is read
 * and the adapter's check before a byte is sent.
 */
import type { Bilingual } from './types';

/** Characters SharePoint Online forbids anywhere in a name. */
const FORBIDDEN = /["*:<>?/\\|]/g;
/** Control characters (SharePoint Online refuses them; PnPjs's own name validator lists the same ranges). */
// eslint-disable-next-line no-control-regex -- control characters are what this rule is about
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Control characters and bidi overrides, replaced by � wherever a name is shown back. */
// eslint-disable-next-line no-control-regex -- as above
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/**
 * Bidirectional overrides and isolates. SharePoint stores them, but they let `factuur‮fdp.exe` show as
 * `factuurexe.pdf`: a name that lies about its type has no place in an exchange of personal data (product rule).
 */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
/** Names SharePoint and Windows reserve, bare or with an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
/** The longest decoded path SharePoint stores: under 400 characters from the server root. */
export const MAX_PATH_CHARS = 399;
/** The longest single name the product sends (Windows, where synchronised libraries land, stops at 255; product rule). */
export const MAX_NAME_CHARS = 250;

/** Why a name cannot be used; `reason` is stable for tests and logs. */
export interface NameProblem extends Bilingual {
  reason:
    | 'empty'
    | 'spaces'
    | 'characters'
    | 'control'
    | 'bidi'
    | 'reserved'
    | 'hidden'
    | 'trailing-dot'
    | 'too-long'
    | 'path';
}

/**
 * Problems of one file name (empty when SharePoint accepts it and the product sends it). `folderPath`: the decoded
 * server-relative folder the file lands in, to check the 400-character path.
 */
export function fileNameProblems(name: string, folderPath?: string): NameProblem[] {
  const problem = (reason: NameProblem['reason'], nl: string, en: string): NameProblem => ({ reason, nl, en });
  if (name.length === 0) return [problem('empty', 'Bestandsnaam ontbreekt.', 'File name is missing.')];
  const shown = name.replace(UNSHOWABLE, '�');
  const out: NameProblem[] = [];
  if (name.trim() !== name)
    out.push(
      problem(
        'spaces',
        `Bestandsnaam '${shown}' begint of eindigt met een spatie; SharePoint staat dat niet toe. Hernoem het bestand.`,
        `File name '${shown}' starts or ends with a space; SharePoint does not allow that. Rename the file.`,
      ),
    );
  const chars = Array.from(new Set(name.match(FORBIDDEN) ?? []));
  if (chars.length > 0)
    out.push(
      problem(
        'characters',
        `Bestandsnaam '${shown}' bevat ${chars.join(' ')}; SharePoint verbiedt " * : < > ? / \\ |. Hernoem het bestand.`,
        `File name '${shown}' contains ${chars.join(' ')}; SharePoint forbids " * : < > ? / \\ |. Rename the file.`,
      ),
    );
  if (CONTROL.test(name))
    out.push(
      problem(
        'control',
        `Bestandsnaam '${shown}' bevat een stuurteken (op de plaats van �); SharePoint staat dat niet toe. Hernoem het bestand.`,
        `File name '${shown}' contains a control character (where � is); SharePoint does not allow that. Rename the file.`,
      ),
    );
  if (BIDI.test(name))
    out.push(
      problem(
        'bidi',
        `Bestandsnaam '${shown}' bevat een teken dat de leesrichting omdraait (op de plaats van �); daarmee kan een naam een ander bestandstype tonen dan het is. Hernoem het bestand.`,
        `File name '${shown}' contains a character that reverses the reading direction (where � is); it can make a name show another file type than it has. Rename the file.`,
      ),
    );
  const trimmed = name.trim();
  if (
    RESERVED.test(trimmed) ||
    /^(desktop\.ini|\.lock)$/i.test(trimmed) ||
    trimmed.startsWith('~$') ||
    /_vti_/i.test(trimmed)
  )
    out.push(
      problem(
        'reserved',
        `Bestandsnaam '${shown}' is in SharePoint gereserveerd; kies een andere naam.`,
        `File name '${shown}' is reserved in SharePoint; choose another name.`,
      ),
    );
  // `forms` is the name of a library's own forms folder: SharePoint refuses it at a library's root and Graph in any
  // folder ("Name is reserved for list forms folder", OneDrive/onedrive-api-docs#1671), so the product refuses it
  // everywhere.
  if (/^forms$/i.test(trimmed))
    out.push(
      problem(
        'reserved',
        `Bestandsnaam '${shown}' is in SharePoint gereserveerd voor de formulieren van een bibliotheek; kies een andere naam.`,
        `File name '${shown}' is reserved in SharePoint for a library's forms; choose another name.`,
      ),
    );
  // A name starting with a dot is hidden by the sync client's folders on macOS and Linux and by many tools, so the
  // other party may never see a file that was shared with them (product rule; older SharePoint refused it outright).
  if (trimmed.startsWith('.') && !/^\.lock$/i.test(trimmed))
    out.push(
      problem(
        'hidden',
        `Bestandsnaam '${shown}' begint met een punt; zo'n bestand is in gesynchroniseerde mappen verborgen. Hernoem het bestand.`,
        `File name '${shown}' starts with a dot; such a file is hidden in synchronised folders. Rename the file.`,
      ),
    );
  if (trimmed.endsWith('.'))
    out.push(
      problem(
        'trailing-dot',
        `Bestandsnaam '${shown}' eindigt op een punt; SharePoint en Windows staan dat niet toe. Hernoem het bestand.`,
        `File name '${shown}' ends with a dot; SharePoint and Windows do not allow that. Rename the file.`,
      ),
    );
  if (name.length > MAX_NAME_CHARS)
    out.push(
      problem(
        'too-long',
        `Bestandsnaam '${shown.slice(0, 40)}…' is langer dan ${MAX_NAME_CHARS} tekens.`,
        `File name '${shown.slice(0, 40)}…' is longer than ${MAX_NAME_CHARS} characters.`,
      ),
    );
  else if (folderPath !== undefined && `${folderPath}/${name}`.length > MAX_PATH_CHARS) {
    const length = `${folderPath}/${name}`.length;
    out.push(
      problem(
        'path',
        `Het pad van '${shown}' in SharePoint wordt ${length} tekens; SharePoint staat minder dan 400 toe. Kies een kortere naam.`,
        `The path of '${shown}' in SharePoint would be ${length} characters; SharePoint allows fewer than 400. Choose a shorter name.`,
      ),
    );
  }
  return out;
}
