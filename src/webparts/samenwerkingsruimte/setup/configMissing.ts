/**
 * True when createServices failed because the site has no agreement configuration at all: PnpConfigStore throws
 * ConfigLoadError without field errors only for a missing file (404); an invalid file always names its fields.
 * Checked by name, so this module does not have to be loaded to ask.
 */
export function isConfigMissing(error: unknown): boolean {
  const e = error as { name?: unknown; errors?: unknown } | undefined;
  return e?.name === 'ConfigLoadError' && Array.isArray(e.errors) && e.errors.length === 0;
}
