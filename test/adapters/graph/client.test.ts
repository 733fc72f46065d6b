import { callGraph, GraphRequestError, type GraphClientLike, type GraphRequestLike } from '../../../src/adapters/graph';

/** A client that answers each call with the next scripted outcome, counting attempts and recording abort signals. */
function scripted(outcomes: Array<'hang' | { fail: unknown } | { ok: unknown }>): {
  client: GraphClientLike;
  attempts: () => number;
  signals: AbortSignal[];
} {
  let n = 0;
  const signals: AbortSignal[] = [];
  const answer = (): Promise<unknown> => {
    const next = outcomes[Math.min(n++, outcomes.length - 1)];
    if (next === 'hang') return new Promise(() => undefined);
    return 'fail' in next ? Promise.reject(next.fail) : Promise.resolve(next.ok);
  };
  const request: GraphRequestLike = {
    header: () => request,
    option: (key, value) => (key === 'signal' && signals.push(value as AbortSignal), request),
    get: answer,
    post: answer,
  };
  return { client: { api: () => request }, attempts: () => n, signals };
}

const graphError = (statusCode: number, code: string, retryAfter?: string): unknown =>
  Object.assign(new Error(`${code} message`), {
    statusCode,
    code,
    headers: new Headers(retryAfter ? { 'Retry-After': retryAfter } : {}),
  });

describe('callGraph', () => {
  it('gives up after the time budget, aborting the fetch, with a GraphRequestError naming the call', async () => {
    const { client, signals } = scripted(['hang']);
    const err = await callGraph(client, 'POST', '/me/sendMail', {}, { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphRequestError);
    expect(err).toMatchObject({ status: 0, code: 'Timeout', message: expect.stringContaining('POST /me/sendMail') });
    expect(signals[0].aborted).toBe(true);
  });

  it('retries 429 and 503, honouring Retry-After, then succeeds', async () => {
    const s = scripted([
      { fail: graphError(429, 'TooManyRequests', '0') },
      { fail: graphError(503, 'ServiceNotAvailable') },
      { ok: { id: 'x' } },
    ]);
    await expect(callGraph(s.client, 'POST', '/me/events', {}, { retryDelayMs: 5 })).resolves.toEqual({ id: 'x' });
    expect(s.attempts()).toBe(3);
  });

  it('stops after the configured retries with the last error', async () => {
    const s = scripted([{ fail: graphError(429, 'TooManyRequests', '0') }]);
    await expect(callGraph(s.client, 'GET', '/me', undefined, { retries: 2 })).rejects.toMatchObject({
      status: 429,
      code: 'TooManyRequests',
      message: 'Graph GET /me failed (429 TooManyRequests): TooManyRequests message',
    });
    expect(s.attempts()).toBe(3);
  });

  it('does not wait past the time budget for a long Retry-After', async () => {
    const s = scripted([{ fail: graphError(429, 'TooManyRequests', '120') }, { ok: {} }]);
    await expect(callGraph(s.client, 'GET', '/me', undefined, { timeoutMs: 1000 })).rejects.toMatchObject({
      status: 429,
    });
    expect(s.attempts()).toBe(1);
  });

  it('never retries a refusal (400) nor a POST that got no answer; retries a GET that got no answer', async () => {
    const bad = scripted([{ fail: graphError(400, 'ErrorInvalidRequest') }]);
    await expect(callGraph(bad.client, 'POST', '/me/events', {})).rejects.toMatchObject({ status: 400 });
    expect(bad.attempts()).toBe(1);
    const reset = (): unknown => Object.assign(new TypeError('fetch failed'), { statusCode: -1 });
    const post = scripted([{ fail: reset() }, { ok: {} }]);
    await expect(callGraph(post.client, 'POST', '/me/sendMail', {})).rejects.toMatchObject({
      status: 0,
      code: 'NetworkError',
    });
    expect(post.attempts()).toBe(1);
    const get = scripted([{ fail: reset() }, { ok: { id: 'me' } }]);
    await expect(callGraph(get.client, 'GET', '/me', undefined, { retryDelayMs: 5 })).resolves.toEqual({ id: 'me' });
    expect(get.attempts()).toBe(2);
  });

  it('does not send a POST again after 504 (the write may have been carried out); retries a GET', async () => {
    const post = scripted([{ fail: graphError(504, 'GatewayTimeout') }, { ok: {} }]);
    await expect(callGraph(post.client, 'POST', '/me/sendMail', {}, { retryDelayMs: 1 })).rejects.toMatchObject({ status: 504 });
    expect(post.attempts()).toBe(1);
    const get = scripted([{ fail: graphError(504, 'GatewayTimeout') }, { ok: { value: [] } }]);
    await expect(callGraph(get.client, 'GET', '/me/mailFolders/sentitems/messages', undefined, { retryDelayMs: 1 })).resolves.toEqual({ value: [] });
    expect(get.attempts()).toBe(2);
  });
});
