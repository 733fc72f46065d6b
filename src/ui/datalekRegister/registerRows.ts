/** The Datalekregister's rows: the register's entries read back and validated, for the list and the detail. */
import { fromRegisterRow, type DatalekFieldError, type DatalekReport } from '../../domain/datalek';
import type { BreachEntry, Services, SiteUser } from '../../ports';

/** One register row read back: the valid report, or the field problems of a damaged item (shown, never hidden). */
export interface RegisterRow {
  entry: BreachEntry & { id: number };
  report?: DatalekReport;
  problems: DatalekFieldError[];
}

/** Loads the register (security-trimmed by SharePoint: privacy officers see all, reporters their own) and the user. */
export async function loadRegister(services: Services): Promise<{ rows: RegisterRow[]; user: SiteUser; next?: string }> {
  const [page, user] = await Promise.all([services.breaches.list(), services.site.currentUser()]);
  return { rows: toRows(page.items, services), user, ...(page.nextPageToken ? { next: page.nextPageToken } : {}) };
}

/** Register entries read back and validated against the configuration. */
export function toRows(items: BreachEntry[], services: Services): RegisterRow[] {
  const now = new Date();
  return items
    .filter((e): e is BreachEntry & { id: number } => typeof e.id === 'number')
    .map((entry) => {
      const v = fromRegisterRow(entry, now, services.config);
      return v.ok ? { entry, report: v.value, problems: [] } : { entry, problems: v.errors };
    });
}
