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
}

/** Default time budget of one Graph call, including the client's own 429/503/504 retries. */
export const DEFAULT_GRAPH_TIMEOUT_MS = 30_000;

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
 * Runs one Graph call with a time budget. Throttling (429) and 503/504 are retried by the Graph client's own
 * RetryHandler (honouring Retry-After); this adds the timeout, which the client lacks, and one error type.
 */
export async function callGraph(
  client: GraphClientLike,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  options: GraphCallOptions = {},
): Promise<unknown> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_GRAPH_TIMEOUT_MS;
  const controller = typeof AbortController === 'undefined' ? undefined : new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      controller?.abort();
      reject(new GraphRequestError(method, path, 0, 'Timeout', `no answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    let request = client.api(path);
    if (controller) request = request.option('signal', controller.signal);
    const call = method === 'GET' ? request.get() : request.post(body);
    return await Promise.race([call, timeout]);
  } catch (e) {
    throw toGraphRequestError(e, method, path);
  } finally {
    clearTimeout(timer);
  }
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
