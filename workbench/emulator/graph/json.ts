import { GraphValidationError } from './errors';

/** A JSON object as parsed from a request body. */
export type JsonObject = Record<string, unknown>;

/** Parses a Graph request body; Graph answers 400 BadRequest for an empty or malformed payload. */
export function parseJsonBody(body: Buffer): JsonObject {
  const text = body.toString('utf8').trim();
  if (!text) throw new GraphValidationError('Empty Payload. JSON content expected.', 'BadRequest');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new GraphValidationError(
      'Unable to read JSON request payload. ' +
        'Please ensure Content-Type header is set and payload is of valid JSON format.',
      'BadRequest',
    );
  }
  if (!isObject(parsed)) throw new GraphValidationError('The request payload must be a JSON object.', 'BadRequest');
  return parsed;
}

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
