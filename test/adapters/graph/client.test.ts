/**
 * @jest-environment ./node_modules/jest/node_modules/jest-environment-node
 */
import { callGraph, GraphRequestError, type GraphClientLike, type GraphRequestLike } from '../../../src/adapters/graph';

/** A client whose requests never answer, recording the abort signal it was given. */
function hangingClient(): { client: GraphClientLike; signals: AbortSignal[] } {
  const signals: AbortSignal[] = [];
  const request: GraphRequestLike = {
    header: () => request,
    option: (key, value) => (key === 'signal' && signals.push(value as AbortSignal), request),
    get: () => new Promise(() => undefined),
    post: () => new Promise(() => undefined),
  };
  return { client: { api: () => request }, signals };
}

describe('callGraph', () => {
  it('gives up after the time budget, aborting the fetch, with a GraphRequestError naming the call', async () => {
    const { client, signals } = hangingClient();
    const err = await callGraph(client, 'POST', '/me/sendMail', {}, { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphRequestError);
    expect(err).toMatchObject({ status: 0, code: 'Timeout', message: expect.stringContaining('POST /me/sendMail') });
    expect(signals[0].aborted).toBe(true);
  });

  it('maps a Graph client error (statusCode, code) and a network failure', async () => {
    const failing = (e: unknown): GraphClientLike => {
      const request: GraphRequestLike = {
        header: () => request,
        option: () => request,
        get: () => Promise.reject(e),
        post: () => Promise.reject(e),
      };
      return { api: () => request };
    };
    await expect(
      callGraph(failing({ statusCode: 429, code: 'TooManyRequests', message: 'slow down' }), 'GET', '/me'),
    ).rejects.toMatchObject({
      status: 429,
      code: 'TooManyRequests',
      message: 'Graph GET /me failed (429 TooManyRequests): slow down',
    });
    await expect(
      callGraph(failing(Object.assign(new TypeError('fetch failed'), { statusCode: -1 })), 'GET', '/me'),
    ).rejects.toMatchObject({
      status: 0,
      code: 'NetworkError',
    });
  });
});
