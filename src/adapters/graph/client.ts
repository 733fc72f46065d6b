/**
 * The part of `@microsoft/microsoft-graph-client`'s `GraphRequest` the adapters use. SPFx's MSGraphClientV3 and
 * `Client.init(...)` in the workbench and tests both satisfy it, so the same adapters run in every host.
 */
export interface GraphRequestLike {
  /** Adds a request header. */
  header(name: string, value: string): GraphRequestLike;
  /** Sets a fetch option (used for the abort signal). */
  option(key: string, value: unknown): GraphRequestLike;
  /** Sends GET; resolves with the parsed JSON body. */
  get(): Promise<unknown>;
  /** Sends POST with a JSON body; resolves with the parsed JSON body (undefined/empty for 202/204). */
  post(body: unknown): Promise<unknown>;
}

/** The part of the Graph `Client` the adapters use: `client.api(path)`. */
export interface GraphClientLike {
  /** Starts a request for a path relative to the Graph version root, e.g. `/me`. */
  api(path: string): GraphRequestLike;
}

/** Per-adapter call settings. */
export interface GraphCallOptions {
  /** Give up (and abort the fetch) after this many milliseconds, retries included. Default 30 000. */
  timeoutMs?: number;
  /** Extra attempts after 429/503/504 (and after a network failure of a GET). Default 2. */
  retries?: number;
  /** First back-off when the answer carries no Retry-After; doubles per attempt. Default 1 000. */
  retryDelayMs?: number;
  /** Extra request headers (e.g. `Prefer: include-unknown-enum-members`). */
  headers?: Record<string, string>;
}

/** Default time budget of one Graph call, including all retries. */
export const DEFAULT_GRAPH_TIMEOUT_MS = 30_000;
/** Default number of extra attempts for a throttled or unavailable answer. */
export const DEFAULT_GRAPH_RETRIES = 2;

/** Statuses where Graph refused the request before doing anything, so sending it again is safe (504: GET only). */
const RETRY_STATUSES = [429, 503, 504];

/** A Graph call failed: carries the HTTP status (0 for timeout or network failure) and Graph's error code. */
export class GraphRequestError extends Error {
  /** Builds the error; the message names the call, the status, Graph's code and Graph's message. */
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly code: string,
    detail: string,
  ) {
    super(`Graph ${method} ${path} failed (${status || 'no response'} ${code}): ${detail}`);
    this.name = 'GraphRequestError';
  }
}

/**
 * Runs one Graph call with a time budget and retries. `Client.init` already retries 429/503/504 in its RetryHandler,
 * but SPFx's MSGraphClientV3 is not documented to, so the adapters retry those statuses themselves (honouring
 * Retry-After). A POST that failed without an answer is NOT retried: it may have arrived, and a second breach mail
 * or card must not be sent blindly; the caller's outbox decides.
 */
export async function callGraph(
  client: GraphClientLike,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  options: GraphCallOptions = {},
): Promise<unknown> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_GRAPH_TIMEOUT_MS;
  const retries = options.retries ?? DEFAULT_GRAPH_RETRIES;
  const baseDelay = options.retryDelayMs ?? 1000;
  const deadline = Date.now() + timeoutMs;
  const controller = typeof AbortController === 'undefined' ? undefined : new AbortController();
  const timers: ReturnType<typeof setTimeout>[] = [];
  const timeout = new Promise<never>((_resolve, reject) => {
    timers.push(
      setTimeout(() => {
        controller?.abort();
        reject(new GraphRequestError(method, path, 0, 'Timeout', `no answer within ${timeoutMs} ms`));
      }, timeoutMs),
    );
  });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        let request = client.api(path);
        for (const [name, value] of Object.entries(options.headers ?? {})) request = request.header(name, value);
        if (controller) request = request.option('signal', controller.signal);
        const call = method === 'GET' ? request.get() : request.post(body);
        return await Promise.race([call, timeout]);
      } catch (e) {
        const error = toGraphRequestError(e, method, path);
        if (attempt >= retries || !isRetryable(error)) throw error;
        const wait = retryAfterMs(e) ?? baseDelay * 2 ** attempt;
        if (Date.now() + wait >= deadline) throw error;
        await Promise.race([new Promise((resolve) => timers.push(setTimeout(resolve, wait))), timeout]);
      }
    }
  } finally {
    timers.forEach(clearTimeout);
  }
}

function isRetryable(error: GraphRequestError): boolean {
  // A gateway timeout on a write may come after the service carried it out: a POST is not sent again blindly.
  if (error.status === 504 && error.method === 'POST') return false;
  if (RETRY_STATUSES.includes(error.status)) return true;
  return error.status === 0 && error.code !== 'Timeout' && error.method === 'GET';
}

/** Retry-After in seconds, from the headers the Graph client puts on its GraphError. */
function retryAfterMs(e: unknown): number | undefined {
  const headers = (e as { headers?: { get?: (name: string) => string | null } } | null)?.headers;
  const value = typeof headers?.get === 'function' ? headers.get('retry-after') : null;
  const seconds = value === null ? NaN : Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** Normalises what the Graph client throws (GraphError with statusCode/code) into a {@link GraphRequestError}. */
function toGraphRequestError(e: unknown, method: string, path: string): GraphRequestError {
  if (e instanceof GraphRequestError) return e;
  const err = (e ?? {}) as { statusCode?: unknown; code?: unknown; message?: unknown };
  const status = typeof err.statusCode === 'number' && err.statusCode > 0 ? err.statusCode : 0;
  const code = typeof err.code === 'string' && err.code ? err.code : status ? 'HttpError' : 'NetworkError';
  const message = typeof err.message === 'string' && err.message ? err.message : String(e);
  return new GraphRequestError(method, path, status, code, message);
}
