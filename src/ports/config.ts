/** ConfigStore port: the agreement configuration stored in the site, validated at load. */
import type { AgreementConfig } from '../domain/agreement/schema';
import type { ConfigError } from '../domain/agreement/errors';

/** Loading failed: the file is missing, not JSON, or invalid; `errors` name each field (and article). */
export class ConfigLoadError extends Error {
  public readonly errors: ConfigError[];
  public constructor(message: string, errors: ConfigError[]) {
    super(message);
    this.name = 'ConfigLoadError';
    this.errors = errors;
  }
}

/** Reads the runtime configuration (one build serves any agreement). */
export interface ConfigStore {
  /** The validated configuration; rejects with {@link ConfigLoadError}. */
  load(): Promise<AgreementConfig>;
}
