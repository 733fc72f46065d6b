/**
 * Uploads a file through the product's own steps (src/upload/place.ts) over PnpDocumentStore, as the person `sp`
 * signs in as: what the upload dialog does after the Toetslog record, for tests that need documents in the library.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/site-users/web';
import { PnpDocumentStore, type DocumentStoreOptions } from '../../src/adapters/sharepoint/PnpDocumentStore';
import type { AgreementConfig } from '../../src/domain/agreement/schema';
import { contentHash } from '../../src/domain/common/hash';
import type { DocumentMetadata } from '../../src/ports/documents';
import { placeUpload, type PlaceOutcome, type StepProgress } from '../../src/upload/place';

/** One file to upload. */
export interface TestUpload {
  fileName: string;
  content: Uint8Array;
  metadata: DocumentMetadata;
  onProgress?: (bytesSent: number, retries: number) => void;
}

/** The current user's site id. */
export async function siteUserId(sp: SPFI): Promise<number> {
  const me: { Id: number } = await sp.web.currentUser.select('Id')();
  return me.Id;
}

/** Places one file as the user of `sp`; `previous` carries on from an earlier outcome. */
export async function uploadAs(
  sp: SPFI,
  config: AgreementConfig,
  file: TestUpload,
  options: { store?: DocumentStoreOptions; previous?: StepProgress } = {},
): Promise<PlaceOutcome> {
  const documents = new PnpDocumentStore(sp, config, options.store);
  return placeUpload(
    { config, documents, user: { id: await siteUserId(sp) } },
    {
      fileName: file.fileName,
      content: file.content,
      metadata: file.metadata,
      ...(file.onProgress ? { onProgress: file.onProgress } : {}),
      contentHash: await contentHash(file.content),
    },
    options.previous,
  );
}
