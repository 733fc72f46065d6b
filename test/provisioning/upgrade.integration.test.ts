/**
 * Re-provisioning a site of the previous permission design (test/fixtures/provisioning/previous-design.sql: staff with
 * Contribute on review folders, the Toetslog and the Datalekregister, inherited registers) moves it to today's design
 * without losing a file, a record or a version, and the trust-boundary rules hold afterwards.
 */
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import Database from 'better-sqlite3';
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import { PnpBreachRegister } from '../../src/adapters/sharepoint';
import { readDelivery } from '../../src/datalek';
import { AUDIT, LISTS } from '../../src/provisioning/names';
import { provisionSite } from '../../src/provisioning/provisioner';
import { buildSiteSchema } from '../../src/provisioning/siteSchema';
import { startEmulator, type RunningEmulator } from '../../workbench/emulator/server';
import { spForUser } from '../../workbench/seed/clients';
import { seedTeam } from '../../workbench/seed/team';
import { loadConfigFixture } from '../helpers/config';

const config = loadConfigFixture();
const users = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'workbench', 'seed', 'users.json'), 'utf8')) as {
  users: Array<{ key: string; email: string; jobTitle: string; party: string | null }>;
}).users;

/** What a site holds: per list, every item with its file bytes (libraries) and its number of versions. */
async function snapshot(sp: SPFI): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const lists: Array<{ Title: string; BaseTemplate: number; Hidden: boolean }> = await sp.web.lists.select('Title', 'BaseTemplate', 'Hidden')();
  for (const l of lists.filter((x) => !x.Hidden)) {
    const list = sp.web.lists.getByTitle(l.Title);
    const items: Array<{ Id: number; FileRef?: string; FSObjType?: number; Modified: string }> = await list.items
      .select('Id', 'FileRef', 'FSObjType', 'Modified')
      .top(5000)();
    for (const item of items) {
      const versions: unknown[] = await list.items.getById(item.Id).versions();
      let bytes = '';
      if (l.BaseTemplate === 101 && Number(item.FSObjType) === 0 && item.FileRef) {
        bytes = Buffer.from(await sp.web.getFileByServerRelativePath(item.FileRef).getBuffer()).toString('base64');
      }
      out.set(`${l.Title}#${item.Id}`, JSON.stringify({ ref: item.FileRef ?? '', versions: versions.length, bytes }));
    }
  }
  return out;
}

describe('upgrading a site of the previous design', () => {
  let emu: RunningEmulator;
  let dir: string;
  let before: Map<string, string>;
  const sp = (key: string): SPFI => spForUser(emu.siteUrl, key);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'upgrade-'));
    const dbFile = join(dir, 'emulator.sqlite');
    const db = new Database(dbFile);
    db.exec(readFileSync(join(__dirname, '..', 'fixtures', 'provisioning', 'previous-design.sql'), 'utf8'));
    db.close();
    emu = await startEmulator({ port: 0, dbFile });
    // The Team existed all along; the emulator of that time did not model it.
    await seedTeam(emu.url, config, users);
    before = await snapshot(sp('beheerder'));
  }, 120_000);
  afterAll(async () => {
    await emu?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('was a site where staff could do what the agreement forbids (the fixture is the previous design)', async () => {
    const rows: Array<{ Id: number }> = await sp('igj-medewerker')
      .web.lists.getByTitle(LISTS.audit)
      .items.select('Id')
      .filter(`${AUDIT.toetsId} eq 'prev-review-1'`)();
    expect(rows).toHaveLength(1);
    expect(before.size).toBeGreaterThan(20);
  });

  it('provisions to the new design, loses no file, record or version, and a second run changes nothing', async () => {
    const admin = sp('beheerder');
    const report = await provisionSite(admin, buildSiteSchema(config), config);
    expect(report.steps.filter((s) => s.outcome === 'removed').length).toBeGreaterThan(0);
    const after = await snapshot(admin);
    for (const [key, value] of before) {
      const now = after.get(key);
      expect({ key, now: now && JSON.parse(now) }).toEqual({
        key,
        now: expect.objectContaining({ ref: JSON.parse(value).ref, bytes: JSON.parse(value).bytes }),
      });
      expect(JSON.parse(now as string).versions).toBeGreaterThanOrEqual(JSON.parse(value).versions);
    }
    const again = await provisionSite(admin, buildSiteSchema(config), config);
    expect(again.steps.filter((s) => s.outcome !== 'unchanged')).toEqual([]);
  });

  it('then refuses what the agreement forbids, on the old records and files too', async () => {
    const staff = sp('igj-medewerker');
    // The escalated upload waiting in Review-igj: its uploader can no longer read, change or move it (art. 9.2).
    const lib = (await staff.web.lists.getByTitle(config.space.exchangeLibraryTitle).rootFolder.select('ServerRelativeUrl')<{
      ServerRelativeUrl: string;
    }>()).ServerRelativeUrl;
    expect(await staff.web.getFileByServerRelativePath(`${lib}/Review-igj/Wacht op review.txt`).exists()).toBe(false);
    expect(await sp('igj-privacy').web.getFileByServerRelativePath(`${lib}/Review-igj/Wacht op review.txt`).exists()).toBe(true);
    // Their own Toetslog record: append-only now (AVG art. 5(2)).
    const [own] = await staff.web.lists
      .getByTitle(LISTS.audit)
      .items.select('Id')
      .filter(`${AUDIT.toetsId} eq 'prev-review-1'`)<Array<{ Id: number }>>();
    await expect(staff.web.lists.getByTitle(LISTS.audit).items.getById(own.Id).update({ Title: 'x' }, '*')).rejects.toMatchObject({
      status: 403,
    });
    // Their breach report: no change, no deletion (AVG art. 33(5)); its old 'sent' (written by the reporter into the
    // report itself) is shown as to be confirmed, with why: nothing SharePoint wrote proves it.
    const breaches = new PnpBreachRegister(staff, config.parties.map((p) => p.key));
    const [report] = (await breaches.list()).items;
    expect(readDelivery(report.form).mail).toMatchObject({ state: 'uncertain', message: expect.stringMatching(/vóór het Datalekverloop/) });
    await expect(staff.web.lists.getByTitle(LISTS.breaches).items.getById(report.id as number).delete()).rejects.toMatchObject({
      status: 403,
    });
    await expect(breaches.update(report.id as number, { status: 'afgesloten' }, report.etag as string)).rejects.toMatchObject({
      status: 403,
    });
    // The agreements register: only accounthouders (art. 5, 13).
    await expect(staff.web.lists.getByTitle(LISTS.agreements).items.add({ Title: 'x' })).rejects.toMatchObject({ status: 403 });
    // The configuration: only owners write it.
    const configPath = `${new URL(emu.siteUrl).pathname}/Configuratie/Samenwerkingsruimte/agreement.json`;
    await expect(
      sp('igj-accounthouder').web.getFileByServerRelativePath(configPath).setContent('{}'),
    ).rejects.toMatchObject({ status: 403 });
  });
});
