/**
 * The validation stamp of a stored configuration: the product validates a configuration in full (zod shape and
 * cross-references, `./load`) before it stores one, and stores it with this stamp: the SHA-256 of the validated
 * configuration and of this validator's version. At load a stamp that matches both is enough, so the validator (zod
 * and the schema, about 20 KB gzip) is not loaded on every page; a file whose stamp is missing, stale (changed by
 * hand, another validator version) or unreadable is validated in full, and a broken one still stops the product with
 * every field named.
 *
 * A stamp is not a signature: whoever may write the file (the site's owners only, docs/security.md) can write a stamp
 * too, as they can write any valid configuration. It records that this build's validator passed exactly this content.
 * This module imports no validator.
 */
import { contentHash } from '../common/hash';
import type { AgreementConfig } from './schema';

/** The key of the stamp in the stored file, beside the configuration's own keys. */
export const STAMP_KEY = '_validated';

/**
 * The validator's version: the first 16 hex digits of the SHA-256 of its sources (schema.ts, load.ts, crossref/) and
 * zod's version. test/domain/agreement/stamp.test.ts fails until it is updated after any change of those, so a stamp
 * written by another validator is never trusted.
 */
export const VALIDATOR_VERSION = 'ad81b8d3809ed0de';

/** The stamp as stored: which validator passed the content, and the content's digest. */
export interface ValidationStamp {
  validator: string;
  sha256: string;
}

/** SHA-256 of the validator version and the configuration's compact JSON; undefined without Web Crypto. */
async function digest(json: string): Promise<string | undefined> {
  return contentHash(new TextEncoder().encode(`${VALIDATOR_VERSION}\n${json}`));
}

/** The parsed file without its stamp (a copy; the input is not changed). */
export function withoutStamp(json: unknown): unknown {
  if (typeof json !== 'object' || json === null || Array.isArray(json) || !(STAMP_KEY in json)) return json;
  const rest: Record<string, unknown> = { ...(json as Record<string, unknown>) };
  delete rest[STAMP_KEY];
  return rest;
}

/**
 * The file text to store for a configuration the validator passed (`loadAgreement(...).config`): two-space JSON with
 * its stamp, so re-runs compare equal. Without Web Crypto the text has no stamp, and every load validates in full.
 */
export async function stampedText(config: AgreementConfig): Promise<string> {
  const sha256 = await digest(JSON.stringify(config));
  const stored = sha256 ? { ...config, [STAMP_KEY]: { validator: VALIDATOR_VERSION, sha256 } satisfies ValidationStamp } : config;
  return `${JSON.stringify(stored, null, 2)}\n`;
}

/**
 * The configuration in `text` when its stamp proves this validator passed exactly this content; otherwise undefined
 * (no stamp, another validator, changed content, not JSON, no Web Crypto), and the caller validates in full. Never
 * throws.
 */
export async function readStamped(text: string): Promise<AgreementConfig | undefined> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const stamp = (json as Record<string, unknown>)[STAMP_KEY] as Partial<ValidationStamp> | undefined;
  if (typeof stamp !== 'object' || stamp === null || stamp.validator !== VALIDATOR_VERSION || typeof stamp.sha256 !== 'string') {
    return undefined;
  }
  const config = withoutStamp(json);
  const sha256 = await digest(JSON.stringify(config)).catch(() => undefined);
  return sha256 !== undefined && sha256 === stamp.sha256 ? (config as AgreementConfig) : undefined;
}
