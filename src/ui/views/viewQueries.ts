/** The Documenten tab's queries: the seven provisioned library views plus the person's filters, sort and page. */
import type { AgreementConfig } from '../../domain/agreement/schema';
import type { DocumentQuery, LibraryView } from '../../ports/documents';

/** Rows per page; the same row limit as the provisioned SharePoint views, so both page alike. */
export const VIEW_PAGE_SIZE = 30;

/** The views the tab shows, in order. */
export const DOCUMENT_VIEWS = [
  'werkafspraken',
  'dva',
  'te-classificeren',
  'in-review',
  'vertrouwelijk',
  'bewaartermijn-verlopen',
  'mijn-gedeelde-stukken',
] as const satisfies readonly LibraryView[];

/** One of {@link DOCUMENT_VIEWS}. */
export type DocumentView = (typeof DOCUMENT_VIEWS)[number];

/** Sortable columns: only indexed ones, because a sort on a non-indexed column fails above 5,000 items. */
export type SortField = 'modified' | 'year' | 'retainUntil';

/** What the person chose on the tab. */
export interface ViewState {
  view: DocumentView;
  party?: string;
  year?: number;
  classification?: string;
  /** Absent: the view's own order (as the SharePoint view sorts). */
  sort?: { field: SortField; ascending: boolean };
  /** Tokens of the pages before the current one; the last is the current page's token. */
  pageTokens: string[];
}

/**
 * The views a configuration can show: "Werkafspraken" and "DVA's" exist only when a document type is placed in them
 * (documentTypes[].view, art. 11 / 12), exactly as provisioning creates those SharePoint views.
 */
export function availableViews(config: AgreementConfig): DocumentView[] {
  const placed = new Set(config.documentTypes.map((t) => t.view));
  return DOCUMENT_VIEWS.filter((v) => (v === 'werkafspraken' || v === 'dva' ? placed.has(v) : true));
}

/** The port query for a state. The adapter puts the view's indexed filter first; these filters narrow it further. */
export function queryFor(state: ViewState): DocumentQuery {
  const token = state.pageTokens[state.pageTokens.length - 1];
  return {
    view: state.view,
    pageSize: VIEW_PAGE_SIZE,
    ...(state.party ? { party: state.party } : {}),
    ...(state.year !== undefined ? { year: state.year } : {}),
    ...(state.classification ? { classification: state.classification } : {}),
    ...(state.sort ? { orderBy: { field: state.sort.field, ascending: state.sort.ascending } } : {}),
    ...(token ? { pageToken: token } : {}),
  };
}

/** The first pages of every view, asked together in one $batch on the tab's first render. */
export function firstPageQueries(config: AgreementConfig): DocumentQuery[] {
  return availableViews(config).map((view) => queryFor({ view, pageTokens: [] }));
}

/** A stable cache key of a query. */
export function queryKey(q: DocumentQuery): string {
  return JSON.stringify([
    q.view,
    q.party,
    q.year,
    q.classification,
    q.orderBy?.field,
    q.orderBy?.ascending,
    q.pageToken,
  ]);
}
