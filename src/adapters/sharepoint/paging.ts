/** One page of list items with an opaque token for the next page (SharePoint's own $skiptoken). */
import { parseBinderWithErrorCheck, parseODataJSON } from '@pnp/queryable';
import { SPCollection } from '@pnp/sp';
import '@pnp/sp/items';
import type { IItems } from '@pnp/sp/items';

/** Raw rows of one page and the next page's token. */
export interface RawPage<T> {
  rows: T[];
  nextPageToken?: string;
}

/** The OData parameters a page request carries. */
const PARAMS = ['$top', '$select', '$expand', '$filter', '$orderby'];

/** Fetches one page of `items` (with its filter/order/top) starting at `pageToken`. */
export async function fetchPage<T>(items: IItems, pageToken?: string): Promise<RawPage<T>> {
  const page = SPCollection(items).using(
    parseBinderWithErrorCheck(async (r: Response) => {
      const json = await r.json();
      const next: unknown = json?.d?.__next ?? json['odata.nextLink'];
      return { next: typeof next === 'string' && next.length > 0 ? next : undefined, value: parseODataJSON(json) };
    }),
  );
  for (const p of PARAMS) {
    const v = items.query.get(p);
    if (v !== undefined && v !== null) page.query.set(p, v);
  }
  if (pageToken) page.query.set('$skiptoken', pageToken);
  const result: { next?: string; value: T[] } = await page();
  let token: string | undefined;
  if (result.next) token = new URL(result.next).searchParams.get('$skiptoken') ?? undefined;
  return { rows: result.value, nextPageToken: token };
}
