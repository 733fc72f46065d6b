import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

// Plain Node scripts (scripts/*.js), used by `npm run package`.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { checkTeamsManifest, pngSize, WEB_PART_ID } = require('../../scripts/teams-manifest');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { writeTeamsIcons } = require('../../scripts/teams-icons');

const teamsDir = join(__dirname, '..', '..', 'teams');

/** A copy of teams/ in a temp folder, with the manifest changed by `edit`. */
function teamsCopy(edit: (m: Record<string, any>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'teams-'));
  const manifest = JSON.parse(readFileSync(join(teamsDir, 'manifest.json'), 'utf8'));
  edit(manifest);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  copyFileSync(join(teamsDir, 'en-us.json'), join(dir, 'en-us.json'));
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
