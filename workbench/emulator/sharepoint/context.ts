import type { Database } from 'better-sqlite3';
import type { EmulatorUser } from '../types';
import type { SharePointSwitches } from './switches';

/** Server-relative URL of the one web the emulator hosts. */
export const SITE_PATH = '/sites/samenwerkingsruimte';

/** Everything a SharePoint route needs for one request. */
export interface SpContext {
  db: Database;
  now(): Date;
  user: EmulatorUser;
  /** Site collection administrator: every permission check passes. */
  isAdmin: boolean;
  /** Principal ids the caller acts as: the user and every group it is a member of. */
  principals: number[];
  origin: string;
  /** Absolute web URL, `<origin>/sites/samenwerkingsruimte`. */
  webUrl: string;
  /** Caller asked for `odata=verbose` (Accept header). */
  verbose: boolean;
  /** List view threshold (5,000 on SharePoint Online). */
  threshold: number;
  /** Absolute request URL with query (for `odata.nextLink`). */
  requestUrl: string;
  /** Switches for UNCONFIRMED SharePoint behaviour (absent: the defaults, see switches.ts). */
  switches?: SharePointSwitches;
}

/** Current time as SharePoint serialises DateTime values (UTC, no milliseconds). */
export function isoNow(ctx: { now(): Date }): string {
  return spDate(ctx.now());
}

/** A date as SharePoint serialises it: `2026-01-31T09:15:00Z`. */
export function spDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const propsCache = new Map<string, Record<string, unknown>>();

/**
 * Parses a JSON column that holds an object. Small texts (field, list and view settings, read for every item of a page)
 * are cached; callers get their own shallow copy, so changing it never changes the cache.
 */
export function parseProps(text: string | null | undefined): Record<string, unknown> {
  if (!text) return {};
  if (text.length > 4096) return JSON.parse(text) as Record<string, unknown>;
  let hit = propsCache.get(text);
  if (!hit) {
    if (propsCache.size > 5000) propsCache.clear();
    hit = JSON.parse(text) as Record<string, unknown>;
    propsCache.set(text, hit);
  }
  return { ...hit };
}
