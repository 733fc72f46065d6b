/** Cross-cutting PnPjs behaviours (composed with `.using()`, never if-branches in adapters). */
import { delay, type TimelinePipe } from '@pnp/core';
import type { IQueryableInternal, Queryable } from '@pnp/queryable';

/** Options of {@link Resilience}. */
export interface ResilienceOptions {
  /** Attempts after the first; default 5. */
  retries?: number;
  /** First back-off in ms when the server gives no Retry-After; doubles each time. Default 250. */
  intervalMs?: number;
  /** Upper bound of one wait in ms; default 30 000. */
  maxWaitMs?: number;
  /**
   * The caller's writes leave the same state when sent twice (e.g. one field set to one value), so a dropped
   * connection or 504 is retried for them too. Default false: a write may have landed before the connection dropped.
   */
  idempotentWrites?: boolean;
}

/** Methods safe to repeat after a lost connection: the server may have done a write we cannot see. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Retries throttled (429) and unavailable (503) answers for every method, honouring Retry-After as SharePoint asks,
 * and 504 or a dropped connection only for reads (or writes the caller declares idempotent), because a write may have
 * landed before the connection dropped.
 * Replaces the send step of the SPFx/SPBrowser presets (which retry only three times).
 */
export function Resilience(options: ResilienceOptions = {}): TimelinePipe<Queryable> {
  const retries = options.retries ?? 5;
  const interval = options.intervalMs ?? 250;
  const maxWait = options.maxWaitMs ?? 30000;
  return (instance: Queryable) => {
    instance.on.send.clear();
    instance.on.send(async function (this: IQueryableInternal, url: URL, init: RequestInit): Promise<Response> {
      const method = (init.method ?? 'GET').toUpperCase();
      const repeatable = options.idempotentWrites === true || IDEMPOTENT.has(method);
      let wait = interval;
      for (let attempt = 0; ; attempt++) {
        let response: Response | undefined;
        try {
          response = await fetch(url.toString(), init);
        } catch (e) {
          if ((e as Error).name === 'AbortError' || !repeatable || attempt >= retries) throw e;
        }
        if (response) {
          const retryable =
            response.status === 429 || response.status === 503 || (response.status === 504 && repeatable);
          if (!retryable || attempt >= retries) return response;
          const after = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
          if (Number.isFinite(after)) wait = after * 1000;
          this.log(
            `Resilience: ${response.status} on ${method} ${url.toString()}, retry ${attempt + 1} in ${wait} ms`,
            1,
          );
        }
        await delay(Math.min(wait, maxWait));
        wait *= 2;
      }
    });
    return instance;
  };
}
