/**
 * The product as a tenant receives it: the `.sppkg` that `npm run package` writes, unpacked as SharePoint's app catalog
 * does. Its feature XML carries each component's manifest (`ClientSideComponent/@ComponentManifest`, with the
 * `HTTPS://SPCLIENTSIDEASSETLIBRARY/` token where the assets will live), `ClientSideAssets/` carries the bundles, and
 * `AppManifest.xml` the product id and the Graph permission requests. SharePoint copies the assets to the app
 * catalog's ClientSideAssets library (`/sites/appcatalog/ClientSideAssets/<product id>/`) and rewrites the token to
 * that folder; the host serves them from there.
 *
 * Without a package (a fresh clone before `npm run package`), the ship build in `release/` is used when present
 * (`release/manifests/*.json` with the `<!-- PATH TO CDN -->` token, `release/assets/`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { unzipSync } from 'fflate';
import type { ComponentManifest } from './cdn';

/** The token SharePoint replaces with the assets' folder in a packaged manifest. */
export const ASSET_LIBRARY_TOKEN = 'HTTPS://SPCLIENTSIDEASSETLIBRARY/';
/** The token of the manifests in `release/manifests` (config/write-manifests.json `cdnBasePath`). */
export const RELEASE_CDN_TOKEN = '<!-- PATH TO CDN -->';

/** The product's deployable solution, unpacked. */
export interface Solution {
  /** Where it came from: the .sppkg, or release/ when no package exists. */
  source: string;
  /** The solution's product id (AppManifest ProductID). */
  productId: string;
  version: string;
  /** Component manifests, with `internalModuleBaseUrls` still the token. */
  manifests: ComponentManifest[];
  /** Asset file name → bytes (bundles, icons). */
  assets: Map<string, Buffer>;
  /** Microsoft Graph scopes the package requests (webApiPermissionRequests), granted in the emulated tenant. */
  graphScopes: string[];
  /** mtime of the source, to notice a rebuilt package. */
  mtimeMs: number;
}

function decodeXmlAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCharCode(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeXmlAttribute(m[1]) : undefined;
}

/** Unpacks a `.sppkg` (an OPC zip) the way the app catalog reads it. */
export function readSppkg(file: string): Solution {
  const entries = unzipSync(new Uint8Array(readFileSync(file)));
  const text = (name: string): string => Buffer.from(entries[name]).toString('utf8');
  const names = Object.keys(entries);
  const app = names.find((n) => n === 'AppManifest.xml');
  if (!app) throw new Error(`${file} has no AppManifest.xml: not a SharePoint solution package`);
  const appXml = text(app);
  const appTag = /<App\s[^>]*>/.exec(appXml)?.[0] ?? '';
  const productId = attribute(appTag, 'ProductID') ?? '';
  const version = attribute(appTag, 'Version') ?? '';
  const graphScopes = [...appXml.matchAll(/<WebApiPermissionRequest\s[^>]*>/g)]
    .map((m) => ({ resource: attribute(m[0], 'ResourceId'), scope: attribute(m[0], 'Scope') }))
    .filter((r) => r.resource === 'Microsoft Graph' && r.scope)
    .map((r) => r.scope as string);
  const manifests: ComponentManifest[] = [];
  for (const name of names.filter((n) => n.endsWith('.xml'))) {
    for (const m of text(name).matchAll(/<ClientSideComponent\s[^>]*>/g)) {
      const json = attribute(m[0], 'ComponentManifest');
      if (json) manifests.push(JSON.parse(json) as ComponentManifest);
    }
  }
  const assets = new Map<string, Buffer>();
  for (const name of names) {
    const m = /^ClientSideAssets\/([^/]+)$/.exec(name);
    if (m) assets.set(m[1], Buffer.from(entries[name]));
  }
  if (!manifests.length) throw new Error(`${file} holds no client-side component`);
  return { source: file, productId, version, manifests, assets, graphScopes, mtimeMs: statSync(file).mtimeMs };
}

/** Reads the ship build in `release/` (manifests with the CDN token, assets) when no package exists. */
export function readRelease(root: string): Solution {
  const dir = join(root, 'release');
  const manifests = readdirSync(join(dir, 'manifests'))
    .filter((f) => f.endsWith('.manifest.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, 'manifests', f), 'utf8')) as ComponentManifest);
  const assets = new Map<string, Buffer>();
  for (const f of readdirSync(join(dir, 'assets'))) assets.set(f, readFileSync(join(dir, 'assets', f)));
  const config = JSON.parse(readFileSync(join(root, 'config', 'package-solution.json'), 'utf8')) as {
    solution: { id: string; version: string; webApiPermissionRequests?: Array<{ resource: string; scope: string }> };
  };
  return {
    source: dir,
    productId: config.solution.id,
    version: config.solution.version,
    manifests,
    assets,
    graphScopes: (config.solution.webApiPermissionRequests ?? []).filter((r) => r.resource === 'Microsoft Graph').map((r) => r.scope),
    mtimeMs: statSync(join(dir, 'manifests')).mtimeMs,
  };
}

/** The package path of config/package-solution.json (`sharepoint/<zippedPackage>`). */
export function sppkgPath(root: string): string {
  const config = JSON.parse(readFileSync(join(root, 'config', 'package-solution.json'), 'utf8')) as {
    paths: { packageDir?: string; zippedPackage: string };
  };
  return join(root, config.paths.packageDir ?? 'sharepoint', config.paths.zippedPackage);
}

/**
 * The solution to host: the `.sppkg` when it exists, else `release/`, else null (the page then says to run
 * `npm run package`). Re-read when the source changed since `previous`.
 */
export function loadSolution(root: string, previous?: Solution | null): Solution | null {
  const pkg = sppkgPath(root);
  if (existsSync(pkg)) {
    const mtime = statSync(pkg).mtimeMs;
    if (previous && previous.source === pkg && previous.mtimeMs === mtime) return previous;
    return readSppkg(pkg);
  }
  if (existsSync(join(root, 'release', 'manifests')) && existsSync(join(root, 'release', 'assets'))) {
    const mtime = statSync(join(root, 'release', 'manifests')).mtimeMs;
    if (previous && previous.source === join(root, 'release') && previous.mtimeMs === mtime) return previous;
    return readRelease(root);
  }
  return null;
}

/** A manifest with its asset token replaced by `baseUrl` (what the app catalog does on deployment). */
export function deployManifest(manifest: ComponentManifest, baseUrl: string): ComponentManifest {
  const urls = manifest.loaderConfig.internalModuleBaseUrls.map((u) =>
    u === ASSET_LIBRARY_TOKEN || u === RELEASE_CDN_TOKEN ? baseUrl : u,
  );
  return { ...manifest, loaderConfig: { ...manifest.loaderConfig, internalModuleBaseUrls: urls } };
}
