/** The 72-hour clock of AVG art. 33(1): the controller notifies the AP within 72 hours after becoming aware. */

/** Hours the controller has to notify the AP (AVG art. 33(1)). */
export const AP_DEADLINE_HOURS = 72;

/** Where the clock stands. */
export interface Deadline72h {
  /** When the 72 hours are up (ISO date-time, UTC). */
  dueAt: string;
  /** Milliseconds left; negative once overdue. */
  remainingMs: number;
  overdue: boolean;
}

/** Computes the AP deadline from the discovery time; throws RangeError on an unparseable time (validate first). */
export function deadline72h(discoveredAt: string | Date, now: Date): Deadline72h {
  const start = typeof discoveredAt === 'string' ? new Date(discoveredAt) : discoveredAt;
  if (Number.isNaN(start.getTime())) throw new RangeError(`discoveredAt is not a date-time: ${String(discoveredAt)}`);
  // An instant plus 72 hours of elapsed time: DST changes do not stretch or shorten the legal period.
  const due = start.getTime() + AP_DEADLINE_HOURS * 3_600_000;
  const remainingMs = due - now.getTime();
  return { dueAt: new Date(due).toISOString(), remainingMs, overdue: remainingMs < 0 };
}

/** Renders remaining time as `41 u 12 min` / `41 h 12 min`, or how long overdue. */
export function formatRemaining(deadline: Deadline72h, lang: 'nl' | 'en'): string {
  const abs = Math.abs(deadline.remainingMs);
  const hours = Math.floor(abs / 3_600_000);
  const minutes = Math.floor((abs % 3_600_000) / 60_000);
  const span = lang === 'en' ? `${hours} h ${minutes} min` : `${hours} u ${minutes} min`;
  if (!deadline.overdue) return lang === 'en' ? `${span} left` : `nog ${span}`;
  return lang === 'en' ? `overdue by ${span}` : `${span} over de termijn`;
}
