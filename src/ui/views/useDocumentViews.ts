import * as React from 'react';
import type { DocumentQuery, ExchangeDocument, Page } from '../../ports/documents';
import { useServices } from '../services';
import { firstPageQueries, queryFor, queryKey, type ViewState } from './viewQueries';

/** What the tab shows for the current state. */
export type ViewPage =
  | { status: 'loading' }
  | { status: 'ok'; page: Page<ExchangeDocument> }
  | { status: 'error'; error: unknown };

/**
 * Loads the page for `state`. On the first render the first pages of all seven views come in one $batch (the
 * dashboard's request budget), so switching between unfiltered views costs no request; filters, sorting and paging
 * ask SharePoint for just that page. Answers that arrive after a newer state was chosen are dropped.
 */
export function useDocumentViews(state: ViewState): { result: ViewPage; reload: () => void } {
  const services = useServices();
  const cache = React.useRef(new Map<string, Promise<Page<ExchangeDocument>>>());
  // The answer is kept with the query it answers, so a render for a newer query never shows the older rows.
  const [answer, setAnswer] = React.useState<{ key: string; result: ViewPage }>({
    key: '',
    result: { status: 'loading' },
  });
  const [generation, setGeneration] = React.useState(0);

  const fetchPage = React.useCallback(
    (q: DocumentQuery): Promise<Page<ExchangeDocument>> => {
      const key = queryKey(q);
      const remember = (k: string, page: Promise<Page<ExchangeDocument>>): void => {
        cache.current.set(k, page);
        // A failed answer is not kept, so "Opnieuw proberen" asks again.
        page.catch(() => cache.current.delete(k));
      };
      if (cache.current.size === 0) {
        const firsts = firstPageQueries(services.config);
        const batch = services.documents.listMany(firsts);
        firsts.forEach((f, i) =>
          remember(
            queryKey(f),
            batch.then((pages) => pages[i]),
          ),
        );
      }
      let p = cache.current.get(key);
      if (!p) {
        p = services.documents.list(q);
        remember(key, p);
      }
      return p;
    },
    [services],
  );

  const key = queryKey(queryFor(state));
  React.useEffect(() => {
    let current = true;
    fetchPage(queryFor(state)).then(
      (page) => current && setAnswer({ key, result: { status: 'ok', page } }),
      (error: unknown) => current && setAnswer({ key, result: { status: 'error', error } }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, fetchPage, generation]);

  const reload = React.useCallback(() => {
    cache.current.clear();
    setAnswer({ key: '', result: { status: 'loading' } });
    setGeneration((g) => g + 1);
  }, []);
  return { result: answer.key === key ? answer.result : { status: 'loading' }, reload };
}
