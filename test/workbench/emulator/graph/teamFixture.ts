import type { TeamDefinition } from '../../../../workbench/emulator/server';

/** The Microsoft 365 group (team) id the emulator tests connect the site to. */
export const GROUP_ID = '6f3e2a1c-9b7d-4e58-a2c4-1d0b8e7f5a93';
export const GENERAL = '19:general-test@thread.tacv2';
export const PROJECT = '19:project-test@thread.tacv2';
export const PRIVACY = '19:privacy-test@thread.tacv2';
export const SHARED = '19:shared-test@thread.tacv2';

/**
 * A group with a Team: `igj-accounthouder` owns it (and is nothing else anywhere in the site), four people are
 * members; `cibg-directeur` and `buitenstaander` are outside the team. Two standard channels (General, Project X), a
 * private channel of the privacy officers and a shared channel with one member.
 */
export function teamFixture(overrides: Partial<TeamDefinition> = {}): TeamDefinition {
  return {
    id: GROUP_ID,
    displayName: 'Samenwerkingsruimte',
    mail: 'samenwerkingsruimte@tenant.example',
    owners: ['igj-accounthouder'],
    members: ['igj-medewerker', 'cibg-medewerker', 'igj-privacy', 'cibg-privacy'],
    channels: [
      { id: GENERAL, displayName: 'General', membershipType: 'standard' },
      { id: PROJECT, displayName: 'Project X', membershipType: 'standard' },
      {
        id: PRIVACY,
        displayName: 'Privacy officers',
        membershipType: 'private',
        members: ['cibg-privacy'],
        owners: ['igj-privacy'],
      },
      { id: SHARED, displayName: 'Gedeeld overleg', membershipType: 'shared', members: ['igj-medewerker'] },
    ],
    ...overrides,
  };
}

/** `POST /_emulator/team` with a definition (or anything else, for the refusals). */
export async function defineTeam(origin: string, def: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${origin}/_emulator/team`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof def === 'string' ? def : JSON.stringify(def),
  });
  return { status: res.status, body: await res.json() };
}

/** A Graph call as a demo identity (the header the emulator reads in Node). */
export async function graph(
  origin: string,
  user: string | null,
  method: string,
  path: string,
  opts: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(opts.headers ?? {}) };
  if (user) headers['x-emulator-user'] = user;
  const res = await fetch(`${origin}/v1.0/${path}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** URL path segment of a channel id (`19:…@thread.tacv2`, percent-encoded as clients send it). */
export const ch = (id: string): string => encodeURIComponent(id);
