/** File-name and size rules SharePoint enforces, checked before any byte is sent: bad input is refused up front. */
import { fileNameProblems } from '../../domain/common/fileNames';
import { UploadRefusedError } from '../../ports/documents';

/**
 * Throws {@link UploadRefusedError} for an empty file, one over `maxBytes`, or a name SharePoint refuses (or the
 * product does: see `fileNameProblems`). `folderPaths`: the decoded server-relative folders the file passes through,
 * each checked against SharePoint's 400-character path.
 */
export function checkUpload(fileName: string, size: number, maxBytes: number, folderPaths: string[] = []): void {
  if (size === 0)
    throw new UploadRefusedError('empty', {
      nl: `'${fileName}' is leeg; een leeg bestand wordt niet gedeeld.`,
      en: `'${fileName}' is empty; an empty file is not shared.`,
    });
  if (size > maxBytes) {
    const mb = Math.round(maxBytes / 1024 / 1024);
    throw new UploadRefusedError('too-large', {
      nl: `'${fileName}' is groter dan het maximum van ${mb} MB (configuratie: space.maxUploadMB).`,
      en: `'${fileName}' is larger than the maximum of ${mb} MB (configuration: space.maxUploadMB).`,
    });
  }
  const problems = [undefined, ...folderPaths].flatMap((folder) => fileNameProblems(fileName, folder));
  if (problems.length > 0) throw new UploadRefusedError('bad-name', { nl: problems[0].nl, en: problems[0].en });
}
