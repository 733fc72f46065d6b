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

/** The etag of a row read in minimal metadata. */
export function etagOf(row: Record<string, unknown>): string {
  return String(row['odata.etag'] ?? '*');
}
