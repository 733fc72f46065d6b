/**
 * The host's own components and the substitutes for what only SharePoint's CDN serves, as AMD modules with manifests,
 * built once per server start (esbuild, in memory, about 100 ms). Each one is listed in docs/spfx-host.md with what it
 * replaces and why.
 *
 * - `SamenwerkingsruimteHostApplication` (browser/hostApplication.ts): the page's SPFx Application component.
 * - `@msinternal/sp-edit-customer-promise` 0.1.0 and `@msinternal/sp-idle-web-task` 0.1.2: imported by
 *   sp-webpart-base 1.23.2, served only by SharePoint's CDN; browser/substitutes/*.ts.
 * - `react` / `react-dom` 17.0.1 (the ids SharePoint registers React under): the npm UMD builds of the same version.
 * - `@microsoft/microsoft-graph-client` 3.0.2 (32b9363b-…, which sp-http-msgraph's MSGraphClientV3 chunk loads by id):
 *   SharePoint serves Microsoft's 3.0.2 bundle; npm has `@microsoft/microsoft-graph-client` 3.0.7 (the project's own
 *   dependency), whose browser build is wrapped as that component.
 * - Components compiled into `sp-default-assembly` (tslib, load-themed-styles, odsp-core-bundle, sp-telemetry,
 *   sp-safehtml): the assembly registers their code; SharePoint's page data carries their manifests, npm does not, so
 *   the host writes them with a script that refuses to load (the code is already in the assembly).
 * - sp-telemetry's two 1DS chunks (Microsoft's telemetry SDK): a local sink that keeps the events in the page
 *   (browser/substitutes/oneDsTelemetry*.ts), installed before the assembly runs.
 * - browser/start.ts (the page's boot script) and browser/teamsClient.ts (the simulated Teams client): plain scripts.
 */
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { ComponentManifest } from './cdn';

/** Where the host's components are served. */
export const HOST_PATH = '/_spfx/host/';

/** The host application's component id (componentType Application). */
export const HOST_APPLICATION_ID = 'c2a36f5e-8d1b-4e0f-9a47-5b6e1d3c9f20';
const HOST_APPLICATION_VERSION = '1.0.0';

/** A built file the host serves from {@link HOST_PATH}. */
export interface HostFile {
  body: Buffer;
  contentType: string;
}

/** The host's components: manifests (base URL still empty) and files. */
export interface HostComponents {
  manifests: ComponentManifest[];
  files: Map<string, HostFile>;
  /** The 1DS telemetry chunks' substitute, a script the page runs before the assembly. */
  telemetryScript: string;
  /** File names of the two plain scripts. */
  startScript: string;
  teamsClientScript: string;
  stylesheet: string;
}

/** Package name → component reference, collected from the framework manifests' dependency lists. */
export type ComponentNames = Map<string, { id: string; version: string }>;

/** Every `component` dependency any framework manifest names, by its module name. */
export function componentNames(manifests: ComponentManifest[]): ComponentNames {
  const names: ComponentNames = new Map();
  for (const m of manifests) {
    for (const [name, r] of Object.entries(m.loaderConfig.scriptResources)) {
      if (r.type === 'component' && r.id && r.version && !names.has(name)) names.set(name, { id: r.id, version: r.version });
    }
  }
  return names;
}

const JS = 'text/javascript; charset=utf-8';

function hashed(base: string, body: Buffer, ext = '.js'): string {
  return `${base}_${createHash('sha256').update(body).digest('hex').slice(0, 16)}${ext}`;
}

/** Wraps esbuild's CommonJS output as an AMD module with the given external dependencies. */
function amd(name: string | null, deps: string[], code: string): string {
  const head = name ? `define(${JSON.stringify(name)}, ` : 'define(';
  return (
    `${head}${JSON.stringify(deps)}, function () {\n` +
    `var __deps = {}, __args = arguments; ${JSON.stringify(deps)}.forEach(function (d, i) { __deps[d] = __args[i]; });\n` +
    `var require = function (n) { if (Object.prototype.hasOwnProperty.call(__deps, n)) return __deps[n]; ` +
    `throw new Error('spfx-host: ' + n + ' is not a declared dependency'); };\n` +
    `var module = { exports: {} }, exports = module.exports;\n${code}\nreturn module.exports;\n});\n`
  );
}

interface Built {
  code: string;
  externals: string[];
}

async function bundle(entry: string, format: 'cjs' | 'iife'): Promise<Built> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const esbuild = require('esbuild') as typeof import('esbuild');
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format,
    platform: 'browser',
    target: ['chrome110'],
    minify: true,
    metafile: true,
    external: ['@microsoft/*', 'react', 'react-dom'],
    logLevel: 'silent',
  });
  const externals = new Set<string>();
  for (const input of Object.values(result.metafile.inputs)) {
    for (const imp of input.imports) if (imp.external) externals.add(imp.path);
  }
  return { code: result.outputFiles[0].text, externals: [...externals].sort() };
}

function library(
  id: string,
  alias: string,
  version: string,
  file: string,
  deps: string[],
  names: ComponentNames,
): ComponentManifest {
  const scriptResources: ComponentManifest['loaderConfig']['scriptResources'] = { [alias]: { type: 'path', path: file } };
  for (const d of deps) {
    const ref = names.get(d);
    if (!ref) throw new Error(`spfx-host: no framework component is named ${d}`);
    scriptResources[d] = { type: 'component', id: ref.id, version: ref.version };
  }
  return {
    id,
    alias,
    componentType: 'Library',
    version,
    manifestVersion: 2,
    loaderConfig: { internalModuleBaseUrls: [], entryModuleId: alias, scriptResources },
  };
}

/** Builds the host application, the substitutes and the boot scripts. */
export async function buildHostComponents(
  root: string,
  frameworkManifests: ComponentManifest[],
  frameworkComponents: ComponentNames,
): Promise<HostComponents> {
  const dir = join(__dirname, 'browser');
  const nodeModules = join(root, 'node_modules');
  const files = new Map<string, HostFile>();
  const manifests: ComponentManifest[] = [];
  // React and react-dom are SharePoint's, registered under these ids (the product's manifest names them).
  const names = componentNames(frameworkManifests);
  for (const [name, ref] of frameworkComponents) names.set(name, ref);
  names.set('react', { id: '0d910c1c-13b9-4e1c-9aa4-b008c5e42d7d', version: '17.0.1' });
  names.set('react-dom', { id: 'aa0a46ec-1505-43cd-a44a-93f3a5aa460a', version: '17.0.1' });
  const add = (base: string, body: Buffer): string => {
    const name = hashed(base, body);
    files.set(name, { body, contentType: JS });
    return name;
  };

  const app = await bundle(join(dir, 'hostApplication.ts'), 'cjs');
  const appName = `${HOST_APPLICATION_ID}_${HOST_APPLICATION_VERSION}`;
  const appFile = add('samenwerkingsruimte-host-application', Buffer.from(amd(appName, app.externals, app.code)));
  const appManifest = library(
    HOST_APPLICATION_ID,
    'samenwerkingsruimte-host-application',
    HOST_APPLICATION_VERSION,
    appFile,
    app.externals,
    names,
  );
  manifests.push({ ...appManifest, alias: 'SamenwerkingsruimteHostApplication', componentType: 'Application', loaderConfig: { ...appManifest.loaderConfig } });

  for (const [entry, id, alias, version] of [
    ['editCustomerPromise.ts', '42647dee-1f75-4b9f-b521-5c844a6c35cc', '@msinternal/sp-edit-customer-promise', '0.1.0'],
    ['idleWebTask.ts', 'c49ba483-7614-4c5c-b9dd-11b45a5fa280', '@msinternal/sp-idle-web-task', '0.1.2'],
  ] as const) {
    const built = await bundle(join(dir, 'substitutes', entry), 'cjs');
    const file = add(alias.replace('@msinternal/', ''), Buffer.from(amd(`${id}_${version}`, built.externals, built.code)));
    manifests.push(library(id, alias, version, file, built.externals, names));
  }

  // React 17.0.1 UMD builds register themselves anonymously with an AMD loader (react-dom with a 'react' dependency).
  const react = add('react-17.0.1', readFileSync(join(nodeModules, 'react', 'umd', 'react.production.min.js')));
  manifests.push(library('0d910c1c-13b9-4e1c-9aa4-b008c5e42d7d', 'react', '17.0.1', react, [], names));
  const reactDom = add('react-dom-17.0.1', readFileSync(join(nodeModules, 'react-dom', 'umd', 'react-dom.production.min.js')));
  manifests.push(library('aa0a46ec-1505-43cd-a44a-93f3a5aa460a', 'react-dom', '17.0.1', reactDom, ['react'], names));

  // Microsoft Graph JavaScript client: the browser build sets a global `MicrosoftGraph`; as an AMD module it returns it.
  const graphPkg = JSON.parse(readFileSync(join(nodeModules, '@microsoft', 'microsoft-graph-client', 'package.json'), 'utf8')) as {
    version: string;
  };
  const graphSdk = readFileSync(join(nodeModules, '@microsoft', 'microsoft-graph-client', 'lib', 'graph-js-sdk.js'), 'utf8');
  const graph = add(
    `microsoft-graph-client-${graphPkg.version}`,
    Buffer.from(`define([], function () {\n${graphSdk}\nreturn MicrosoftGraph;\n});\n`),
  );
  manifests.push(library('32b9363b-09ff-4959-929a-cab2663fb223', '@microsoft/microsoft-graph-client', '3.0.2', graph, [], names));

  // Compiled into sp-default-assembly: manifests only; the script refuses, because the assembly already holds the code.
  const inAssembly = add(
    'in-sp-default-assembly',
    Buffer.from(
      "throw new Error('spfx-host: this component is compiled into sp-default-assembly and is never loaded on its own');\n",
    ),
  );
  for (const [id, alias, version] of [
    ['01c4df03-e775-48cb-aa14-171ee5199a15', 'tslib', '2.3.1'],
    ['229b8d08-79f3-438b-8c21-4613fc877abd', '@microsoft/load-themed-styles', '0.1.2'],
    ['2e09fb9b-13bb-48f2-859f-97d6fff71176', '@msinternal/odsp-core-bundle', '1.5.82'],
    ['8217e442-8ed3-41fd-957d-b112e841286a', '@msinternal/sp-telemetry', '0.35.145'],
    ['6d3c733c-8cb7-4871-bb22-b5b37c1d518d', '@msinternal/sp-safehtml', '0.6.0'],
  ] as const) {
    manifests.push(library(id, alias, version, inAssembly, [], names));
  }

  // sp-telemetry's 1DS chunks (Microsoft's telemetry SDK): a local sink in their place. The assembly loads its chunks
  // with Subresource Integrity (Microsoft's hashes), so a substitute cannot be fetched under their names; it is
  // installed before the assembly starts (webpack then treats the chunks as loaded and never fetches them).
  const telemetry = Buffer.from(
    (await bundle(join(dir, 'substitutes', 'oneDsTelemetry.ts'), 'iife')).code +
      (await bundle(join(dir, 'substitutes', 'oneDsTelemetryShared.ts'), 'iife')).code,
  );
  const telemetryScript = add('sp-telemetry-1ds-local-sink', telemetry);

  const start = await bundle(join(dir, 'start.ts'), 'iife');
  const startScript = add('start', Buffer.from(start.code));
  const teams = await bundle(join(dir, 'teamsClient.ts'), 'iife');
  const teamsClientScript = add('teams-client', Buffer.from(teams.code));
  const css = readFileSync(join(dir, 'host.css'));
  const stylesheet = hashed('host', css, '.css');
  files.set(stylesheet, { body: css, contentType: 'text/css; charset=utf-8' });
  return { manifests, files, telemetryScript, startScript, teamsClientScript, stylesheet };
}
