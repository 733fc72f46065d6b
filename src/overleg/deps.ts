/** What the overleg flows need from the host: the ports of `Services` they use, nothing host-specific. */
import type { Services } from '../ports';

/** The ports the overleg orchestrator uses (a subset of {@link Services}, so tests can pass fakes). */
export type OverlegDeps = Pick<
  Services,
  'config' | 'meetings' | 'reminders' | 'channel' | 'calendar' | 'directory' | 'host'
>;

/** Bad input to an overleg flow: names the field and, where it applies, the article; Dutch and English. */
export class OverlegInputError extends Error {
  /** Builds the error; `message` is the English text. */
  constructor(
    readonly field: string,
    readonly nl: string,
    readonly en: string,
  ) {
    super(`${field}: ${en}`);
    this.name = 'OverlegInputError';
  }
}

/** The agreement's time zone: meeting times are Amsterdam wall-clock times. */
export const OVERLEG_TIME_ZONE = 'Europe/Amsterdam';
