/*
 * Checks the Teams app manifest (teams/manifest.json, v1.17) before it is packaged: the fields Teams rejects an upload
 * for, the fixed ids, and the icons (real PNGs of the required size). Used by `npm run package`.
 */
'use strict';

const { readFileSync, existsSync } = require('fs');
const { join } = require('path');

const TEAMS_APP_ID = 'ad14aca3-82b4-4c3b-ba09-e83dcb85ea9e';
const WEB_PART_ID = '92cb83c8-e9d2-4d26-b25a-4a04075c032d';
const SHAREPOINT_RESOURCE_APP_ID = '00000003-0000-0ff1-ce00-000000000000';

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

  need(m.manifestVersion === '1.17', `manifestVersion must be "1.17" (is ${JSON.stringify(m.manifestVersion)})`);
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
      JSON.parse(readFileSync(file, 'utf8'));
      files.push(file);
    }
  }
  return { problems, files };
}

module.exports = { checkTeamsManifest, pngSize, TEAMS_APP_ID, WEB_PART_ID };
