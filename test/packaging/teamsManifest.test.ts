import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

// Plain Node scripts (scripts/*.js), used by `npm run package`.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const {
  checkTeamsManifest,
  checkTeamsPackage,
  checkTeamsSchemas,
  officialSchema,
  pngSize,
  MANIFEST_VERSION,
  WEB_PART_ID,
} = require('../../scripts/teams-manifest');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { writeTeamsIcons } = require('../../scripts/teams-icons');

const teamsDir = join(__dirname, '..', '..', 'teams');

/** A copy of teams/ in a temp folder, with the manifest changed by `edit` and the localisation file by `editStrings`. */
function teamsCopy(edit: (m: Record<string, any>) => void, editStrings?: (s: Record<string, any>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'teams-'));
  const manifest = JSON.parse(readFileSync(join(teamsDir, 'manifest.json'), 'utf8'));
  edit(manifest);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  if (editStrings) {
    const strings = JSON.parse(readFileSync(join(teamsDir, 'en-us.json'), 'utf8'));
    editStrings(strings);
    writeFileSync(join(dir, 'en-us.json'), JSON.stringify(strings));
  } else copyFileSync(join(teamsDir, 'en-us.json'), join(dir, 'en-us.json'));
  writeTeamsIcons(dir);
  return dir;
}

describe('Teams app manifest (teams/)', () => {
  it('the committed manifest passes the packaging check, icons included', () => {
    const { problems, files } = checkTeamsManifest(teamsDir);
    expect(problems).toEqual([]);
    expect(files.map((f: string) => f.slice(teamsDir.length + 1)).sort()).toEqual(
      ['en-us.json', 'manifest.json', `${WEB_PART_ID}_color.png`, `${WEB_PART_ID}_outline.png`].sort(),
    );
  });

  it('the committed icons are what scripts/teams-icons.js draws (192x192 colour, 32x32 outline with alpha)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'icons-'));
    const drawn = writeTeamsIcons(dir);
    expect(readFileSync(drawn.color).equals(readFileSync(join(teamsDir, `${WEB_PART_ID}_color.png`)))).toBe(true);
    expect(readFileSync(drawn.outline).equals(readFileSync(join(teamsDir, `${WEB_PART_ID}_outline.png`)))).toBe(true);
    expect(pngSize(drawn.color)).toMatchObject({ width: 192, height: 192 });
    expect(pngSize(drawn.outline)).toMatchObject({ width: 32, height: 32, colourType: 6 });
  });

  it('names the field when the manifest breaks a Teams rule', () => {
    const dir = teamsCopy((m) => {
      m.manifestVersion = '1.16';
      m.name.short = 'Samenwerkingsruimte voor twee partijen'; // > 30
      m.developer.privacyUrl = 'http://example.org/privacy';
      delete m.webApplicationInfo;
    });
    const { problems } = checkTeamsManifest(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('manifestVersion must be "1.17"'),
        expect.stringContaining('name.short must be 1..30 characters'),
        expect.stringContaining('developer.privacyUrl must be an https URL'),
        expect.stringContaining('webApplicationInfo must name SharePoint Online'),
      ]),
    );
  });

  it('rejects a tab that does not host the Samenwerkingsruimte web part', () => {
    const dir = teamsCopy((m) => {
      m.staticTabs[0].contentUrl = m.staticTabs[0].contentUrl.replace(WEB_PART_ID, '00000000-0000-0000-0000-000000000000');
    });
    expect(checkTeamsManifest(dir).problems).toEqual([expect.stringContaining('staticTabs must hold the personal app')]);
  });
});

/**
 * Microsoft's v1.17 schemas (from @microsoft/app-manifest) beside the product's rules: ten changes Teams refuses an app
 * package for, none of which the product's own rules look at, each refused with the JSON pointer of the field.
 */
describe("Teams app manifest against Microsoft's schema", () => {
  it('the committed manifest and its localisation file are valid against the v1.17 schemas', () => {
    expect(checkTeamsSchemas(teamsDir)).toEqual([]);
    expect(checkTeamsPackage(teamsDir).problems).toEqual([]);
  });

  it('validates with the schema of the manifest version the project writes', () => {
    const manifest = JSON.parse(readFileSync(join(teamsDir, 'manifest.json'), 'utf8'));
    const schema = officialSchema('manifest');
    expect(manifest.manifestVersion).toBe(MANIFEST_VERSION);
    expect(schema.properties.manifestVersion.const).toBe(manifest.manifestVersion);
    expect(manifest.$schema).toContain(`/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`);
    expect(JSON.parse(readFileSync(join(teamsDir, 'en-us.json'), 'utf8')).$schema).toContain(
      `/v${MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`,
    );
  });

  it('is part of `npm run package`', () => {
    const script = readFileSync(join(__dirname, '..', '..', 'scripts', 'package.js'), 'utf8');
    expect(script).toMatch(/const teams = checkTeamsPackage\(teamsDir\);\s*if \(teams\.problems\.length\) fail\(/);
  });

  const mutations: Array<[string, (m: Record<string, any>) => void, string, ((s: Record<string, any>) => void)?]> = [
    ['an unknown property', (m) => (m.samenwerkingsruimte = { party: 'IGJ' }), 'teams/manifest.json: schema v1.17: / should NOT have additional properties'],
    ['a static tab name over 128 characters', (m) => (m.staticTabs[0].name = 'S'.repeat(129)), '/staticTabs/0/name should NOT be longer than 128 characters'],
    ['an entityId over 64 characters', (m) => (m.staticTabs[0].entityId = 'e'.repeat(65)), '/staticTabs/0/entityId should NOT be longer than 64 characters'],
    ['a configurable tab scope Teams does not know', (m) => (m.configurableTabs[0].scopes = ['team', 'channel']), '/configurableTabs/0/scopes/1 should be equal to one of the allowed values'],
    ['a tab context Teams does not know', (m) => (m.configurableTabs[0].context = ['channel']), '/configurableTabs/0/context/0 should be equal to one of the allowed values'],
    ['a permission Teams does not know', (m) => (m.permissions = ['identity', 'readUserData']), '/permissions/1 should be equal to one of the allowed values'],
    ['a boolean written as a string', (m) => (m.configurableTabs[0].canUpdateConfiguration = 'true'), '/configurableTabs/0/canUpdateConfiguration should be boolean'],
    ['a list written as a string', (m) => (m.validDomains = '*.sharepoint.com'), '/validDomains should be array'],
    ['a language tag with an underscore', (m) => (m.localizationInfo.defaultLanguageTag = 'nl_NL'), '/localizationInfo/defaultLanguageTag should match pattern'],
    [
      'a localisation file with a key Teams does not know and a short name over 30 characters',
      () => undefined,
      'teams/en-us.json: schema v1.17: /name.short should NOT be longer than 30 characters',
      (s) => {
        s['name.short'] = 'Collaboration space of the parties';
        s['naam.kort'] = 'Samenwerkingsruimte';
      },
    ],
  ];

  // objects, not rows: a row shorter than the callback's parameters would hand jest's `done` to `editStrings`
  const cases = mutations.map(([what, edit, expected, editStrings]) => ({ what, edit, expected, editStrings }));
  it.each(cases)('refuses $what, naming the field', ({ edit, expected, editStrings }) => {
    const dir = teamsCopy(edit, editStrings);
    const problems: string[] = checkTeamsSchemas(dir);
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
    // the package check reports it too (and is what `npm run package` fails on)
    expect(checkTeamsPackage(dir).problems).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
  });

  it('refuses all ten at once, each with its own problem line', () => {
    const dir = teamsCopy(
      (m) => mutations.forEach(([, edit]) => edit(m)),
      (s) => mutations.forEach(([, , , editStrings]) => editStrings?.(s)),
    );
    const problems: string[] = checkTeamsSchemas(dir);
    for (const [, , expected] of mutations) expect(problems).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
    expect(problems.some((p) => p.includes('naam.kort'))).toBe(true);
  });
});
