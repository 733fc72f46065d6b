/**
 * A random UUID v4: the platform's `crypto.randomUUID` (browsers in a secure context, Node), else one from
 * `Math.random`. Used as a key that lets a write whose answer was lost be recognised as one's own when read back
 * (ToetsIds, breach drafts, reminder claims); not a secret.
 */
export function randomId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (ch) => {
    const r = Math.floor(Math.random() * 16);
    return (ch === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });
}
