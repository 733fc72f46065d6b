import type { EmulatorResponse } from '../types';

/** Graph's error body: `{"error":{"code","message","innerError"}}`, as every Graph workload answers. */
export function graphError(status: number, code: string, message: string, now: Date = new Date()): EmulatorResponse {
  return {
    status,
    headers: { 'content-type': 'application/json' },
    body: { error: { code, message, innerError: { date: now.toISOString().slice(0, 19), 'request-id': requestId() } } },
  };
}

/** Thrown by validators; the router turns it into a Graph-shaped 4xx. */
export class GraphValidationError extends Error {
  /** Builds a validation failure with Graph's status and error code. */
  constructor(
    message: string,
    readonly code: string = 'ErrorInvalidRequest',
    readonly status: number = 400,
  ) {
    super(message);
    this.name = 'GraphValidationError';
  }
}

/** Throws a 400 naming the offending field (Graph names the property in its message). */
export function invalid(field: string, problem: string, code = 'ErrorInvalidRequest'): never {
  throw new GraphValidationError(`Property '${field}': ${problem}`, code);
}

let counter = 0;
function requestId(): string {
  counter = (counter + 1) % 0xffffff;
  return `emu-${Date.now().toString(16)}-${counter.toString(16)}`;
}
