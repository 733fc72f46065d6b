import { Client } from '@microsoft/microsoft-graph-client';
import type { Context } from '@microsoft/microsoft-graph-client';
import { graphHandler } from '../../../workbench/emulator/graph';
import type { EmulatorContext, EmulatorUser } from '../../../workbench/emulator/types';

/**
 * A real Graph `Client` whose last middleware hands the request to the emulator's Graph handler in-process instead of
 * over HTTP: the client's serialisation, response parsing and GraphError mapping all run for real.
 */
export function inProcessClient(ctx: EmulatorContext, user: EmulatorUser | null): Client {
  return Client.initWithMiddleware({
    baseUrl: 'http://127.0.0.1:1/',
    defaultVersion: 'v1.0',
    middleware: {
      execute: async (context: Context): Promise<void> => {
        const url = new URL(typeof context.request === 'string' ? context.request : context.request.url);
        const headers: Record<string, string> = {};
        new Headers(context.options?.headers as HeadersInit | undefined).forEach((v, k) => (headers[k] = v));
        const body = context.options?.body;
        const res = await graphHandler(
          {
            method: context.options?.method ?? 'GET',
            path: url.pathname,
            rawQuery: url.search.slice(1),
            query: url.searchParams,
            headers,
            body: Buffer.from(typeof body === 'string' ? body : ''),
            origin: url.origin,
            user,
          },
          ctx,
        );
        const status = res?.status ?? 501;
        const payload = res === null ? { error: { code: 'NotImplemented', message: url.pathname } } : res.body;
        context.response = new Response(payload === undefined ? null : JSON.stringify(payload), {
          status,
          // Like Graph, an empty answer (sendMail's 202) has no content type; the client would otherwise parse JSON.
          headers: {
            ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
            ...(res?.headers ?? {}),
          },
        });
      },
    },
  });
}
