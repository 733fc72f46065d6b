/** Real SharePoint views of one list: query, row limit, paging, default flag and columns. */
import '@pnp/sp/views';
import type { IList } from '@pnp/sp/lists';
import type { StepRecorder } from '../report';
import type { ListSpec, ViewSpec } from '../types';

/** A view as read back. */
interface ViewRow {
  Id: string;
  Title: string;
  ViewQuery: string | null;
  RowLimit: number;
  Paged: boolean;
  DefaultView: boolean;
  Scope: number;
}

/** Ensures one view's columns are exactly the spec's, in order. */
async function ensureViewFields(list: IList, row: ViewRow, spec: ViewSpec): Promise<boolean> {
  const view = list.views.getById(row.Id);
  const current: { Items?: string[] } = await view.fields();
  if (JSON.stringify(current.Items ?? []) === JSON.stringify(spec.fields)) return false;
  await view.fields.removeAll();
  for (const field of spec.fields) await view.fields.add(field);
  return true;
}

/** Ensures every view of a list. */
export async function ensureViews(list: IList, spec: ListSpec, rec: StepRecorder): Promise<void> {
  let rows: ViewRow[] = await list.views.select(
    'Id',
    'Title',
    'ViewQuery',
    'RowLimit',
    'Paged',
    'DefaultView',
    'Scope',
  )();
  for (const view of spec.views) {
    const target = `${spec.title}/${view.title}`;
    // Scope 1 (Recursive): files in every folder, folders themselves hidden.
    const scope = view.recursive ? 1 : 0;
    const wanted = {
      ViewQuery: view.query,
      RowLimit: view.rowLimit,
      Paged: true,
      Scope: scope,
      ...(view.isDefault ? { DefaultView: true } : {}),
    };
    let row = rows.find((r) => r.Title === view.title);
    let outcome: 'created' | 'updated' | 'unchanged' = 'unchanged';
    const changed: string[] = [];
    if (!row) {
      const created = await list.views.add(view.title, false, wanted);
      row = {
        Id: created.Id,
        Title: view.title,
        ViewQuery: view.query,
        RowLimit: view.rowLimit,
        Paged: true,
        DefaultView: Boolean(view.isDefault),
        Scope: scope,
      };
      rows = [...rows, row];
      outcome = 'created';
    } else {
      if ((row.ViewQuery ?? '') !== view.query) changed.push('ViewQuery');
      if (row.RowLimit !== view.rowLimit) changed.push('RowLimit');
      if (!row.Paged) changed.push('Paged');
      if (view.isDefault && !row.DefaultView) changed.push('DefaultView');
      if ((row.Scope ?? 0) !== scope) changed.push('Scope');
      if (changed.length > 0) {
        await list.views.getById(row.Id).update(wanted);
        outcome = 'updated';
      }
    }
    if ((await ensureViewFields(list, row, view)) && outcome === 'unchanged') {
      outcome = 'updated';
      changed.push('ViewFields');
    }
    rec.record('view', target, outcome, changed.length > 0 ? changed.join(',') : undefined);
  }
}
