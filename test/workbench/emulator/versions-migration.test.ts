import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../../workbench/emulator/db';
import { startEmulator } from '../../../workbench/emulator/server';
import { raw, spAs, tempDatabase } from './helpers';

const SITE = '/sites/samenwerkingsruimte';

/** The schema version the current emulator writes. */
const CURRENT_SCHEMA = 3;

/**
 * Turns a database written by this emulator back into the schema before custom role definitions, content approval,
 * check-out, version history, attachments and the recycle bin (user_version 2).
 */
function downgradeToV2(db: BetterSqlite3.Database): void {
  db.exec(`
    DROP TRIGGER sp_items_drop_history;
    DROP INDEX sp_items_unpublished;
    DROP TABLE sp_role_definitions;
    DROP TABLE sp_versions;
    DROP TABLE sp_checkouts;
    DROP TABLE sp_attachments;
    DROP TABLE sp_recycle_bin;
    ALTER TABLE sp_items DROP COLUMN mod_status;
    ALTER TABLE sp_items DROP COLUMN mod_comment;
    ALTER TABLE sp_items DROP COLUMN checkout_user_id;
    ALTER TABLE sp_items DROP COLUMN attachments;
    DELETE FROM sp_fields WHERE internal_name IN ('_ModerationStatus', '_ModerationComments', 'CheckoutUser');
    PRAGMA user_version = 2;
  `);
}

/**
 * Turns a database written by this emulator back into the schema of the emulator before versions (user_version 1):
 * no major/minor columns, no published versions, no _UIVersion/_Level columns; the old counter is what it was.
 */
function downgradeToV1(file: string): void {
  const db = new BetterSqlite3(file);
  downgradeToV2(db);
  db.exec(`
    DROP TRIGGER sp_items_drop_published;
    DROP INDEX sp_items_drafts;
    DROP TABLE sp_published;
    ALTER TABLE sp_items DROP COLUMN major;
    ALTER TABLE sp_items DROP COLUMN minor;
    DELETE FROM sp_fields WHERE internal_name IN ('_UIVersion', '_Level');
    UPDATE sp_items SET version = 3 WHERE file_ref LIKE '%/oud.txt';
    PRAGMA user_version = 1;
  `);
  db.close();
}

/** A database written before versions existed upgrades in place: every old row is a published major version. */
describe('emulator: version migration', () => {
  const dbFile = tempDatabase('emu-versions-');

  it('upgrades an old-format database and keeps its rows readable and published', async () => {
    const first = await startEmulator({ port: 0, dbFile });
    const sp = spAs(first.siteUrl, 'beheerder');
    await sp.web.lists.add('Oud archief', '', 101);
    await sp.web.getFolderByServerRelativePath(`${SITE}/Oud archief`).files.addUsingPath('oud.txt', 'oude inhoud');
    await sp.web.lists.add('Oude lijst', '', 100);
    await sp.web.lists.getByTitle('Oude lijst').items.add({ Title: 'regel' });
    const g = await sp.web.siteGroups.add({ Title: 'Lezers' });
    await sp.web.siteGroups.getByName('Lezers').users.add('i:0#.f|membership|bram.jansen@cibg.example');
    await sp.web.roleAssignments.add(g.Id, 1073741826);
    await first.close();
    downgradeToV1(dbFile);

    const second = await startEmulator({ port: 0, dbFile });
    try {
      const health = await raw(second, null, 'GET', '/_emulator/health');
      expect(health.json().schemaVersion).toBe(CURRENT_SCHEMA);
      const admin = spAs(second.siteUrl, 'beheerder');
      // Minor versions turned on after the fact: the old file is a published major version for readers too.
      await admin.web.lists
        .getByTitle('Oud archief')
        .update({ EnableMinorVersions: true, DraftVersionVisibility: 1 });
      const reader = spAs(second.siteUrl, 'cibg-medewerker');
      const file = reader.web.getFileByServerRelativePath(`${SITE}/Oud archief/oud.txt`);
      expect(await file.select('UIVersionLabel', 'Level', 'MajorVersion', 'MinorVersion')()).toMatchObject({
        UIVersionLabel: '3.0',
        Level: 1,
        MajorVersion: 3,
        MinorVersion: 0,
      });
      expect(await file.getText()).toBe('oude inhoud');
      const item = await file.listItemAllFields.select('OData__UIVersionString', 'OData__UIVersion', 'OData__Level')();
      expect(item).toMatchObject({ OData__UIVersionString: '3.0', OData__UIVersion: 1536, OData__Level: 1 });
      const rows = await reader.web.lists.getByTitle('Oude lijst').items.select('Title', 'OData__UIVersionString')();
      expect(rows).toEqual([expect.objectContaining({ Title: 'regel', OData__UIVersionString: '1.0' })]);
      // The first edit after the upgrade is draft 3.1; the reader keeps the published 3.0 and its bytes.
      await admin.web.getFileByServerRelativePath(`${SITE}/Oud archief/oud.txt`).setContent('nieuwe inhoud');
      expect((await file.select('UIVersionLabel')()).UIVersionLabel).toBe('3.0');
      expect(await file.getText()).toBe('oude inhoud');
      expect(
        (await admin.web.getFileByServerRelativePath(`${SITE}/Oud archief/oud.txt`).select('UIVersionLabel')())
          .UIVersionLabel,
      ).toBe('3.1');
    } finally {
      await second.close();
    }
  });

  it('upgrades a database from before role definitions and version history (v2) in place', async () => {
    const file = dbFile.replace(/\.sqlite$/, '-v2.sqlite');
    const first = await startEmulator({ port: 0, dbFile: file });
    const sp = spAs(first.siteUrl, 'beheerder');
    await sp.web.lists.add('Register', '', 100);
    await sp.web.lists.getByTitle('Register').items.add({ Title: 'een' });
    await sp.web.lists.getByTitle('Register').items.getById(1).update({ Title: 'twee' });
    await sp.web.lists.add('Stukken', '', 101);
    await sp.web.getFolderByServerRelativePath(`${SITE}/Stukken`).files.addUsingPath('s.txt', 'inhoud');
    await first.close();
    const old = new BetterSqlite3(file);
    downgradeToV2(old);
    old.close();

    const second = await startEmulator({ port: 0, dbFile: file });
    try {
      expect((await raw(second, null, 'GET', '/_emulator/health')).json().schemaVersion).toBe(CURRENT_SCHEMA);
      const admin = spAs(second.siteUrl, 'beheerder');
      expect((await admin.web.roleDefinitions()).map((d: { Id: number }) => d.Id).sort()).toEqual([
        1073741825, 1073741826, 1073741827, 1073741828, 1073741829, 1073741830,
      ]);
      // The current state of every item is its only history entry; the next edit adds to it.
      const item = admin.web.lists.getByTitle('Register').items.getById(1);
      expect((await item.versions()).map((v: { VersionLabel: string; Title: string }) => [v.VersionLabel, v.Title])).toEqual([
        ['2.0', 'twee'],
      ]);
      await item.update({ Title: 'drie' });
      expect((await item.versions()).map((v: { VersionLabel: string }) => v.VersionLabel)).toEqual(['3.0', '2.0']);
      const f = admin.web.getFileByServerRelativePath(`${SITE}/Stukken/s.txt`);
      await f.setContent('nieuw');
      const fv = await f.versions();
      expect(fv.map((v: { VersionLabel: string }) => v.VersionLabel)).toEqual(['1.0']);
      expect(await f.versions.getById(512).getText()).toBe('inhoud');
      expect((await item.select('OData__ModerationStatus', 'Attachments')())).toMatchObject({ OData__ModerationStatus: 0, Attachments: false });
    } finally {
      await second.close();
    }
  });

  it('migrates a fresh database to the current schema', () => {
    const db = openDatabase();
    expect(db.pragma('user_version', { simple: true })).toBe(CURRENT_SCHEMA);
    const cols = (db.prepare(`PRAGMA table_info(sp_items)`).all() as { name: string }[]).map((c) => c.name);
    expect(cols).toEqual(expect.arrayContaining(['major', 'minor']));
    db.close();
  });
});
