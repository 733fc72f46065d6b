/** The catch banner's query, in its own small module so the start-up batch can ask it without the upload code. */
import type { DocumentQuery } from '../ports/documents';

/** How many "Te classificeren" files the banner reads at once. */
export const UNCLASSIFIED_PAGE_SIZE = 100;

/** The first page of the "Te classificeren" view (indexed Toetsstatus filter), newest first. */
export const UNCLASSIFIED_QUERY: DocumentQuery = {
  view: 'te-classificeren',
  pageSize: UNCLASSIFIED_PAGE_SIZE,
  orderBy: { field: 'modified', ascending: false },
};
