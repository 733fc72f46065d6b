import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { COMMAND_SET_ID } from '../../src/provisioning/names';

const root = join(__dirname, '..', '..');
const json = (path: string): any => JSON.parse(readFileSync(join(root, path), 'utf8'));

const WEB_PART = 'src/webparts/samenwerkingsruimte/SamenwerkingsruimteWebPart.manifest.json';
const COMMAND_SET = 'src/extensions/toetsCommandSet/ToetsCommandSet.manifest.json';

describe('SPFx solution configuration (what `npm run package` ships)', () => {
  const solution = json('config/package-solution.json').solution;

  it('keeps the fixed solution and feature ids', () => {
    expect(solution.id).toBe('bf10ba6b-297d-4f8d-b951-3a34d98aa7bd');
    expect(solution.features.map((f: { id: string }) => f.id)).toEqual(['eaa8aa60-d135-46aa-9d5c-48faa0e327d6']);
  });

  it('is tenant-wide deployable (needed for Teams) and binds the command set only through provisioning', () => {
    expect(solution.skipFeatureDeployment).toBe(true);
    expect(solution.includeClientSideAssets).toBe(true);
    // No element manifests: a feature CustomAction would put the commands on every library (see docs/deploy.md).
    expect(solution.features[0].assets).toBeUndefined();
    expect(COMMAND_SET_ID).toBe(json(COMMAND_SET).id);
  });

  it('requests exactly the delegated Graph scopes the adapters use, and no Group.ReadWrite.All', () => {
    const scopes = solution.webApiPermissionRequests.map((r: { resource: string; scope: string }) => `${r.resource}|${r.scope}`);
    expect(scopes.sort()).toEqual(
      [
        'Calendars.ReadWrite',
        'Channel.ReadBasic.All',
        'ChannelMember.Read.All',
        'ChannelMessage.Read.All',
        'ChannelMessage.Send',
        'Mail.Read',
        'Mail.Send',
        'User.Read',
        'User.Read.All',
      ].map(
        (s) => `Microsoft Graph|${s}`,
      ),
    );
  });

  it('documents every requested scope, and why Group.ReadWrite.All is not requested, in docs/deploy.md', () => {
    const doc = readFileSync(join(root, 'docs', 'deploy.md'), 'utf8');
    for (const r of solution.webApiPermissionRequests) expect(doc).toContain(`\`${r.scope}\``);
    expect(doc).toMatch(/Not requested: `Group\.ReadWrite\.All`/);
  });

  it("lists every requested scope with its reason in the README's permission table", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const rows = new Set([...readme.matchAll(/^\| `([A-Za-z.]+)` \| .+ \|$/gm)].map((m) => m[1]));
    for (const r of solution.webApiPermissionRequests) expect({ scope: r.scope, inTable: rows.has(r.scope) }).toEqual({ scope: r.scope, inTable: true });
  });

  it('asks for the least privileged reads the Graph docs list for looking a lost breach notification up', () => {
    // Mail.ReadBasic excludes extended properties (the mail's tracking key), so Mail.Read; nothing that writes mail.
    const scopes = solution.webApiPermissionRequests.map((r: { scope: string }) => r.scope);
    expect(scopes).toEqual(expect.arrayContaining(['Mail.Read', 'ChannelMessage.Read.All']));
    for (const broader of ['Mail.ReadWrite', 'Group.Read.All', 'Group.ReadWrite.All', 'ChannelMessage.ReadWrite']) expect(scopes).not.toContain(broader);
  });

  it('bundles both components from manifests and entry points that exist', () => {
    const bundles = json('config/config.json').bundles;
    const components = Object.values(bundles).flatMap((b: any) => b.components);
    expect(components.map((c: { manifest: string }) => c.manifest.replace(/^\.\//, '')).sort()).toEqual([COMMAND_SET, WEB_PART]);
    for (const c of components) {
      const source = c.entrypoint.replace(/^\.\/lib\//, 'src/').replace(/\.js$/, '.ts');
      expect(existsSync(join(root, source))).toBe(true);
    }
  });

  it('declares the web part for SharePoint, the Teams channel tab and the Teams personal app', () => {
    const m = json(WEB_PART);
    expect(m.id).toBe('92cb83c8-e9d2-4d26-b25a-4a04075c032d');
    expect(m.supportedHosts).toEqual(expect.arrayContaining(['SharePointWebPart', 'TeamsTab', 'TeamsPersonalApp']));
  });

  it('declares both commands, titled in Dutch first, without icon paths that would warn in the ship build', () => {
    const m = json(COMMAND_SET);
    expect(m.extensionType).toBe('ListViewCommandSet');
    expect(Object.keys(m.items).sort()).toEqual(['DATALEK_MELDEN', 'DELEN_MET_TOETS']);
    expect(m.items.DELEN_MET_TOETS.title.default).toBe('Delen met toets');
    expect(m.items.DATALEK_MELDEN.title.default).toBe('Datalek melden');
    for (const item of Object.values(m.items) as Array<{ iconImageUrl?: string }>) {
      expect(item.iconImageUrl === undefined || /^(https:|data:)/.test(item.iconImageUrl)).toBe(true);
    }
  });

  it('hosts the same web part in the Teams app as in the solution', () => {
    const teams = json('teams/manifest.json');
    const id = json(WEB_PART).id;
    expect(teams.configurableTabs[0].configurationUrl).toContain(`componentId=${id}`);
    expect(teams.staticTabs[0].contentUrl).toContain(`componentId=${id}`);
  });
});
