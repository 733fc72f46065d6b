/** The Overzicht's query of the exchange library, in its own module so the start-up batch can ask it. */
import type { DocumentQuery } from '../../ports/documents';

/** How many documents the overview lists; the Documenten views page through the rest. */
export const OVERVIEW_PAGE_SIZE = 25;

/** The newest documents the signed-in person may read (SharePoint trims the rest, art. 10.1). */
export const OVERVIEW_QUERY: DocumentQuery = {
  view: 'alle',
  pageSize: OVERVIEW_PAGE_SIZE,
  orderBy: { field: 'modified', ascending: false },
};
