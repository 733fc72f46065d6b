/**
 * The SPFx runtime as SharePoint's CDN serves it, from the npm packages: every `@microsoft/sp-*` package of
 * {@link SPFX_VERSION} ships its `dist/` folder (component manifests, built assemblies, localized bundles, lazy
 * chunks). SharePoint serves all of them from one flat folder (`https://res-1.cdn.office.net/files/sp-client/`), and
 * the assemblies rely on that: `sp-default-assembly` bundles sp-http-base inline and loads its lazy chunks (MSAL,
 * the Teams environment) from its own folder, while the files live in `@microsoft/sp-http-base/dist`. So the host
 * serves the union of the `dist/` folders at {@link CDN_PATH}; file names carry content hashes and no two packages
 * ship different files under one name (checked at load).
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';

/** The SPFx version the host is written against: its internal APIs (`_ClientSideWebPartManager` …) are pinned to it. */
export const SPFX_VERSION = '1.23.2';

/** Where the flat SPFx CDN folder is served (same origin as the page, like SharePoint's `sp-client` folder). */
export const CDN_PATH = '/_spfx/sp-client/';

/** A component manifest as SPFx reads it (only the fields the host touches are typed). */
export interface ComponentManifest {
  id: string;
  alias: string;
  version: string;
  componentType: string;
  manifestVersion?: number;
  isInternal?: boolean;
  loaderConfig: {
    internalModuleBaseUrls: string[];
    entryModuleId: string;
    scriptResources: Record<string, { type: string; path?: unknown; paths?: unknown; id?: string; version?: string }>;
  };
  [key: string]: unknown;
}

/** The framework's files and manifests, read once from node_modules. */
export interface FrameworkCdn {
  /** File name → absolute path, for every file of every package's `dist/`. */
  files: Map<string, string>;
  /** Every component manifest the packages ship, `internalModuleBaseUrls` still as published. */
  manifests: ComponentManifest[];
  /** Package name → version, for the report. */
  packages: Record<string, string>;
  /** Package name (`@microsoft/sp-core-library`) → its component, the module name an AMD dependency uses. */
  components: Map<string, { id: string; version: string }>;
}

/** Thrown when the installed SPFx packages do not match {@link SPFX_VERSION}: the host's internal API use is pinned. */
export class FrameworkVersionError extends Error {}

/**
 * Reads every `@microsoft/sp-*` package with a `dist/` folder under `nodeModules`. Fails when one of them is not
 * {@link SPFX_VERSION} (the host uses `@internal` SPFx APIs that may move in any release) or when two packages ship
 * different files under one name (the flat folder would serve the wrong one).
 */
export function loadFrameworkCdn(nodeModules: string): FrameworkCdn {
  const scope = join(nodeModules, '@microsoft');
  const files = new Map<string, string>();
  const manifests: ComponentManifest[] = [];
  const packages: Record<string, string> = {};
  const components = new Map<string, { id: string; version: string }>();
  for (const name of readdirSync(scope).sort()) {
    if (!name.startsWith('sp-')) continue;
    const dist = join(scope, name, 'dist');
    let isDir = false;
    try {
      isDir = statSync(dist).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) continue;
    const pkg = JSON.parse(readFileSync(join(scope, name, 'package.json'), 'utf8')) as { version: string };
    if (pkg.version !== SPFX_VERSION) {
      throw new FrameworkVersionError(
        `@microsoft/${name} is ${pkg.version}; the SPFx host is pinned to ${SPFX_VERSION} (workbench/spfx-host/cdn.ts)`,
      );
    }
    packages[`@microsoft/${name}`] = pkg.version;
    for (const file of readdirSync(dist)) {
      const full = join(dist, file);
      if (!statSync(full).isFile()) continue;
      if (file.endsWith('.manifest.json')) {
        const manifest = JSON.parse(readFileSync(full, 'utf8')) as ComponentManifest;
        manifests.push(manifest);
        // The package's own component (not its assembly, which is versioned 1.0.0).
        if (manifest.version === SPFX_VERSION) components.set(`@microsoft/${name}`, { id: manifest.id, version: manifest.version });
        continue;
      }
      if (!/\.(js|woff2?|json|css|png|svg)$/.test(file) || file.endsWith('tsdoc-metadata.json')) continue;
      const seen = files.get(file);
      if (seen && !readFileSync(seen).equals(readFileSync(full))) {
        throw new Error(`two SPFx packages ship different files named ${file}: ${seen} and ${full}`);
      }
      files.set(file, full);
    }
  }
  if (!files.has('sp-default-assembly_default.js')) {
    throw new Error(`@microsoft/sp-application-base ${SPFX_VERSION} with dist/sp-default-assembly_*.js is not installed`);
  }
  return { files, manifests, packages, components };
}

/** A copy of `manifest` whose scripts load from `baseUrl` (SharePoint writes its CDN folder there). */
export function withBaseUrl(manifest: ComponentManifest, baseUrl: string): ComponentManifest {
  return { ...manifest, loaderConfig: { ...manifest.loaderConfig, internalModuleBaseUrls: [baseUrl] } };
}
