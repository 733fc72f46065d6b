import { SpError } from './errors';

/**
 * The names SharePoint Online accepts for files and folders, from Microsoft's "Restrictions and limitations in
 * OneDrive and SharePoint" (support.microsoft.com, article 64883a5d-228e-48f5-b3d2-eb39e07630fa; quoted by the copies
 * listed in docs/emulator.md, "File and folder names"):
 *
 * - not allowed anywhere in a name: `" * : < > ? / \ |`, and leading or trailing spaces;
 * - not allowed as a name: `.lock`, `CON`, `PRN`, `AUX`, `NUL`, `COM0`–`COM9`, `LPT0`–`LPT9`, `desktop.ini`; a name
 *   starting with `~$`; `_vti_` anywhere; `forms` as a folder at the library root;
 * - the whole decoded path (folders and name, from the server root) under 400 characters.
 *
 * `~ & { }` were allowed in 2014, `# %` since 2018 with the ResourcePath (`…UsingPath`, DecodedUrl) APIs, which is
 * what the emulator serves (SpecialCharactersState "Allowed", the tenant default today). What the sources leave open
 * follows a rule below with its reason (docs/emulator.md lists them as UNCONFIRMED): control characters (PnPjs's own
 * SharePoint Online name validator refuses `\x00–\x1f` and `\x7f–\x9f`), a reserved name with an extension (`CON.txt`;
 * Windows, which synchronised libraries follow, refuses it), a trailing dot (Windows drops it, so the synchronised copy
 * would get another name). A leading dot (`.gitignore`) is accepted: the old "no leading period" rule was SharePoint
 * 2010's, and Microsoft's current list no longer has it.
 */

/** Forbidden characters (documented). */
const FORBIDDEN = /["*:<>?/\\|]/;
/** Control characters (PnPjs's validator for SharePoint Online). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Reserved device names, bare or with an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
/** Longest decoded path (documented: under 400). */
export const MAX_PATH_CHARS = 399;

/** SharePoint's refusal of a name. */
function refuse(name: string, why: string): never {
  throw new SpError(
    400,
    '-2130575245, Microsoft.SharePoint.SPException',
    `The file or folder name '${name}' contains characters that are not permitted. (${why})`,
  );
}

/**
 * Checks one name (a file or folder) and, when given, the full server-relative path it will have. `folderAtRoot`:
 * the name is a folder directly under a library's root.
 */
export function checkName(name: string, fullPath?: string, folderAtRoot = false): void {
  if (!name) refuse(name, 'empty');
  if (FORBIDDEN.test(name)) refuse(name, 'one of " * : < > ? / \\ |');
  if (CONTROL.test(name)) refuse(name.replace(CONTROL, '?'), 'a control character');
  if (name !== name.trim()) refuse(name, 'a leading or trailing space');
  if (name.toLowerCase() === '.lock') refuse(name, 'a reserved name');
  if (name.endsWith('.')) refuse(name, 'a trailing dot');
  if (RESERVED.test(name) || name.toLowerCase() === 'desktop.ini') refuse(name, 'a reserved name');
  if (name.startsWith('~$')) refuse(name, 'a name starting with ~$');
  if (/_vti_/i.test(name)) refuse(name, '_vti_');
  if (folderAtRoot && name.toLowerCase() === 'forms') refuse(name, "'forms' at the library root");
  if (fullPath !== undefined && fullPath.length > MAX_PATH_CHARS) {
    throw new SpError(
      400,
      '-2147024690, System.IO.PathTooLongException',
      `The specified file or folder name is too long. The URL path for all files and folders must be 400 characters or less (${fullPath.length}).`,
    );
  }
}
