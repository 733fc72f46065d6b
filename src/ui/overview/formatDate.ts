/** Shows a YYYY-MM-DD or ISO timestamp as a Dutch calendar date (4-6-2025); other text is shown as it is. */
export function formatDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m ? `${Number(m[3])}-${Number(m[2])}-${m[1]}` : value;
}
