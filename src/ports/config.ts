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

/** The stored configuration file as SharePoint describes it: which version, who changed it last and when. */
export interface ConfigVersion {
  /** SHA-256 (hex) of the file's text: identifies this version. */
  key: string;
  /** SharePoint's version label of the file ('3.0'). */
  label: string;
  /** When and by whom it was last changed (SharePoint's TimeLastModified and ModifiedBy: nobody can set these). */
  modified: string;
  modifiedBy?: { displayName: string; email?: string };
  /** Per-path fingerprint of this version (art. 13.3: what changed). */
  fingerprint: Record<string, string>;
}

/** An accounthouder's acknowledgement of a configuration version (art. 13.3). */
export interface ConfigAcknowledgement {
  /** The version acknowledged ({@link ConfigVersion.key}). */
  key: string;
  party: string;
  label: string;
  /** The fingerprint of that version, so the next change can be shown field by field. */
  fingerprint: Record<string, string>;
  /** Who acknowledged and when, as SharePoint wrote it (Author, Created). */
  author?: { id: number; displayName: string; email?: string };
  created?: string;
}

/**
 * Where the configuration's version is read and its acknowledgements kept: only accounthouders add one (SharePoint
 * refuses everyone else), nobody changes or deletes one.
 */
export interface ConfigTrail {
  /** The current configuration version. */
  current(): Promise<ConfigVersion>;
  /** Acknowledgements, newest first (at most `max`). */
  acknowledgements(max?: number): Promise<ConfigAcknowledgement[]>;
  /** Acknowledges a version for the signed-in accounthouder's party. */
  acknowledge(version: ConfigVersion, party: string): Promise<void>;
}
