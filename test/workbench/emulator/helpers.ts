import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { TimelinePipe } from '@pnp/core';
import { InjectHeaders, type Queryable } from '@pnp/queryable';
import { SPBrowser, spfi, type SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/fields';
import '@pnp/sp/batching';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import '@pnp/sp/site-users/web';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/security';
import '@pnp/sp/views';
import '@pnp/sp/user-custom-actions';
import '@pnp/sp/content-types';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../workbench/emulator/server';

/**
 * A form digest per identity: PnPjs caches one digest per web for the whole process (right in a browser, one user per
 * page); the emulator, like SharePoint, binds a digest to its user, so tests acting as several users fetch their own.
 */
function PerUserDigest(siteUrl: string, userKey: string): TimelinePipe<Queryable> {
  let cached: { value: string; until: number } | null = null;
  return (instance: Queryable) => {
    instance.on.pre.prepend(
      async (url: string, init: RequestInit, result: unknown): Promise<[string, RequestInit, unknown]> => {
        const headers = (init.headers ?? {}) as Record<string, string>;
        if (/get/i.test(init.method ?? 'GET') || headers['X-PnPjs-NoDigest'] || headers['X-RequestDigest'])
          return [url, init, result];
        if (!cached || cached.until < Date.now()) {
          const r = await fetch(`${siteUrl}/_api/contextinfo`, {
            method: 'POST',
            headers: { Accept: 'application/json', 'X-Emulator-User': userKey },
          });
          const info = (await r.json()) as { FormDigestValue: string; FormDigestTimeoutSeconds: number };
          cached = { value: info.FormDigestValue, until: Date.now() + (info.FormDigestTimeoutSeconds - 60) * 1000 };
        }
        init.headers = { ...headers, 'X-RequestDigest': cached.value };
        return [url, init, result];
      },
    );
    return instance;
  };
}

/** Real PnPjs v4 against the emulator, signed in as a demo identity (the X-Emulator-User header). */
export function spAs(siteUrl: string, userKey: string): SPFI {
  return spfi(siteUrl).using(
    SPBrowser({ baseUrl: siteUrl }),
    InjectHeaders({ 'X-Emulator-User': userKey }),
    PerUserDigest(siteUrl, userKey),
  );
}

/** Starts an emulator on an ephemeral loopback port. */
export function start(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, ...opts });
}

/** Raw fetch as a user (for wire-level assertions PnPjs hides). */
export async function raw(
  emu: RunningEmulator,
  userKey: string | null,
  method: string,
  path: string,
  init: { body?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; text: string; json: () => any }> {
  const headers: Record<string, string> = { Accept: 'application/json', ...(init.headers ?? {}) };
  if (userKey) headers['X-Emulator-User'] = userKey;
  if (method !== 'GET' && userKey && !headers['X-RequestDigest'] && !path.endsWith('/contextinfo')) {
    const ci = await fetch(`${emu.siteUrl}/_api/contextinfo`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'X-Emulator-User': userKey },
    });
    headers['X-RequestDigest'] = ((await ci.json()) as { FormDigestValue: string }).FormDigestValue;
  }
  const r = await fetch(path.startsWith('http') ? path : `${emu.url}${path}`, { method, headers, body: init.body });
  const text = await r.text();
  return { status: r.status, headers: r.headers, text, json: () => JSON.parse(text) };
}

/** A database file in a fresh temporary folder that is removed after the suite (call inside a describe). */
export function tempDatabase(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'emulator.sqlite');
}
