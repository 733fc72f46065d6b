/**
 * OData equivalents of the library's provisioned views (same indexed column first, same order), so the dashboard and
 * SharePoint show the same data and both pass the 5,000-item list view threshold.
 */
import type { AgreementConfig } from '../../domain/agreement/schema';
import type { DocumentQuery, LibraryView } from '../../ports/documents';
import { DOC } from '../../provisioning/names';

/** Quotes an OData string literal. */
export function lit(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `field eq a or field eq b` in parentheses. */
function anyOf(field: string, values: string[]): string {
  if (values.length === 0)
    throw new Error(`Geen documenttype in de configuratie hoort bij deze weergave (documentTypes[].view, art. 11/12).`);
  return `(${values.map((v) => `${field} eq ${lit(v)}`).join(' or ')})`;
}

/** Context a view needs: today (YYYY-MM-DD) and the current site user id. */
export interface QueryContext {
  today: string;
  userId: number;
}

/** The view's own filter (on an indexed column) and default order. */
export function viewFilter(
  view: LibraryView,
  config: AgreementConfig,
  ctx: QueryContext,
): { filter?: string; orderBy: [string, boolean] } {
  const types = (v: string): string[] => config.documentTypes.filter((t) => t.view === v).map((t) => t.key);
  switch (view) {
    case 'werkafspraken':
      return { filter: anyOf(DOC.documentType, types('werkafspraken')), orderBy: ['Modified', false] };
    case 'dva':
      return { filter: anyOf(DOC.documentType, types('dva')), orderBy: [DOC.year, false] };
    case 'te-classificeren':
      return { filter: anyOf(DOC.toetsstatus, ['Te classificeren', 'Onvolledig']), orderBy: ['Modified', false] };
    case 'in-review':
      return { filter: `${DOC.toetsstatus} eq 'In review'`, orderBy: ['Modified', true] };
    case 'vertrouwelijk':
      return { filter: `${DOC.confidential} eq 1`, orderBy: ['Modified', false] };
    case 'bewaartermijn-verlopen':
      return { filter: `${DOC.retainUntil} lt datetime'${ctx.today}T00:00:00Z'`, orderBy: [DOC.retainUntil, true] };
    case 'mijn-gedeelde-stukken':
      return { filter: `AuthorId eq ${ctx.userId}`, orderBy: ['Modified', false] };
    case 'alle':
      return { orderBy: ['Modified', false] };
  }
}

/** Order field names per the port's sort keys. */
const ORDER_FIELD = {
  modified: 'Modified',
  name: 'FileLeafRef',
  year: DOC.year,
  retainUntil: DOC.retainUntil,
} as const;

/** The complete $filter and $orderby for a dashboard query: the view's indexed filter first, then the extra filters. */
export function buildQuery(
  query: DocumentQuery,
  config: AgreementConfig,
  ctx: QueryContext,
): { filter?: string; orderBy: [string, boolean] } {
  const base = viewFilter(query.view, config, ctx);
  const parts = base.filter ? [base.filter] : [];
  if (query.party) parts.push(`${DOC.party} eq ${lit(query.party)}`);
  if (query.year !== undefined) parts.push(`${DOC.year} eq ${Math.trunc(query.year)}`);
  if (query.classification) parts.push(`${DOC.classification} eq ${lit(query.classification)}`);
  if (query.documentType) parts.push(`${DOC.documentType} eq ${lit(query.documentType)}`);
  const orderBy: [string, boolean] = query.orderBy
    ? [ORDER_FIELD[query.orderBy.field], query.orderBy.ascending]
    : base.orderBy;
  return { filter: parts.length > 0 ? parts.join(' and ') : undefined, orderBy };
}
