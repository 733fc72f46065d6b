/** File-name and size rules SharePoint enforces, checked before any byte is sent (issue 4 "bad input"). */
import { UploadRefusedError } from '../../ports/documents';

/** Characters SharePoint Online forbids in file names. */
const FORBIDDEN = /["*:<>?/\\|]/;
/** Names SharePoint reserves (Windows device names and a few of its own). */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|desktop\.ini|\.lock|_vti_)$/i;

/** Throws {@link UploadRefusedError} for an empty file, one over `maxBytes`, or a name SharePoint forbids. */
export function checkUpload(fileName: string, size: number, maxBytes: number): void {
  if (size === 0) throw new UploadRefusedError('empty', `'${fileName}' is leeg; een leeg bestand wordt niet gedeeld.`);
  if (size > maxBytes) {
    const mb = Math.round(maxBytes / 1024 / 1024);
    throw new UploadRefusedError(
      'too-large',
      `'${fileName}' is groter dan het maximum van ${mb} MB (configuratie: space.maxUploadMB).`,
    );
  }
  if (fileName.trim() !== fileName || fileName.length === 0) {
    throw new UploadRefusedError(
      'bad-name',
      `De naam '${fileName}' begint of eindigt met een spatie; SharePoint staat dat niet toe.`,
    );
  }
  if (FORBIDDEN.test(fileName)) {
    throw new UploadRefusedError(
      'bad-name',
      `De naam '${fileName}' bevat een teken dat SharePoint niet toestaat: " * : < > ? / \\ |`,
    );
  }
  const stem = fileName.replace(/\.[^.]*$/, '');
  if (RESERVED.test(fileName) || RESERVED.test(stem) || fileName.startsWith('~$') || fileName.includes('_vti_')) {
    throw new UploadRefusedError(
      'bad-name',
      `De naam '${fileName}' is in SharePoint gereserveerd; kies een andere naam.`,
    );
  }
  if (fileName.length > 250)
    throw new UploadRefusedError('bad-name', `De naam '${fileName.slice(0, 40)}…' is langer dan 250 tekens.`);
}
