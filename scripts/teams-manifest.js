/*
 * Checks the Teams app package (teams/manifest.json, v1.17, and its localisation files) before it is packaged:
 *   1. against Microsoft's own JSON schemas for that manifest version, as shipped in @microsoft/app-manifest (unknown
 *      properties, length limits, enums, field types, patterns such as the language tag), with ajv (see validatorFor);
 *   2. the product's own rules beside it: the fixed ids, the SPFx tab urls, https urls, and the icons (real PNGs of the
 *      required size).
 * Used by `npm run package` and by test/packaging/teamsManifest.test.ts.
 */
'use strict';

const { readFileSync, existsSync } = require('fs');
const { dirname, join } = require('path');

const TEAMS_APP_ID = 'ad14aca3-82b4-4c3b-ba09-e83dcb85ea9e';
const WEB_PART_ID = '92cb83c8-e9d2-4d26-b25a-4a04075c032d';
const SHAREPOINT_RESOURCE_APP_ID = '00000003-0000-0ff1-ce00-000000000000';
/** The manifest version the project writes, and so the schema it is validated with. */
const MANIFEST_VERSION = '1.17';
/** The `$schema` urls Microsoft publishes for that version (editors read them; validation uses the local copies). */
const SCHEMA_URL = `https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;
const LOCALIZATION_SCHEMA_URL = `https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`;

/** Microsoft's JSON schema of one kind ('manifest' or 'localization') for `version`, from @microsoft/app-manifest. */
function officialSchema(kind, version = MANIFEST_VERSION) {
  const base = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
  const file = join(base, `v${version}`, kind === 'localization' ? 'MicrosoftTeams.Localization.schema.json' : 'MicrosoftTeams.schema.json');
  if (!existsSync(file)) throw new Error(`@microsoft/app-manifest has no Teams ${kind} schema for v${version} (${file})`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** One compiled validator per schema kind (compiling the manifest schema takes a moment). */
const validators = new Map();

/**
 * The validator of Microsoft's schema of one kind. The schemas declare JSON Schema draft-04 (with draft-06's `const`),
 * so ajv 6, which validates draft-04 with its meta-schema added and applies `const` as well, with every error reported.
 * Not @microsoft/app-manifest's own validator: its ajv 8 compiles patterns with the `u` flag, and the v1.17 localisation
 * schema's `^activities.activityTypes\[\b(…)\b]\.description$` is not a valid unicode pattern (lone `]`), so that
 * validator cannot compile it; browsers and Teams read these patterns as plain ECMAScript ones, as ajv 6 does.
 */
function validatorFor(kind) {
  if (!validators.has(kind)) {
    const Ajv = require('ajv');
    const ajv = new Ajv({ schemaId: 'auto', allErrors: true, jsonPointers: true });
    ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
    validators.set(kind, ajv.compile(officialSchema(kind)));
  }
  return validators.get(kind);
}

/**
 * The problems Microsoft's schema finds in `json` (empty = valid), each as `label: schema v1.17: /json/pointer message`.
 * `kind`: 'manifest' or 'localization'.
 */
function schemaProblems(json, kind, label) {
  const validate = validatorFor(kind);
  if (validate(json)) return [];
  return validate.errors.map((e) => {
    const params = e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : '';
    return `${label}: schema v${MANIFEST_VERSION}: ${e.dataPath || '/'} ${e.message}${params}`;
  });
}

/** Width and height from a PNG's IHDR chunk; throws when the file is not a PNG. */
function pngSize(file) {
  const buf = readFileSync(file);
  const signature = '89504e470d0a1a0a';
  if (buf.length < 24 || buf.subarray(0, 8).toString('hex') !== signature || buf.subarray(12, 16).toString() !== 'IHDR') {
    throw new Error(`${file} is not a PNG file`);
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), colourType: buf[25] };
}

/** Returns the list of problems in the manifest in `dir` (empty = valid) and the files the app package must hold. */
function checkTeamsManifest(dir) {
  const problems = [];
  const manifestPath = join(dir, 'manifest.json');
  const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const need = (cond, msg) => cond || problems.push(`teams/manifest.json: ${msg}`);
  const maxLen = (value, max, field) =>
    need(typeof value === 'string' && value.length > 0 && value.length <= max, `${field} must be 1..${max} characters`);

  need(m.manifestVersion === MANIFEST_VERSION, `manifestVersion must be "${MANIFEST_VERSION}" (is ${JSON.stringify(m.manifestVersion)})`);
  need(m.$schema === SCHEMA_URL, `$schema must be ${SCHEMA_URL}`);
  need(/^\d+\.\d+\.\d+$/.test(m.version ?? ''), 'version must be semver (x.y.z)');
  need(m.id === TEAMS_APP_ID, `id must be the Teams app id ${TEAMS_APP_ID}`);
  maxLen(m.developer?.name, 32, 'developer.name');
  for (const f of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
    need(/^https:\/\//.test(m.developer?.[f] ?? ''), `developer.${f} must be an https URL`);
  }
  maxLen(m.name?.short, 30, 'name.short');
  if (m.name?.full !== undefined) maxLen(m.name.full, 100, 'name.full');
  maxLen(m.description?.short, 80, 'description.short');
  maxLen(m.description?.full, 4000, 'description.full');
  need(/^#[0-9a-fA-F]{6}$/.test(m.accentColor ?? ''), 'accentColor must be #rrggbb');

  const tab = (m.configurableTabs ?? [])[0];
  need(tab && /^https:\/\/\{teamSiteDomain\}/.test(tab.configurationUrl) && tab.scopes?.includes('team'),
    'configurableTabs[0] must be the SPFx channel tab (configurationUrl on {teamSiteDomain}, scope team)');
  need(tab && tab.configurationUrl.includes(`componentId=${WEB_PART_ID}`), 'the channel tab must host the web part component');
  const personal = (m.staticTabs ?? []).find((t) => t.scopes?.includes('personal'));
  need(personal && personal.contentUrl.includes(`componentId=${WEB_PART_ID}`), 'staticTabs must hold the personal app hosting the web part');
  need(m.webApplicationInfo?.id === SHAREPOINT_RESOURCE_APP_ID && m.webApplicationInfo?.resource === 'https://{teamSiteDomain}',
    'webApplicationInfo must name SharePoint Online (id 00000003-0000-0ff1-ce00-000000000000, resource https://{teamSiteDomain})');

  const files = [manifestPath];
  const icon = (name, size, kind) => {
    const file = join(dir, name ?? '');
    if (!name || !existsSync(file)) return need(false, `icons.${kind} file ${name} is missing (run node scripts/teams-icons.js)`);
    const s = pngSize(file);
    need(s.width === size && s.height === size, `icons.${kind} must be ${size}x${size} (is ${s.width}x${s.height})`);
    if (kind === 'outline') need(s.colourType === 6, 'icons.outline must have an alpha channel (white on transparent)');
    files.push(file);
    return true;
  };
  icon(m.icons?.color, 192, 'color');
  icon(m.icons?.outline, 32, 'outline');
  for (const lang of m.localizationInfo?.additionalLanguages ?? []) {
    const file = join(dir, lang.file);
    if (need(existsSync(file), `localization file ${lang.file} (${lang.languageTag}) is missing`)) {
      const strings = JSON.parse(readFileSync(file, 'utf8'));
      need(strings.$schema === LOCALIZATION_SCHEMA_URL, `${lang.file}: $schema must be ${LOCALIZATION_SCHEMA_URL}`);
      files.push(file);
    }
  }
  return { problems, files };
}

/**
 * The schema check of the manifest in `dir` and of every localisation file it names: the problems Microsoft's v1.17
 * schemas find (empty = valid). Reads only JSON; a missing localisation file is the product check's to report.
 */
function checkTeamsSchemas(dir) {
  const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const problems = schemaProblems(m, 'manifest', 'teams/manifest.json');
  const languages = Array.isArray(m.localizationInfo?.additionalLanguages) ? m.localizationInfo.additionalLanguages : [];
  for (const lang of languages) {
    const file = typeof lang?.file === 'string' ? join(dir, lang.file) : undefined;
    if (!file || !existsSync(file)) continue;
    problems.push(...schemaProblems(JSON.parse(readFileSync(file, 'utf8')), 'localization', `teams/${lang.file}`));
  }
  return problems;
}

/** Both checks: Microsoft's schemas first, then the product's rules; `files` are what the app package must hold. */
function checkTeamsPackage(dir) {
  const schema = checkTeamsSchemas(dir);
  const own = checkTeamsManifest(dir);
  return { problems: [...schema, ...own.problems], files: own.files };
}

module.exports = {
  checkTeamsManifest,
  checkTeamsSchemas,
  checkTeamsPackage,
  officialSchema,
  pngSize,
  MANIFEST_VERSION,
  TEAMS_APP_ID,
  WEB_PART_ID,
};
