/** Small helpers shared by the register adapters: JSON columns, dates, etags. */

/** Parses a JSON note column, falling back to `fallback` for empty or corrupt text (never throws on read). */
export function parseJson<T>(text: unknown, fallback: T): T {
  if (typeof text !== 'string' || text.trim() === '') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** A date column as YYYY-MM-DD, or undefined. */
export function dateOnly(v: unknown): string | undefined {
  return typeof v === 'string' && v.length >= 10 ? v.slice(0, 10) : undefined;
}

/** A YYYY-MM-DD (or full ISO) value as the ISO string SharePoint stores, or null. */
export function toIso(v: string | undefined): string | null {
  if (!v) return null;
  return v.length === 10 ? `${v}T00:00:00Z` : v;
}

/**
 * The etag of a row as SharePoint sent it: `odata.etag` (minimal metadata) or `__metadata.etag` (verbose). A row
 * without one cannot be written back safely, so that is an error here, never a `*` that would overwrite blindly.
 */
export function etagOf(row: Record<string, unknown>, what = `Item ${String(row.Id ?? row.ID ?? '?')}`): string {
  const meta = row.__metadata as { etag?: unknown } | undefined;
  const etag = row['odata.etag'] ?? meta?.etag;
  if (typeof etag !== 'string' || etag.trim() === '' || etag.trim() === '*') {
    throw new Error(
      `${what}: SharePoint gaf geen versie (etag) mee bij het lezen; zonder etag kan het niet veilig worden ` +
        'bijgewerkt. Lees met minimal of verbose metadata (niet nometadata).',
    );
  }
  return etag;
}

/**
 * The Editor of a version row (SP.ListItemVersion: a FieldUserValue `{LookupId, LookupValue, Email}`), or nothing
 * when SharePoint names nobody.
 */
export function versionEditor(row: Record<string, unknown>): { editor?: { id: number; displayName: string; email?: string } } {
  const e = row.Editor as { LookupId?: number; LookupValue?: string; Email?: string } | null | undefined;
  return e?.LookupId ? { editor: { id: e.LookupId, displayName: e.LookupValue ?? '', ...(e.Email ? { email: e.Email } : {}) } } : {};
}
